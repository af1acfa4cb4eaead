/**
 * Story linking, the decisions of the story index without its storage: two
 * articles are linked when the rare entities and key terms they share, weighed
 * by rarity and discounted for the days between them, clear a threshold; a
 * story is a connected group of linked articles, so an article that links two
 * stories merges them. A link depends on the two articles (and on feature
 * rarity when the later one arrives), never on which stories existed first, so
 * the grouping of a set of articles barely depends on their order of arrival
 * (B-cubed agreement of shuffled orders with the given one ≥ 0.98, see
 * `clusterAgreement`), and several workers sharing one index agree.
 *
 * The functions are pure: the in-memory index (`StoryIndex`) and the database
 * (`src/store/story-state.ts`) look up what they ask for and apply the plan.
 */
import type { StoryFeatures } from './features.js';
import { backgroundShare } from './background.js';

export interface LinkingOptions {
  /** Lowest time-adjusted link score between two articles, in [0, 1]. */
  readonly threshold: number;
  /** Candidate articles scored in full per placed article (the rest are ranked out by a cheap pre-score). */
  readonly maxCandidates: number;
  /** Articles this many days apart or closer need no extra evidence; further apart need proportionally more. */
  readonly dayWindow: number;
  /** Articles kept per feature's posting list, the most recent: bounds the cost of one placement. */
  readonly postingsCap: number;
}

/**
 * Tuned on the fictional examples, the real corpus and US-politics distractors (eval/story-cluster.ts),
 * and for agreement across orders on 924 real political news articles.
 */
export const DEFAULT_LINKING: LinkingOptions = {
  threshold: 0.2,
  maxCandidates: 64,
  dayWindow: 10,
  postingsCap: 200,
};

/** Shared entities say more than shared words: the share of the score they carry. */
const ENTITY_SHARE = 0.6;
/** One shared feature is chance (two names with one skeleton); a link needs at least this many. */
const MIN_SHARED_FEATURES = 2;
/** A short article is normalised as if it had at least this many entities / terms, so two shared words cannot make a link. */
const MIN_ENTITY_FEATURES = 8;
const MIN_TERM_FEATURES = 12;
/** The floors above use a typical feature weight: this share of the weight of an unseen feature. */
const MEAN_WEIGHT_SHARE = 0.5;
/** How many shared features an assignment lists as its reason. */
const MATCHED_ON_SHOWN = 6;
const MS_PER_DAY = 86_400_000;
export const ENTITY_PREFIX = 'entity:';
export const TERM_PREFIX = 'term:';

/** A placed article as linking sees it. */
export interface LinkedArticle {
  /** Index-wide number of the article, in order of placement. */
  readonly num: number;
  /** Number of the story it is in now. */
  readonly story: number;
  /** Summed weight of its entities / terms when it was placed. */
  readonly entityMass: number;
  readonly termMass: number;
  /** Publication day (days since 1970-01-01), or null. */
  readonly day: number | null;
  /** For an undated article: the first and last publication days of its story's dated articles, if any. */
  readonly storyDays?: DaySpan | null;
}

/** The first and last of some publication days (days since 1970-01-01). */
export interface DaySpan {
  readonly first: number;
  readonly last: number;
}

/** The span of two spans of days, either of them possibly absent. */
export function joinDays(a: DaySpan | null | undefined, b: DaySpan | null | undefined): DaySpan | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return { first: Math.min(a.first, b.first), last: Math.max(a.last, b.last) };
}

/** An article about to be placed, its features weighed with the index's current rarities. */
export interface ArticleVector {
  /** Feature names (`entity:…`, `term:…`), distinct. */
  readonly features: readonly string[];
  readonly weights: ReadonlyMap<string, number>;
  readonly entityMass: number;
  readonly termMass: number;
  readonly day: number | null;
  /** Articles in the index before this one: the rarity weights are relative to it. */
  readonly articleCount: number;
}

/** A placed article sharing features with the new one. */
export interface Candidate {
  readonly num: number;
  readonly entityShared: number;
  readonly termShared: number;
  readonly shared: readonly string[];
}

export interface Link {
  readonly num: number;
  readonly story: number;
  readonly score: number;
  readonly shared: readonly string[];
}

