import { describe, expect, it } from 'vitest';
import { findMarkedSpans } from './marks.js';
import { splitSentences, tokenize } from './segment.js';
import { shippedWeights, tagTokens, tagTokensPlain } from './tagger.js';
import { findQuotes } from './index.js';

// Fictional text written for these tests.
const TEXT = [
  'Harbour workers want a shorter week, a survey by the dockers’ union shows.',
  'Mayor Ines Kovac said the bridge would reopen in May. “Nobody will lose their home,” she told reporters.',
  'The council supports the plan, according to minutes seen by the Westbay Courier.',
].join('\n\n');

const weights = shippedWeights();

describe.skipIf(!weights)('attribution tagger (models/quote-tagger.json)', () => {
  const input = { text: TEXT, toks: tokenize(TEXT), sentences: splitSentences(TEXT), marks: findMarkedSpans(TEXT) };

  it('tags the same labels through the cached scorer as through the plain feature lists', () => {
    expect(tagTokens(weights!, input)).toEqual(tagTokensPlain(weights!, input));
  });

  it('labels the speech cue "said" as a cue and its subject as a source', () => {
    const tags = tagTokens(weights!, input);
    const at = (w: string): string => tags[input.toks.findIndex((t) => t.text === w)]!;
    expect(at('said')).toBe('B-CUE');
    expect(at('Kovac')).toMatch(/-SRC$/);
  });

  it('adds an attribution whose cue is not a speech verb ("calls for"), which the rules alone miss', () => {
    const t = 'The union calls for a shorter working week for all harbour staff.';
    const q = findQuotes(t).find((x) => t.slice(x.start, x.end).includes('shorter working week'));
    expect(q && q.cue && t.slice(q.cue.start, q.cue.end)).toBe('calls for');
    expect(q && q.speakerSpan && t.slice(q.speakerSpan.start, q.speakerSpan.end)).toBe('The union');
    expect(findQuotes(t, { tagger: false })).toEqual([]);
  });
});
