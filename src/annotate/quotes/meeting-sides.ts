import type { Span } from '../../core/index.js';

/**
 * The two sides a speaker phrase like "the parties" or "both sides" stands for: the two the text
 * last set a meeting between ("talks between A and B", "A held talks with B").
 */

/** How far back the sides are looked for, in characters (about two paragraphs, as for a pronoun). */
const MAX_SIDES_DISTANCE = 1500;

/** The two sides of a meeting as a speaker: "the parties", "both sides", "the two sides". */
const BOTH_SIDES = /^(?:the|both|these|those|the two|all)\s+(?:parties|sides)$/i;
/** "between A and B": the sides a meeting or talks were between (A and B each up to an aside or the clause's end). */
const BETWEEN_SIDES = /\bbetween\s+((?:the\s+)?[^,;.]{2,60}?)(?:,[^,;.]{0,80},)?\s+and\s+((?:the\s+)?[^,;.]{2,60}?)(?=[,;.]|\s+(?:concluded|ended|began|started|resumed|was|were|in|on|at|over|to)\b)/giu;

/**
 * "Talks between the Kell delegation, headed by …, and the Veskar delegation … The parties stated …": the
 * sides are the two the text last set a meeting between, named as it named them; undefined when it named none.
 */
export function sidesNamedBefore(text: string, core: Span): string | undefined {
  if (!BOTH_SIDES.test(text.slice(core.start, core.end).trim())) return undefined;
  const before = text.slice(Math.max(0, core.start - MAX_SIDES_DISTANCE), core.start);
  let last: RegExpExecArray | undefined;
  // "between the parties, …, and …" names no side: it refers back to them.
  for (const m of before.matchAll(BETWEEN_SIDES)) if (!/^(?:the\s+|both\s+|these\s+|those\s+|two\s+)*(?:parties|sides)\b/i.test(m[1]!)) last = m;
  const met = lastMeetingWith(before);
  if (met && (!last || met.at > last.index)) return `${met.a} and ${met.b}`;
  if (!last) return undefined;
  const a = last[1]!.replace(/^the\s+/i, '').trim();
  const b = last[2]!.replace(/^the\s+/i, '').trim();
  // "Kell delegation and Veskar delegation" reads "Kell and Veskar delegations".
  const head = /\s(\p{Ll}+)$/u.exec(a)?.[1];
  if (head && b.endsWith(` ${head}`) && !/s$/.test(head)) return `${a.slice(0, -head.length - 1)} and ${b.slice(0, -head.length - 1)} ${head.replace(/y$/, 'ie')}s`;
  return `${a} and ${b}`;
}

/** "… held (a round of) talks with B": the verb and the other side of a meeting its subject held. */
const MET_WITH = /\b(?:held|hold|holds|holding|had|opened|began|started|resumed)\s+(?:[\p{L}\p{N}-]+\s+){0,5}?(?:talks|meetings?|negotiations|consultations)\s+with\s+((?:the\s+)?[^,;.]{2,60}?)(?=[,;.]|\s+(?:in|on|at|over|to|about|for|during|since|last|this|earlier)\b)/giu;
/** Words that end a meeting's subject read backwards ("It is worth noting that [Kell officials] have held …"). */
const SUBJECT_STOP = /^(?:that|which|who|and|but|or|as|while|when|after|before|since|because|if|so|then|also|is|are|was|were|be|been|it|to|of|in|on|at|with|by|for|from)$/i;

/** The subject of "A (have) held talks with B" and its B, the last such meeting in `before`, with where its verb stands. */
function lastMeetingWith(before: string): { a: string; b: string; at: number } | undefined {
  let found: { a: string; b: string; at: number } | undefined;
  for (const m of before.matchAll(MET_WITH)) {
    const lead = before.slice(Math.max(0, m.index - 80), m.index).replace(/(?:\s+(?:have|has|had|will|would|also|recently|reportedly))+\s*$/i, ' ');
    const words = lead.trim().split(/\s+/);
    const subject: string[] = [];
    for (let k = words.length - 1; k >= 0 && subject.length < 5; k--) {
      const w = words[k]!;
      if (/[,;:.!?]$/.test(w) || SUBJECT_STOP.test(w)) break;
      subject.unshift(w);
    }
    const a = subject.join(' ').replace(/^the\s+/i, '');
    if (!/\p{L}{3}/u.test(a)) continue;
    found = { a, b: m[1]!.replace(/^the\s+/i, '').trim(), at: m.index };
  }
  return found;
}
