import { describe, expect, it } from 'vitest';
import { contentId, createPipeline, type Doc } from '../../core/index.js';
import { tokens, type Token } from '../tokens/index.js';
import { appositionsOf, caseOf, objectOf, subjectOf, subtreeSpan, syntax, type Dependency } from './index.js';

/** Run tokens and syntax on a fictional text; find tokens by their text. */
function parse(text: string): { tokens: Token[]; syntax: Dependency[]; at: (word: string, nth?: number) => number; span: (i: number | undefined) => string | undefined } {
  const doc: Doc = { id: contentId(text), text, meta: {}, source: {}, layers: {}, messages: [] };
  const out = createPipeline([tokens(), syntax()]).run(doc);
  const toks = out.layers.tokens!;
  const words = toks.map((t) => text.slice(t.start, t.end));
  return {
    tokens: toks,
    syntax: out.layers.syntax!,
    at: (word, nth = 0) => {
      const hits = words.flatMap((w, i) => (w === word ? [i] : []));
      if (hits[nth] === undefined) throw new Error(`no token "${word}" in: ${text}`);
      return hits[nth]!;
    },
    span: (i) => {
      if (i === undefined) return undefined;
      const s = subtreeSpan(toks, out.layers.syntax!, i);
      return text.slice(s.start, s.end);
    },
  };
}

describe('syntax stage: who said what, on fictional news sentences', () => {
  it('finds the speaker and the addressee of a reporting verb', () => {
    const p = parse('The top Veskarian diplomat told reporters on Tuesday that the talks would resume.');
    expect(p.span(subjectOf(p.syntax, p.at('told')))).toBe('The top Veskarian diplomat');
    expect(objectOf(p.syntax, p.at('told'))).toBe(p.at('reporters'));
    expect(p.syntax[p.at('resume')]!.rel).toBe('ccomp');
    expect(p.span(subjectOf(p.syntax, p.at('resume')))).toBe('the talks');
  });

  it('keeps a name and its apposition one speaker', () => {
    const p = parse('Ana Oresk, the foreign minister, said the talks had failed.');
    const speaker = subjectOf(p.syntax, p.at('said'));
    expect(p.span(speaker)).toBe('Ana Oresk, the foreign minister');
    expect(appositionsOf(p.syntax, speaker!)).toContain(p.at('minister'));
  });

  it('reads an inverted attribution after a quote, with the apposition', () => {
    const p = parse('“We will not negotiate under pressure,” said Lina Varga, a spokeswoman for the ministry.');
    const speaker = subjectOf(p.syntax, p.at('said'));
    expect(speaker === p.at('Lina') || speaker === p.at('Varga')).toBe(true);
    expect(appositionsOf(p.syntax, speaker!)).toContain(p.at('spokeswoman'));
  });

  it('finds the source of "according to"', () => {
    const p = parse('The talks will resume next week, according to the ministry.');
    const ministry = p.at('ministry');
    expect(caseOf(p.syntax, ministry)).toBe(p.at('according'));
    expect(p.syntax[ministry]!.head).toBe(p.at('resume'));
  });

  it('reads "was quoted as saying" back to the passive subject', () => {
    const p = parse('Oresk was quoted as saying that the deal was dead.');
    expect(p.syntax[p.at('Oresk')]!.rel).toBe('nsubj:pass');
    expect(subjectOf(p.syntax, p.at('saying'))).toBe(p.at('Oresk'));
  });

  it('parses the project tokens wink-nlp leaves whole, and a pronoun speaker told an outlet', () => {
    const p = parse('“I’m sure the envoy can’t stay,” he told the Daily Ledger.');
    expect(subjectOf(p.syntax, p.at('told'))).toBe(p.at('he'));
    expect(p.span(objectOf(p.syntax, p.at('told')))).toBe('the Daily Ledger');
    expect(p.syntax[p.at('I’m')]!.upos).toBe('PRON');
    expect(p.syntax[p.at('I’m')]!.rel).toBe('nsubj');
  });
});

describe('syntax stage: the shape of the layer', () => {
  const text = 'Talks resumed in Corvel on Monday. Ana Oresk, the foreign minister, said little.\n\nNo deal yet\nOfficials left.';
  const p = parse(text);

  it('gives one dependency per token, one root per sentence, and heads inside the sentence', () => {
    expect(p.syntax).toHaveLength(p.tokens.length);
    const sentences = new Set(p.tokens.map((t) => t.sentence));
    for (const s of sentences) {
      const members = p.tokens.flatMap((t, i) => (t.sentence === s ? [i] : []));
      expect(members.filter((i) => p.syntax[i]!.head === -1)).toHaveLength(1);
      for (const i of members) {
        const { head, rel } = p.syntax[i]!;
        if (head >= 0) expect(p.tokens[head]!.sentence).toBe(s);
        expect(rel === 'root').toBe(head === -1);
      }
    }
  });

  it('parses a very long run-on sentence, every token attached', () => {
    const long = Array.from({ length: 3000 }, (_, k) => `envoy${k % 7} met officials`).join(' and ');
    const q = parse(long);
    expect(q.syntax).toHaveLength(q.tokens.length);
    expect(q.syntax.every((d) => d.head >= -1 && d.head < q.tokens.length)).toBe(true);
  });
});
