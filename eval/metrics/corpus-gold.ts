/**
 * The two annotated real-news corpora in ../shared/corpus, read at run time (never copied into the
 * repository): their articles' gold metadata, body markers and dated events, and the helpers the
 * corpus evaluations share to compare printed strings.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeInputs, type AnalyzedArticle } from '../../src/workflow/index.js';
import type { Doc } from '../../src/core/index.js';
import { CORPUS_DIR, missingData } from '../paths.js';

export interface GoldEvent {
  readonly date: string;
  readonly actor?: string;
  readonly what?: string;
  readonly evidence: string;
  readonly also_evidence?: string | string[];
}

export interface GoldArticle {
  readonly id: string;
  readonly file: string;
  readonly url?: string;
  readonly title: string | null;
  readonly published: string | null;
  /** Month only, when the URL shows no more (realnews convention): gold `published` is then null. */
  readonly published_partial?: string;
  readonly author: string | null;
  readonly outlet: string | null;
  readonly kind: string;
  readonly body_first: string;
  readonly body_last: string;
  readonly not_body: readonly string[];
  readonly events: readonly GoldEvent[];
}

export interface GoldCorpus {
  /** Short key for metric names: `iran`, `realnews`. */
  readonly key: string;
  readonly dir: string;
  readonly articles: readonly GoldArticle[];
}

/** The corpora the corpus evaluations score, with the key that prefixes their metrics. */
export const CORPORA: readonly { key: string; dir: string }[] = [
  { key: 'iran', dir: path.join(CORPUS_DIR, 'iran-negotiations-2025') },
  { key: 'realnews', dir: path.join(CORPUS_DIR, 'realnews-dev-2025') },
];

/** The corpora whose gold.json is present (none when ../shared is absent). */
export function loadCorpora(): GoldCorpus[] {
  return CORPORA.filter((c) => existsSync(path.join(c.dir, 'gold.json'))).map((c) => ({
    ...c,
    articles: (JSON.parse(readFileSync(path.join(c.dir, 'gold.json'), 'utf8')) as { articles: GoldArticle[] }).articles,
  }));
}

/** The corpora to score, or why there are none (../shared absent): the corpus tasks then skip. */
export function corporaOrReason(): { corpora: GoldCorpus[]; skipped?: undefined } | { corpora?: undefined; skipped: string } {
  const missing = missingData(CORPUS_DIR);
  const corpora = missing ? [] : loadCorpora();
  return corpora.length ? { corpora } : { skipped: missing ?? 'no gold.json in ../shared/corpus' };
}

/** The article input files of a corpus, in gold order. */
export function articleFiles(corpus: GoldCorpus): string[] {
  return corpus.articles.map((a) => path.join(corpus.dir, a.file));
}

/** Printed strings compared loosely: Unicode forms, curly quotes and dashes unified, space collapsed, case kept. */
export function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return a == b;
  return looseText(a) === looseText(b);
}

export function looseText(s: string): string {
  return s.normalize('NFKC').replace(/[‘’`´]/g, "'").replace(/[“”«»„]/g, '"').replace(/[–—‐‑]/g, '-').replace(/\s+/g, ' ').trim();
}

/** Letters and digits only, lower case: for names an annotator describes more fully than the page prints. */
export function squash(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** One gold article with what Parallax made of it (undefined when its file yielded no article). */
export interface ScoredPair {
  readonly gold: GoldArticle;
  readonly doc?: Doc;
  readonly article?: AnalyzedArticle;
}

const analyses = new Map<string, Promise<ScoredPair[]>>();

/**
 * Analyse a corpus's files as a user would (ingest, extract, annotate, build stories), once per
 * process: the corpus tasks share it.
 */
export function analyzeCorpus(corpus: GoldCorpus): Promise<ScoredPair[]> {
  let pending = analyses.get(corpus.dir);
  if (!pending) {
    pending = analyzeInputs(articleFiles(corpus)).then(({ analysis, docs }) =>
      corpus.articles.map((gold) => {
        const file = path.resolve(corpus.dir, gold.file);
        const i = docs.findIndex((d) => d.source.path !== undefined && path.resolve(d.source.path) === file);
        return i < 0 ? { gold } : { gold, doc: docs[i]!, article: analysis.articles[i]! };
      }));
    analyses.set(corpus.dir, pending);
  }
  return pending;
}
