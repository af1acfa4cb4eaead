import type { Doc } from '../../core/index.js';
import type { Contradiction, ContradictionSide, SourceEvidence, StoryContext } from '../types.js';
import { extractOfficeClaims, type OfficeClaim } from './office-claims.js';
import { articleTime, compareDates, firstByArticle, samePersonName } from './text.js';
import { HolderNames } from './holders.js';

/** How many days apart two articles may be for a title in one to speak of the same time as the other. */
const SAME_TIME_DAYS = 366;
/** Evidence priority per claim status when one line must stand for a side. */
const STATUS_RANK: Readonly<Record<OfficeClaim['status'], number>> = { current: 0, since: 1, title: 2, former: 3 };

/** Where an office claim was placed, and whether only because the story names one country for that title. */
interface Placement {
  readonly jurisdiction: string;
  readonly guessed: boolean;
}

interface ResolvedClaim extends OfficeClaim {
  /** Placed only because the story names a single country for this title: may support a side, never start a contradiction. */
  readonly guessed: boolean;
  /** Story-level holder key (canonical name). */
  readonly person: string;
  /** Office key: "president|Kenya". */
  readonly office: string;
  readonly time: string | null;
}

function days(iso: string): number {
  const [y, m = '07', d = '15'] = iso.split('-');
  return Date.UTC(Number(y), Number(m) - 1, Number(d)) / 86_400_000;
}

function nearInTime(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  return Math.abs(days(a) - days(b)) <= SAME_TIME_DAYS;
}

/** Story place and organisation names, for reading "Kenyan" as Kenya. */
function storyJurisdictions(ctx: StoryContext): string[][] {
  const places = ctx.entities.entities.filter((e) => e.type === 'GPE' || e.type === 'LOC');
  // Taggers sometimes type a country as a person or organisation: those names are tried after the places.
  const others = ctx.entities.entities.filter((e) => !places.includes(e));
  return [places.flatMap((e) => e.aliases), others.flatMap((e) => e.aliases)];
}

/**
 * Give each claim its office key. A title without a stated country takes the country the story
 * gives the same person for the same title elsewhere, else the predecessor's (succession keeps
 * the office), else the only country the story names for that title; else it stays unplaced.
 */
function placeClaims(claims: readonly (OfficeClaim & { person: string })[]): Map<OfficeClaim & { person: string }, Placement | null> {
  const placed = new Map<OfficeClaim & { person: string }, Placement | null>();
  const byPersonTitle = new Map<string, Set<string>>();
  const byTitle = new Map<string, Set<string>>();
  const note = (map: Map<string, Set<string>>, key: string, value: string): void => {
    if (!map.has(key)) map.set(key, new Set());
    map.get(key)!.add(value);
  };
  for (const c of claims) {
    if (!c.jurisdiction) continue;
    note(byPersonTitle, `${c.person}|${c.title}`, c.jurisdiction);
    note(byTitle, c.title, c.jurisdiction);
  }
  // Succession: the successor's office is the predecessor's. ("since" claims by where they are, so a predecessor finds its successor without a search of all claims.)
  const sinceAt = new Map<string, (OfficeClaim & { person: string })[]>();
  for (const s of claims) {
    if (s.status !== 'since') continue;
    const at = `${s.article}|${s.evidence.start}`;
    (sinceAt.get(at) ?? sinceAt.set(at, []).get(at)!).push(s);
  }
  for (const c of claims) {
    if (c.status !== 'former' || c.date === null) continue;
    const successor = sinceAt.get(`${c.article}|${c.evidence.start}`)?.find((s) => s.person !== c.person);
    const known = byPersonTitle.get(`${c.person}|${c.title}`) ?? byPersonTitle.get(`${successor?.person}|${c.title}`);
    if (successor && known && known.size === 1) {
      note(byPersonTitle, `${successor.person}|${c.title}`, [...known][0]!);
      note(byPersonTitle, `${c.person}|${c.title}`, [...known][0]!);
    }
  }
  for (const c of claims) {
    if (c.jurisdiction) { placed.set(c, { jurisdiction: c.jurisdiction, guessed: false }); continue; }
    const own = byPersonTitle.get(`${c.person}|${c.title}`);
    if (own && own.size === 1) { placed.set(c, { jurisdiction: [...own][0]!, guessed: false }); continue; }
    const any = byTitle.get(c.title);
    placed.set(c, !own && any && any.size === 1 ? { jurisdiction: [...any][0]!, guessed: true } : null);
  }
  return placed;
}

