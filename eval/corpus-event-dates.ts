/**
 * Dated events of both annotated corpora (../shared/corpus/iran-negotiations-2025 and realnews-dev-2025),
 * from the full analysis of their files.
 *
 * A gold event is dated right when an event or a time expression on a sentence of its evidence (any
 * sentence the evidence string overlaps, in the article's own sentence split) carries the gold date at
 * the gold's precision: the same value once a time of day is dropped ("2025-03-02T14:00" is
 * "2025-03-02"), or, as the realnews gold gives a week as its month, a week value ("2023-W37") whose
 * Thursday falls in the gold month. A value coarser or finer than the gold's is not right.
 * Events whose evidence the body does not hold (captions, headings left out of it) are misses, counted
 * apart. Misses are printed with what the sentence carried.
 */
import type { AnalyzedArticle } from '../src/workflow/index.js';
import type { Span } from '../src/core/index.js';
import type { EvalResult, EvalTask } from './types.js';
import { weekAsMonth } from '../src/annotate/times/index.js';
import { analyzeCorpus, corporaOrReason, type GoldEvent } from './metrics/corpus-gold.js';

/** True when a value we emitted names the gold date at the gold's precision. */
export function dateMatches(ours: string | null | undefined, gold: string): boolean {
  if (!ours) return false;
  const day = ours.replace(/T.*$/, '');
  if (day === gold) return true;
  return /^\d{4}-\d{2}$/.test(gold) && /-W\d{2}/.test(day) && weekAsMonth(day) === gold;
}

function evidenceSpans(text: string, ev: GoldEvent): Span[] {
  const strings = [ev.evidence, ...(Array.isArray(ev.also_evidence) ? ev.also_evidence : ev.also_evidence ? [ev.also_evidence] : [])];
  const spans: Span[] = [];
  for (const s of strings) {
    const at = text.indexOf(s);
    if (at >= 0) spans.push({ start: at, end: at + s.length });
  }
  return spans;
}

type Outcome = { ok: true } | { ok: false; why: 'not in body' | 'no date' | 'wrong date'; carried: string[] };

function judge(article: AnalyzedArticle, sentences: readonly Span[], ev: GoldEvent): Outcome {
  const spans = evidenceSpans(article.text, ev);
  if (spans.length === 0) return { ok: false, why: 'not in body', carried: [] };
  const onSentence = sentences.filter((s) => spans.some((e) => s.start < e.end && e.start < s.end));
  const region = onSentence.length ? onSentence : spans;
  const inside = (x: { start: number; end: number }): boolean => region.some((s) => x.start < s.end && s.start < x.end);
  const values = [
    ...article.times.filter(inside).map((t) => t.value),
    ...article.events.filter(inside).map((e) => e.date),
  ].filter((v): v is string => typeof v === 'string');
  if (values.some((v) => dateMatches(v, ev.date))) return { ok: true };
  const dates = values.filter((v) => /^\d{4}/.test(v));
  return { ok: false, why: dates.length ? 'wrong date' : 'no date', carried: [...new Set(values)] };
}

export const task: EvalTask = {
  name: 'corpus-event-dates',
  async run(): Promise<EvalResult> {
    const data = 'dated events of both annotated corpora in ../shared/corpus (iran-negotiations-2025, realnews-dev-2025)';
    const { corpora, skipped } = corporaOrReason();
    if (skipped !== undefined) return { task: this.name, data, rows: [], metrics: {}, skipped };
    const rows: Record<string, string>[] = [];
    const metrics: Record<string, number> = {};
    for (const corpus of corpora) {
      let total = 0;
      let right = 0;
      const whys = { 'not in body': 0, 'no date': 0, 'wrong date': 0 };
      for (const { gold, doc, article } of await analyzeCorpus(corpus)) {
        for (const ev of gold.events) {
          total++;
          const outcome: Outcome = article && doc
            ? judge(article, (doc.layers.sentences ?? []) as readonly Span[], ev)
            : { ok: false, why: 'not in body', carried: [] };
          if (outcome.ok) { right++; continue; }
          whys[outcome.why]++;
          rows.push({ corpus: corpus.key, article: gold.id, gold: ev.date, miss: outcome.why, carried: outcome.carried.join(' ') || '-', evidence: ev.evidence.slice(0, 90) });
        }
      }
      rows.push({ corpus: corpus.key, article: 'all', gold: `${right}/${total}`, miss: `no date ${whys['no date']}, wrong ${whys['wrong date']}, outside the body ${whys['not in body']}`, carried: '', evidence: '' });
      metrics[`${corpus.key}_event_dates`] = total ? right / total : 1;
      metrics[`${corpus.key}_event_dates_wrong`] = whys['wrong date'];
    }
    return { task: this.name, data, rows, metrics };
  },
};
