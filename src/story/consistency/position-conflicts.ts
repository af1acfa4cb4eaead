import type { Contradiction, SourceEvidence, Stance, StancePosition } from '../types.js';
import { dateInterval } from '../timeline/index.js';

/** Positions that cannot both hold for one actor at one time: a refusal and an opening or a yes. */
const OPPOSITE: Readonly<Record<string, readonly StancePosition[]>> = { against: ['open', 'for'], open: ['against'], for: ['against'] };

/** Which way a stance leans: -1 a refusal, 1 an opening, a yes or a question kept open under study, 0 neither. */
function polarity(s: Stance): number {
  if (s.position === 'against') return -1;
  return OPPOSITE.against!.includes(s.position) || (s.position === 'neutral' && s.undecided) ? 1 : 0;
}
/** Two dated statements further apart than this are a change of position over time, not a disagreement. */
const SAME_TIME_DAYS = 1;

/** Whether two stances speak of one time: one undated (a standing position), or dates a day apart at most. */
function sameTime(a: Stance, b: Stance): boolean {
  if (!a.date || !b.date) return true;
  const [x, y] = [dateInterval(a.date), dateInterval(b.date)];
  if (!x || !y) return a.date === b.date;
  // Intervals in days: overlapping, or their ends within a day.
  return x.start <= y.end + SAME_TIME_DAYS && y.start <= x.end + SAME_TIME_DAYS;
}

/**
 * Every dated refusal before every dated opening, or after it, more than a day apart: the actor
 * changed position, and its undated statements cannot be set against either time.
 */
function changedOverTime(against: readonly Stance[], opening: readonly Stance[]): boolean {
  const spans = (list: readonly Stance[]) => list.map((s) => (s.date ? dateInterval(s.date) : null)).filter((x): x is NonNullable<typeof x> => x !== null);
  const [a, o] = [spans(against), spans(opening)];
  if (a.length === 0 || o.length === 0) return false;
  const before = (x: typeof a, y: typeof a): boolean => Math.max(...x.map((i) => i.end)) + SAME_TIME_DAYS < Math.min(...y.map((i) => i.start));
  return before(a, o) || before(o, a);
}

/** How the opening side holds the question: it favours it, is open to it, or keeps it under study. */
function openingWord(opening: readonly Stance[]): string {
  if (opening.every((o) => o.position === 'for')) return 'favours';
  return opening.every((o) => o.undecided) ? 'keeps under study' : 'is open to';
}

const side = (value: string, stances: readonly Stance[]): Contradiction['sides'][number] => {
  const byArticle: SourceEvidence[] = [];
  for (const s of stances) if (!byArticle.some((e) => e.article === s.article && e.start === s.start)) byArticle.push({ article: s.article, evidence: s.evidence.trim(), start: s.start, end: s.end });
  return { value, articles: [...new Set(stances.map((s) => s.article))], evidence: byArticle[0]?.evidence ?? '', evidenceByArticle: byArticle };
};

/** A government named after its leader ("Oresk government"). */
const LEADERS_BODY = /^(.+?)\s+(?:government|administration|cabinet)$/u;

/**
 * The holder a stance is set against others under: a government named after its leader is the
 * leader's side ("Oresk government" → "Ana Oresk", when one holder of the stances bears that surname).
 */
function leaders(stances: readonly Stance[]): (actor: string) => string {
  const actors = [...new Set(stances.map((s) => s.actor))];
  return (actor) => {
    const surname = LEADERS_BODY.exec(actor)?.[1];
    const leader = surname ? actors.filter((a) => a !== actor && a.split(/\s+/).pop() === surname) : [];
    return leader.length === 1 ? leader[0]! : actor;
  };
}

/** Who holds a side: its one holder ("Oresk government"), else the leader both stand for. */
const who = (side: readonly Stance[], leader: string): string => (new Set(side.map((s) => s.actor)).size === 1 ? side[0]!.actor : leader);

/**
 * Sources that give one actor opposite positions on the story's question at the same time (one
 * article: "X rules out talks"; another: "X does not rule out talks"), each side with the words
 * of every article that gives it. Positions the articles date days apart are a change over time
 * and positions noted as an earlier view are a change too, not a disagreement; sides must come
 * from different articles, and an article that gives the actor both positions narrates a change,
 * so its words are on neither side.
 */
