/** Half-open [start, end) in UTF-16 code units of Doc.text (JS string indices). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** True when `inner` lies within `outer`. */
export function spanContains(outer: Span, inner: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** True when the two spans share at least one code unit. */
export function spansOverlap(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
