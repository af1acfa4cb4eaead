import { ConfigError } from '../../core/index.js';
import type { StoryFeatures } from './features.js';

/** Where one added article went. */
export interface StoryAssignment {
  readonly storyId: string;
  /** True when the article started a story of its own. */
  readonly isNew: boolean;
  /** Time-adjusted match score with the chosen story (for a new story: the best score that fell short). */
  readonly score: number;
  /** The shared features that weighed most, e.g. `entity:pskv`, `term:water deal`. */
  readonly matchedOn: string[];
}

export interface StoryIndexOptions {
  /** Lowest time-adjusted score for joining a story, in [0, 1]. */
  readonly threshold?: number;
  /** Candidate stories scored in full per added article (the rest are ranked out by a cheap pre-score). */
  readonly maxCandidates?: number;
  /** Articles this many days apart or closer need no extra evidence; further apart need proportionally more. */
  readonly dayWindow?: number;
}

/** Tuned on the fictional examples and US-politics distractors (see eval/story-cluster.ts). */
const DEFAULT_THRESHOLD = 0.16;
/** Enough for every plausible story in a busy news day; the rest are ranked out by the pre-score. */
const DEFAULT_MAX_CANDIDATES = 32;
/** News stories run for days to a couple of weeks; beyond that a new article should say more. */
const DEFAULT_DAY_WINDOW = 10;
/** Stories kept per feature's posting list, most recently updated first: bounds the cost of one add. */
const POSTINGS_CAP = 50;
/** Features kept in a story's profile (most frequent first), so merging into a big story stays cheap. */
const PROFILE_CAP = 300;
/** Shared entities say more than shared words: the share of the score they carry. */
const ENTITY_SHARE = 0.6;
/** One shared feature is chance (two names with one skeleton); a story match needs at least this many. */
const MIN_SHARED_FEATURES = 2;
/** A short article is normalised as if it had at least this many entities / terms, so two shared words cannot make a match. */
const MIN_ENTITY_FEATURES = 8;
const MIN_TERM_FEATURES = 12;
/** The floors above use a typical feature weight: this share of the weight of an unseen feature. */
const MEAN_WEIGHT_SHARE = 0.5;
/** A story's side never counts as lighter than this share of the article's, for the same reason. */
const MIN_STORY_MASS_RATIO = 0.5;
/** How many shared features an assignment lists as its reason. */
const MATCHED_ON_SHOWN = 6;
const MS_PER_DAY = 86_400_000;
const ENTITY_PREFIX = 'entity:';
const TERM_PREFIX = 'term:';

interface Story {
  readonly id: string;
  readonly articles: string[];
  /** Feature ids, ascending. */
  features: Int32Array;
  /** How many of the story's articles carry each feature, parallel to `features`. */
  counts: Int32Array;
  firstDay: number | null;
  lastDay: number | null;
  /**
   * Summed weight of its articles' features, entities and terms apart, each at its rarity when
   * the article joined (rarity drifts slowly; recomputing it on every score would cost O(profile)).
   * Divided by the story's size it is the weight one of its articles carries.
   */
  entityMass: number;
  termMass: number;
}

interface SerialisedIndex {
  readonly format: 'parallax-story-index';
  readonly version: 1;
  readonly options: Required<StoryIndexOptions>;
  readonly articleCount: number;
  readonly features: string[];
  readonly df: number[];
  readonly stories: { id: string; articles: string[]; features: number[]; counts: number[]; firstDay: number | null; lastDay: number | null; entityMass: number; termMass: number }[];
  readonly postings: [number, number[]][];
}

function dayNumber(date: string | null): number | null {
  if (!date) return null;
  const t = Date.parse(date.slice(0, 10) + 'T00:00:00Z');
  return Number.isNaN(t) ? null : Math.floor(t / MS_PER_DAY);
}

/** Story id from the first article's id, so the same first article always gives the same story id. */
function storyIdFor(articleId: string): string {
  return 's_' + articleId.replace(/^a_/, '');
}

/**
 * The `limit` stories with the highest pre-score, best first (ties: older story first),
 * without a comparator sort of every candidate: a numeric sort finds the cut, then only the kept few are ordered.
 */
function topCandidates(prescore: ReadonlyMap<number, number>, limit: number): [number, number][] {
  if (prescore.size > limit) {
    const values = Float64Array.from(prescore.values()).sort();
    const cut = values[values.length - limit]!;
    const kept: [number, number][] = [];
    for (const entry of prescore) if (entry[1] >= cut) kept.push(entry);
    return kept.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit);
  }
  return [...prescore].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

