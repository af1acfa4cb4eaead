import type { Span } from '../../core/index.js';

/**
 * An impersonal "it" that opens the writer's own remark: "it is worth noting that …", "it should be
 * noted that …", "it can be said that …", "it is noteworthy that …". Nobody is reported: what follows
 * is the writer's voice. "it's obvious that …", "it is fair to say that …" too.
 */
const IMPERSONAL_FRAME = /^(?:\s+(?:is|was)|['’]s)\s+(?:also\s+)?(?:worth|noteworthy|notable|clear|evident|obvious|apparent)\b|^\s+(?:can|could|should|must|may|might)\s+(?:also\s+)?be\s+\p{Ll}+(?:ed|id|en)\b|^(?:\s+(?:is|was)|['’]s)\s+(?:\p{Ll}+\s+){1,5}to\s+(?:note|say|add|point\s+out|observe|recall|stress)\b/u;

/**
 * Is the speaker phrase at `speaker` the impersonal "it" of the writer's own remark?
 *
 * @example
 * const t = 'It is worth noting that the harbour of Corvel reopened.';
 * isWritersImpersonalRemark(t, { start: 0, end: 2 }) // → true
 */
export function isWritersImpersonalRemark(text: string, speaker: Span): boolean {
  // "It’s worth noting": the phrase may hold the contracted verb.
  if (!/^it(?:['’]s)?$/i.test(text.slice(speaker.start, speaker.end))) return false;
  const it = speaker.start + 2;
  return IMPERSONAL_FRAME.test(text.slice(it, it + 80));
}