export function findPositionContradictions(stances: readonly Stance[]): Contradiction[] {
  const out: Contradiction[] = [];
  const byHolder = new Map<string, Stance[]>();
  const holderOf = leaders(stances);
  for (const s of stances) {
    if (s.note && /initially|aligned/i.test(s.note)) continue;
    const key = `${s.topic}\u0000${holderOf(s.actor)}`;
    (byHolder.get(key) ?? byHolder.set(key, []).get(key)!).push(s);
  }
  for (const group of byHolder.values()) {
    // An article giving the actor both positions tells of a change ("had initially rejected …, will sign"): its words take no side.
    // (A leader and the government named after them are one side of the question, but an article giving each their own position tells of no change.)
    const narratesChange = new Set(group.filter((s) => group.some((o) => o.article === s.article && o.actor === s.actor && polarity(o) * polarity(s) < 0)).map((s) => s.article));
    const against = group.filter((s) => s.position === 'against' && !narratesChange.has(s.article));
    const other = group.filter((s) => polarity(s) > 0 && !narratesChange.has(s.article));
    if (changedOverTime(against, other)) continue;
    const pairs = against.flatMap((a) => other.filter((o) => o.article !== a.article && sameTime(a, o)).map((o) => [a, o] as const));
    if (pairs.length === 0) continue;
    const refusing = against.filter((a) => pairs.some(([x]) => x === a));
    const opening = other.filter((o) => pairs.some(([, y]) => y === o));
    const { topic } = group[0]!;
    const actor = holderOf(group[0]!.actor);
    const openWord = openingWord(opening);
    out.push({
      kind: 'position',
      claim: `Whether ${actor} ${openWord} ${topic}`,
      sides: [side(`${who(refusing, actor)} against ${topic}`, refusing), side(`${who(opening, actor)} ${openWord} ${topic}`, opening)],
    });
  }
  return out;
}

/** Holders joined by "and", at most this many named before "and others". */
const MAX_NAMED_HOLDERS = 3;

function holdersOf(stances: readonly Stance[]): string {
  const names = [...new Set(stances.map((s) => s.actor))];
  if (names.length <= MAX_NAMED_HOLDERS) return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0]!;
  return `${names.slice(0, MAX_NAMED_HOLDERS).join(', ')} and others`;
}

/**
 * Voices of one government answering one question opposite ways at one time: one office-holder
 * refuses while another, speaking for the same country, keeps the question open or under study
 * (the president: "we will not negotiate under threat"; the foreign ministry a day later: "the
 * offer is being studied"). Both statements must be dated by the articles' words, a day apart at
 * most, and come from different holders (one holder's opposite positions are set against each
 * other by `findPositionContradictions`); a government whose dated refusals all come before its
 * openings, or after them, changed position.
 */
export function findGovernmentContradictions(stances: readonly Stance[]): Contradiction[] {
  const out: Contradiction[] = [];
  const byGovernment = new Map<string, Stance[]>();
  for (const s of stances) {
    if (!s.speaksFor || !s.date || s.dateFrom !== 'text' || polarity(s) === 0 || (s.note && /initially|aligned/i.test(s.note))) continue;
    const key = `${s.topic}\u0000${s.speaksFor}`;
    (byGovernment.get(key) ?? byGovernment.set(key, []).get(key)!).push(s);
  }
  for (const group of byGovernment.values()) {
    const against = group.filter((s) => polarity(s) < 0);
    const other = group.filter((s) => polarity(s) > 0);
    if (changedOverTime(against, other)) continue;
    const pairs = against.flatMap((a) => other.filter((o) => o.actor !== a.actor && sameTime(a, o)).map((o) => [a, o] as const));
    if (pairs.length === 0) continue;
    const refusing = against.filter((a) => pairs.some(([x]) => x === a));
    const opening = other.filter((o) => pairs.some(([, y]) => y === o));
    const { topic, speaksFor } = group[0]!;
    const dates = [...new Set([...refusing, ...opening].map((s) => s.date!))].sort();
    const openValue = { favours: 'for', 'is open to': 'open to', 'keeps under study': 'keeps under study' }[openingWord(opening)];
    out.push({
      kind: 'position',
      claim: `Where ${speaksFor}'s government stands on ${topic} (its officials, ${dates.join(' to ')})`,
      sides: [side(`${holdersOf(refusing)} against ${topic}`, refusing), side(`${holdersOf(opening)} ${openValue} ${topic}`, opening)],
    });
  }
  return out;
}
