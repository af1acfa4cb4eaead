/**
 * Features of one token for the entity tagger: the word, its shape, affixes,
 * capitalisation, neighbours, gazetteer matches. The previous tags are added
 * separately at decoding time (`tagFeatures`), since they depend on the decoder.
 */

/** The input of the tagger: one sentence's words and each word's gazetteer tags. */
export interface SentenceInput {
  readonly words: readonly string[];
  readonly gazetteer: readonly (readonly string[])[];
  /** Per word, how the same word is written elsewhere in the document (see `documentHints`). */
  readonly document?: readonly string[];
  /** Per word, its universal part of speech from the tokens layer (wink-nlp). */
  readonly pos?: readonly string[];
}

/**
 * For every word of every sentence of one document, how the same word is
 * written in the document's other sentences away from sentence starts:
 * `C` only capitalised, `L` only lower case, `CL` both, `-` nowhere. Names
 * keep their capital throughout an article, common words do not.
 */
export function documentHints(sentences: readonly (readonly string[])[]): string[][] {
  const seen = new Map<string, { cap: Set<number>; low: Set<number> }>();
  sentences.forEach((words, s) =>
    words.forEach((w, i) => {
      if (i === 0 || !/^\p{L}/u.test(w)) return;
      const key = w.toLowerCase();
      const entry = seen.get(key) ?? { cap: new Set<number>(), low: new Set<number>() };
      (/^\p{Lu}/u.test(w) ? entry.cap : entry.low).add(s);
      seen.set(key, entry);
    }),
  );
  const others = (set: Set<number> | undefined, s: number): boolean => !!set && (set.size > 1 || (set.size === 1 && !set.has(s)));
  return sentences.map((words, s) =>
    words.map((w) => {
      const entry = seen.get(w.toLowerCase());
      const hint = (others(entry?.cap, s) ? 'C' : '') + (others(entry?.low, s) ? 'L' : '');
      return hint || '-';
    }),
  );
}

/** Digits folded so "1998" and "2024" share weights. */
function normalise(word: string): string {
  return word.toLowerCase().replace(/\d/g, '0');
}

/** "Ali-Reza" → "Xx-Xx": character classes with runs collapsed. */
export function shortShape(word: string): string {
  let out = '';
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (out[out.length - 1] !== c) out += c;
  }
  return out;
}

/** Position features use this token past the sentence ends. */
const PAD = '<s>';
/** Longest affix used: longer ones mostly repeat the word itself. */
const MAX_AFFIX = 4;

/** The static features of every token of a sentence (independent of the tags decoded). */
export function sentenceFeatures(input: SentenceInput): string[][] {
  const { words } = input;
  const lower = words.map(normalise);
  const shapes = words.map(shortShape);
  const at = (arr: readonly string[], i: number): string => (i >= 0 && i < arr.length ? arr[i]! : PAD);
  const gaz = (i: number): readonly string[] => (i >= 0 && i < words.length ? (input.gazetteer[i]!.length ? input.gazetteer[i]! : ['O']) : [PAD]);
  return words.map((word, i) => {
    const w = lower[i]!;
    const f: string[] = ['b', 'w=' + w, 'sh=' + shapes[i], 'w-1=' + at(lower, i - 1), 'w+1=' + at(lower, i + 1)];
    f.push('w-2=' + at(lower, i - 2), 'w+2=' + at(lower, i + 2));
    f.push('w-1w=' + at(lower, i - 1) + '_' + w, 'ww+1=' + w + '_' + at(lower, i + 1));
    f.push('sh-1=' + at(shapes, i - 1), 'sh+1=' + at(shapes, i + 1), 'sh-1sh+1=' + at(shapes, i - 1) + at(shapes, i) + at(shapes, i + 1));
    for (let k = 1; k <= MAX_AFFIX && k <= w.length; k++) f.push(`p${k}=` + w.slice(0, k), `s${k}=` + w.slice(-k));
    const cap = /^\p{Lu}/u.test(word);
    const upper = cap && word === word.toUpperCase() && /\p{Lu}{2}/u.test(word);
    if (i === 0) f.push('first', 'first_cap=' + cap);
    f.push('cap=' + cap + '_' + (upper ? 'U' : ''));
    f.push('cap-1=' + /^\p{Lu}/u.test(at(words, i - 1)) + '_cap+1=' + /^\p{Lu}/u.test(at(words, i + 1)));
    if (word.length === 1) f.push('len1');
    if (input.pos) {
      const pos = input.pos;
      const p = (k: number): string => (k >= 0 && k < pos.length ? pos[k]! : PAD);
      f.push('pos=' + p(i), 'pos-1=' + p(i - 1), 'pos+1=' + p(i + 1), 'posc=' + p(i) + '_' + cap, 'pos-1pos=' + p(i - 1) + p(i) + p(i + 1));
    }
    if (input.document) f.push('doc=' + input.document[i] + '_' + cap, 'docw=' + input.document[i] + '_' + (i === 0));
    // one feature per matching list: a word can be both a first name and a city
    for (const g of gaz(i)) f.push('g=' + g, 'gw=' + g + '_' + cap);
    for (const g of gaz(i - 1)) f.push('g-1=' + g);
    for (const g of gaz(i + 1)) f.push('g+1=' + g);
    return f;
  });
}

/** Features of the tags already decoded to the left, combined with the current word. */
export function tagFeatures(prev1: string, prev2: string, word: string, shape: string): string[] {
  return ['t-1=' + prev1, 't-2t-1=' + prev2 + '_' + prev1, 't-1w=' + prev1 + '_' + normalise(word), 't-1sh=' + prev1 + '_' + shape];
}

/** The part of speech of each target token: that of the tagged token covering its first character. */
export function alignPos(tagged: readonly { start: number; end: number; pos?: string }[], targets: readonly { start: number }[]): string[] {
  let k = 0;
  return targets.map((t) => {
    while (k < tagged.length && tagged[k]!.end <= t.start) k++;
    const hit = tagged[k];
    return hit && hit.start <= t.start ? (hit.pos ?? 'X') : 'X';
  });
}
