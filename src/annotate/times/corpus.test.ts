import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findTimeExpressions, splitSentences } from './index.js';
import { chronoTimeExpressions } from './chrono.js';
import type { Timex } from './timex.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const STORY_DIR = path.resolve(REPO_ROOT, '../shared/corpus/iran-negotiations-2025');
const GOLD = path.join(STORY_DIR, 'gold.json');

interface GoldEvent { readonly date: string; readonly evidence: string; readonly seed?: boolean }
interface GoldArticle { readonly id: string; readonly file: string; readonly published: string | null; readonly events: GoldEvent[] }

/** How many gold events have a time expression with their date in the sentence around their evidence. */
function countResolved(find: (text: string, published: string | null) => Timex[]): { found: number; total: number; missed: string[] } {
  const gold = JSON.parse(readFileSync(GOLD, 'utf8')) as { articles: GoldArticle[] };
  let found = 0;
  let total = 0;
  const missed: string[] = [];
  for (const article of gold.articles) {
    const text = readFileSync(path.join(STORY_DIR, article.file), 'utf8');
    const timexes = find(text, article.published);
    const sentences = splitSentences(text);
    for (const event of article.events.filter((e) => e.seed === true)) {
      total++;
      const at = text.indexOf(event.evidence);
      if (at < 0) throw new Error(`evidence not in ${article.file}: ${event.evidence}`);
      const end = at + event.evidence.length;
      const around = sentences.filter((s) => s.start < end && at < s.end);
      const start = Math.min(at, ...around.map((s) => s.start));
      const stop = Math.max(end, ...around.map((s) => s.end));
      if (timexes.some((t) => t.value === event.date && t.start < stop && start < t.end)) found++;
      else missed.push(`${article.id} ${event.date}: ${event.evidence}`);
    }
  }
  return { found, total, missed };
}

describe.skipIf(!existsSync(GOLD))('dated events of the example story (../shared/corpus is absent: skipped)', () => {
  it('resolves at least 22 of the 24 seed gold event dates from the article text', () => {
    const result = countResolved((text, published) => findTimeExpressions(text, { referenceDate: published }));
    const chrono = countResolved((text, published) => chronoTimeExpressions(text, published));
    console.log(`times: ${result.found}/${result.total} gold event dates (chrono-node alone: ${chrono.found}/${chrono.total})`);
    if (result.missed.length) console.log(`missed:\n  ${result.missed.join('\n  ')}`);
    expect(result.total).toBe(24);
    expect(result.found).toBeGreaterThanOrEqual(22);
  });
});
