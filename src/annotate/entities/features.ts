/**
 * Features of one token for the entity tagger. They come in two kinds:
 *
 * - word features (`wordFeatures`): functions of one word alone — its form,
 *   shape, affixes, capitals, word cluster — used at offsets −2…+2 around the
 *   token. They depend only on the word, so the decoder sums their weights
 *   once per distinct word and caches the sums (see `perceptron.ts`).
 * - context features (`contextFeatures`): word pairs, the shape trigram, parts
 *   of speech, gazetteer matches, document hints: computed per token.
 *
 * Transitions between tags are scored by the decoder, not here.
 */

/** The input of the tagger: one sentence's words and each word's gazetteer tags. */
export interface SentenceInput {
  readonly words: readonly string[];
  readonly gazetteer: readonly (readonly string[])[];
  /** Per word, how the same word is written elsewhere in the document (see `documentHints`). */
  readonly document?: readonly string[];
  /** Per word, its universal part of speech from the tokens layer (wink-nlp). */
  readonly pos?: readonly string[];
  /** Per word, what a first tagging pass made of the same word elsewhere in the document (see `documentLabels`). */
  readonly labels?: readonly string[];
  /** Per word, its sentence's casing and the word's place in a name elsewhere in the document (see `documentContext`). */
  readonly context?: readonly string[];
}

/**
 * Document consistency: for every word of every sentence, the entity type a
 * first tagging pass gave the same word (case-folded) in the document's other
 * sentences — the most frequent one, `O` when it was never part of a name
 * there, `-` when the word occurs nowhere else. A name tagged confidently in
 * one sentence helps the second pass find it where the context is poor.
 */
