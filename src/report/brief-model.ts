import type { Framing, Stance, StancePosition, Story, WordingPiece } from '../story/types.js';
import { describeDate } from '../story/summary/words.js';

/** What the brief needs to know about each article it cites. */
export interface BriefArticle {
  readonly id: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly kind: string;
  readonly url: string | null;
  readonly path: string | null;
}

/** Evidence longer than this is cut at a word boundary: enough to judge the claim, short enough to scan. */
export const MAX_EVIDENCE_CHARS = 280;
/** How many entities the overview names as main actors. */
const OVERVIEW_ACTORS = 6;

/** One cited source: its short label ("S2") and article. */
export interface BriefSource {
  readonly label: string;
  readonly article: BriefArticle;
  /** The story's framing of the article; the framing stage's detail (quoted loaded terms, speakers) when present. */
  readonly framing?: Framing & {
    readonly loadedTermsQuoted?: readonly string[];
    readonly speakers?: readonly { readonly name: string; readonly kind: string; readonly side: string | null }[];
  };
}

/** A quotation from one source. */
export interface BriefEvidence {
  readonly label: string;
  readonly quote: string;
  /** For a quote variant: the words it adds to or drops from the fullest rendering. */
  readonly wording?: readonly WordingPiece[];
  /** e.g. "published 2025-03-05; dates it 2025-03-03". */
  readonly note?: string;
}

export interface BriefPoint {
  readonly heading: string;
  readonly detail?: string;
  readonly evidence: readonly BriefEvidence[];
}

export interface BriefStanceCell {
  readonly position: StancePosition;
  readonly label: string;
}

export interface BriefStanceTable {
  readonly topic: string;
  /** Column headings: ISO dates in order, then "undated" when any stance has no date. */
  readonly dates: readonly string[];
  readonly rows: readonly { readonly actor: string; readonly cells: readonly (readonly BriefStanceCell[])[] }[];
  readonly evidence: readonly BriefPoint[];
}

/** Everything both renderers show, computed once so Markdown and HTML say the same thing. */
export interface BriefModel {
  readonly title: string;
  /** The story's summary lines, each with its evidence (empty for a story built before summaries). */
  readonly summary: readonly BriefPoint[];
  readonly overview: string;
  readonly sources: readonly BriefSource[];
  readonly agreements: readonly BriefPoint[];
  readonly contradictions: readonly BriefPoint[];
  /** Figures the sources give rounded differently (44% and 44.2%): shown apart, never as contradictions. */
  readonly roundings: readonly BriefPoint[];
  readonly dateConflicts: readonly BriefPoint[];
  readonly quoteVariants: readonly BriefPoint[];
  readonly singleSource: readonly BriefPoint[];
  readonly timeline: readonly BriefPoint[];
  readonly stanceTables: readonly BriefStanceTable[];
}

export const UNDATED = 'undated';

/**
 * Cut text at a word boundary with "…" when it is longer than `max`; whitespace
 * runs become single spaces. Never cuts inside a word.
 */
export function excerpt(text: string, max = MAX_EVIDENCE_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max + 1);
  const lastSpace = cut.lastIndexOf(' ');
  const head = (lastSpace > max / 2 ? cut.slice(0, lastSpace) : flat.slice(0, max).replace(/\S*$/, '') || flat.slice(0, max)).replace(/[\s,;:–—-]+$/u, '');
  return `${head}…`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Assign `S1`, `S2`… in the order of `articles`, then to any other article the story cites. */
function labelSources(story: Story, articles: readonly BriefArticle[]): BriefSource[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const cited = [
    ...story.articles,
    ...story.timeline.flatMap((t) => t.sources.map((s) => s.article)),
    ...story.stances.map((s) => s.article),
    ...story.contradictions.flatMap((c) => c.sides.flatMap((s) => s.articles)),
    ...story.quoteVariants.flatMap((q) => q.forms.map((f) => f.article)),
    ...story.singleSource.map((s) => s.article),
    ...story.framing.map((f) => f.article),
  ];
  const order = [...new Set([...articles.map((a) => a.id), ...cited])];
  return order.map((id, i) => ({
    label: `S${i + 1}`,
    article: byId.get(id) ?? { id, title: null, outlet: null, published: null, kind: 'unknown', url: null, path: null },
    framing: story.framing.find((f) => f.article === id),
  }));
}

