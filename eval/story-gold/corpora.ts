/**
 * The two real corpora with story-level gold, read from ../shared at run time: their
 * articles annotated by the per-article pipeline, each gold article matched to its doc, and
 * the docs grouped by gold story (so story measures do not depend on the clustering, which
 * is measured on its own).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Doc } from '../../src/core/index.js';
import { createArticlePipeline } from '../../src/annotate/index.js';
import { readArticles } from '../../src/workflow/index.js';
import { CORPUS_DIR } from '../paths.js';
import type { StoryGold } from './gold.js';

export interface GoldCorpus {
  /** `iran` or `realnews`: prefixes the corpus's metrics. */
  readonly key: string;
  readonly dir: string;
  readonly gold: StoryGold;
  /** Every annotated doc of the corpus, in file order. */
  readonly docs: readonly Doc[];
  /** Gold story id → its docs, in file order (the Iran corpus is one story). */
  readonly stories: ReadonlyMap<string, readonly Doc[]>;
  /** Gold article id of a doc. */
  idOf(doc: Doc | string): string | undefined;
  /** The doc of a gold article id. */
  docOf(goldId: string): Doc | undefined;
}

export const IRAN = { key: 'iran', dir: path.join(CORPUS_DIR, 'iran-negotiations-2025') } as const;
export const REALNEWS = { key: 'realnews', dir: path.join(CORPUS_DIR, 'realnews-dev-2025') } as const;

/** A plain reason when a corpus is missing, else null. */
export function corpusMissing(dir: string): string | null {
  return existsSync(path.join(dir, 'gold.json')) ? null : `${dir}/gold.json is absent: skipped (the shared data lives beside the checkout)`;
}

/** Read, extract and annotate every file of a folder, in file order (no stories built). */
export async function annotateFolder(dir: string): Promise<Doc[]> {
  const pipeline = createArticlePipeline();
  const docs: Doc[] = [];
  for await (const result of readArticles([dir])) {
    if (result.ok) docs.push(pipeline.run(result.doc));
  }
  return docs.sort((a, b) => (a.source.path ?? '').localeCompare(b.source.path ?? ''));
}

const cache = new Map<string, Promise<GoldCorpus>>();

/** Load a corpus once per process (several evaluation tasks share it). */
export function loadCorpus(which: { key: string; dir: string }): Promise<GoldCorpus> {
  let loaded = cache.get(which.dir);
  if (!loaded) {
    loaded = load(which);
    cache.set(which.dir, loaded);
  }
  return loaded;
}

async function load(which: { key: string; dir: string }): Promise<GoldCorpus> {
  const gold = JSON.parse(readFileSync(path.join(which.dir, 'gold.json'), 'utf8')) as StoryGold;
  const docs = await annotateFolder(path.join(which.dir, 'articles'));
  const byGold = new Map<string, Doc>();
  const goldOf = new Map<string, string>();
  for (const a of gold.articles) {
    const doc = docs.find((d) => (d.source.path ?? '').endsWith(path.basename(a.file)));
    if (!doc) continue;
    byGold.set(a.id, doc);
    goldOf.set(doc.id, a.id);
  }
  const storyIds = gold.stories ?? { [path.basename(which.dir)]: gold.articles.map((a) => a.id) };
  const stories = new Map<string, Doc[]>();
  for (const [story, ids] of Object.entries(storyIds)) stories.set(story, ids.map((id) => byGold.get(id)).filter((d): d is Doc => d !== undefined));
  return {
    key: which.key,
    dir: which.dir,
    gold,
    docs,
    stories,
    idOf: (doc) => goldOf.get(typeof doc === 'string' ? doc : doc.id),
    docOf: (id) => byGold.get(id),
  };
}
