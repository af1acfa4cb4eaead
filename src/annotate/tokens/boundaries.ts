/**
 * Repairs to wink-nlp's sentence boundaries for news text. Sentences are
 * arrays of token indices into one block (a paragraph or a line); every
 * repair merges neighbours or moves one token, so no token is lost.
 */

/** A token as the repairs see it: its text and whether whitespace came before it. */
export interface BoundaryToken {
  readonly text: string;
}

/**
 * Abbreviations that never end a sentence in news copy: titles and honorifics
 * (always followed by a name), "No." before a number, month abbreviations before a day.
 */
const NEVER_FINAL_ABBREVIATIONS = new Set([
  'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'Gen.', 'Lt.', 'Col.', 'Maj.', 'Capt.', 'Cpt.', 'Sgt.', 'Cmdr.', 'Adm.',
  'Sen.', 'Rep.', 'Gov.', 'Pres.', 'Amb.', 'Rev.', 'Hon.', 'Supt.', 'Insp.', 'Gens.', 'Sens.', 'Reps.',
  'St.', 'Mt.', 'Ft.', 'No.', 'Nos.', 'Art.', 'Vol.', 'vs.', 'v.', 'approx.', 'Fig.',
  'Jan.', 'Feb.', 'Mar.', 'Apr.', 'Jun.', 'Jul.', 'Aug.', 'Sep.', 'Sept.', 'Oct.', 'Nov.', 'Dec.',
]);

/** Initialisms such as "U.S." or "p.m." that end a sentence only when a capitalised word follows. */
const INITIALISM = /^(?:[A-Za-z]\.){2,}$/;
const OPENING_QUOTES = new Set(['“', '‘', '«', '„']);
const CLOSING_QUOTES = new Set(['”', '’', '»']);
/** Only the double straight quote is counted: a single one is usually an apostrophe. */
const STRAIGHT_QUOTES = new Set(['"']);
/** Closing brackets that belong to the sentence before them. */
const CLOSING_BRACKETS = new Set([')', ']', '}']);
/** A dateline is short: place, date, agency; past this many word tokens it is a real sentence. */
const MAX_DATELINE_WORDS = 7;
const MONTHS = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?$/;

