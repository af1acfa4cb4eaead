import { splitParagraphs } from './segment.js';

/** Text between a pair of quote marks (top level only; nested marks belong to the content). */
export interface MarkedSpan {
  /** Index of the opening mark. */
  readonly open: number;
  /** Index just after the closing mark (or the paragraph end when the closing mark is missing). */
  readonly close: number;
  /** Content without the marks. */
  readonly start: number;
  readonly end: number;
  /** True when the closing mark was missing and the span was closed at the paragraph end. */
  readonly unclosed: boolean;
}

/** `twin`: two straight apostrophes standing for a double mark (''…''), as some newspapers' archives print it. */
type Style = 'double' | 'single' | 'guillemet' | 'twin';

/** Characters a mark of the style takes. */
const width = (style: Style): number => (style === 'twin' ? 2 : 1);

const LETTER = /[\p{L}\p{N}]/u;
/** Characters after which a straight or single mark opens rather than closes. */
const OPEN_CONTEXT = /[\s([{\u2014\u2013\-/:;"“]/;

function isOpening(text: string, i: number): Style | null {
  const c = text[i]!;
  const prev = i > 0 ? text[i - 1]! : ' ';
  const next = text[i + 1] ?? ' ';
  if (c === '“' || c === '„') return 'double';
  if (c === '«') return 'guillemet';
  if (c === '"') return OPEN_CONTEXT.test(prev) && !/\s/.test(next) ? 'double' : null;
  if (c === "'" && next === "'") return OPEN_CONTEXT.test(prev) && /\S/.test(text[i + 2] ?? ' ') && text[i + 2] !== "'" ? 'twin' : null;
  if (c === '‘' || c === "'") return OPEN_CONTEXT.test(prev) && LETTER.test(next) ? 'single' : null;
  return null;
}

function closes(text: string, i: number, style: Style): boolean {
  const c = text[i]!;
  const next = text[i + 1] ?? ' ';
  if (style === 'guillemet') return c === '»';
  if (style === 'double') return c === '”' || c === '"';
  if (style === 'twin') return c === "'" && next === "'";
  // A single closing mark followed by a letter is an apostrophe ("don’t", "Kell’s").
  return (c === '’' || c === "'") && !LETTER.test(next) && i > 0 && !/\s/.test(text[i - 1]!);
}

/**
 * Find top-level quote-mark spans. Straight, curly and guillemet marks; mixed
 * pairs (“…"); a quote left open at a paragraph end continues when the next
 * paragraph reopens with the same style (the multi-paragraph convention),
 * otherwise it is closed at the paragraph end.
 */
export function findMarkedSpans(text: string): MarkedSpan[] {
  const out: MarkedSpan[] = [];
  const paragraphs = splitParagraphs(text);
  let pending: { open: number; start: number; style: Style } | null = null;
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    let current: { open: number; start: number; style: Style } | null = null;
    let from = para.start;
    if (pending) {
      const reopen = isOpening(text, para.start);
      if (reopen === pending.style) {
        current = pending;
        from = para.start + width(reopen);
      }
      pending = null;
    }
    for (let i = from; i < para.end; i++) {
      if (current) {
        if (closes(text, i, current.style)) {
          out.push({ open: current.open, close: i + width(current.style), start: current.start, end: i, unclosed: false });
          i += width(current.style) - 1;
          current = null;
        }
        continue;
      }
      const style = isOpening(text, i);
      if (style) {
        current = { open: i, start: i + width(style), style };
        i += width(style) - 1;
      }
    }
    if (current) {
      const next = paragraphs[p + 1];
      if (next && isOpening(text, next.start) === current.style) pending = current;
      // An unmatched single mark is far more often an apostrophe ("the ‘90s") than a quote.
      else if (current.style !== 'single') out.push({ open: current.open, close: para.end, start: current.start, end: para.end, unclosed: true });
    }
  }
  return out.filter((m) => m.end > m.start && text.slice(m.start, m.end).trim().length > 0);
}
