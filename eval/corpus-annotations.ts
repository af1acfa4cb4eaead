/**
 * The per-article language layers on the real case (../shared/corpus/iran-negotiations-2025):
 * direct quotes with the right speaker, reported speech, terms in quote marks that are not quotes,
 * and the gold date of each event recoverable from its evidence sentence (an event or a time
 * expression with that value inside it).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeInputs, type AnalyzedArticle } from '../src/workflow/index.js';
import { CORPUS_DIR, missingData } from './paths.js';
import type { EvalResult, EvalTask } from './types.js';

const STORY_DIR = path.join(CORPUS_DIR, 'iran-negotiations-2025');

interface GoldQuote { text: string; speaker: string; direct: boolean }
interface GoldEvent { date: string; actor: string; evidence: string }
interface GoldArticle { id: string; file: string; quotes: GoldQuote[]; not_quotes: string[]; events: GoldEvent[] }
interface Gold { articles: GoldArticle[]; aliases: { canonical: string; forms: string[] }[] }

function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’']/g, "'").toLowerCase();
}

/** Names a gold speaker may be written as: its alias forms' last words, or the descriptive words of an unnamed one. */
function speakerWords(speaker: string, gold: Gold): string[] {
  if (/^unnamed\b/i.test(speaker)) return speaker.split(/\s+/).slice(1).map(fold);
  const group = gold.aliases.find((a) => a.canonical === speaker);
  const forms = group ? group.forms : [speaker];
  return [...new Set(forms.map((f) => fold(f.split(/\s+/).pop()!)))];
}

function quoteFound(article: AnalyzedArticle, q: GoldQuote, gold: Gold): { found: boolean; speakerRight: boolean } {
  const at = article.text.indexOf(q.text);
  if (at < 0) return { found: false, speakerRight: false };
  const gs = at;
  const ge = at + q.text.length;
  const hit = article.quotes.find((p) => Math.min(p.end, ge) - Math.max(p.start, gs) >= 0.5 * (ge - gs));
  if (!hit) return { found: false, speakerRight: false };
  const ours = fold(`${hit.speaker ?? ''} ${hit.speakerText ?? ''}`);
  const unnamedGold = /^unnamed\b/i.test(q.speaker);
  const speakerRight = unnamedGold
    ? !hit.speakerEntity && speakerWords(q.speaker, gold).some((w) => ours.includes(w))
    : speakerWords(q.speaker, gold).some((w) => ours.includes(w));
  return { found: true, speakerRight };
}

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
    const data = `../shared/corpus/iran-negotiations-2025 (quotes, not-quotes, event dates)`;
    const missing = missingData(STORY_DIR);
    if (missing) return { task: this.name, data, rows: [], metrics: {}, skipped: missing };
    const gold = JSON.parse(readFileSync(path.join(STORY_DIR, 'gold.json'), 'utf8')) as Gold;
    const { analysis } = await analyzeInputs([path.join(STORY_DIR, 'articles')]);
    const rows: EvalResult['rows'][number][] = [];
    const totals = { direct: 0, directRight: 0, reported: 0, reportedFound: 0, notQuotes: 0, notQuotesReported: 0, events: 0, eventsDated: 0 };
    for (const g of gold.articles) {
      const article = analysis.articles.find((a) => a.source.path?.endsWith(path.basename(g.file)));
      if (!article) { rows.push({ article: g.id, note: 'not extracted' }); continue; }
      let direct = 0, directRight = 0, reported = 0, reportedFound = 0, notQuotesReported = 0, dated = 0;
      for (const q of g.quotes) {
        const r = quoteFound(article, q, gold);
        if (q.direct) { direct++; if (r.found && r.speakerRight) directRight++; }
        else { reported++; if (r.found && r.speakerRight) reportedFound++; }
      }
      for (const nq of g.not_quotes) {
        const at = article.text.indexOf(nq);
        if (at >= 0 && article.quotes.some((p) => p.start < at + nq.length && p.end > at && p.end - p.start <= nq.length + 4)) notQuotesReported++;
      }
      for (const ev of g.events) if (eventDateRecoverable(article, ev)) dated++;
      rows.push({ article: g.id, direct_quotes: `${directRight}/${direct}`, reported: `${reportedFound}/${reported}`, not_quotes_reported: `${notQuotesReported}/${g.not_quotes.length}`, event_dates: `${dated}/${g.events.length}` });
      totals.direct += direct; totals.directRight += directRight; totals.reported += reported; totals.reportedFound += reportedFound;
      totals.notQuotes += g.not_quotes.length; totals.notQuotesReported += notQuotesReported; totals.events += g.events.length; totals.eventsDated += dated;
    }
    rows.push({ article: 'all', direct_quotes: `${totals.directRight}/${totals.direct}`, reported: `${totals.reportedFound}/${totals.reported}`, not_quotes_reported: `${totals.notQuotesReported}/${totals.notQuotes}`, event_dates: `${totals.eventsDated}/${totals.events}` });
    return {
      task: this.name,
      data,
      rows,
      metrics: {
        direct_quotes_right: totals.direct ? totals.directRight / totals.direct : 1,
        reported_quotes_found: totals.reportedFound,
        not_quotes_clean: totals.notQuotesReported === 0 ? 1 : 0,
        event_dates_recoverable: totals.eventsDated,
      },
    };
  },
};
