/**
 * HTTP API under load: 1,000 articles (synthetic, from fictional templates)
 * added through the Library (each placed in a story as it is added), then
 * autocannon against the story endpoints on loopback. Figures: add and
 * reopen cost, the first (cold: every story built) and second (cached) story
 * list, requests per second and latency percentiles. The server and
 * autocannon share this process and its core, so the figures are a floor.
 */
import autocannon from 'autocannon';
import { contentId, type Doc } from '../src/core/index.js';
import { openStore } from '../src/store/index.js';
import { startServer } from '../src/api/index.js';
import { Library, annotateDoc } from '../src/workflow/index.js';

/** The article count the brief sets for the benchmark. */
const ARTICLE_COUNT = 1_000;
/** Articles annotated for real; the rest carry empty layers so the bench does not spend minutes annotating 1,000 texts. */
const ANNOTATED_COUNT = 20;
/** The first articles share people, places and topics: one multi-article story, the one the detail load hits. The rest are one story each. */
const SHARED_STORY_ARTICLES = ANNOTATED_COUNT;
/** Concurrent connections: a handful of UI users, well within one event loop. */
const CONNECTIONS = 10;
/** Seconds per load run. */
const DETAIL_SECONDS = 10;
const LIST_SECONDS = 5;
const ARTICLE_SECONDS = 5;
const PARAGRAPHS_PER_ARTICLE = 6;

const PEOPLE = ['Mara Quillon', 'Ivo Brask', 'Anika Sorel', 'Tomas Rendell', 'Lio Varnet', 'Edda Morrow', 'Karel Vinst', 'Sefa Olund'];
const PLACES = ['Port Aven', 'Dremmen', 'Kessel', 'Lunor', 'Veltria', 'Orsk', 'Halvik', 'Tessaly Bay'];
const ROLES = ['the harbour minister', 'the union chair', 'the council leader', 'a spokesman for the ministry', 'the mayor', 'an economist at the Aven Institute'];
const TOPICS = ['the harbour agreement', 'the bridge repairs', 'the festival budget', 'the grain tariff', 'the ferry timetable', 'the water tax'];
const VERBS = ['said', 'told reporters', 'wrote in a statement', 'argued', 'warned'];
const QUOTES = ['We will not sign a bad deal', 'The numbers do not add up', 'This is a step, not a solution', 'Safety comes first, whatever the cost', 'We expect an answer within days'];
const DAYS = ['on Monday', 'on Tuesday', 'on Wednesday', 'last week', 'on 3 March', 'in April'];

/** Deterministic choices, so every run stores the same articles. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Syllables for coining fictional names, so each of the other articles tells a story of its own. */
const SYLLABLES = ['ka', 'lo', 'mer', 'ti', 'vas', 'dun', 'rel', 'os', 'bri', 'tan', 'el', 'quor', 'fin', 'zal', 'um', 'pe', 'ro', 'shi', 'gar', 'nev'];
const TOPIC_NOUNS = ['agreement', 'repairs', 'budget', 'tariff', 'timetable', 'tax'];

interface Vocabulary {
  readonly people: readonly string[];
  readonly places: readonly string[];
  readonly topics: readonly string[];
}

/** The shared story: the first articles all cover it. */
const SHARED_STORY: Vocabulary = { people: PEOPLE, places: PLACES, topics: TOPICS };

/** Names and topics coined for one article alone. */
function coinedVocabulary(rand: () => number): Vocabulary {
  const coin = (syllables: number): string => {
    let word = '';
    for (let i = 0; i < syllables; i++) word += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    return word[0]!.toUpperCase() + word.slice(1);
  };
  const many = (count: number, make: () => string): string[] => Array.from({ length: count }, make);
  return {
    people: many(3, () => `${coin(2)} ${coin(3)}`),
    places: many(2, () => coin(3)),
    topics: many(2, () => `the ${coin(3).toLowerCase()} ${TOPIC_NOUNS[Math.floor(rand() * TOPIC_NOUNS.length)]}`),
  };
}