function overviewOf(story: Story, sources: readonly BriefSource[]): string {
  const outlets = [...new Set(sources.map((s) => s.article.outlet).filter((o): o is string => Boolean(o)))];
  // Day precision is enough to place the coverage in time.
  const dates = sources.map((s) => s.article.published?.slice(0, 10)).filter((d): d is string => Boolean(d)).sort();
  const undated = sources.length - dates.length;
  const actors = [...story.entities]
    .filter((e) => e.type === 'PERSON' || e.type === 'ORG' || e.type === 'GPE')
    .sort((a, b) => b.articles.length - a.articles.length || b.mentionCount - a.mentionCount || a.name.localeCompare(b.name))
    .slice(0, OVERVIEW_ACTORS)
    .map((e) => e.name);
  const parts = [`${plural(sources.length, 'source')} from ${outlets.length ? `${plural(outlets.length, 'named outlet')} (${outlets.join(', ')})` : 'no named outlet'}`];
  if (dates.length) parts.push(dates[0] === dates[dates.length - 1] ? `published ${dates[0]}` : `published between ${dates[0]} and ${dates[dates.length - 1]}`);
  if (undated) parts.push(`${plural(undated, 'source')} without a publication date`);
  let text = `${parts.join(', ')}.`;
  if (actors.length) text += ` Main actors: ${listWords(actors)}.`;
  text += ` The timeline has ${plural(story.timeline.length, 'dated entry', 'dated entries')}; the sources disagree on ${plural(story.contradictions.length, 'point')} and ${plural(story.singleSource.length, 'claim')} rest${story.singleSource.length === 1 ? 's' : ''} on a single source.`;
  return text;
}

function reportedNote(reported: string | null, date: string): string {
  return `${reported ? `published ${reported}` : 'publication date unknown'}; dates it ${date}`;
}

/** Build the brief's content from a story and the articles it cites. */
export function buildBriefModel(story: Story, articles: readonly BriefArticle[]): BriefModel {
  const sources = labelSources(story, articles);
  const labelOf = new Map(sources.map((s) => [s.article.id, s.label]));
  const label = (article: string): string => labelOf.get(article)!;
  const total = story.articles.length || sources.length;

  const summary: BriefPoint[] = (story.summary ?? []).map((line) => ({
    heading: line.text,
    evidence: firstPerArticle(line.evidence).map((e) => ({ label: label(e.article), quote: excerpt(e.evidence) })),
  }));

  const timeline: BriefPoint[] = story.timeline.map((t) => ({
    heading: `${describeDate(t.date)} — ${t.summary}`,
    detail: [t.actors.length ? `Actors: ${t.actors.join(', ')}` : '', t.action ? `Action: ${t.action}` : ''].filter(Boolean).join('. ') || undefined,
    evidence: t.sources.map((s) => ({ label: label(s.article), quote: excerpt(s.evidence), note: reportedNote(s.reported, s.date) })),
  }));

  const agreements: BriefPoint[] = story.timeline
    .map((t) => ({ t, n: new Set(t.sources.map((s) => s.article)).size }))
    .filter(({ n }) => n >= 2)
    .sort((a, b) => b.n - a.n || byCodeUnits(a.t.date, b.t.date))
    .map(({ t, n }) => ({
      heading: `${describeDate(t.date)} — ${t.summary}`,
      detail: n >= total ? `Carried by all ${total} sources.` : `Carried by ${n} of ${total} sources.`,
      evidence: firstPerArticle(t.sources).map((s) => ({ label: label(s.article), quote: excerpt(s.evidence) })),
    }));

  const contradictionPoint = (c: Story['contradictions'][number], detail: string): BriefPoint => ({
    heading: c.claim,
    detail,
    evidence: c.sides.flatMap((side) =>
      side.evidenceByArticle?.length
        ? side.evidenceByArticle.map((e) => ({ label: label(e.article), quote: excerpt(e.evidence), note: side.value }))
        : side.articles.length
          ? [{ label: label(side.articles[0]!), quote: excerpt(side.evidence), note: side.value }]
          : [],
    ),
  });
  const sidesOf = (c: Story['contradictions'][number]): string => c.sides.map((s) => `“${s.value}” (${s.articles.map(label).join(', ')})`).join(' versus ');
  const contradictions: BriefPoint[] = story.contradictions.map((c) => contradictionPoint(c, `Kind: ${c.kind}. ${sidesOf(c)}.`));
  // A figure only rounded differently is no disagreement: said apart, never counted with the contradictions.
  const roundings: BriefPoint[] = (story.roundings ?? []).map((c) => contradictionPoint(c, `Only rounded, not a conflict: ${sidesOf(c)}.`));

  const dateConflicts: BriefPoint[] = story.timeline
    .filter((t) => t.conflictingDates && t.conflictingDates.length > 1)
    .map((t) => ({
      heading: t.summary,
      detail: `Sources date it differently: ${t.conflictingDates!.map((d) => `${d.date} (${d.articles.map(label).join(', ')})`).join(' versus ')}.`,
      evidence: t.sources.map((s) => ({ label: label(s.article), quote: excerpt(s.evidence), note: `dates it ${s.date}` })),
    }));

  const quoteVariants: BriefPoint[] = story.quoteVariants.map((q) => ({
    heading: `${q.speaker}: one statement, quoted differently`,
    detail: `${Math.round(q.similarity * 100)}% of the words alike in the least alike rendering; added and dropped words are marked against the fullest one.`,
    evidence: q.forms.map((f) => ({ label: label(f.article), quote: excerpt(f.text), ...(f.wording ? { wording: f.wording } : {}) })),
  }));

  const singleSource: BriefPoint[] = story.singleSource.map((s) => ({
    heading: s.claim,
    detail: `Only ${label(s.article)} carries this ${s.kind === 'quote' ? 'quote (what one source said, apart from the facts)' : s.kind === 'statement' ? 'statement (what one source reports was said, apart from the facts)' : s.kind}.`,
    evidence: [{ label: label(s.article), quote: excerpt(s.evidence) }],
  }));

  return {
    title: story.title,
    summary,
    overview: overviewOf(story, sources),
    sources,
    agreements,
    contradictions,
    roundings,
    dateConflicts,
    quoteVariants,
    singleSource,
    timeline,
    stanceTables: stanceTables(story, label),
  };
}

