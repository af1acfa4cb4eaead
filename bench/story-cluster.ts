/**
 * Cost of adding one article to the story index as the store grows: the mean
 * add() time at 1k, 10k and 100k stored articles, and peak memory.
 *
 * Synthetic articles recombine real sentences of PolNeAR's training texts
 * (US political news): each one draws 8–15 sentences from 2–4 source
 * articles, so entities and terms overlap as they do between real reports.
 * Features come from `storyFeatures` on the text alone (no annotation:
 * capitalised phrases for entities, frequency-ranked terms), computed once
 * for a pool and reused with later dates, so the timed part is add() only.
 *
 * Run: npx tsx bench/run.ts story-cluster
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { seededRandom, type Doc } from '../src/core/index.js';
import { StoryIndex, storyFeatures, type StoryFeatures } from '../src/story/cluster/index.js';
import { EVAL_DATA_DIR } from '../eval/paths.js';

const POLNEAR_TRAIN = path.join(EVAL_DATA_DIR, 'quotes', 'polnear-train.json');
/** Store sizes at which add() is timed. */
const SIZES = [1_000, 10_000, 100_000] as const;
/** Adds timed at each size: enough for a stable mean, few enough that the store barely grows meanwhile. */
const TIMED_ADDS = 2_000;
/** Distinct synthetic articles whose features are computed; larger stores reuse them with later dates. */
const POOL = 20_000;
/** Synthetic articles per publication day: about a large aggregator's daily intake. */
const ARTICLES_PER_DAY = 400;
const MIN_SENTENCES = 8;
const MAX_SENTENCES = 15;
/** Shortest and longest sentence kept from the source texts, in words (drops headings and run-ons). */
const MIN_SENTENCE_WORDS = 6;
const MAX_SENTENCE_WORDS = 60;
const FALLBACK_TEXTS = [
  'Governor Lena Ostrander of Varnholt said on Monday that the budget vote would go ahead. The Harbour Party opposed the plan.',
  'Senator Piet Alvane told reporters in Kessburg that the transport bill lacked support. Ostrander called the bill reckless.',
];


function sourceArticles(): string[][] {
  const texts = existsSync(POLNEAR_TRAIN)
    ? (JSON.parse(readFileSync(POLNEAR_TRAIN, 'utf8')) as { text: string }[]).map((a) => a.text)
    : FALLBACK_TEXTS;
  return texts
    .map((t) => t.split(/(?<=[.!?]["\u201D]?)\s+(?=["\u201C]?[A-Z])/).map((s) => s.replace(/\s+/g, ' ').trim())
      .filter((s) => { const n = s.split(' ').length; return n >= MIN_SENTENCE_WORDS && n <= MAX_SENTENCE_WORDS; }))
    .filter((sentences) => sentences.length > 0);
}

/** Features of POOL synthetic articles, each 8–15 sentences from 2–4 source articles. */
function featurePool(): StoryFeatures[] {
  const sources = sourceArticles();
  const rand = seededRandom(20251122);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const pool: StoryFeatures[] = [];
  for (let i = 0; i < POOL; i++) {
    const from = Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(sources));
    const count = MIN_SENTENCES + Math.floor(rand() * (MAX_SENTENCES - MIN_SENTENCES + 1));
    const text = Array.from({ length: count }, () => pick(pick(from))).join(' ');
    const doc: Doc = { id: `a_syn${i}`, text, meta: {}, source: {}, layers: {}, messages: [] };
    pool.push(storyFeatures(doc));
  }
  return pool;
}

function dateOf(i: number): string {
  return new Date(Date.UTC(2020, 0, 1) + Math.floor(i / ARTICLES_PER_DAY) * 86_400_000).toISOString().slice(0, 10);
}

/** Mean add() time in µs at each store size, features per article, stories formed, peak RSS. */
export async function benchStoryCluster(): Promise<Record<string, number | string>> {
  const featuresStart = performance.now();
  const pool = featurePool();
  const featureMsPerArticle = (performance.now() - featuresStart) / POOL;
  const index = new StoryIndex();
  let added = 0;
  const add = (): void => {
    const f = pool[added % POOL]!;
    index.add(`a_syn${added}`, { ...f, date: dateOf(added) });
    added++;
  };
  const result: Record<string, number | string> = {};
  for (const size of SIZES) {
    while (added < size) add();
    const started = performance.now();
    for (let i = 0; i < TIMED_ADDS; i++) add();
    result[`addUs_at_${size / 1000}k`] = ((performance.now() - started) * 1000) / TIMED_ADDS;
  }
  const first = result[`addUs_at_${SIZES[0] / 1000}k`] as number;
  const last = result[`addUs_at_${SIZES[SIZES.length - 1]! / 1000}k`] as number;
  result.ratio_100k_over_1k = last / first;
  result.articles = added;
  result.stories = index.stories().length;
  result.featureMsPerArticle = featureMsPerArticle;
  result.entitiesPerArticle = pool.reduce((n, f) => n + f.entities.length, 0) / POOL;
  result.termsPerArticle = pool.reduce((n, f) => n + f.terms.length, 0) / POOL;
  result.heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
  result.peakRssMb = process.resourceUsage().maxRSS / 1024;
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await benchStoryCluster());
}
