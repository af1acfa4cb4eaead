/**
 * HTTP API under load: 1,000 stored articles (synthetic, from fictional
 * templates), then autocannon against the story endpoints on loopback.
 * Figures: requests per second and latency percentiles. The server and
 * autocannon share this process and its core, so the figures are a floor.
 */
import autocannon from 'autocannon';
import { contentId, type Doc } from '../src/core/index.js';
import { openStore } from '../src/store/index.js';
import { startServer } from '../src/api/index.js';
import { annotateDoc } from '../src/workflow/index.js';

/** The article count the brief sets for the benchmark. */
const ARTICLE_COUNT = 1_000;
/** Articles annotated for real; the rest carry empty layers so the first story request does not annotate 1,000 texts. */
const ANNOTATED_COUNT = 20;
/** Concurrent connections: a handful of UI users, well within one event loop. */
const CONNECTIONS = 10;
/** Seconds per load run. */
const DETAIL_SECONDS = 10;
const LIST_SECONDS = 5;
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

function syntheticText(n: number): { title: string; text: string } {
  const rand = prng(n + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const paragraphs: string[] = [];
  for (let p = 0; p < PARAGRAPHS_PER_ARTICLE; p++) {
    const person = pick(PEOPLE);
    paragraphs.push(
      `${person}, ${pick(ROLES)}, ${pick(VERBS)} ${pick(DAYS)} that talks on ${pick(TOPICS)} in ${pick(PLACES)} would continue (item ${n}-${p}, ${Math.floor(rand() * 1e6)}). `
      + `"${pick(QUOTES)}," ${person.split(' ')[1]} said. Officials in ${pick(PLACES)} expect ${Math.floor(rand() * 90) + 10} delegates and ${Math.floor(rand() * 900) + 100} observers.`,
    );
  }
  return { title: `Fictional report ${n}: ${pick(TOPICS)} in ${pick(PLACES)}`, text: paragraphs.join('\n\n') };
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

export async function benchApi(): Promise<Record<string, number | string>> {
  const store = await openStore({ memory: true });
  let added = 0;
  let annotateMs = 0;
  let storeMs = 0;
  for (let n = 0; n < ARTICLE_COUNT; n++) {
    const doc = syntheticDoc(n);
    const annotating = performance.now();
    const layered: Doc = n < ANNOTATED_COUNT
      ? annotateDoc(doc)
      : { ...doc, layers: { entities: [], entityIndex: [], quotes: [], times: [], events: [] } };
    const storing = performance.now();
    annotateMs += storing - annotating;
    if ((await store.addDoc(layered)).status === 'added') added++;
    storeMs += performance.now() - storing;
  }
  const server = await startServer({ store, port: 0, env: {} });
  try {
    const firstList = performance.now();
    const list = (await (await fetch(`${server.url}/api/stories`)).json()) as { stories: { id: string; articles: string[] }[] };
    const firstListMs = performance.now() - firstList;
    // The first story holds the first (annotated) article.
    const annotatedStory = list.stories[0]!.id;
    const detail = await load(`${server.url}/api/stories/${annotatedStory}`, DETAIL_SECONDS);
    const all = await load(`${server.url}/api/stories`, LIST_SECONDS);
    return {
      articles: added,
      stories: list.stories.length,
      annotateMsPerArticle: annotateMs / ANNOTATED_COUNT,
      addDocMsPerArticle: storeMs / ARTICLE_COUNT,
      firstStoryListMs: firstListMs,
      storyRps: detail.requests.average,
      storyP50ms: detail.latency.p50,
      storyP99ms: detail.latency.p99,
      storyErrors: detail.errors + detail.non2xx,
      listRps: all.requests.average,
      listP99ms: all.latency.p99,
      listErrors: all.errors + all.non2xx,
    };
  } finally {
    await server.close();
    await store.close();
  }
}
