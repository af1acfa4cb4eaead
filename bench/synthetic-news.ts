/**
 * A seeded stream of synthetic news articles for scale tests and benches:
 * fictional stories (coined people, places, organisations and topics), each
 * covered by several outlets over a few days, story sizes heavy-tailed as in
 * a real feed. Every article knows the story it was written for, so a
 * grouping can be scored against the truth. Given real sentences (read at run
 * time from ../shared, never stored here), a share of each article is real
 * news prose, so the annotation stages see real language too.
 *
 * The same seed gives the same articles on every machine (`seededRandom`).
 */
import { seededRandom } from '../src/core/index.js';
import { wordSkeleton } from '../src/story/cluster/index.js';

export interface SyntheticArticle {
  readonly url: string;
  readonly title: string;
  readonly text: string;
  /** `YYYY-MM-DD`. */
  readonly published: string;
  readonly outlet: string;
  /** The story the article was written for (the truth a grouping is scored against). */
  readonly story: string;
}

export interface SyntheticOptions {
  readonly seed: number;
  readonly articles: number;
  /** Sentences of real news mixed into the articles (background prose), when given. */
  readonly realSentences?: readonly string[];
  /** Articles published per day. Default 400 (a large aggregator's intake). */
  readonly articlesPerDay?: number;
  /** First publication day. Default 2031-01-01 (fictional time). */
  readonly startDate?: string;
}

const ONSETS = ['b', 'br', 'ch', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'j', 'k', 'kl', 'l', 'm', 'n', 'p', 'pl', 'r', 's', 'sh', 'sk', 'st', 't', 'tr', 'v', 'w', 'z', 'zh', 'qu'];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou', 'ia', 'y'];
const CODAS = ['', '', 'n', 'r', 'l', 'm', 's', 'k', 't', 'nd', 'rk', 'st', 'v', 'x', 'z'];
const ORG_KINDS = ['Union', 'Council', 'Party', 'Authority', 'Institute', 'Company', 'Alliance', 'Ministry of Transport', 'Chamber of Commerce', 'Court'];
const TOPIC_NOUNS = ['agreement', 'strike', 'budget', 'tariff', 'bridge', 'election', 'inquiry', 'pipeline', 'reform', 'ceasefire', 'merger', 'flood defences', 'harbour expansion', 'pension plan', 'water tax'];
const ROLES = ['the minister', 'the union leader', 'the council chair', 'a spokesperson', 'the mayor', 'an economist', 'the chief executive', 'the opposition leader', 'a senior official', 'the prosecutor'];
const VERBS = ['said', 'told reporters', 'wrote in a statement', 'argued', 'warned', 'confirmed', 'denied'];
const DAYS = ['on Monday', 'on Tuesday', 'on Wednesday', 'on Thursday', 'on Friday', 'over the weekend', 'late on Sunday'];
const OUTCOMES = ['would go ahead', 'was on hold', 'had collapsed', 'needed more time', 'would be signed within days', 'faced a legal challenge', 'would cost more than planned'];
const QUOTES = ['We will not sign a bad deal', 'The numbers do not add up', 'This is a step, not a solution', 'We expect an answer within days', 'Nobody was consulted', 'The vote was fair', 'We are ready to talk'];
const OUTLETS = ['The Aven Courier', 'Dremmen Ledger', 'Northbay Post', 'Tidewire', 'Kessel Daily', 'The Orsk Herald', 'Halvik Times', 'Lunor Gazette', 'Veltria Wire', 'Saltmere Record', 'Corvel News', 'Marrow Bay Observer'];

interface StoryCast {
  readonly id: string;
  readonly people: readonly string[];
  readonly places: readonly string[];
  readonly org: string;
  readonly topic: string;
  readonly firstDay: number;
  readonly lastDay: number;
  remaining: number;
  written: number;
  /** Where the story's run of real sentences starts in the pool. */
  readonly realFrom: number;
  /** The story's coined word for each name of its real sentences. */
  readonly names: Map<string, string>;
}

