import { describe, expect, it } from 'vitest';
import { tokenize, tokens } from './index.js';
import { createPipeline, contentId, type Doc } from '../../core/index.js';

function sentencesOf(text: string): string[] {
  return tokenize(text).sentences.map((s) => text.slice(s.start, s.end));
}

describe('tokens: sentence boundaries for news', () => {
  it('keeps a dateline with its agency and the first sentence', () => {
    expect(sentencesOf('VELDA, June 14. /NORTA/. The Orvan envoy arrived on Tuesday. Talks began.')).toEqual([
      'VELDA, June 14. /NORTA/. The Orvan envoy arrived on Tuesday.',
      'Talks began.',
    ]);
    expect(sentencesOf('Marrow City, KNA – The minister landed late. He spoke.')).toEqual([
      'Marrow City, KNA – The minister landed late.',
      'He spoke.',
    ]);
    expect(sentencesOf('CARVILLE (PNS) — Officials met on Monday. Nothing was agreed.')).toEqual([
      'CARVILLE (PNS) — Officials met on Monday.',
      'Nothing was agreed.',
    ]);
  });

  it('does not end a sentence at a title, "No." or a month abbreviation', () => {
    expect(
      sentencesOf('Dr. Lina Ortez met Gen. Paulo Brask and Sen. Ida Moro at No. 10 on Jan. 5 with U.S. officials. They left.'),
    ).toEqual(['Dr. Lina Ortez met Gen. Paulo Brask and Sen. Ida Moro at No. 10 on Jan. 5 with U.S. officials.', 'They left.']);
  });

  it('keeps a state initialism in a bracketed affiliation whole and inside its sentence', () => {
    const text = 'Rep. Ida Moro (R-S.C.) said the vote failed. Sen. Paulo Brask (D-N.Y.) agreed.';
    expect(sentencesOf(text)).toEqual(['Rep. Ida Moro (R-S.C.) said the vote failed.', 'Sen. Paulo Brask (D-N.Y.) agreed.']);
    const { tokens: toks } = tokenize(text);
    expect(toks.map((t) => text.slice(t.start, t.end))).toContain('S.C.');
    expect(toks.map((t) => text.slice(t.start, t.end))).toContain('N.Y.');
  });

  it('keeps an abbreviated affiliation or company name inside its sentence when a lowercase word follows', () => {
    expect(sentencesOf('Sen. Paulo Brask (D-Wis.) said the vote failed. Rep. Ida Moro (R-Ga.) agreed on Friday.')).toEqual([
      'Sen. Paulo Brask (D-Wis.) said the vote failed.',
      'Rep. Ida Moro (R-Ga.) agreed on Friday.',
    ]);
    expect(sentencesOf('The deal with Kell Ports Inc. was signed in May. It held.')).toEqual(['The deal with Kell Ports Inc. was signed in May.', 'It held.']);
  });

  it('goes on past a question or exclamation that a lowercase word continues, and still ends one before a capital', () => {
    expect(sentencesOf('Ana Oresk stressed in her column titled “Who Pays?” the need to reopen the port. Talks resume Monday.')).toEqual([
      'Ana Oresk stressed in her column titled “Who Pays?” the need to reopen the port.',
      'Talks resume Monday.',
    ]);
    expect(sentencesOf('The envoy asked "why now?" and left the room. Nobody answered!')).toEqual(['The envoy asked "why now?" and left the room.', 'Nobody answered!']);
    expect(sentencesOf('Who pays? The port board does.')).toEqual(['Who pays?', 'The port board does.']);
  });

  it('ends a sentence at a lowercase word with its full stop before a title that opens a name', () => {
    expect(sentencesOf('The harbour board never gave in. Sen. Paulo Brask said so.')).toEqual(['The harbour board never gave in.', 'Sen. Paulo Brask said so.']);
  });

  it('still ends a sentence after an initialism when a new sentence begins', () => {
    expect(sentencesOf('The envoy flew to the U.S. Then she returned home.')).toEqual([
      'The envoy flew to the U.S.',
      'Then she returned home.',
    ]);
  });

  it('attaches a closing quote to the sentence it ends', () => {
    expect(sentencesOf('He said: “We are under pressure. The cycle continues.” Then he left.')).toEqual([
      'He said: “We are under pressure.',
      'The cycle continues.”',
      'Then he left.',
    ]);
    expect(sentencesOf('"We are ready. We will wait." She nodded.')).toEqual(['"We are ready.', 'We will wait."', 'She nodded.']);
  });

  it('always ends a sentence at a paragraph and at a heading line', () => {
    expect(sentencesOf('The talks went on without a\n\nresult\nNew Heading\nThe body starts here.')).toEqual([
      'The talks went on without a',
      'result',
      'New Heading',
      'The body starts here.',
    ]);
  });

  it('keeps a hard-wrapped line inside one sentence', () => {
    expect(sentencesOf('The minister said the talks\nwould resume next week. Others disagreed.')).toEqual([
      'The minister said the talks\nwould resume next week.',
      'Others disagreed.',
    ]);
  });
});