function syntheticText(n: number): { title: string; text: string } {
  const rand = prng(n + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const words = n < SHARED_STORY_ARTICLES ? SHARED_STORY : coinedVocabulary(rand);
  const paragraphs: string[] = [];
  for (let p = 0; p < PARAGRAPHS_PER_ARTICLE; p++) {
    const person = pick(words.people);
    paragraphs.push(
      `${person}, ${pick(ROLES)}, ${pick(VERBS)} ${pick(DAYS)} that talks on ${pick(words.topics)} in ${pick(words.places)} would continue (item ${n}-${p}, ${Math.floor(rand() * 1e6)}). `
      + `"${pick(QUOTES)}," ${person.split(' ')[1]} said. Officials in ${pick(words.places)} expect ${Math.floor(rand() * 90) + 10} delegates and ${Math.floor(rand() * 900) + 100} observers.`,
    );
  }
  return { title: `Fictional report ${n}: ${pick(words.topics)} in ${pick(words.places)}`, text: paragraphs.join('\n\n') };
}

function syntheticDoc(n: number): Doc {
  const { title, text } = syntheticText(n);
  return {
    id: contentId(text),
    text,
    meta: { title: { value: title, evidence: { source: 'inferred', at: 'bench' } } },
    source: { url: `https://bench.example/articles/${n}` },
    layers: {},
    messages: [],
  };
}

async function load(url: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration: seconds });
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

export async function benchApi(): Promise<Record<string, number | string>> {
  const store = await openStore({ memory: true });
  const library = await Library.open(store);
  let added = 0;
  let annotateMs = 0;
  let addMs = 0;
  for (let n = 0; n < ARTICLE_COUNT; n++) {
    const doc = syntheticDoc(n);
    const annotating = performance.now();
    const layered: Doc = n < ANNOTATED_COUNT
      ? annotateDoc(doc)
      : { ...doc, layers: { entities: [], entityIndex: [], quotes: [], times: [], events: [] } };
    const adding = performance.now();
    annotateMs += adding - annotating;
    if ((await library.add(layered)).status === 'added') added++;
    addMs += performance.now() - adding;
  }
  // What a restart pays: the story index rebuilt from the stored articles.
  const reopen = await timed(() => Library.open(store));
  const server = await startServer({ store, library: reopen.value, port: 0, env: {} });
  try {
    type Listed = { stories: { id: string; articles: string[] }[] };
    const firstList = await timed(async () => (await (await fetch(`${server.url}/api/stories`)).json()) as Listed);
    const secondList = await timed(() => fetch(`${server.url}/api/stories`).then((r) => r.json()));
    const list = firstList.value;
    // The story holding the first (annotated) article: the one with real entities, timeline and quotes.
    const annotatedStory = list.stories.find((s) => s.articles.includes(syntheticDoc(0).id))!;
    const singles = list.stories.filter((s) => s.articles.length === 1).length;
    const detail = await load(`${server.url}/api/stories/${annotatedStory.id}`, DETAIL_SECONDS);
    const all = await load(`${server.url}/api/stories`, LIST_SECONDS);
    const article = await load(`${server.url}/api/articles/${annotatedStory.articles[0]}`, ARTICLE_SECONDS);
    return {
      articles: added,
      stories: list.stories.length,
      singleArticleStories: singles,
      benchedStoryArticles: annotatedStory.articles.length,
      annotateMsPerArticle: annotateMs / ANNOTATED_COUNT,
      libraryAddMsPerArticle: addMs / ARTICLE_COUNT,
      libraryReopenMs: reopen.ms,
      firstStoryListMs: firstList.ms,
      cachedStoryListMs: secondList.ms,
      storyRps: detail.requests.average,
      storyP50ms: detail.latency.p50,
      storyP99ms: detail.latency.p99,
      storyErrors: detail.errors + detail.non2xx,
      listRps: all.requests.average,
      listP99ms: all.latency.p99,
      listErrors: all.errors + all.non2xx,
      articleRps: article.requests.average,
      articleP99ms: article.latency.p99,
      articleErrors: article.errors + article.non2xx,
    };
  } finally {
    await server.close();
    await store.close();
  }
}