/** Capitalised words real prose keeps: titles, days, months and words capitalised for grammar. */
const KEPT_CAPITALISED = new Set(['I', 'Mr', 'Mrs', 'Ms', 'Dr', 'Sen', 'Rep', 'Gov', 'President', 'Senator', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']);

/** Story sizes: most stories are covered once or twice, a few by dozens or hundreds (Pareto, capped). */
function storySize(rand: () => number): number {
  return Math.min(300, Math.floor(1 / Math.pow(1 - rand() * 0.999, 0.8)));
}

/** The synthetic articles, in publication order. */
/** Bumped when the stream changes, so a library filled from an older stream is not reused (scale-load's template). */
export const SYNTHETIC_VERSION = 2;

/** Real sentences one story's background prose is drawn from (consecutive in the pool: one or two source articles). */
const REAL_WINDOW = 20;
/** Step between the runs of consecutive stories: prime, and larger than a source article's sentences. */
const REAL_STRIDE = 7919;
/** Misses in a row before a coined word takes one syllable more. */
const MAX_COIN_TRIES = 50;

export function* syntheticNews(options: SyntheticOptions): Generator<SyntheticArticle> {
  const rand = seededRandom(options.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  // Coined words never repeat, even as the phonetic skeleton clustering compares names by: two stories share no name by chance.
  const used = new Set<string>();
  // Two-syllable skeletons run out after some thousands of stories (a 13,000-article stream spun here for
  // minutes looking for a new one): after a run of misses a word takes one syllable more.
  const coin = (syllables: number): string => {
    for (let tries = 0; ; tries++) {
      let word = '';
      const length = syllables + Math.floor(tries / MAX_COIN_TRIES);
      for (let i = 0; i < length; i++) word += pick(ONSETS) + pick(NUCLEI) + pick(CODAS);
      const key = wordSkeleton(word);
      if (used.has(key) || key.length < 3) continue;
      used.add(key);
      return word[0]!.toUpperCase() + word.slice(1);
    }
  };
  const real = options.realSentences ?? [];
  // Real prose keeps its words but not its names: a capitalised word inside a sentence becomes the story's own
  // coined word for it. All of the real prose is one story (US politics, 2016), and its names ("Cruz", "Iowa")
  // would link stories that share nothing else.
  const ownNames = (story: StoryCast, sentence: string): string => sentence.replace(/(?<=\s)\p{Lu}\p{Ll}+(?:['’]s)?/gu, (word) => {
    const bare = word.replace(/['’]s$/, '');
    if (KEPT_CAPITALISED.has(bare)) return word;
    let coined = story.names.get(bare);
    if (!coined) { coined = coin(2); story.names.set(bare, coined); }
    return coined + word.slice(bare.length);
  });
  const perDay = options.articlesPerDay ?? 400;
  const start = Date.parse(`${options.startDate ?? '2031-01-01'}T00:00:00Z`);
  const dayOf = (n: number) => Math.floor(n / perDay);
  const open: StoryCast[] = [];
  let stories = 0;
  for (let n = 0; n < options.articles; n++) {
    const day = dayOf(n);
    for (let i = open.length - 1; i >= 0; i--) if (open[i]!.lastDay < day || open[i]!.remaining <= 0) open.splice(i, 1);
    // A new story with the chance that keeps the open stories' sizes on target; else a follow-up of an open one.
    let story: StoryCast;
    const pending = open.reduce((s, c) => s + c.remaining, 0);
    if (open.length === 0 || rand() < perDay / (perDay + pending * 2)) {
      story = {
        id: `story-${options.seed}-${stories++}`,
        people: Array.from({ length: 3 + Math.floor(rand() * 3) }, () => `${coin(2)} ${coin(2)}`),
        places: Array.from({ length: 2 }, () => coin(2)),
        org: `${coin(2)} ${pick(ORG_KINDS)}`,
        topic: `${coin(2).toLowerCase()} ${pick(TOPIC_NOUNS)}`,
        firstDay: day,
        lastDay: day + 1 + Math.floor(rand() * 10),
        remaining: storySize(rand),
        written: 0,
        // The story's own run of real sentences, far in the pool from the runs of the stories opened just before
        // it: open stories share no real prose (and so no real names) by chance. Drawn from the whole pool, they
        // did, and the stream's stories chained into one (305 of 1,000 articles; 2,300 of 5,000).
        realFrom: ((stories - 1) * REAL_STRIDE) % Math.max(1, real.length),
        names: new Map(),
      };
      open.push(story);
    } else {
      let r = rand() * pending;
      story = open.find((c) => (r -= c.remaining) < 0) ?? open[0]!;
    }
    story.remaining--;
    story.written++;
    const outlet = pick(OUTLETS);
    const surname = (person: string) => person.split(' ').pop()!;
    const sentences: string[] = [];
    const count = 9 + Math.floor(rand() * 8);
    for (let s = 0; s < count; s++) {
      const person = pick(story.people);
      const roll = rand();
      if (real.length && roll < 0.35) sentences.push(ownNames(story, real[(story.realFrom + Math.floor(rand() * REAL_WINDOW)) % real.length]!));
      else if (roll < 0.55) sentences.push(`${person}, ${pick(ROLES)}, ${pick(VERBS)} ${pick(DAYS)} that the ${story.topic} ${pick(OUTCOMES)}.`);
      else if (roll < 0.7) sentences.push(`"${pick(QUOTES)}," ${surname(person)} told the ${outlet} in ${pick(story.places)}.`);
      else if (roll < 0.8) sentences.push(`The ${story.org} said ${Math.floor(rand() * 900) + 100} people in ${pick(story.places)} had signed a petition about the ${story.topic}.`);
      else if (roll < 0.9) sentences.push(`${surname(pick(story.people))} and ${surname(person)} met in ${pick(story.places)} ${pick(DAYS)} to discuss the ${story.topic}.`);
      else sentences.push(`Officials of the ${story.org} expect a decision on the ${story.topic} before the end of the month.`);
    }
    const paragraphs: string[] = [];
    for (let s = 0; s < sentences.length; s += 3) paragraphs.push(sentences.slice(s, s + 3).join(' '));
    const published = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
    yield {
      url: `https://${outlet.toLowerCase().replace(/[^a-z]+/g, '-')}.example/${story.id}/${story.written}-${n}`,
      title: `${story.places[0]}: ${story.topic} ${pick(OUTCOMES)}`,
      text: paragraphs.join('\n\n'),
      published,
      outlet,
      story: story.id,
    };
  }
}

/** One JSON Lines record of an article, as `parallax add` reads it. */
export function jsonLine(article: SyntheticArticle): string {
  return JSON.stringify({ url: article.url, title: article.title, text: article.text, published: article.published, outlet: article.outlet });
}
