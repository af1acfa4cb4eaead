/**
 * Who said what on the two real corpora with exhaustive quote gold
 * (../shared/corpus/iran-negotiations-2025 and realnews-dev-2025): the real pipeline
 * (readArticles → createArticlePipeline) on each article file, every quote record scored by
 * the READMEs' rules (eval/corpus-quotes-score.ts).
 *
 * Per corpus: quote-record precision (records matching a required gold quote over records that
 * match one or none; optional matches are neither) and recall (gold quotes, optional included,
 * matched by a record); speaker precision over every scored record with a speaker; the share of
 * all records with the right speaker; direct-quote and reported-speech speaker accuracy over the
 * required gold quotes; junk speakers; records without a speaker; and the list of errors.
 *
 * Run: npm run eval -- corpus-quotes   (or npx tsx eval/corpus-quotes.ts)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createArticlePipeline } from '../src/annotate/index.js';
import { annotationsToJson } from '../src/report/index.js';
import { readArticles } from '../src/workflow/index.js';
import { CORPUS_DIR, missingData } from './paths.js';
import { scoreArticle, totals, type ArticleScore, type CorpusGold, type GoldArticle } from './corpus-quotes-score.js';
import type { EvalResult, EvalTask } from './types.js';

/** The corpora scored, with the metric-name prefix of each. */
const CORPORA = [
  { key: 'iran', dir: path.join(CORPUS_DIR, 'iran-negotiations-2025') },
  { key: 'realnews', dir: path.join(CORPUS_DIR, 'realnews-dev-2025') },
] as const;

const r3 = (x: number): number => Math.round(x * 1000) / 1000;
const ratio = (a: number, b: number): number => (b ? r3(a / b) : 1);
const clip = (s: string | null, n = 70): string => {
  const one = (s ?? '').replace(/\s+/g, ' ').trim();
  return one.length <= n ? one : `${one.slice(0, n - 1)}…`;
};

/** Run the pipeline on one gold article's file and score its quote records. */
async function scoreFile(dir: string, a: GoldArticle, gold: CorpusGold, pipeline: ReturnType<typeof createArticlePipeline>): Promise<ArticleScore | string> {
  for await (const result of readArticles([path.join(dir, a.file)])) {
    if (!result.ok) return `${a.file}: ${result.error.message}`;
    const doc = pipeline.run(result.doc);
    return scoreArticle(doc.text, annotationsToJson(doc).quotes, a, gold);
  }
  return `${a.file}: no article read`;
}

/** The error lines of one article: false positives, not-quote terms, wrong, junk and missing speakers, missed gold quotes. */
function errorLines(score: ArticleScore, a: GoldArticle): string[] {
  const out: string[] = [];
  if (!score.bodyFound) out.push(`BODY       ${a.id}  the body's first sentence is not in the extracted text (only records matching gold scored)`);
  else if (!score.bodyEndFound) out.push(`BODY       ${a.id}  the body's last sentence is not in the extracted text (body taken to the text's end)`);
  for (const r of score.records) {
    const q = r.gold >= 0 ? a.quotes[r.gold]! : undefined;
    const line = `${a.id}  «${clip(r.record.text)}»  speaker: ${clip(r.record.speaker, 50) || '—'}`;
    if (r.status === 'fp') out.push(`FP${r.speaker === 'junk' ? '+JUNK   ' : '        '} ${line}`);
    else if (r.status === 'not-quote') out.push(`NOT-QUOTE  ${line}`);
    else if (r.speaker === 'junk') out.push(`JUNK       ${line}  (gold: ${q?.speaker})`);
    else if (r.speaker === 'wrong') out.push(`SPEAKER    ${line}  (gold: ${q?.speaker})`);
    else if (r.speaker === 'none' && q) out.push(`NO-SPEAKER ${line}  (gold: ${q.speaker})`);
  }
  a.quotes.forEach((q, k) => {
    const hit = score.goldHits[k]!;
    if (hit.record < 0) out.push(`MISSED     ${a.id}  «${clip(q.text)}»  (${q.direct ? 'direct' : 'reported'}, ${q.speaker}${q.optional ? ', optional' : ''}${hit.located ? '' : ', text not in the extracted page'})`);
  });
  return out;
}

export const task: EvalTask = {
  name: 'corpus-quotes',
  async run(): Promise<EvalResult> {
    const data = 'quote records of the real pipeline on ../shared/corpus/{iran-negotiations-2025,realnews-dev-2025} (exhaustive quote gold)';
    const present = CORPORA.filter((c) => missingData(path.join(c.dir, 'gold.json')) === null);
    if (present.length === 0) return { task: 'corpus-quotes', data, rows: [], metrics: {}, skipped: missingData(CORPORA[0].dir) ?? 'no corpus gold' };
    const pipeline = createArticlePipeline();
    const rows: EvalResult['rows'][number][] = [];
    const metrics: Record<string, number> = {};
    const notes: string[] = [];
    for (const corpus of present) {
      const gold = JSON.parse(readFileSync(path.join(corpus.dir, 'gold.json'), 'utf8')) as CorpusGold;
      const scored: { score: ArticleScore; gold: GoldArticle }[] = [];
      for (const a of gold.articles) {
        const score = await scoreFile(corpus.dir, a, gold, pipeline);
        if (typeof score === 'string') { notes.push(`${corpus.key}: ${score}`); continue; }
        scored.push({ score, gold: a });
        notes.push(...errorLines(score, a).map((l) => `${corpus.key}  ${l}`));
      }
      const t = totals(scored);
      const m = {
        quote_precision: ratio(t.tp, t.tp + t.fp),
        quote_recall: ratio(t.goldFound, t.gold),
        speaker_precision: ratio(t.speakerRight, t.withSpeaker),
        records_right_speaker: ratio(t.speakerRight, t.records),
        direct_speaker: ratio(t.directRight, t.direct),
        reported_speaker: ratio(t.reportedRight, t.reported),
        junk_speakers: t.junk,
        // A floor can only bound from below: 1 when no speaker is junk, the figure pinned in baseline.json.
        junk_free: t.junk === 0 ? 1 : 0,
        no_speaker: t.noSpeaker,
        not_quote_errors: t.notQuoteErrors,
      };
      for (const [k, v] of Object.entries(m)) metrics[`${corpus.key}_${k}`] = v;
      rows.push({
        corpus: corpus.key,
        records: t.records,
        'quote P': m.quote_precision,
        'quote R': `${m.quote_recall.toFixed(3)} (${t.goldFound}/${t.gold})`,
        'speaker P': `${m.speaker_precision.toFixed(3)} (${t.speakerRight}/${t.withSpeaker})`,
        'right speaker/records': m.records_right_speaker,
        'direct speaker': `${m.direct_speaker.toFixed(3)} (${t.directRight}/${t.direct})`,
        'reported speaker': `${m.reported_speaker.toFixed(3)} (${t.reportedRight}/${t.reported})`,
        junk: t.junk,
        'no speaker': t.noSpeaker,
        'not-quote errors': t.notQuoteErrors,
        'FP / optional': `${t.fp} / ${t.optional}`,
      });
    }
    return { task: 'corpus-quotes', data, rows, metrics, notes: ['errors (FP: matches no gold quote; SPEAKER: wrong speaker; MISSED: gold quote no record matches):', ...notes] };
  },
};

// Run directly: npx tsx eval/corpus-quotes.ts
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const result = await task.run();
  console.table(result.rows);
  for (const n of result.notes ?? []) console.log(n);
  console.log(result.metrics);
}