/** Position of `id` in the ascending array, or -1. */
function findSorted(values: Int32Array, id: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = values[mid]!;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * An incremental story clusterer: each added article joins the best-matching
 * story or starts one. Candidates come from capped posting lists of the
 * article's features, so one add costs O(features × cap), whatever the number
 * of stored articles.
 *
 * @example
 * const index = new StoryIndex();
 * for (const doc of docs) index.add(doc.id, storyFeatures(doc, { termWeight: (t) => index.termWeight(t) }));
 * index.stories(); // [{ id: 's_…', articles: […] }, …]
 */
export class StoryIndex {
  private readonly options: Required<StoryIndexOptions>;
  private readonly featureIds = new Map<string, number>();
  private readonly featureNames: string[] = [];
  private readonly df: number[] = [];
  private readonly isEntity: boolean[] = [];
  private readonly storyList: Story[] = [];
  private readonly postings = new Map<number, number[]>();
  private readonly storyOfArticle = new Map<string, number>();
  private articleCount = 0;

  constructor(options: StoryIndexOptions = {}) {
    const threshold = options.threshold ?? DEFAULT_THRESHOLD;
    const maxCandidates = options.maxCandidates ?? DEFAULT_MAX_CANDIDATES;
    const dayWindow = options.dayWindow ?? DEFAULT_DAY_WINDOW;
    if (!(threshold >= 0 && threshold <= 1)) throw new ConfigError('E_STORY_THRESHOLD', `story threshold ${threshold} is not between 0 and 1`);
    if (!(Number.isInteger(maxCandidates) && maxCandidates > 0)) throw new ConfigError('E_STORY_CANDIDATES', `maxCandidates ${maxCandidates} is not a positive integer`);
    if (!(dayWindow > 0)) throw new ConfigError('E_STORY_DAY_WINDOW', `dayWindow ${dayWindow} is not a positive number of days`);
    this.options = { threshold, maxCandidates, dayWindow };
  }

  /** Rarity weight of a feature among the articles added so far (smoothed IDF). */
  private weight(df: number): number {
    return Math.log(1 + (this.articleCount + 1) / (df + 1));
  }

  /** Rarity weight of a term among the articles added so far: pass to `storyFeatures` to pick key terms. */
  termWeight(term: string): number {
    const id = this.featureIds.get(TERM_PREFIX + term);
    return this.weight(id === undefined ? 0 : this.df[id]!);
  }

  private intern(name: string): number {
    let id = this.featureIds.get(name);
    if (id === undefined) {
      id = this.featureNames.length;
      this.featureIds.set(name, id);
      this.featureNames.push(name);
      this.df.push(0);
      this.isEntity.push(name.startsWith(ENTITY_PREFIX));
    }
    return id;
  }

  /** Add one article; it joins the best story that clears the threshold, or starts a new one. */
  add(articleId: string, features: StoryFeatures): StoryAssignment {
    const known = this.storyOfArticle.get(articleId);
    if (known !== undefined) return { storyId: this.storyList[known]!.id, isNew: false, score: 1, matchedOn: [] };

    const entityIds = [...new Set(features.entities.map((e) => this.intern(ENTITY_PREFIX + e)))];
    const termIds = [...new Set(features.terms.map((t) => this.intern(TERM_PREFIX + t)))];
    const weights = new Map<number, number>();
    let entityTotal = 0;
    let termTotal = 0;
    for (const id of entityIds) { const w = this.weight(this.df[id]!); weights.set(id, w); entityTotal += w; }
    for (const id of termIds) { const w = this.weight(this.df[id]!); weights.set(id, w); termTotal += w; }
    const day = dayNumber(features.date);

    const best = this.bestStory({ entityIds, termIds, weights, entityTotal, termTotal, day });
    const joined = best && best.score >= this.options.threshold ? best : null;

    const allIds = [...entityIds, ...termIds];
    for (const id of allIds) this.df[id]!++;
    this.articleCount++;
    let storyIndex: number;
    if (joined) {
      storyIndex = joined.story;
      this.mergeInto(this.storyList[storyIndex]!, weights, articleId, day);
    } else {
      storyIndex = this.storyList.length;
      const sorted = Int32Array.from(allIds).sort();
      const story: Story = { id: storyIdFor(articleId), articles: [articleId], features: sorted, counts: new Int32Array(sorted.length).fill(1), firstDay: day, lastDay: day, entityMass: 0, termMass: 0 };
      for (const [id, w] of weights) {
        if (this.isEntity[id]) story.entityMass += w;
        else story.termMass += w;
      }
      this.storyList.push(story);
    }
    this.storyOfArticle.set(articleId, storyIndex);
    for (const id of allIds) this.post(id, storyIndex);
    return {
      storyId: this.storyList[storyIndex]!.id,
      isNew: !joined,
      score: best ? Math.round(best.score * 1000) / 1000 : 0,
      matchedOn: joined ? joined.matchedOn : [],
    };
  }

  /** The best-scoring candidate story, candidates drawn from the posting lists of the article's features. */
  private bestStory(article: {
    entityIds: number[]; termIds: number[]; weights: Map<number, number>; entityTotal: number; termTotal: number; day: number | null;
  }): { story: number; score: number; matchedOn: string[] } | null {
    const entitySet = new Set(article.entityIds);
    // Cheap pre-score: the weight of shared features, as far as the capped postings show them.
    const prescore = new Map<number, number>();
    for (const [id, w] of article.weights) {
      const share = entitySet.has(id) ? ENTITY_SHARE / (article.entityTotal || 1) : (1 - ENTITY_SHARE) / (article.termTotal || 1);
      for (const s of this.postings.get(id) ?? []) prescore.set(s, (prescore.get(s) ?? 0) + w * share);
    }
    const candidates = topCandidates(prescore, this.options.maxCandidates);
    let best: { story: number; score: number; shared: [number, number][] } | null = null;
    const entityNorm = Math.max(article.entityTotal, MIN_ENTITY_FEATURES * this.weight(0) * MEAN_WEIGHT_SHARE);
    const termNorm = Math.max(article.termTotal, MIN_TERM_FEATURES * this.weight(0) * MEAN_WEIGHT_SHARE);
    for (const [s] of candidates) {
      const story = this.storyList[s]!;
      const size = story.articles.length;
      let entityShared = 0;
      let termShared = 0;
      const shared: [number, number][] = [];
      for (const [id, w] of article.weights) {
        const at = findSorted(story.features, id);
        if (at < 0) continue;
        // A feature most of the story carries is stronger evidence than one a single article mentioned.
        const contribution = w * Math.sqrt(story.counts[at]! / size);
        if (entitySet.has(id)) entityShared += contribution;
        else termShared += contribution;
        shared.push([id, contribution]);
      }
      if (shared.length < MIN_SHARED_FEATURES) continue;
      // Ochiai-style overlap: shared weight over the geometric mean of both sides' weight.
      const entityScore = entityShared / Math.sqrt(entityNorm * Math.max(story.entityMass / size, entityNorm * MIN_STORY_MASS_RATIO));
      const termScore = termShared / Math.sqrt(termNorm * Math.max(story.termMass / size, termNorm * MIN_STORY_MASS_RATIO));
      const raw = Math.min(1, ENTITY_SHARE * entityScore + (1 - ENTITY_SHARE) * termScore);
      const score = raw / this.timeFactor(story, article.day);
      if (!best || score > best.score) best = { story: s, score, shared };
    }
    if (!best) return null;
    const matchedOn = best.shared.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MATCHED_ON_SHOWN).map(([id]) => this.featureNames[id]!);
    return { story: best.story, score: best.score, matchedOn };
  }

  /**
   * 1 within the day window, doubling with every further window: a week or two beyond it
   * needs two or three times the evidence, months apart practically never match.
   */
  private timeFactor(story: Story, day: number | null): number {
    if (day === null || story.firstDay === null || story.lastDay === null) return 1;
    const gap = day < story.firstDay ? story.firstDay - day : day > story.lastDay ? day - story.lastDay : 0;
    const beyond = gap - this.options.dayWindow;
    return beyond > 0 ? 2 ** (beyond / this.options.dayWindow) : 1;
  }

  /** Add an article's features to the story's profile: a sorted merge, trimmed to PROFILE_CAP. */
  private mergeInto(story: Story, weights: ReadonlyMap<number, number>, articleId: string, day: number | null): void {
    const added = Int32Array.from(weights.keys()).sort();
    const old = story.features;
    const ids = new Int32Array(old.length + added.length);
    const counts = new Int32Array(ids.length);
    const fromArticle = new Uint8Array(ids.length);
    let i = 0;
    let j = 0;
    let n = 0;
    while (i < old.length || j < added.length) {
      if (j >= added.length || (i < old.length && old[i]! < added[j]!)) { ids[n] = old[i]!; counts[n++] = story.counts[i++]!; continue; }
      const same = i < old.length && old[i] === added[j];
      ids[n] = added[j]!;
      counts[n] = (same ? story.counts[i++]! : 0) + 1;
      fromArticle[n++] = 1;
      j++;
    }
    for (const [id, w] of weights) {
      if (this.isEntity[id]) story.entityMass += w;
      else story.termMass += w;
    }
    story.articles.push(articleId);
    if (n > PROFILE_CAP) this.trimProfile(story, ids.subarray(0, n), counts.subarray(0, n), fromArticle);
    else { story.features = ids.slice(0, n); story.counts = counts.slice(0, n); }
    if (day !== null) {
      story.firstDay = story.firstDay === null ? day : Math.min(story.firstDay, day);
      story.lastDay = story.lastDay === null ? day : Math.max(story.lastDay, day);
    }
  }

  /**
   * Keep the PROFILE_CAP most frequent features; among equally frequent ones the new article's
   * first, then the most recently coined, so a story's new developments can still take hold.
   */
  private trimProfile(story: Story, ids: Int32Array, counts: Int32Array, fromArticle: Uint8Array): void {
    const histogram = new Int32Array(story.articles.length + 2);
    for (const c of counts) histogram[c]!++;
    let cutoff = histogram.length - 1;
    let above = 0;
    while (cutoff > 0 && above + histogram[cutoff]! < PROFILE_CAP) above += histogram[cutoff--]!;
    const ties: number[] = [];
    for (let k = 0; k < ids.length; k++) if (counts[k] === cutoff) ties.push(k);
    ties.sort((a, b) => fromArticle[b]! - fromArticle[a]! || ids[b]! - ids[a]!);
    const keep = new Uint8Array(ids.length);
    for (let k = 0; k < ids.length; k++) if (counts[k]! > cutoff) keep[k] = 1;
    for (const k of ties.slice(0, PROFILE_CAP - above)) keep[k] = 1;
    const features = new Int32Array(PROFILE_CAP);
    const kept = new Int32Array(PROFILE_CAP);
    let n = 0;
    for (let k = 0; k < ids.length; k++) {
      if (keep[k]) { features[n] = ids[k]!; kept[n++] = counts[k]!; continue; }
      // The dropped feature's weight leaves the story's mass too (at today's rarity: close enough).
      const w = this.weight(this.df[ids[k]!]!) * counts[k]!;
      if (this.isEntity[ids[k]!]) story.entityMass -= w;
      else story.termMass -= w;
    }
    story.features = features.slice(0, n);
    story.counts = kept.slice(0, n);
  }

  /** Put the story first in the feature's posting list, dropping the least recent past the cap. */
  private post(featureId: number, storyIndex: number): void {
    let list = this.postings.get(featureId);
    if (!list) { list = []; this.postings.set(featureId, list); }
    const at = list.indexOf(storyIndex);
    if (at >= 0) list.splice(at, 1);
    list.unshift(storyIndex);
    if (list.length > POSTINGS_CAP) list.length = POSTINGS_CAP;
  }

  /** Every story, in order of creation, with its articles in order of addition. */
  stories(): { id: string; articles: string[] }[] {
    return this.storyList.map((s) => ({ id: s.id, articles: [...s.articles] }));
  }

  /** The story an added article belongs to. */
  storyOf(articleId: string): string | undefined {
    const s = this.storyOfArticle.get(articleId);
    return s === undefined ? undefined : this.storyList[s]!.id;
  }

  /** Plain JSON for the store; `StoryIndex.fromJSON` restores an index that continues exactly where this one stopped. */
  toJSON(): SerialisedIndex {
    return {
      format: 'parallax-story-index',
      version: 1,
      options: this.options,
      articleCount: this.articleCount,
      features: [...this.featureNames],
      df: [...this.df],
      stories: this.storyList.map((s) => ({ id: s.id, articles: [...s.articles], features: [...s.features], counts: [...s.counts], firstDay: s.firstDay, lastDay: s.lastDay, entityMass: s.entityMass, termMass: s.termMass })),
      postings: [...this.postings].map(([id, list]) => [id, [...list]]),
    };
  }

  /** Restore an index saved with `toJSON`. */
  static fromJSON(data: unknown): StoryIndex {
    const d = data as Partial<SerialisedIndex> | null;
    if (!d || d.format !== 'parallax-story-index' || d.version !== 1 || !Array.isArray(d.features) || !Array.isArray(d.df) || !Array.isArray(d.stories) || !Array.isArray(d.postings) || !d.options) {
      throw new ConfigError('E_STORY_INDEX_FORMAT', 'saved story index is not a version 1 parallax-story-index: rebuild it from the articles');
    }
    const index = new StoryIndex(d.options);
    index.articleCount = d.articleCount ?? 0;
    d.features.forEach((name, id) => { index.featureIds.set(name, id); index.featureNames.push(name); index.df.push(d.df![id] ?? 0); index.isEntity.push(name.startsWith(ENTITY_PREFIX)); });
    d.stories.forEach((s, i) => {
      index.storyList.push({ id: s.id, articles: [...s.articles], features: Int32Array.from(s.features), counts: Int32Array.from(s.counts), firstDay: s.firstDay, lastDay: s.lastDay, entityMass: s.entityMass, termMass: s.termMass });
      for (const a of s.articles) index.storyOfArticle.set(a, i);
    });
    for (const [id, list] of d.postings) index.postings.set(id, [...list]);
    return index;
  }
}
