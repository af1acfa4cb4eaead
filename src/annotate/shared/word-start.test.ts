import { describe, expect, it } from 'vitest';
import { WORD_START, matchAllAtWordStart } from './word-start.js';

/** The matches of `source` with the lookbehind written into the pattern: what the helper must reproduce. */
function withLookbehind(source: string, text: string, flags = 'giu'): [number, string][] {
  return [...text.matchAll(new RegExp(WORD_START + source, flags))].map((m) => [m.index, m[0]]);
}

function viaHelper(source: string, text: string, flags = 'giu'): [number, string][] {
  return matchAllAtWordStart(new RegExp(source, flags), text).map((m) => [m.index, m[0]]);
}

describe('matching at word starts', () => {
  const cases: [string, string][] = [
    // a word inside a longer word is skipped, the next whole word is found
    [String.raw`(?:days?|weeks?)(?![\p{L}\p{N}])`, 'Holidays came; two days later, 3weeks and weeks.'],
    // a skipped start inside a word must not hide a later overlapping match
    [String.raw`(?:ab|b)c`, 'xabc abc bc'],
    // digits count as word characters on the left
    [String.raw`\d{4}`, 'In 12019 and 2019, then x2020 and (2021).'],
    // a letter outside the basic plane (a surrogate pair) before the match
    [String.raw`(?:year)`, '\u{1D400}year year \u{1F600}year'],
    // case-insensitive, non-ASCII letters around
    [String.raw`(?:said|stated)(?![\p{L}\p{N}])`, 'She SAID; éstated; Stated, unsaid.'],
  ];
  it.each(cases)('finds exactly the matches of the lookbehind pattern: %s', (source, text) => {
    expect(viaHelper(source, text)).toEqual(withLookbehind(source, text));
    expect(viaHelper(source, text).length).toBeGreaterThan(0);
  });

  it('starts from the beginning of the text each time', () => {
    const re = /said/giu;
    expect(matchAllAtWordStart(re, 'said said')).toHaveLength(2);
    expect(matchAllAtWordStart(re, 'said said')).toHaveLength(2);
  });
});
