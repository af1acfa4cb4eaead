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

/** Index of the first span starting at or after `at`, in spans sorted by start (`spans.length` when none does). */
export function firstStartingFrom(spans: readonly Span[], at: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A layer's spans, asked which overlap or lie within a range in O(log n + k) instead of a scan of the
 * whole layer (which made per-sentence or per-quote lookups quadratic in a long article). Answers keep
 * the layer's order when it is sorted by start (layers are), else start order.
 */
export class SpanIndex<T extends Span> {
  private readonly spans: readonly T[];
  /** Largest end among spans[0..i]: how far back a span may still reach into a range. */
  private readonly reach: number[];

  constructor(spans: readonly T[]) {
    const sorted = spans.every((s, i) => i === 0 || spans[i - 1]!.start <= s.start);
    this.spans = sorted ? spans : [...spans].sort((a, b) => a.start - b.start);
    this.reach = [];
    let max = -Infinity;
    for (const s of this.spans) this.reach.push((max = Math.max(max, s.end)));
  }

  /** Spans sharing at least one code unit with `range`. */
  overlapping(range: Span): T[] {
    const out: T[] = [];
    const upto = firstStartingFrom(this.spans, range.end);
    // The first span that may reach into the range: `reach` only grows, so a binary search finds it.
    let lo = 0;
    let hi = upto;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.reach[mid]! > range.start) hi = mid;
      else lo = mid + 1;
    }
    for (let i = lo; i < upto; i++) if (this.spans[i]!.end > range.start) out.push(this.spans[i]!);
    return out;
  }

  /** Spans lying within `range`. */
  within(range: Span): T[] {
    const out: T[] = [];
    for (let i = firstStartingFrom(this.spans, range.start); i < this.spans.length && this.spans[i]!.start <= range.end; i++) {
      if (this.spans[i]!.end <= range.end) out.push(this.spans[i]!);
    }
    return out;
  }
}
