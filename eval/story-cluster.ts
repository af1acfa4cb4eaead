/**
 * Story clustering: do the five articles of the real corpus end up in one
 * story, and the fictional example story's five in another, while unrelated
 * real news (PolNeAR's US politics 2015–16, some of it about Iran, and HTML
 * pages of the extraction set) and the examples' distractors stay out?
 * Everything goes into one incremental index, distractors before, between and
 * after the story articles. A second pass drops the distractors' dates, so
 * only entities and terms can keep them apart.
 *
 * Run: npx tsx eval/story-cluster.ts
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { EvalResult, EvalTask } from './types.js';
import { CORPUS_DIR, EVAL_DATA_DIR, REPO_ROOT, missingData } from './paths.js';
import { contentId, type Doc } from '../src/core/index.js';
import { createArticlePipeline } from '../src/annotate/index.js';
import { analyzeInputs } from '../src/workflow/index.js';
import { StoryIndex, storyFeatures } from '../src/story/cluster/index.js';

const CORPUS = path.join(CORPUS_DIR, 'iran-negotiations-2025', 'articles');
const POLNEAR = path.join(EVAL_DATA_DIR, 'quotes', 'polnear-dev.json');
const POLNEAR_TRAIN = path.join(EVAL_DATA_DIR, 'quotes', 'polnear-train.json');
const HTML_DIR = path.join(EVAL_DATA_DIR, 'extraction', 'html');
const EXAMPLES = path.join(REPO_ROOT, 'examples', 'oskel-dam-2025');
const UNRELATED = path.join(REPO_ROOT, 'examples', 'unrelated');
/** PolNeAR dev articles used as distractors, in file order. */
const POLNEAR_DISTRACTORS = 30;
/** Plus the PolNeAR train articles that mention Iran most (the sanctions bill, the prisoner swap, the 2015 deal): the near misses. */
const IRAN_DISTRACTORS = 12;
/** Extraction-set HTML pages used as distractors, through the full ingest and extract path. */
const HTML_DISTRACTORS = 6;

interface PolnearArticle { readonly id: string; readonly text: string; readonly publication_date: string; readonly title: string }
interface ExampleGold { readonly articles: { readonly title: string }[]; readonly not_in_story: { readonly title: string }[] }

interface Labelled { readonly doc: Doc; readonly group: 'corpus' | 'examples' | 'distractor' | 'examples-distractor' }

function readPolnear(file: string): PolnearArticle[] {
  return JSON.parse(readFileSync(file, 'utf8')) as PolnearArticle[];
}

const iranMentions = (text: string): number => text.match(/\bIran/g)?.length ?? 0;

function polnearDocs(): Doc[] {
  const pipeline = createArticlePipeline();
  const nearTopic = readPolnear(POLNEAR_TRAIN)
    .filter((a) => iranMentions(a.text) > 0)
    .sort((a, b) => iranMentions(b.text) - iranMentions(a.text) || (a.id < b.id ? -1 : 1))
    .slice(0, IRAN_DISTRACTORS);
  const articles = [...readPolnear(POLNEAR).slice(0, POLNEAR_DISTRACTORS), ...nearTopic];
  return articles.map((a) => pipeline.run({
    id: contentId(a.text),
    text: a.text,
    meta: {
      published: { value: a.publication_date, evidence: { source: 'meta', at: 'polnear' } },
      title: { value: a.title, evidence: { source: 'meta', at: 'polnear' } },
    },
    source: {},
    layers: {},
    messages: [],
  }));
}

/** Distractors first and last, the two stories' articles interleaved in the middle. */
function arrival(corpus: Labelled[], examples: Labelled[], distractors: Labelled[]): Labelled[] {
  const half = Math.ceil(distractors.length / 2);
  const middle: Labelled[] = [];
  for (let i = 0; i < Math.max(corpus.length, examples.length); i++) {
    if (corpus[i]) middle.push(corpus[i]!);
    if (examples[i]) middle.push(examples[i]!);
  }
  return [...distractors.slice(0, half), ...middle, ...distractors.slice(half)];
}

interface Outcome { oneStory: boolean; storyArticles: number; storiesSpanned: number; joined: string[] }

/** Where the story's articles went and which other articles joined the story most of them are in. */
function outcome(index: StoryIndex, story: readonly Doc[], others: readonly Labelled[]): Outcome {
  const storyIds = story.map((d) => index.storyOf(d.id)!);
  const counts = new Map<string, number>();
  for (const s of storyIds) counts.set(s, (counts.get(s) ?? 0) + 1);
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const joined = others.filter((o) => index.storyOf(o.doc.id) === main).map((o) => o.doc.meta.title?.value ?? o.doc.id);
  return { oneStory: counts.size === 1, storyArticles: story.length, storiesSpanned: counts.size, joined };
}

