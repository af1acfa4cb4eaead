/**
 * Event dates on the real case (../shared/corpus/iran-negotiations-2025): the gold date of each
 * event recoverable from its evidence sentence (an event or a time expression with that value
 * inside it). Quotes and speakers on both corpora are scored by eval/corpus-quotes.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeInputs, type AnalyzedArticle } from '../src/workflow/index.js';
import { CORPUS_DIR, missingData } from './paths.js';
import type { EvalResult, EvalTask } from './types.js';

const STORY_DIR = path.join(CORPUS_DIR, 'iran-negotiations-2025');

interface GoldEvent { date: string; actor: string; evidence: string }
interface GoldArticle { id: string; file: string; events: GoldEvent[] }
interface Gold { articles: GoldArticle[] }

/** The sentence around a passage: back to the previous sentence end, on to the next. */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  let s = start;
  while (s > 0 && !/[.!?]["”’]?\s$/.test(text.slice(Math.max(0, s - 3), s)) && text[s - 1] !== '\n') s--;
  let e = end;
  while (e < text.length && !/[.!?]/.test(text[e - 1] ?? '') && text[e] !== '\n') e++;
  return [s, e];
}

function eventDateRecoverable(article: AnalyzedArticle, ev: GoldEvent): boolean {
  const at = article.text.indexOf(ev.evidence);
  if (at < 0) return false;
  const [s, e] = sentenceAround(article.text, at, at + ev.evidence.length);
  const inside = (x: { start: number; end: number }) => x.start < e && x.end > s;
  return article.times.some((t) => inside(t) && t.value === ev.date) || article.events.some((x) => inside(x) && x.date === ev.date);
}

export const task: EvalTask = {
  name: 'corpus-annotations',
  async run(): Promise<EvalResult> {
    const data = `../shared/corpus/iran-negotiations-2025 (event dates)`;
    const missing = missingData(STORY_DIR);
    if (missing) return { task: this.name, data, rows: [], metrics: {}, skipped: missing };
    const gold = JSON.parse(readFileSync(path.join(STORY_DIR, 'gold.json'), 'utf8')) as Gold;
    const { analysis } = await analyzeInputs([path.join(STORY_DIR, 'articles')]);
    const rows: EvalResult['rows'][number][] = [];
    const totals = { events: 0, eventsDated: 0 };
    for (const g of gold.articles) {
      const article = analysis.articles.find((a) => a.source.path?.endsWith(path.basename(g.file)));
      if (!article) { rows.push({ article: g.id, note: 'not extracted' }); continue; }
      let dated = 0;
      for (const ev of g.events) if (eventDateRecoverable(article, ev)) dated++;
      rows.push({ article: g.id, event_dates: `${dated}/${g.events.length}` });
      totals.events += g.events.length; totals.eventsDated += dated;
    }
    rows.push({ article: 'all', event_dates: `${totals.eventsDated}/${totals.events}` });
    return { task: this.name, data, rows, metrics: { event_dates_recoverable: totals.eventsDated } };
  },
};