function evidenceOf(doc: Doc, c: OfficeClaim): SourceEvidence {
  return { article: c.article, evidence: doc.text.slice(c.evidence.start, c.evidence.end).trim(), start: c.evidence.start, end: c.evidence.end };
}

function side(value: string, claims: readonly ResolvedClaim[], docs: ReadonlyMap<string, Doc>): ContradictionSide {
  const ordered = [...claims].sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || a.article.localeCompare(b.article) || a.evidence.start - b.evidence.start);
  const firsts = firstByArticle(ordered);
  const articles = [...firsts.keys()];
  const byArticle = [...firsts.values()].map((c) => evidenceOf(docs.get(c.article)!, c));
  return { value, articles, evidence: evidenceOf(docs.get(ordered[0]!.article)!, ordered[0]!).evidence, evidenceByArticle: byArticle };
}

/** All office claims of the story with holder and office resolved across articles. */
export function storyOfficeClaims(ctx: StoryContext): ResolvedClaim[] {
  const jurisdictions = storyJurisdictions(ctx);
  const holders = new HolderNames(ctx);
  const raw = ctx.docs.flatMap((doc) =>
    extractOfficeClaims(doc, { jurisdictions }).map((c) => ({ ...c, person: holders.canonical(doc.id, c.holder, c.holderName), time: articleTime(doc, ctx.docs) })),
  );
  const places = placeClaims(raw);
  return raw.flatMap((c) => {
    const p = places.get(c) ?? null;
    return p ? [{ ...c, office: `${c.title}|${p.jurisdiction}`, guessed: p.guessed }] : [];
  });
}

/**
 * Who holds an office, across sources: a contradiction when one article says the current holder
 * (at its own time) is X while the story has Y holding it at that time, by "who took office in
 * <date before>", an explicit "current", or the present title in an article of the same time.
 * Titles alone never start a contradiction (they may describe past events), and "former" or
 * "then-" titles are not claims about now.
 */
export function findOfficeHolderContradictions(ctx: StoryContext): Contradiction[] {
  const docs = new Map(ctx.docs.map((d) => [d.id, d]));
  const claims = storyOfficeClaims(ctx);
  // Each office's claims, in story order, gathered in one pass (not one pass over all claims per office).
  const byOffice = new Map<string, ResolvedClaim[]>();
  for (const c of claims) (byOffice.get(c.office) ?? byOffice.set(c.office, []).get(c.office)!).push(c);
  const offices = [...byOffice.keys()].sort();
  const out: Contradiction[] = [];
  for (const office of offices) {
    const here = byOffice.get(office)!;
    const currents = here.filter((c) => c.status === 'current' && !c.guessed);
    const handled = new Set<string>();
    for (const cur of currents) {
      if (handled.has(cur.person)) continue;
      // Holders contradicting `cur`: since a date not after cur's time, stated current, or titled at the same time.
      const rivals = here.filter((c) => {
        if (samePersonName(c.person, cur.person) || c.person === cur.person) return false;
        if (c.status === 'since') return (compareDates(c.date, cur.time) ?? 0) <= 0 && !endedBefore(here, c.person, cur.time);
        if (c.status === 'current') return nearInTime(c.time, cur.time);
        return false;
      });
      if (rivals.length === 0) continue;
      const rivalPeople = [...new Set(rivals.map((r) => r.person))].sort();
      const ownSide = here.filter((c) => c.person === cur.person && c.status !== 'former' && nearInTime(c.time, cur.time));
      const sides = [side(cur.person, ownSide, docs)];
      for (const person of rivalPeople) {
        const support = here.filter((c) => c.person === person && c.status !== 'former' && (c.status !== 'title' || nearInTime(c.time, cur.time)));
        sides.push(side(person, support, docs));
      }
      handled.add(cur.person);
      for (const p of rivalPeople) handled.add(p);
      const [title, jurisdiction] = office.split('|');
      out.push({ kind: 'office-holder', claim: `${capitalise(title!)} of ${jurisdiction} (at time of writing)`, sides });
    }
  }
  return out;
}

/** Whether the story says this person left the office before a time. */
function endedBefore(claims: readonly ResolvedClaim[], person: string, time: string | null): boolean {
  return claims.some((c) => c.person === person && c.status === 'former' && c.date !== null && (compareDates(c.date, time) ?? 1) <= 0);
}

function capitalise(s: string): string {
  return s.replace(/\b\p{L}/gu, (ch) => ch.toUpperCase());
}
