import type { Contradiction, StoryContext } from '../types.js';
import { stem } from './text.js';

/**
 * "the (exact) date of the exchange", "the date for the potential vote", up to the verb that says
 * whether it is fixed: the thing dated is the last word before that verb.
 */
const DATE_OF = /\b(?:date|day|timing)\s+(?:of|for)\s+(?:(?:the|a|an|this|that|its|their)\s+)?(?:[\p{L}-]+\s+){0,2}?([\p{L}-]+)\s+(?=(?:has|have|had|is|was|will|would|are|were|remains?|remained)\b)/giu;
/** The date is fixed: "has been set", "was agreed", "is already decided". */
const SETTLED = /^(?:(?:has|have|had)\s+(?:already\s+)?been|(?:is|was)\s+(?:already\s+)?)\s*(?:set|fixed|agreed(?:\s+on)?|decided|determined|scheduled|chosen)\b/i;
/** The date is not fixed yet: "would be announced later", "has not been set", "has yet to be determined", "is yet to be decided". */
const OPEN = /^(?:(?:will|would|is\s+to|was\s+to)\s+be\s+(?:announced|set|decided|determined|fixed|agreed|disclosed|made\s+public)\s+(?:later|at\s+a\s+later\s+(?:date|stage)|in\s+due\s+course)|(?:has|have|had)\s+not\s+(?:yet\s+)?been\s+(?:set|fixed|decided|agreed|determined|announced)|(?:has|have|had)\s+yet\s+to\s+be\s+(?:set|fixed|decided|agreed|determined|announced)|(?:is|was|remains?|remained)\s+(?:yet\s+|still\s+)?(?:to\s+be\s+(?:set|fixed|decided|agreed|determined|announced)|undecided|not\s+(?:yet\s+)?(?:set|fixed)))\b/i;

interface Said { readonly article: string; readonly settled: boolean; readonly thing: string; readonly start: number; readonly end: number; readonly evidence: string }

/**
 * Whether the date of one thing is fixed, as the sources tell it: one article says the date of the
 * exchange "has been set", another that it "would be announced later". An article saying both
 * takes no side; the thing dated is matched by its word's stem.
 */
export function findScheduleContradictions(ctx: StoryContext): Contradiction[] {
  const said: Said[] = [];
  for (const doc of ctx.docs) {
    for (const m of doc.text.matchAll(DATE_OF)) {
      const after = doc.text.slice(m.index + m[0].length, m.index + m[0].length + 80);
      const status = SETTLED.exec(after) ?? OPEN.exec(after);
      if (!status) continue;
      const end = m.index + m[0].length + status[0].length;
      said.push({ article: doc.id, settled: SETTLED.test(after), thing: m[1]!, start: m.index, end, evidence: doc.text.slice(m.index, end) });
    }
  }
  const byThing = new Map<string, Said[]>();
  for (const s of said) (byThing.get(stem(s.thing.toLowerCase())) ?? byThing.set(stem(s.thing.toLowerCase()), []).get(stem(s.thing.toLowerCase()))!).push(s);
  const out: Contradiction[] = [];
  for (const all of byThing.values()) {
    const both = new Set(all.filter((s) => s.settled).map((s) => s.article).filter((a) => all.some((o) => o.article === a && !o.settled)));
    const sides = [true, false].map((settled) => all.filter((s) => s.settled === settled && !both.has(s.article)))
      .map((ss) => ss.filter((s, i) => ss.findIndex((o) => o.article === s.article) === i));
    if (sides.some((ss) => ss.length === 0)) continue;
    const thing = all[0]!.thing.toLowerCase();
    out.push({
      kind: 'schedule',
      claim: `Whether the date of the ${thing} is set`,
      sides: sides.map((ss, i) => ({
        value: i === 0 ? 'date set' : 'date not set yet',
        articles: ss.map((s) => s.article),
        evidence: ss[0]!.evidence,
        evidenceByArticle: ss.map((s) => ({ article: s.article, evidence: s.evidence, start: s.start, end: s.end })),
      })),
    });
  }
  return out;
}
