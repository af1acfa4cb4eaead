/**
 * From the project's tokens to the words the treebanks parse, and back.
 * wink-nlp already splits most words as Universal Dependencies does ("do" +
 * "n't", "Oresk" + "'s", "long" + "-" + "term", prefixed words like
 * "pro-Veskarian" kept whole); the few it leaves whole are split here:
 * a clitic it missed ("I'm" → "I" + "'m"), "cannot" and the colloquial "gonna" kinds.
 * After parsing, each token takes the parse of its top word.
 */
import type { Token } from '../tokens/index.js';

/** A word the parser reads: its text and the token it came from. */
export interface ParserWord {
  readonly form: string;
  /** Index of the token in the `tokens` layer. */
  readonly token: number;
}

/** A clitic left attached to its host ("I'm", "they'd", "can't"), as UD splits it. */
const CLITIC = /^(.*\p{L})((?:['’](?:s|m|d|ll|re|ve))|(?:n['’]t))$/iu;
/** What every clitic holds: words without it skip CLITIC, whose backtracking over the whole word costs more than this test. */
const APOSTROPHE = /['’]/;
/** Fused forms the treebanks split in two ("gonna" → "gon" + "na", "cannot" → "can" + "not"). */
const FUSED = /^(gon(?=na$)|wan(?=na$)|got(?=ta$)|can(?=not$))(.+)$/i;

/** The parser's words of the tokens `from` … `to - 1` (one sentence). */
export function parserWords(text: string, tokens: readonly Token[], from: number, to: number): ParserWord[] {
  const words: ParserWord[] = [];
  for (let t = from; t < to; t++) {
    const form = text.slice(tokens[t]!.start, tokens[t]!.end);
    const split = (APOSTROPHE.test(form) ? CLITIC.exec(form) : null) ?? FUSED.exec(form);
    if (split && split[1]!.length > 0) {
      words.push({ form: split[1]!, token: t }, { form: split[2]!, token: t });
    } else {
      words.push({ form, token: t });
    }
  }
  return words;
}

/** Relations of words that stand for their token only when nothing else in it can. */
const FUNCTION_TAGS = new Set(['PUNCT', 'AUX', 'PART']);

/**
 * The word of each token that carries the token's parse: of the token's words
 * that no other word of the token dominates, the first content word, else
 * the first. Choosing an undominated word keeps the token tree acyclic.
 *
 * @param heads the words' heads (word indices, -1: root)
 * @returns for each token from `from`, the index of its word
 */
export function tokenHeads(words: readonly ParserWord[], heads: Int32Array, upos: readonly string[], from: number, to: number): Int32Array {
  const chosen = new Int32Array(to - from).fill(-1);
  let w = 0;
  while (w < words.length) {
    const token = words[w]!.token;
    let end = w + 1;
    while (end < words.length && words[end]!.token === token) end++;
    if (end - w === 1) {
      chosen[token - from] = w;
    } else {
      let pick = -1;
      for (let k = w; k < end; k++) {
        if (dominatedWithin(heads, k, w, end)) continue;
        if (pick < 0 || (FUNCTION_TAGS.has(upos[pick]!) && !FUNCTION_TAGS.has(upos[k]!))) pick = k;
      }
      chosen[token - from] = pick < 0 ? w : pick;
    }
    w = end;
  }
  return chosen;
}

/** True when a word in [from, to) other than `k` is an ancestor of `k`. */
function dominatedWithin(heads: Int32Array, k: number, from: number, to: number): boolean {
  for (let h = heads[k]!, steps = 0; h >= 0 && steps < heads.length; h = heads[h]!, steps++) {
    if (h >= from && h < to) return true;
  }
  return false;
}
