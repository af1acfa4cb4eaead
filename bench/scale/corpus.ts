/**
 * The scale bench's input: synthetic articles from the seeded generator, a
 * share of their sentences real news prose, and the real articles of
 * ../shared (PolNeAR's political news, the two corpora) among them, written
 * as JSON Lines files of a fixed size. Real texts are read at run time and
 * written only to a temporary folder.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EVAL_DATA_DIR, CORPUS_DIR } from '../../eval/paths.js';
import { jsonLine, syntheticNews } from '../synthetic-news.js';

const POLNEAR = ['polnear-train.json', 'polnear-dev.json'].map((f) => path.join(EVAL_DATA_DIR, 'quotes', f));
const MIN_SENTENCE_WORDS = 6;
const MAX_SENTENCE_WORDS = 50;

interface PolnearArticle { readonly id: string; readonly text: string; readonly title: string; readonly publication_date: string; readonly publisher?: string }

function polnear(): PolnearArticle[] {
  return POLNEAR.filter(existsSync).flatMap((f) => JSON.parse(readFileSync(f, 'utf8')) as PolnearArticle[]);
}

/** Sentences of real news to mix into the synthetic articles (empty without ../shared). */
function realSentences(articles: readonly PolnearArticle[]): string[] {
  return articles.flatMap((a) => a.text.split(/(?<=[.!?]["\u201D]?)\s+(?=["\u201C]?[A-Z])/))
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => { const n = s.split(' ').length; return n >= MIN_SENTENCE_WORDS && n <= MAX_SENTENCE_WORDS; });
}

/** The real articles as JSON Lines records (PolNeAR, the corpora's text files). */
function realRecords(articles: readonly PolnearArticle[]): string[] {
  const records = articles.map((a) => JSON.stringify({ url: `https://polnear.example/${a.id}`, title: a.title, text: a.text, published: a.publication_date.slice(0, 10), outlet: a.publisher ?? null }));
  if (existsSync(CORPUS_DIR)) {
    for (const corpus of readdirSync(CORPUS_DIR)) {
      const dir = path.join(CORPUS_DIR, corpus, 'articles');
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
        records.push(JSON.stringify({ url: `https://corpus.example/${corpus}/${file}`, text: readFileSync(path.join(dir, file), 'utf8') }));
      }
    }
  }
  return records;
}

export interface BenchCorpus {
  /** JSON Lines files of `perFile` articles each, in order. */
  readonly files: readonly string[];
  readonly articles: number;
  readonly realArticles: number;
  readonly meanWords: number;
  /** The story each synthetic article was written for, by URL (the truth a grouping is scored against). */
  readonly truth: ReadonlyMap<string, string>;
}

/** Write `total` articles as JSON Lines files of `perFile` each: synthetic ones with the real ones spread among them. */
export async function writeBenchCorpus(dir: string, total: number, perFile: number, seed = 2031): Promise<BenchCorpus> {
  await mkdir(dir, { recursive: true });
  const real = polnear();
  const reals = realRecords(real).slice(0, Math.floor(total / 20));
  const every = reals.length ? Math.floor(total / reals.length) : Infinity;
  const truth = new Map<string, string>();
  const files: string[] = [];
  let lines: string[] = [];
  let words = 0;
  let n = 0;
  let r = 0;
  const flush = async () => {
    const file = path.join(dir, `batch-${String(files.length).padStart(4, '0')}.jsonl`);
    await writeFile(file, lines.join('\n') + '\n');
    files.push(file);
    lines = [];
  };
  const synthetic = syntheticNews({ seed, articles: total - reals.length, realSentences: realSentences(real) });
  while (n < total) {
    let line: string;
    if (r < reals.length && n % every === every - 1) {
      line = reals[r++]!;
      words += (JSON.parse(line) as { text: string }).text.split(/\s+/).length;
    } else {
      const next = synthetic.next();
      if (next.done) { if (r >= reals.length) break; line = reals[r++]!; }
      else { line = jsonLine(next.value); truth.set(next.value.url, next.value.story); words += next.value.text.split(/\s+/).length; }
    }
    lines.push(line);
    n++;
    if (lines.length >= perFile) await flush();
  }
  if (lines.length) await flush();
  return { files, articles: n, realArticles: r, meanWords: words / Math.max(1, n), truth };
}