/** What placing an article does to the stories. */
export type StoryPlan =
  | { readonly kind: 'new' }
  | { readonly kind: 'join'; readonly story: number }
  /** The article links several stories: they become `keep`, the largest (the oldest on a tie). */
  | { readonly kind: 'merge'; readonly keep: number; readonly absorb: readonly number[] };

/**
 * Pseudo-articles of ordinary English every index starts with: a young index knows common
 * words for common before its own articles show it (see background.ts).
 */
const BACKGROUND_ARTICLES = 500;

/**
 * Rarity weight of a feature carried by `df` of `articleCount` articles (smoothed IDF), the
 * index's own articles joined by BACKGROUND_ARTICLES ordinary ones that carry it with
 * `backgroundShare` (a term's chance in ordinary English; 0 for names).
 */
export function featureWeight(df: number, articleCount: number, backgroundShare = 0): number {
  return Math.log(1 + (articleCount + BACKGROUND_ARTICLES + 1) / (df + BACKGROUND_ARTICLES * backgroundShare + 1));
}

/** The background share of a feature name (`term:…` only; entity keys are names). */
export function featureBackground(name: string): number {
  return name.startsWith(TERM_PREFIX) ? backgroundShare(name.slice(TERM_PREFIX.length)) : 0;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD…` date, or null. */
export function dayNumber(date: string | null): number | null {
  if (!date) return null;
  const t = Date.parse(date.slice(0, 10) + 'T00:00:00Z');
  return Number.isNaN(t) ? null : Math.floor(t / MS_PER_DAY);
}

/** The prefixed feature names of an article's features, entities first, distinct. */
export function featureNames(features: StoryFeatures): string[] {
  return [...new Set([...features.entities.map((e) => ENTITY_PREFIX + e), ...features.terms.map((t) => TERM_PREFIX + t)])];
}

/** Weigh an article's features by their rarity among the `articleCount` articles placed so far. */
export function describeArticle(features: StoryFeatures, articleCount: number, dfOf: (feature: string) => number): ArticleVector {
  const names = featureNames(features);
  const weights = new Map<string, number>();
  let entityMass = 0;
  let termMass = 0;
  for (const name of names) {
    const w = featureWeight(dfOf(name), articleCount, featureBackground(name));
    weights.set(name, w);
    if (name.startsWith(ENTITY_PREFIX)) entityMass += w;
    else termMass += w;
  }
  return { features: names, weights, entityMass, termMass, day: dayNumber(features.date), articleCount };
}

/**
 * The placed articles sharing at least two features with the new one, as far as the posting
 * lists show them, best pre-score first (shared weight over the article's own weight), at most
 * `maxCandidates`; ties go to the older article.
 */
export function candidateArticles(vector: ArticleVector, postingsOf: (feature: string) => readonly number[], maxCandidates: number): Candidate[] {
  const found = new Map<number, { entityShared: number; termShared: number; shared: string[] }>();
  for (const name of vector.features) {
    const w = vector.weights.get(name)!;
    const isEntity = name.startsWith(ENTITY_PREFIX);
    for (const num of postingsOf(name)) {
      let c = found.get(num);
      if (!c) { c = { entityShared: 0, termShared: 0, shared: [] }; found.set(num, c); }
      if (isEntity) c.entityShared += w;
      else c.termShared += w;
      c.shared.push(name);
    }
  }
  const prescore = (c: { entityShared: number; termShared: number }) =>
    ENTITY_SHARE * c.entityShared / (vector.entityMass || 1) + (1 - ENTITY_SHARE) * c.termShared / (vector.termMass || 1);
  const kept: (Candidate & { prescore: number })[] = [];
  for (const [num, c] of found) if (c.shared.length >= MIN_SHARED_FEATURES) kept.push({ num, ...c, prescore: prescore(c) });
  kept.sort((a, b) => b.prescore - a.prescore || a.num - b.num);
  return kept.slice(0, maxCandidates).map(({ prescore: _prescore, ...c }) => c);
}

/** The weight an article of `mass` is normalised by: never lighter than a typical article with few features. */
function norm(mass: number, minFeatures: number, articleCount: number): number {
  return Math.max(mass, minFeatures * featureWeight(0, articleCount) * MEAN_WEIGHT_SHARE);
}

/**
 * 1 within the day window, doubling with every further window: a week or two beyond it
 * needs two or three times the evidence, months apart practically never link.
 */
function timeFactor(a: number | null, b: number | null, dayWindow: number): number {
  if (a === null || b === null) return 1;
  const beyond = Math.abs(a - b) - dayWindow;
  return beyond > 0 ? 2 ** (beyond / dayWindow) : 1;
}

/**
 * The time factor with a placed article: by its day; for an undated one, by the days of its story's dated
 * articles (a page with no date stands where its story stands: news of other years does not join through it).
 */
function timeFactorWith(day: number | null, other: LinkedArticle, dayWindow: number): number {
  if (other.day !== null || !other.storyDays || day === null) return timeFactor(day, other.day, dayWindow);
  const { first, last } = other.storyDays;
  return timeFactor(day, day < first ? first : day > last ? last : day, dayWindow);
}

/** Ochiai-style link score of the new article with a candidate, time-adjusted, in [0, 1]. */
export function linkScore(vector: ArticleVector, candidate: Candidate, other: LinkedArticle, dayWindow: number): number {
  const n = vector.articleCount;
  const entityScore = candidate.entityShared / Math.sqrt(norm(vector.entityMass, MIN_ENTITY_FEATURES, n) * norm(other.entityMass, MIN_ENTITY_FEATURES, n));
  const termScore = candidate.termShared / Math.sqrt(norm(vector.termMass, MIN_TERM_FEATURES, n) * norm(other.termMass, MIN_TERM_FEATURES, n));
  const raw = Math.min(1, ENTITY_SHARE * entityScore + (1 - ENTITY_SHARE) * termScore);
  return raw / timeFactorWith(vector.day, other, dayWindow);
}

/** The candidates the new article links to, best first, with their current story. */
export function scoreLinks(vector: ArticleVector, candidates: readonly Candidate[], articles: ReadonlyMap<number, LinkedArticle>, options: LinkingOptions): Link[] {
  const links: Link[] = [];
  for (const c of candidates) {
    const other = articles.get(c.num);
    if (!other) continue;
    const score = linkScore(vector, c, other, options.dayWindow);
    if (score >= options.threshold) links.push({ num: c.num, story: other.story, score, shared: c.shared });
  }
  return links.sort((a, b) => b.score - a.score || a.num - b.num);
}

/** The best score among the candidates, linked or not (the reason a new story was started). */
export function bestScore(vector: ArticleVector, candidates: readonly Candidate[], articles: ReadonlyMap<number, LinkedArticle>, dayWindow: number): number {
  let best = 0;
  for (const c of candidates) {
    const other = articles.get(c.num);
    if (other) best = Math.max(best, linkScore(vector, c, other, dayWindow));
  }
  return best;
}

/**
 * Where the article goes: a story of its own when it links to nothing; the linked story; or,
 * linking several, all of them merged into the largest (the oldest on a tie), so the fewest
 * articles change story.
 */
export function planStory(links: readonly Link[], sizeOf: (story: number) => number): StoryPlan {
  const stories = [...new Set(links.map((l) => l.story))];
  if (stories.length === 0) return { kind: 'new' };
  if (stories.length === 1) return { kind: 'join', story: stories[0]! };
  const ranked = stories.sort((a, b) => sizeOf(b) - sizeOf(a) || a - b);
  return { kind: 'merge', keep: ranked[0]!, absorb: ranked.slice(1) };
}

/** The shared features that weighed most in the best link, e.g. `entity:pskv`, `term:water deal`. */
export function matchedOn(vector: ArticleVector, links: readonly Link[]): string[] {
  const best = links[0];
  if (!best) return [];
  return [...best.shared]
    .sort((a, b) => vector.weights.get(b)! - vector.weights.get(a)! || (a < b ? -1 : 1))
    .slice(0, MATCHED_ON_SHOWN);
}

/** A posting list with the article appended, dropping the oldest past the cap. */
export function appendPosting(list: readonly number[], num: number, cap: number): number[] {
  const next = list.length >= cap ? list.slice(list.length - cap + 1) : [...list];
  next.push(num);
  return next;
}

/** Story id from the first article's id, so the same first article always gives the same story id. */
export function storyIdFor(articleId: string): string {
  return 's_' + articleId.replace(/^a_/, '');
}