function run(order: readonly Labelled[]): { corpus: Outcome; examples: Outcome; stories: number; addMs: number } {
  const index = new StoryIndex();
  const started = performance.now();
  for (const { doc } of order) index.add(doc.id, storyFeatures(doc, { termWeight: (t) => index.termWeight(t) }));
  const addMs = performance.now() - started;
  const of = (g: Labelled['group']) => order.filter((l) => l.group === g);
  const corpus = outcome(index, of('corpus').map((l) => l.doc), order.filter((l) => l.group !== 'corpus'));
  const examples = outcome(index, of('examples').map((l) => l.doc), order.filter((l) => l.group !== 'examples'));
  return { corpus, examples, stories: index.stories().length, addMs };
}

const undated = (l: Labelled): Labelled => {
  if (l.group !== 'distractor') return l;
  const { published: _published, ...meta } = l.doc.meta;
  return { ...l, doc: { ...l.doc, meta } };
};

export const task: EvalTask = {
  name: 'story-cluster',
  async run(): Promise<EvalResult> {
    const missing = missingData(CORPUS) ?? missingData(POLNEAR) ?? missingData(POLNEAR_TRAIN) ?? missingData(HTML_DIR);
    if (missing) return { task: 'story-cluster', data: CORPUS, rows: [], metrics: {}, skipped: missing };

    const corpusDocs = (await analyzeInputs([CORPUS])).docs;
    const htmlFiles = readdirSync(HTML_DIR).filter((f) => f.endsWith('.html') || f.endsWith('.html.gz')).sort().slice(0, HTML_DISTRACTORS);
    const htmlDocs = (await analyzeInputs(htmlFiles.map((f) => path.join(HTML_DIR, f)))).docs;
    const exampleDocs = (await analyzeInputs([EXAMPLES, UNRELATED])).docs;
    const gold = JSON.parse(readFileSync(path.join(EXAMPLES, 'gold.json'), 'utf8')) as ExampleGold;
    const storyTitles = new Set(gold.articles.map((a) => a.title));
    const outTitles = new Set(gold.not_in_story.map((a) => a.title));
    const title = (d: Doc) => d.meta.title?.value ?? '';

    const corpus: Labelled[] = corpusDocs.map((doc) => ({ doc, group: 'corpus' }));
    const examples: Labelled[] = exampleDocs.filter((d) => storyTitles.has(title(d))).map((doc) => ({ doc, group: 'examples' }));
    const distractors: Labelled[] = [
      ...polnearDocs().map((doc) => ({ doc, group: 'distractor' as const })),
      ...htmlDocs.map((doc) => ({ doc, group: 'distractor' as const })),
      ...exampleDocs.filter((d) => outTitles.has(title(d))).map((doc) => ({ doc, group: 'examples-distractor' as const })),
    ];
    const aboutIran = distractors.filter((l) => /\bIran/.test(l.doc.text)).length;

    const dated = run(arrival(corpus, examples, distractors));
    const noDates = run(arrival(corpus, examples, distractors.map(undated)));
    const row = (pass: string, r: ReturnType<typeof run>) => [
      { pass, story: 'real corpus', articles: r.corpus.storyArticles, stories_spanned: r.corpus.storiesSpanned, joined: r.corpus.joined.length, joined_titles: r.corpus.joined.join(' | ') || null, all_stories: r.stories, add_ms: Math.round(r.addMs) },
      { pass, story: 'examples', articles: r.examples.storyArticles, stories_spanned: r.examples.storiesSpanned, joined: r.examples.joined.length, joined_titles: r.examples.joined.join(' | ') || null, all_stories: r.stories, add_ms: Math.round(r.addMs) },
    ];
    return {
      task: 'story-cluster',
      data: `${corpus.length} corpus + ${examples.length} example-story articles among ${distractors.length} distractors (${aboutIran} mention Iran)`,
      rows: [...row('dated', dated), ...row('distractors undated', noDates)],
      metrics: {
        corpus_one_story: dated.corpus.oneStory ? 1 : 0,
        distractors_joined: dated.corpus.joined.length,
        examples_one_story: dated.examples.oneStory ? 1 : 0,
        examples_distractors_joined: dated.examples.joined.length,
        undated_corpus_one_story: noDates.corpus.oneStory ? 1 : 0,
        undated_distractors_joined: noDates.corpus.joined.length,
        // Higher is better, so eval/baseline.json can pin a floor of 1 (floors are lower bounds).
        distractors_kept_out: 1 - (dated.corpus.joined.length + dated.examples.joined.length) / distractors.length,
      },
    };
  },
};