describe('tokens: offsets', () => {
  const text = 'VELDA, June 14. /NORTA/. “We can’t wait,” said Dr. Ortez — at 5:30pm.\n\nSecond   paragraph 😀 here.';
  const result = tokenize(text);

  it('gives tokens whose offsets slice the text exactly, in order, inside their sentence', () => {
    const words = result.tokens.map((t) => text.slice(t.start, t.end));
    expect(words).toContain('Ortez');
    expect(words).toContain('ca');
    expect(words).toContain('n’t');
    expect(words).toContain('😀');
    for (let i = 0; i < result.tokens.length; i++) {
      const t = result.tokens[i]!;
      expect(t.end).toBeGreaterThan(t.start);
      expect(text.slice(t.start, t.end).trim()).toBe(text.slice(t.start, t.end));
      if (i > 0) expect(t.start).toBeGreaterThanOrEqual(result.tokens[i - 1]!.end);
      const s = result.sentences[t.sentence]!;
      expect(t.start >= s.start && t.end <= s.end).toBe(true);
    }
    expect(result.sentences).toHaveLength(2);
  });

  it('runs as a pipeline stage and gives parts of speech', () => {
    const doc: Doc = { id: contentId(text), text, meta: {}, source: {}, layers: {}, messages: [] };
    const out = createPipeline([tokens()]).run(doc);
    expect(out.layers.tokens?.length).toBe(result.tokens.length);
    const ortez = out.layers.tokens!.find((t) => text.slice(t.start, t.end) === 'Ortez');
    expect(ortez?.pos).toBe('PROPN');
  });
});

describe('tokens: the same words, whatever was read before', () => {
  const words = (text: string): string[] => tokenize(text).tokens.map((t) => text.slice(t.start, t.end));

  it('splits a possessive before a full stop, and the same word later in another text', () => {
    expect(words('The plan was Vell Orlan’s.')).toEqual(['The', 'plan', 'was', 'Vell', 'Orlan', '’s', '.']);
    // Read after the text above, where the word closed the sentence, it is split the same way.
    expect(words('Orlan’s aides said nothing.')).toEqual(['Orlan', '’s', 'aides', 'said', 'nothing', '.']);
    expect(words("It's late, and Dara's train left.")).toEqual(['It', "'s", 'late', ',', 'and', 'Dara', "'s", 'train', 'left', '.']);
  });

  it('tags the clitic as the possessive, or as "is" after a pronoun', () => {
    const text = "That's the car, and it is Mara Velden’s.";
    const t = tokenize(text).tokens;
    expect(t.map((k) => [text.slice(k.start, k.end), k.pos])).toEqual(expect.arrayContaining([["'s", 'AUX'], ['Velden', 'PROPN'], ['’s', 'PART']]));
  });
});