function isWord(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** True when the sentence is a dateline fragment such as "CORVEL, June 14." or "/AGENCY/.". */
function isDateline(tokens: readonly BoundaryToken[], sentence: readonly number[]): boolean {
  const words = sentence.map((i) => tokens[i]!.text).filter(isWord);
  if (words.length === 0 || words.length > MAX_DATELINE_WORDS) return false;
  const hasUpperPlace = words.some((w) => /^\p{Lu}[\p{Lu}\-]+$/u.test(w));
  const hasMonthDay = words.some((w) => MONTHS.test(w)) && words.some((w) => /^\d{1,2}(?:st|nd|rd|th)?$/.test(w));
  const slashedAgency = sentence.length >= 2 && tokens[sentence[0]!]!.text === '/';
  if (!(hasUpperPlace || hasMonthDay || slashedAgency)) return false;
  return words.every((w) => /^[\p{Lu}\p{N}]/u.test(w));
}

/**
 * Apply the news repairs to wink's sentences of one block.
 *
 * @param tokens the block's tokens, in order
 * @param sentences wink's sentences as runs of consecutive token indices
 */
export function repairSentences(tokens: readonly BoundaryToken[], sentences: number[][]): number[][] {
  let out = sentences.filter((s) => s.length > 0).flatMap((s) => splitBeforeTitles(tokens, s));
  out = attachClosingQuotes(tokens, out);
  out = mergeWhile(out, (prev, next, index) => {
    const last = tokens[prev[prev.length - 1]!]!.text;
    const first = tokens[next[0]!]!.text;
    if (NEVER_FINAL_ABBREVIATIONS.has(last)) return true;
    if (INITIALISM.test(last) && !/^[\p{Lu}"“‘'(]/u.test(first)) return true;
    if (index === 0 && isDateline(tokens, prev)) return true;
    // "(R-S.C.)" read as "S" "." "C.": an initialism the tokenizer broke, not a sentence end.
    if (last === '.' && prev.length >= 2 && /^\p{Lu}$/u.test(tokens[prev[prev.length - 2]!]!.text) && /^\p{Lu}\.$/u.test(first)) return true;
    if (endsInAbbreviation(tokens, prev) && /^\p{Ll}+$/u.test(first)) return true;
    // "titled “Who Should Be Prosecuted?” the need to …", "asked “why?” and left": a question or exclamation
    // (in marks or not) that a lowercase word goes on from is inside the sentence, not its end.
    if (endsInQuestionOrExclamation(tokens, prev) && /^\p{Ll}/u.test(first)) return true;
    return false;
  });
  return out;
}

/** The sentence ends with "?" or "!", maybe followed by closing marks or brackets. */
function endsInQuestionOrExclamation(tokens: readonly BoundaryToken[], sentence: readonly number[]): boolean {
  let k = sentence.length - 1;
  while (k > 0 && (CLOSING_QUOTES.has(tokens[sentence[k]!]!.text) || STRAIGHT_QUOTES.has(tokens[sentence[k]!]!.text) || CLOSING_BRACKETS.has(tokens[sentence[k]!]!.text))) k--;
  return /^[?!]+$/.test(tokens[sentence[k]!]!.text);
}

/**
 * "Sen. Ana Oresk (R-Ga.)", "Kell Ports Inc." before a lowercase word ("… said Friday"): a short capitalised
 * abbreviation and its full stop, maybe in brackets, that the next word shows did not end the sentence.
 */
function endsInAbbreviation(tokens: readonly BoundaryToken[], sentence: readonly number[]): boolean {
  let k = sentence.length - 1;
  while (k > 0 && CLOSING_BRACKETS.has(tokens[sentence[k]!]!.text)) k--;
  const dot = tokens[sentence[k]!]!.text;
  if (dot !== '.') return /^\p{Lu}\p{Ll}{0,3}\.$/u.test(dot);
  return k > 0 && /^\p{Lu}\p{Ll}{0,3}$/u.test(tokens[sentence[k - 1]!]!.text);
}

/**
 * "… did the deal in. Sen. Ana Oresk said": a lowercase word whose full stop the tokenizer kept ("in." read
 * as inches) before a title that opens a name ends the sentence; wink does not split there.
 */
function splitBeforeTitles(tokens: readonly BoundaryToken[], sentence: readonly number[]): number[][] {
  const out: number[][] = [];
  let from = 0;
  for (let i = 0; i + 1 < sentence.length; i++) {
    const next = tokens[sentence[i + 1]!]!.text;
    if (/^\p{Ll}+\.$/u.test(tokens[sentence[i]!]!.text) && /^\p{Lu}/u.test(next) && NEVER_FINAL_ABBREVIATIONS.has(next)) {
      out.push(sentence.slice(from, i + 1));
      from = i + 1;
    }
  }
  out.push(sentence.slice(from));
  return out;
}

/** Move a quote or bracket that closes the previous sentence back onto it. */
function attachClosingQuotes(tokens: readonly BoundaryToken[], sentences: number[][]): number[][] {
  let open = 0;
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s]!;
    if (s > 0) {
      while (sentence.length > 0) {
        const text = tokens[sentence[0]!]!.text;
        const closes =
          CLOSING_QUOTES.has(text) || CLOSING_BRACKETS.has(text) || (STRAIGHT_QUOTES.has(text) && open % 2 === 1);
        if (!closes) break;
        if (STRAIGHT_QUOTES.has(text)) open++;
        sentences[s - 1]!.push(sentence.shift()!);
      }
    }
    for (const i of sentence) {
      const text = tokens[i]!.text;
      if (STRAIGHT_QUOTES.has(text)) open++;
      if (OPENING_QUOTES.has(text)) open = 1;
      if (CLOSING_QUOTES.has(text) && text !== '’') open = 0;
    }
  }
  return sentences.filter((s) => s.length > 0);
}

/** Merge each sentence into the one before it while the predicate holds. */
function mergeWhile(
  sentences: number[][],
  shouldMerge: (prev: number[], next: number[], prevIndex: number) => boolean,
): number[][] {
  const out: number[][] = [];
  for (const sentence of sentences) {
    const prev = out[out.length - 1];
    // A loop, not push(...sentence): spreading a very long sentence overflows the call stack.
    if (prev && shouldMerge(prev, sentence, out.length - 1)) for (const i of sentence) prev.push(i);
    else out.push(sentence);
  }
  return out;
}

/**
 * Longest sentence handed to the later stages, in tokens. News sentences run
 * to ~60 tokens, rarely past 120; a run of text with no sentence end (a table
 * flattened to one line, a list without full stops) would otherwise be one
 * "sentence" of thousands of tokens, and work per sentence grows with its length.
 */
export const MAX_SENTENCE_TOKENS = 200;

/** Tokens after which a too-long sentence is best broken: clause punctuation. */
const CLAUSE_BREAKS = new Set([';', ':', ',', '—', '–', '|', '·', '•']);

/**
 * Break every sentence longer than `max` tokens into pieces of at most `max`,
 * after the last clause punctuation in the final third of each piece when
 * there is one. Linear in the number of tokens.
 */
export function capSentenceLength(tokens: readonly BoundaryToken[], sentences: readonly number[][], max = MAX_SENTENCE_TOKENS): number[][] {
  const out: number[][] = [];
  for (const sentence of sentences) {
    let start = 0;
    while (sentence.length - start > max) {
      let end = start + max;
      for (let i = start + max - 1; i >= start + Math.ceil((max * 2) / 3); i--) {
        if (CLAUSE_BREAKS.has(tokens[sentence[i]!]!.text)) {
          end = i + 1;
          break;
        }
      }
      out.push(sentence.slice(start, end));
      start = end;
    }
    out.push(start === 0 ? sentence : sentence.slice(start));
  }
  return out;
}