export function documentLabels(sentences: readonly (readonly string[])[], tags: readonly (readonly string[])[]): string[][] {
  const seen = new Map<string, Map<number, Map<string, number>>>();
  sentences.forEach((words, s) =>
    words.forEach((w, i) => {
      if (!/[\p{L}\p{N}]/u.test(w)) return;
      const key = w.toLowerCase();
      let bySentence = seen.get(key);
      if (!bySentence) seen.set(key, (bySentence = new Map()));
      let counts = bySentence.get(s);
      if (!counts) bySentence.set(s, (counts = new Map()));
      const tag = tags[s]![i]!;
      const type = tag === 'O' ? 'O' : tag.slice(2);
      counts.set(type, (counts.get(type) ?? 0) + 1);
    }),
  );
  return sentences.map((words, s) =>
    words.map((w) => {
      const bySentence = seen.get(w.toLowerCase());
      if (!bySentence) return '-';
      const total = new Map<string, number>();
      for (const [other, counts] of bySentence) if (other !== s) for (const [type, c] of counts) total.set(type, (total.get(type) ?? 0) + c);
      if (total.size === 0) return '-';
      let best = 'O';
      let top = 0;
      // a type beats O whenever it was seen: one confident tagging is the evidence wanted
      for (const [type, c] of [...total].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (type !== 'O' && c > top) [best, top] = [type, c];
      return best;
    }),
  );
}

/**
 * Word → hierarchical cluster path (e.g. "3a7"), learned from unlabeled text; see `wordclusters.ts`.
 * A value may carry a second path after a bar, "3a7|52c1": the class of the word's pretrained vector.
 */
export type ClusterLookup = { get(word: string): string | undefined };

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{N}/u;
const STARTS_UPPER = /^\p{Lu}/u;
const STARTS_LETTER = /^\p{L}/u;

/**
 * For every word of every sentence of one document, how the same word is
 * written in the document's other sentences away from sentence starts:
 * `C` only capitalised, `L` only lower case, `CL` both, `-` nowhere. Names
 * keep their capital throughout an article, common words do not. `lowered`,
 * when given, is the same words lower-cased.
 */
export function documentHints(
  sentences: readonly (readonly string[])[], lowered?: readonly (readonly string[])[], cases: readonly string[] = sentences.map(sentenceCase),
): string[][] {
  const lowerOf = (s: number, i: number): string => lowered?.[s]?.[i] ?? sentences[s]![i]!.toLowerCase();
  // per case-folded word and writing (capitalised, lower): the first sentence it was seen in and whether
  // another one followed; sentences are visited in order, so that is all "in some other sentence" needs
  const seen = new Map<string, SentencesSeen>();
  sentences.forEach((words, s) => {
    // a headline's capitals say nothing about how a word is written
    if (cases[s] !== 'N') return;
    for (let i = 1; i < words.length; i++) {
      const w = words[i]!;
      if (!STARTS_LETTER.test(w)) continue;
      const key = lowerOf(s, i);
      let entry = seen.get(key);
      if (!entry) seen.set(key, (entry = { capFirst: -1, capMore: false, lowFirst: -1, lowMore: false }));
      if (STARTS_UPPER.test(w)) {
        if (entry.capFirst === -1) entry.capFirst = s;
        else if (entry.capFirst !== s) entry.capMore = true;
      } else if (entry.lowFirst === -1) entry.lowFirst = s;
      else if (entry.lowFirst !== s) entry.lowMore = true;
    }
  });
  return sentences.map((words, s) =>
    words.map((_, i) => {
      const entry = seen.get(lowerOf(s, i));
      if (!entry) return '-';
      const cap = entry.capMore || (entry.capFirst !== -1 && entry.capFirst !== s);
      const low = entry.lowMore || (entry.lowFirst !== -1 && entry.lowFirst !== s);
      return cap ? (low ? 'CL' : 'C') : low ? 'L' : '-';
    }),
  );
}

/**
 * How a sentence is cased: `U` a headline in capitals ("RIVALS DRAW IN VELDA"), `T` a
 * headline in title case ("Rivals Draw In Velda After Late Goal"), `N` ordinary text,
 * where a capital means something.
 */
export function sentenceCase(words: readonly string[]): 'U' | 'T' | 'N' {
  let letters = 0;
  let upper = 0;
  let long = 0;
  let titled = 0;
  for (const w of words) {
    if (w.length < 2 || !STARTS_LETTER.test(w)) continue;
    letters++;
    if (w === w.toUpperCase() && w !== w.toLowerCase()) upper++;
    if (w.length >= 4) {
      long++;
      if (STARTS_UPPER.test(w)) titled++;
    }
  }
  if (letters >= 3 && upper >= 0.8 * letters) return 'U';
  if (long >= 3 && titled >= 0.8 * long) return 'T';
  return 'N';
}

/** A word that continues a capitalised run from the left: a capital or a digit ("Apollo 11"). */
const STARTS_UPPER_OR_DIGIT = /^[\p{Lu}\p{N}]/u;

/**
 * Per word of every sentence of one document: its sentence's casing (`sentenceCase`)
 * joined with where the same word (case-folded) stands in ordinary text elsewhere in
 * the document, away from sentence starts: `F`, `M`, `L` first, middle or last word
 * of a run of capitalised words ("Ana Oresk": Ana F, Oresk L), `S` a capitalised word
 * alone, `l` written in lower case, `-` nowhere. A surname met alone keeps the memory
 * of the full name given elsewhere; a headline word in capitals gets the writing of
 * the body.
 */
export function documentContext(
  sentences: readonly (readonly string[])[], lowered?: readonly (readonly string[])[], cases: readonly string[] = sentences.map(sentenceCase),
): string[][] {
  const place = new Map<string, WordPlaces>();
  sentences.forEach((words, s) => {
    if (cases[s] !== 'N') return;
    for (let i = 1; i < words.length; i++) {
      const w = words[i]!;
      if (!STARTS_LETTER.test(w)) continue;
      const key = lowered?.[s]?.[i] ?? w.toLowerCase();
      let entry = place.get(key);
      if (entry && (entry.firstSentence === s || entry.second !== '')) continue;
      let mark = 'l';
      if (STARTS_UPPER.test(w)) {
        const before = i > 1 && STARTS_UPPER_OR_DIGIT.test(words[i - 1]!);
        const after = i + 1 < words.length && STARTS_UPPER.test(words[i + 1]!);
        mark = before ? (after ? 'M' : 'L') : after ? 'F' : 'S';
      }
      // the first place seen in each of two sentences: enough to answer "elsewhere"
      if (!entry) place.set(key, (entry = { firstSentence: s, first: mark, second: '' }));
      else entry.second = mark;
    }
  });
  return sentences.map((words, s) =>
    words.map((w, i) => {
      const entry = place.get(lowered?.[s]?.[i] ?? w.toLowerCase());
      const mark = !entry ? '-' : entry.firstSentence !== s ? entry.first : entry.second || '-';
      return CONTEXT_SYMBOLS[cases[s]!]?.[mark] ?? cases[s] + mark;
    }),
  );
}

/** The document-context symbols, made once: tagging then builds no string per word. */
const CONTEXT_SYMBOLS: Readonly<Record<string, Readonly<Record<string, string>>>> = Object.fromEntries(
  ['U', 'T', 'N'].map((c) => [c, Object.fromEntries(['-', 'l', 'S', 'F', 'M', 'L'].map((m) => [m, c + m]))]),
);

/** Where a word stands in ordinary text: in the first sentence it was seen in, and in a second one. */
interface WordPlaces {
  readonly firstSentence: number;
  readonly first: string;
  second: string;
}

/** Where a word was seen: the first sentence (-1: never) and whether it was seen in a second one too. */
interface SentencesSeen {
  capFirst: number;
  capMore: boolean;
  lowFirst: number;
  lowMore: boolean;
}

/** Digits folded so "1998" and "2024" share weights. */
export function normalise(word: string): string {
  return word.toLowerCase().replace(/\d/g, '0');
}

/** "Ali-Reza" → "Xx-Xx": character classes with runs collapsed. */
export function shortShape(word: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    let c: string;
    // ASCII fast path; other characters go through the Unicode classes
    if (code >= 65 && code <= 90) c = 'X';
    else if (code >= 97 && code <= 122) c = 'x';
    else if (code >= 48 && code <= 57) c = 'd';
    else if (code < 128) c = word[i]!;
    else {
      const ch = String.fromCodePoint(word.codePointAt(i)!);
      if (ch.length === 2) i++;
      c = UPPER.test(ch) ? 'X' : LOWER.test(ch) ? 'x' : DIGIT.test(ch) ? 'd' : ch;
    }
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** Position features use this word past the sentence ends. */
export const PAD = '<s>';
/** Longest affix used: longer ones mostly repeat the word itself. */
export const MAX_AFFIX = 4;
/** Cluster path prefixes used as features: coarse, middle, fine (see `wordclusters.ts`). */
const CLUSTER_PREFIXES = [1, 2, 3] as const;
/** Prefixes of the pretrained-vector cluster paths (four levels: coarse to fine). */
const EMBEDDING_PREFIXES = [1, 2, 3, 4] as const;
/** Offsets of the neighbours whose word features a token sees. */
export const OFFSETS = [-2, -1, 0, 1, 2] as const;

/** Capitalisation of a word as one code: U all caps, C capitalised, L lower, O other, P padding. */
export function capCode(word: string): string {
  if (word === PAD) return 'P';
  if (!STARTS_UPPER.test(word)) return /^\p{Ll}/u.test(word) ? 'L' : 'O';
  return word.length > 1 && word === word.toUpperCase() && /\p{Lu}{2}/u.test(word) ? 'U' : 'C';
}

/**
 * The word features of `word` at each offset of `OFFSETS` (index 0 is offset −2).
 * The token itself gets its form, shape, affixes, capitals and clusters; its
 * neighbours get fewer, with the offset in the name. The decoder finds the rows
 * of all but the cluster features without naming them (see `word-rows.ts`).
 */
export function wordFeatures(word: string, clusters?: ClusterLookup): string[][] {
  if (word === PAD) return OFFSETS.map((o) => ['w' + o + '=' + PAD]);
  const w = normalise(word);
  const shape = shortShape(word);
  const cap = capCode(word);
  const own: string[] = ['w=' + w, 'sh=' + shape, 'k=' + cap];
  for (let k = 1; k <= MAX_AFFIX && k <= w.length; k++) own.push(`p${k}=` + w.slice(0, k), `s${k}=` + w.slice(-k));
  if (word.length === 1) own.push('len1');
  const near = (o: number): string[] => ['w' + o + '=' + w, 'sh' + o + '=' + shape, 'k' + o + '=' + cap];
  const far = (o: number): string[] => ['w' + o + '=' + w];
  const slots = [far(-2), near(-1), own, near(1), far(2)];
  if (clusters) clusterFeatures(clusters.get(w), cap).forEach((features, slot) => slots[slot]!.push(...features));
  return slots;
}

/**
 * The cluster features of a word at each offset of `OFFSETS`, which close each
 * offset's word features: those of its cluster path, then those of its
 * pretrained-vector class (see `clusterPaths`).
 */
export function clusterFeatures(classes: string | undefined, cap: string): string[][] {
  const [path, embedding] = clusterPaths(classes);
  const own = pathFeatures(path, cap);
  if (!embedding) return own;
  const vector = embeddingFeatures(embedding, cap);
  return own.map((features, slot) => [...features, ...vector[slot]!]);
}

/**
 * A word's cluster classes split in two: a class may join two paths, "own|embedding",
 * clusters learned here and clusters of pretrained vectors.
 */
export function clusterPaths(classes: string | undefined): [path: string | undefined, embedding: string | undefined] {
  const bar = classes ? classes.indexOf('|') : -1;
  return bar >= 0 ? [classes!.slice(0, bar), classes!.slice(bar + 1)] : [classes, undefined];
}

/**
 * The features of a word's cluster path (none: `undefined` or empty) and capital
 * (`capCode`) at each offset. Few pairs of values: the decoder names them once per pair.
 */
export function pathFeatures(path: string | undefined, cap: string): string[][] {
  const own: string[] = [];
  if (path) for (const n of CLUSTER_PREFIXES) own.push(`c${n}=` + path.slice(0, n), `c${n}k=` + path.slice(0, n) + cap);
  else own.push('c=?' + cap);
  // neighbours: a coarser path the farther they are
  const around = (o: number, length: number): string[] => ['c' + o + '=' + (path ? path.slice(0, length) : '?')];
  return [around(-2, 1), around(-1, 2), own, around(1, 2), around(2, 1)];
}

/** The features of a word's pretrained-vector class and capital at each offset (as `pathFeatures`). */
export function embeddingFeatures(embedding: string, cap: string): string[][] {
  const own: string[] = [];
  for (const n of EMBEDDING_PREFIXES) own.push(`e${n}=` + embedding.slice(0, n), `e${n}k=` + embedding.slice(0, n) + cap);
  const around = (o: number, length: number): string[] => ['e' + o + '=' + embedding.slice(0, length)];
  return [around(-2, 2), around(-1, 3), own, around(1, 3), around(2, 2)];
}

/** Features of the parts of speech around a token (few distinct values: the decoder caches them by `key`). */
export function posFeatures(prev: string, pos: string, next: string, cap: boolean): string[] {
  return ['pos=' + pos, 'pos-1=' + prev, 'pos+1=' + next, 'posc=' + pos + '_' + cap, 'pos3=' + prev + pos + next];
}

/**
 * Features of the gazetteer matches around a token, its document hint and
 * sentence position (few distinct values: the decoder caches them).
 */
export function gazetteerFeatures(
  prev: readonly string[], own: readonly string[], next: readonly string[], cap: boolean, hint: string | undefined, first: boolean,
  labels?: readonly [string, string, string],
): string[] {
  const f: string[] = ['b'];
  if (labels) f.push('dl=' + labels[1], 'dlk=' + labels[1] + '_' + cap, 'dl-1=' + labels[0], 'dl+1=' + labels[2], 'dl3=' + labels.join('_'));
  if (first) f.push('first_cap=' + cap);
  if (hint !== undefined) f.push('doc=' + hint + '_' + cap, 'docw=' + hint + '_' + first);
  // one feature per matching list: a word can be both a first name and a city
  for (const g of own) f.push('g=' + g, 'gw=' + g + '_' + cap);
  for (const g of prev) f.push('g-1=' + g);
  for (const g of next) f.push('g+1=' + g);
  return f;
}

/** Features of a token's document context (`documentContext`) and capital (few distinct values: the decoder caches them). */
export function documentContextFeatures(context: string, cap: boolean): string[] {
  return ['dx=' + context, 'dxk=' + context + '_' + cap, 'dxs=' + context[0] + '_' + cap];
}

/** A token's context features in groups; the groups of few distinct values carry a cache key. */
export interface TokenContext {
  /** Key of the part-of-speech group (empty without parts of speech). */
  readonly posKey: string;
  /** Parts of speech before, at and after the token, if known. */
  readonly pos: readonly [string, string, string] | undefined;
  /** Key of the gazetteer, document-hint and position group. */
  readonly gazetteerKey: string;
  /** Gazetteer tags before, at and after the token. */
  readonly gazetteer: readonly [readonly string[], readonly string[], readonly string[]];
  readonly hint: string | undefined;
  /** First-pass document labels before, at and after the token (second pass only). */
  readonly labels: readonly [string, string, string] | undefined;
  readonly cap: boolean;
  readonly first: boolean;
  /** The document context of the token (`documentContext`), if known. */
  readonly context: string | undefined;
  /** The shape trigram feature (few distinct values). */
  readonly shapeTrigram: string;
  /** The word-pair features (many distinct values: never cached). */
  readonly pairs: readonly [string, string];
}

/** Names of the word-pair features: `LEFT_PAIR + previous + PAIR_JOIN + word`, `RIGHT_PAIR + word + PAIR_JOIN + next`. */
export const LEFT_PAIR = 'w-1w=';
export const RIGHT_PAIR = 'ww+1=';
/** Tokens never contain a space, so it splits a pair name unambiguously. */
export const PAIR_JOIN = ' ';

const NO_MATCH: readonly string[] = ['O'];
const PADDED: readonly string[] = [PAD];

/** The context features of token `i` in groups. */
export function tokenContext(input: SentenceInput, i: number, lower: readonly string[], shapes: readonly string[]): TokenContext {
  const { words, gazetteer, pos, document, labels } = input;
  const n = words.length;
  const cap = STARTS_UPPER.test(words[i]!);
  const first = i === 0;
  const g0 = gazetteer[i]!.length ? gazetteer[i]! : NO_MATCH;
  const gp = i === 0 ? PADDED : gazetteer[i - 1]!.length ? gazetteer[i - 1]! : NO_MATCH;
  const gn = i + 1 >= n ? PADDED : gazetteer[i + 1]!.length ? gazetteer[i + 1]! : NO_MATCH;
  const hint = document?.[i];
  const around = labels ? ([i > 0 ? labels[i - 1]! : PAD, labels[i]!, i + 1 < n ? labels[i + 1]! : PAD] as const) : undefined;
  const pPrev = pos ? (i > 0 ? pos[i - 1]! : PAD) : '';
  const pOwn = pos ? pos[i]! : '';
  const pNext = pos ? (i + 1 < n ? pos[i + 1]! : PAD) : '';
  return {
    posKey: pos ? pPrev + '|' + pOwn + '|' + pNext + '|' + cap : '',
    pos: pos ? [pPrev, pOwn, pNext] : undefined,
    gazetteerKey: gazetteerKey(gp.join(','), g0.join(','), gn.join(','), cap, hint, first, around),
    gazetteer: [gp, g0, gn],
    hint,
    labels: around,
    cap,
    first,
    context: input.context?.[i],
    shapeTrigram: 'sh3=' + (i > 0 ? shapes[i - 1]! : PAD) + '_' + shapes[i]! + '_' + (i + 1 < n ? shapes[i + 1]! : PAD),
    pairs: [LEFT_PAIR + (i > 0 ? lower[i - 1]! : PAD) + PAIR_JOIN + lower[i]!, RIGHT_PAIR + lower[i]! + PAIR_JOIN + (i + 1 < n ? lower[i + 1]! : PAD)],
  };
}

/** The cache key of a gazetteer group: every input of `gazetteerFeatures`. */
export function gazetteerKey(prev: string, own: string, next: string, cap: boolean, hint: string | undefined, first: boolean, labels?: readonly string[]): string {
  return prev + '|' + own + '|' + next + '|' + cap + '|' + hint + '|' + first + (labels ? '|' + labels.join(',') : '');
}

/** Features of token `i` that depend on more than one word, or on the sentence and document. */
export function contextFeatures(input: SentenceInput, i: number, lower: readonly string[], shapes: readonly string[]): string[] {
  const c = tokenContext(input, i, lower, shapes);
  return [...c.pairs, c.shapeTrigram, ...groupGazetteerFeatures(c), ...groupPosFeatures(c), ...groupContextFeatures(c)];
}

/** The document-context group of a token context. */
export function groupContextFeatures(c: TokenContext): string[] {
  return c.context !== undefined ? documentContextFeatures(c.context, c.cap) : [];
}

/** The part-of-speech group of a token context. */
export function groupPosFeatures(c: TokenContext): string[] {
  return c.pos ? posFeatures(c.pos[0], c.pos[1], c.pos[2], c.cap) : [];
}

/** The gazetteer group of a token context. */
export function groupGazetteerFeatures(c: TokenContext): string[] {
  return gazetteerFeatures(c.gazetteer[0], c.gazetteer[1], c.gazetteer[2], c.cap, c.hint, c.first, c.labels);
}

/** The normalised forms and shapes of a sentence's words, as `contextFeatures` reads them. */
export function sentenceForms(words: readonly string[]): { lower: string[]; shapes: string[] } {
  return { lower: words.map(normalise), shapes: words.map(shortShape) };
}

/** All features of every token of a sentence, as strings (training reads these; decoding caches the word part). */
export function sentenceFeatures(input: SentenceInput, clusters?: ClusterLookup): string[][] {
  const { words } = input;
  const { lower, shapes } = sentenceForms(words);
  const byWord = new Map<string, string[][]>();
  const of = (k: number): string[][] => {
    const word = k >= 0 && k < words.length ? words[k]! : PAD;
    let f = byWord.get(word);
    if (!f) byWord.set(word, (f = wordFeatures(word, clusters)));
    return f;
  };
  return words.map((_, i) => {
    const out = contextFeatures(input, i, lower, shapes);
    OFFSETS.forEach((o, slot) => out.push(...of(i + o)[slot]!));
    return out;
  });
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