function firstPerArticle<T extends { article: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.article) ? false : (seen.add(i.article), true)));
}

/** Plain code-unit order: ISO dates sort correctly and "~" (no date) sorts last, whatever the locale. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function stanceTables(story: Story, label: (article: string) => string): BriefStanceTable[] {
  const byTopic = new Map<string, Stance[]>();
  for (const s of story.stances) byTopic.set(s.topic, [...(byTopic.get(s.topic) ?? []), s]);
  const tables: BriefStanceTable[] = [];
  for (const [topicKey, stances] of byTopic) {
    const topic = story.topics.find((t) => t.id === topicKey || t.label === topicKey)?.label ?? topicKey;
    const dated = [...new Set(stances.map((s) => s.date).filter((d): d is string => d !== null))].sort();
    const dates = stances.some((s) => s.date === null) ? [...dated, UNDATED] : dated;
    const firstDate = (actor: string): string => stances.filter((s) => s.actor === actor).map((s) => s.date ?? '~').sort()[0]!;
    const actors = [...new Set(stances.map((s) => s.actor))].sort((a, b) => byCodeUnits(firstDate(a), firstDate(b)) || byCodeUnits(a, b));
    const rows = actors.map((actor) => ({
      actor,
      cells: dates.map((d) =>
        stances.filter((s) => s.actor === actor && (s.date ?? UNDATED) === d).map((s) => ({ position: s.position, label: label(s.article) })),
      ),
    }));
    const evidence = [...stances]
      .sort((a, b) => actors.indexOf(a.actor) - actors.indexOf(b.actor) || byCodeUnits(a.date ?? '~', b.date ?? '~'))
      .map((s) => ({
        heading: `${s.actor}, ${s.date ?? UNDATED}: ${s.position}`,
        detail: s.note,
        evidence: [{ label: label(s.article), quote: excerpt(s.evidence) }],
      }));
    tables.push({ topic, dates, rows, evidence });
  }
  return tables;
}

/** Framing notes that repeat a fact the brief already lists for the source (terms, scare quotes, omissions). */
const NOTES_SHOWN_AS_FACTS = /^(?:loaded terms in its own voice|scare quotes|leaves out):/;

/** The framing lines of one source, as label/value pairs, for both renderers. */
export function framingFacts(source: BriefSource): { label: string; value: string }[] {
  const a = source.article;
  const f = source.framing;
  const facts: { label: string; value: string }[] = [
    { label: 'Outlet', value: a.outlet ?? 'not stated' },
    { label: 'Published', value: a.published ?? 'not stated' },
    { label: 'Kind', value: f ? `${f.kind} — ${f.kindEvidence}` : a.kind },
  ];
  if (!f) return facts;
  facts.push({ label: 'Loaded terms (outlet’s own voice)', value: f.loadedTerms.length ? f.loadedTerms.join(', ') : 'none found' });
  if (f.loadedTermsQuoted?.length) facts.push({ label: 'Loaded terms in its sources’ quotes', value: f.loadedTermsQuoted.join(', ') });
  if (f.scareQuotes.length) facts.push({ label: 'Scare quotes', value: f.scareQuotes.map((q) => `“${q}”`).join(', ') });
  facts.push({ label: 'Attributed to named sources', value: `${Math.round(f.attributedShare * 100)}% of sentences` });
  const kinds = Object.entries(f.speakerKinds).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`);
  const who = f.speakers?.length
    ? f.speakers.map((s) => `${s.name} (${[s.kind, s.side && s.side !== s.name ? s.side : null].filter(Boolean).join(', ')})`).join('; ')
    : f.quotedSpeakers.join(', ');
  facts.push({ label: 'Who is quoted', value: f.quotedSpeakers.length ? `${kinds.length ? `${kinds.join(', ')}: ` : ''}${who}` : 'no one' });
  facts.push({ label: 'Leaves out', value: f.omits.length ? f.omits.join(', ') : 'nothing among the main actors and events' });
  const notes = f.notes.filter((n) => !NOTES_SHOWN_AS_FACTS.test(n));
  if (notes.length) facts.push({ label: 'Notes', value: notes.join('; ') });
  return facts;
}

/** A source's one-line name: outlet — title. */
export function sourceName(a: BriefArticle): string {
  return [a.outlet ?? 'unnamed outlet', a.title ?? '(untitled)'].join(' — ');
}
