/**
 * Linear time per article: analysing (extracting and annotating, what `analyze`
 * does to one text) an 800-word article, a 1 MB and a 5 MB one. Each size runs
 * in its own process so its peak memory is its own. Target: the large ones cost
 * at most 1.5× per byte what the 800-word one does (they are analysed up to the
 * per-article budget and say so, `W_ANALYSIS_CAPPED`).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { contentId, type RawPage } from '../src/core/index.js';
import { extractArticle } from '../src/extract/index.js';
import { createArticlePipeline, ANALYSIS_CAPPED } from '../src/annotate/index.js';
import { fictionalText, fictionalTextOfWords } from '../test/helpers/fictional-text.js';

const SIZES = [
  { name: '800 words', make: () => fictionalTextOfWords(800, 41), repeats: 20 },
  { name: '1 MB', make: () => fictionalText(1_000_000, { seed: 42 }), repeats: 1 },
  { name: '5 MB', make: () => fictionalText(5_000_000, { seed: 43 }), repeats: 1 },
] as const;
/** The target ratio of per-byte cost, large article over an 800-word one. */
const MAX_RATIO = 1.5;

interface SizeFigures { bytes: number; ms: number; analysedChars: number; capped: boolean; peakRssMb: number }

function page(text: string): RawPage {
  return { source: { path: 'bench.txt' }, format: 'text', content: text, encoding: 'utf-8', fetchedAt: '2025-04-08T00:00:00.000Z' };
}

/** In a child: analyse one size and print its figures as JSON. */
function measure(index: number): SizeFigures {
  const size = SIZES[index]!;
  const text = size.make();
  const pipeline = createArticlePipeline();
  pipeline.run(extractArticle(page(fictionalTextOfWords(800, 7)))); // warm-up: models loaded, code compiled
  let doc = pipeline.run(extractArticle(page(text)));
  const started = performance.now();
  for (let i = 0; i < size.repeats; i++) doc = pipeline.run(extractArticle(page(text)));
  const ms = (performance.now() - started) / size.repeats;
  const cap = doc.messages.find((m) => m.code === ANALYSIS_CAPPED);
  return { bytes: Buffer.byteLength(text), ms, analysedChars: cap?.place?.start ?? doc.text.length, capped: Boolean(cap), peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

export async function benchArticleSize(): Promise<Record<string, number | string>> {
  const figures: SizeFigures[] = [];
  for (let i = 0; i < SIZES.length; i++) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--size', String(i)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`bench child for ${SIZES[i]!.name} failed: ${child.stderr}`);
    figures.push(JSON.parse(child.stdout.trim().split('\n').pop()!) as SizeFigures);
  }
  const perByte = figures.map((f) => f.ms / f.bytes);
  const out: Record<string, number | string> = {};
  figures.forEach((f, i) => {
    const name = SIZES[i]!.name.replace(/\s+/g, '');
    out[`${name}.ms`] = Number(f.ms.toFixed(1));
    out[`${name}.usPerByte`] = Number(((f.ms * 1000) / f.bytes).toFixed(3));
    out[`${name}.ratio`] = Number((perByte[i]! / perByte[0]!).toFixed(2));
    // The same per character actually analysed (extraction of the whole text included): what the budget does not hide.
    out[`${name}.analysedRatio`] = Number((f.ms / f.analysedChars / (figures[0]!.ms / figures[0]!.analysedChars)).toFixed(2));
    out[`${name}.analysedChars`] = f.analysedChars;
    out[`${name}.peakRssMb`] = Math.round(f.peakRssMb);
  });
  out['targetRatio'] = MAX_RATIO;
  out['meetsTarget'] = perByte.slice(1).every((p) => p / perByte[0]! <= MAX_RATIO) ? 'yes' : 'no';
  return out;
}

const sizeArg = process.argv.indexOf('--size');
if (sizeArg !== -1) process.stdout.write(`${JSON.stringify(measure(Number(process.argv[sizeArg + 1])))}\n`);
