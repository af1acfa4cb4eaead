import { describe, expect, it } from 'vitest';
import { parserWords, tokenHeads } from './words.js';
import type { Token } from '../tokens/index.js';

function tokensOf(text: string): Token[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, sentence: 0 }));
}

describe('parser words from the project tokens', () => {
  it('splits the clitics and fused forms wink-nlp leaves whole, as the treebanks do', () => {
    const text = 'I’m sure we cannot wait , she’d say , gonna win';
    const words = parserWords(text, tokensOf(text), 0, tokensOf(text).length);
    expect(words.map((w) => w.form)).toEqual(['I', '’m', 'sure', 'we', 'can', 'not', 'wait', ',', 'she', '’d', 'say', ',', 'gon', 'na', 'win']);
    expect(words.slice(0, 3).map((w) => w.token)).toEqual([0, 0, 1]);
  });

  it('leaves possessive-free names, prefixed words and lone clitics alone', () => {
    const text = "O'Neill pro-Veskarian 's n't";
    expect(parserWords(text, tokensOf(text), 0, 4).map((w) => w.form)).toEqual(["O'Neill", 'pro-Veskarian', "'s", "n't"]);
  });

  it('gives a split token the parse of its undominated content word', () => {
    // "I'm sure": I → sure (nsubj), 'm → sure (cop), sure root
    const text = "I'm sure";
    const words = parserWords(text, tokensOf(text), 0, 2);
    const chosen = tokenHeads(words, Int32Array.from([2, 2, -1]), ['PRON', 'AUX', 'ADJ'], 0, 2);
    expect(Array.from(chosen)).toEqual([0, 2]);
    // a part the other part heads is never chosen: "can" heads "not" here
    const other = tokenHeads(parserWords('cannot', tokensOf('cannot'), 0, 1), Int32Array.from([-1, 0]), ['PART', 'AUX'], 0, 1);
    expect(Array.from(other)).toEqual([0]);
  });
});
