import { ConfigError, type Doc } from '../../core/index.js';
import { storyFeatures, type StoryFeatures } from './features.js';
import { backgroundShare } from './background.js';
import {
  DEFAULT_LINKING, TERM_PREFIX, appendPosting, bestScore, candidateArticles, describeArticle, featureWeight, matchedOn, planStory, scoreLinks, storyIdFor,
  joinDays, type DaySpan, type LinkedArticle, type LinkingOptions,
} from './linking.js';

/** Where one added article went. */
export interface StoryAssignment {
  readonly storyId: string;
  /** True when the article started a story of its own. */
  readonly isNew: boolean;
  /** Time-adjusted score of its best link (for a new story: the best score that fell short). */
  readonly score: number;
  /** The shared features that weighed most in its best link, e.g. `entity:pskv`, `term:water deal`. */
  readonly matchedOn: string[];
  /** Stories the article linked to the one it joined, now merged into it (their ids). */
  readonly merged: string[];
}

export type StoryIndexOptions = Partial<LinkingOptions>;

/** Check and complete linking options (the threshold in [0, 1], positive counts and window). */
export function linkingOptions(options: StoryIndexOptions = {}): LinkingOptions {
  const o = { ...DEFAULT_LINKING, ...options };
  if (!(o.threshold >= 0 && o.threshold <= 1)) throw new ConfigError('E_STORY_THRESHOLD', `story threshold ${o.threshold} is not between 0 and 1`);
  if (!(Number.isInteger(o.maxCandidates) && o.maxCandidates > 0)) throw new ConfigError('E_STORY_CANDIDATES', `maxCandidates ${o.maxCandidates} is not a positive integer`);
  if (!(o.dayWindow > 0)) throw new ConfigError('E_STORY_DAY_WINDOW', `dayWindow ${o.dayWindow} is not a positive number of days`);
  if (!(Number.isInteger(o.postingsCap) && o.postingsCap > 0)) throw new ConfigError('E_STORY_POSTINGS', `postingsCap ${o.postingsCap} is not a positive integer`);
  return o;
}

interface MemoryArticle extends LinkedArticle {
  readonly id: string;
  story: number;
}

interface MemoryStory {
  readonly id: string;
  /** Article numbers, in order of placement. */
  members: number[];
  /** The first and last publication days of its dated articles. */
  days: DaySpan | null;
}

/**
 * The story index in memory (one process, one run: `analyze`, evaluations): the same
 * linking decisions as the database's shared index (`src/store/story-state.ts`), so a
 * set of articles gets the same stories either way.
 *
 * @example
 * const index = new StoryIndex();
 * for (const doc of docs) index.addDoc(doc);
 * index.stories(); // [{ id: 's_…', articles: […] }, …]
 */
export class StoryIndex {
  private readonly options: LinkingOptions;
  private readonly features = new Map<string, { df: number; postings: number[] }>();
  private readonly articles: MemoryArticle[] = [];
  private readonly numOf = new Map<string, number>();
  private readonly storyList = new Map<number, MemoryStory>();
  private nextStory = 0;

  constructor(options: StoryIndexOptions = {}) {
    this.options = linkingOptions(options);
  }

  /** Rarity weight of a term among the articles added so far: pass to `storyFeatures` to pick key terms. */
  termWeight(term: string): number {
    return featureWeight(this.features.get(TERM_PREFIX + term)?.df ?? 0, this.articles.length, backgroundShare(term));
  }

  /** Add an annotated (or plain) article, its key terms picked with this index's rarities. */
  addDoc(doc: Doc): StoryAssignment {
    return this.add(doc.id, storyFeatures(doc, { termWeight: (t) => this.termWeight(t) }));
  }

  /** Add one article: it joins the stories it links to (merging them), or starts one. */
  add(articleId: string, features: StoryFeatures): StoryAssignment {
    const known = this.numOf.get(articleId);
    if (known !== undefined) return { storyId: this.storyList.get(this.articles[known]!.story)!.id, isNew: false, score: 1, matchedOn: [], merged: [] };

    const vector = describeArticle(features, this.articles.length, (f) => this.features.get(f)?.df ?? 0);
    const candidates = candidateArticles(vector, (f) => this.features.get(f)?.postings ?? [], this.options.maxCandidates);
    const byNum = new Map(candidates.map((c) => {
      const a = this.articles[c.num]!;
      return [c.num, a.day === null ? { ...a, storyDays: this.storyList.get(a.story)!.days } : a] as const;
    }));
    const links = scoreLinks(vector, candidates, byNum, this.options);
    const plan = planStory(links, (s) => this.storyList.get(s)!.members.length);

    const num = this.articles.length;
    let story: number;
    const merged: string[] = [];
    if (plan.kind === 'new') {
      story = this.nextStory++;
      this.storyList.set(story, { id: storyIdFor(articleId), members: [], days: null });
    } else if (plan.kind === 'join') {
      story = plan.story;
    } else {
      story = plan.keep;
      const keep = this.storyList.get(story)!;
      for (const absorbed of plan.absorb) {
        const gone = this.storyList.get(absorbed)!;
        for (const member of gone.members) this.articles[member]!.story = story;
        keep.members = [...keep.members, ...gone.members].sort((a, b) => a - b);
        keep.days = joinDays(keep.days, gone.days);
        merged.push(gone.id);
        this.storyList.delete(absorbed);
      }
    }
    const joined = this.storyList.get(story)!;
    joined.members.push(num);
    if (vector.day !== null) joined.days = joinDays(joined.days, { first: vector.day, last: vector.day });
    this.articles.push({ num, id: articleId, story, entityMass: vector.entityMass, termMass: vector.termMass, day: vector.day });
    this.numOf.set(articleId, num);
    for (const name of vector.features) {
      const entry = this.features.get(name) ?? { df: 0, postings: [] };
      this.features.set(name, { df: entry.df + 1, postings: appendPosting(entry.postings, num, this.options.postingsCap) });
    }
    const score = links[0]?.score ?? bestScore(vector, candidates, byNum, this.options.dayWindow);
    return {
      storyId: this.storyList.get(story)!.id,
      isNew: plan.kind === 'new',
      score: Math.round(score * 1000) / 1000,
      matchedOn: matchedOn(vector, links),
      merged,
    };
  }

  /** Every story, in order of creation, with its articles in order of addition. */
  stories(): { id: string; articles: string[] }[] {
    return [...this.storyList.keys()].sort((a, b) => a - b).map((s) => {
      const story = this.storyList.get(s)!;
      return { id: story.id, articles: story.members.map((m) => this.articles[m]!.id) };
    });
  }

  /** The story an added article belongs to. */
  storyOf(articleId: string): string | undefined {
    const num = this.numOf.get(articleId);
    return num === undefined ? undefined : this.storyList.get(this.articles[num]!.story)!.id;
  }
}
