/**
 * Highlight offset layers in an article's text. Layers overlap freely
 * (an event sentence holds a quote that holds a name), but DOM elements must
 * nest, so a mark is split into several elements where another crosses it.
 * The text is only ever inserted as text nodes.
 */
import { h } from './dom.js';

export type MarkKind = 'target' | 'event' | 'quote' | 'reported' | 'entity' | 'time';

export interface Mark {
  readonly kind: MarkKind;
  readonly start: number;
  readonly end: number;
  /** Shown on hover and focus (speaker, date value, entity type). */
  readonly tip?: string;
  /** Extra class, e.g. the entity type. */
  readonly variant?: string;
}

/** Outer kinds first, so a passage wraps the quote that wraps a name when they share bounds. */
const NESTING_ORDER: Record<MarkKind, number> = { target: 0, event: 1, reported: 2, quote: 2, time: 3, entity: 4 };

/** Marks that fit the text, ordered outer to inner: start, then longer first, then kind. */
function orderMarks(marks: readonly Mark[], textLength: number): Mark[] {
  return marks
    .filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end <= textLength && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end || NESTING_ORDER[a.kind] - NESTING_ORDER[b.kind]);
}

/**
 * Cut the text at every mark boundary; each piece lists the marks covering it,
 * outer first. Consecutive pieces share a prefix of open elements, so a mark is
 * split only where a mark ordered before it ends or begins.
 */
export function segmentText(marks: readonly Mark[], textLength: number, from = 0, to = textLength): { start: number; end: number; marks: Mark[] }[] {
  const ordered = orderMarks(marks, textLength);
  const cuts = [...new Set([from, to, ...ordered.flatMap((m) => [m.start, m.end]).filter((c) => c > from && c < to)])].sort((a, b) => a - b);
  const pieces: { start: number; end: number; marks: Mark[] }[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    pieces.push({ start, end, marks: ordered.filter((m) => m.start <= start && m.end >= end) });
  }
  return pieces;
}

function openElement(mark: Mark, start: number, first: boolean, onFocusTip: (tip: string) => void): HTMLElement {
  const focusable = first && (mark.kind === 'quote' || mark.kind === 'reported' || mark.kind === 'time') && Boolean(mark.tip);
  const attrs = {
    class: ['hl', `hl-${mark.kind}`, mark.variant ? `hl-${mark.kind}-${mark.variant.toLowerCase().replace(/[^a-z]/g, '')}` : '', focusable ? 'has-tip' : ''].filter(Boolean).join(' '),
    'data-start': String(start),
    'data-tip': mark.tip,
    title: mark.tip,
    tabindex: focusable ? '0' : undefined,
  };
  const el = mark.kind === 'target' ? h('mark', { ...attrs, id: first ? 'evidence-target' : undefined, tabindex: first ? '-1' : undefined }) : h('span', attrs);
  if (focusable && mark.tip) {
    const tip = mark.tip;
    el.addEventListener('focus', () => onFocusTip(tip));
    el.addEventListener('mouseenter', () => onFocusTip(tip));
  }
  return el;
}

/**
 * The article text with marks as nested spans, in a container that keeps the
 * text's line breaks. `onFocusTip` hears the tip of the quote or date under focus or pointer.
 */
/** A paragraph short and without a closing stop reads as a sub-heading of the article. */
const SUBHEADING = /^[^\n]{1,90}$/;
const SENTENCE_END = /[.!?…:;,]["'”’)]*\s*$/u;

/**
 * The article text with marks as nested spans: each paragraph a block (a sub-heading a heading),
 * keeping the text's characters exactly. `onFocusTip` hears the tip of the quote or date under
 * focus or pointer.
 */
export function highlightedText(text: string, marks: readonly Mark[], onFocusTip: (tip: string) => void): HTMLElement {
  const container = h('div', { class: 'article-text' });
  // Paragraphs are cut at blank lines; the blank lines themselves stay in the text, between blocks.
  let at = 0;
  for (const m of text.matchAll(/\n\s*\n/g)) {
    appendBlock(container, text, at, m.index, marks, onFocusTip);
    container.appendChild(document.createTextNode(m[0]));
    at = m.index + m[0].length;
  }
  appendBlock(container, text, at, text.length, marks, onFocusTip);
  return container;
}

function appendBlock(container: HTMLElement, text: string, start: number, end: number, marks: readonly Mark[], onFocusTip: (tip: string) => void): void {
  if (end <= start) return;
  const words = text.slice(start, end);
  const heading = SUBHEADING.test(words.trim()) && !SENTENCE_END.test(words) && words.trim().split(/\s+/).length <= 14;
  const block = h(heading ? 'h3' : 'p', { class: heading ? 'article-subheading' : 'article-paragraph' });
  // Marks clipped to the block, offsets kept absolute.
  const inside = marks.filter((m) => m.start < end && m.end > start).map((m) => ({ ...m, start: Math.max(m.start, start), end: Math.min(m.end, end) }));
  fillMarks(block, text, start, end, inside, onFocusTip);
  container.appendChild(block);
}

function fillMarks(container: HTMLElement, text: string, from: number, to: number, marks: readonly Mark[], onFocusTip: (tip: string) => void): void {
  const stack: { mark: Mark; el: HTMLElement }[] = [];
  const opened = new Set<Mark>();
  for (const piece of segmentText(marks, text.length, from, to)) {
    let shared = 0;
    while (shared < stack.length && shared < piece.marks.length && stack[shared]!.mark === piece.marks[shared]) shared++;
    stack.length = shared;
    for (const mark of piece.marks.slice(shared)) {
      const el = openElement(mark, piece.start, !opened.has(mark), onFocusTip);
      opened.add(mark);
      (stack[stack.length - 1]?.el ?? container).appendChild(el);
      stack.push({ mark, el });
    }
    const top = stack[stack.length - 1]?.el ?? container;
    top.appendChild(document.createTextNode(text.slice(piece.start, piece.end)));
    if (top !== container) top.dataset['end'] = String(piece.end);
  }
}
