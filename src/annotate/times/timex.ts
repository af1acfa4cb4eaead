import type { Span } from '../../core/index.js';

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** What a value was computed from: the publication date, a date the text gave just before, or the words alone. */
export type TimexAnchor = 'publication' | 'previous' | 'absolute';

/** TimeML modifiers the surface adds to a value ("mid-January" = 2025-01 MID). */
export type TimexMod = 'START' | 'MID' | 'END' | 'APPROX' | 'MORE_THAN' | 'LESS_THAN';

/** A time expression: its words, its TimeML type and normalised value. */
export interface Timex extends Span {
  readonly type: TimexType;
  /**
   * TimeML value: 2025-03-02, 2025-03, 2025, 198X, 20 (century), 2025-W10, 2025-Q1, 2025-SU,
   * P2D, PXY, PRESENT_REF, PAST_REF, FUTURE_REF, 2025-03-02T14:58, XXXX-03-02 when the year is
   * unknowable; null when nothing can be said.
   */
  readonly value: string | null;
  readonly anchor?: TimexAnchor;
  readonly mod?: TimexMod;
}
