/** One line of a text dump, as the classifier and the metadata readers see it. */
export interface PageLine {
  /** 1-based line number in the dump. */
  readonly n: number;
  /** The line as printed. */
  readonly raw: string;
  /** Without leading/trailing space and without a leading bullet marker. */
  readonly text: string;
  /** The line began with a bullet marker ("•", "-", "*", "·"). */
  readonly bullet: boolean;
  /** Leading indentation, in characters. */
  readonly indent: number;
  /** Words (letters/digits runs) in `text`. */
  readonly words: number;
}

/** A bullet marker at the start of a line: menus and lists in flattened pages. */
const BULLET = /^(?:[•·▪◦●*]\s*)+|^-\s+/u;

/**
 * Split a dump into its non-empty lines, keeping 1-based line numbers of the original.
 * @example splitLines('a\n\n  • b').map((l) => l.n) // [1, 3]
 */
export function splitLines(dump: string): PageLine[] {
  const out: PageLine[] = [];
  const rows = dump.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < rows.length; i++) {
    const raw = rows[i] ?? '';
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const bulletMatch = BULLET.exec(trimmed);
    const text = bulletMatch ? trimmed.slice(bulletMatch[0].length).trim() : trimmed;
    out.push({
      n: i + 1,
      raw,
      text,
      bullet: bulletMatch !== null,
      indent: raw.length - raw.trimStart().length,
      words: countWords(text),
    });
  }
  return out;
}

/** Runs of letters or digits, the unit of every length measure here. */
export function countWords(text: string): number {
  let n = 0;
  for (const run of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const ideographs = (run.match(IDEOGRAPHIC) ?? []).length;
    n += ideographs ? Math.ceil(ideographs / CHARS_PER_WORD_CJK) + (run.length > ideographs ? 1 : 0) : 1;
  }
  return n;
}

/** Scripts written without spaces: their length is counted in characters, not runs. */
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/gu;
/** Roughly how many such characters carry one English word's worth of text. */
const CHARS_PER_WORD_CJK = 2;

/** Lower-case, unify quotes and dashes, collapse space: for comparing lines with each other or with gold text. */
export function normaliseForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”«»„]/g, '"')
    .replace(/[–—‐‑]/g, '-')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
