/** Common irregular past-tense forms of reporting and action verbs. */
const IRREGULAR_PAST = new Set([
  'said', 'told', 'met', 'took', 'began', 'held', 'made', 'gave', 'sent', 'struck', 'withdrew', 'spoke', 'wrote',
  'became', 'won', 'lost', 'led', 'left', 'brought', 'sought', 'thought', 'saw', 'put', 'set', 'shot', 'fought',
]);

/** True when a trigger's first word is a past-tense form (regular -ed or a common irregular one). */
export function isPastTense(trigger: string): boolean {
  const first = trigger.toLowerCase().split(/\s+/)[0] ?? '';
  return first.endsWith('ed') || IRREGULAR_PAST.has(first);
}
