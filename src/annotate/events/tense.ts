import { IRREGULAR_PAST } from '../shared/irregular-past.js';

/** Triggers whose past form is also their present: as the first word of a trigger they are read as past, as news reports. */
const SAME_AS_PRESENT = new Set(['put', 'set', 'cut', 'hit', 'quit']);

/** True when a trigger's first word is a past-tense form (regular -ed or an irregular one). */
export function isPastTense(trigger: string): boolean {
  const first = trigger.toLowerCase().split(/\s+/)[0] ?? '';
  return first.endsWith('ed') || IRREGULAR_PAST.has(first) || SAME_AS_PRESENT.has(first);
}
