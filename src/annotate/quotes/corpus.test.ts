import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findQuotes, type Quote } from './index.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CORPUS = path.resolve(REPO_ROOT, '../shared/corpus/iran-negotiations-2025');
const GOLD = path.join(CORPUS, 'gold.json');

interface GoldQuote { text: string; speaker: string; direct: boolean; seed?: boolean }
interface GoldArticle { file: string; body_first: string; body_last: string; quotes?: GoldQuote[]; not_quotes?: string[] }
interface Alias { canonical: string; forms: string[] }
interface Gold { articles: GoldArticle[]; aliases?: Alias[] }

const words = (s: string): Set<string> => new Set((s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []));
/** Token overlap covering at least half of each side. */
function overlaps(a: string, b: string): boolean {
  const A = words(a);
  const B = words(b);
  let common = 0;
  for (const w of A) if (B.has(w)) common++;
  return A.size > 0 && B.size > 0 && common >= 0.5 * A.size && common >= 0.5 * B.size;
}

/** The article body: the raw lines from the one holding body_first to the one holding body_last. */
function body(article: GoldArticle): string {
  const lines = readFileSync(path.join(CORPUS, article.file), 'utf8').split('\n');
  const first = lines.findIndex((l) => l.includes(article.body_first));
  const last = lines.findIndex((l, i) => i >= first && l.includes(article.body_last));
  return lines.slice(first, last + 1).join('\n');
}

/** A speaker matches when its text names the gold speaker's surname or an alias, or shares the description's head word. */
function speakerMatches(text: string, q: Quote, gold: string, aliases: readonly Alias[]): boolean {
  const written = [q.speakerSpan ? text.slice(q.speakerSpan.start, q.speakerSpan.end) : '', q.speakerText ?? ''].join(' ').toLowerCase();
  const forms = [gold, ...(aliases.find((g) => g.canonical === gold || g.forms.includes(gold))?.forms ?? [])];
  return forms.some((f) => {
    const last = f.toLowerCase().split(/\s+/).pop()!;
    return written.includes(last);
  });
}

describe.skipIf(!existsSync(GOLD))('quotes on the example corpus (../shared/corpus/iran-negotiations-2025)', () => {
  const gold = existsSync(GOLD) ? (JSON.parse(readFileSync(GOLD, 'utf8')) as Gold) : { articles: [] };
  const aliases = gold.aliases ?? [];
  const results = gold.articles.map((a) => {
    const text = body(a);
    return { a, text, quotes: findQuotes(text) };
  });

  // The first, recall-only gold entries (seed: true); the exhaustive gold is scored by npm run eval.
  const seeded = (a: GoldArticle): GoldQuote[] => (a.quotes ?? []).filter((x) => x.seed === true);

  it('finds every seed direct gold quote with the right speaker', () => {
    const missed: string[] = [];
    let total = 0;
    for (const { a, text, quotes } of results) {
      for (const g of seeded(a).filter((x) => x.direct)) {
        total++;
        const hit = quotes.find((q) => overlaps(text.slice(q.start, q.end), g.text));
        if (!hit || !speakerMatches(text, hit, g.speaker, aliases)) missed.push(`${a.file}: ${g.text.slice(0, 40)} (${g.speaker})`);
      }
    }
    console.log(`direct gold quotes found with speaker: ${total - missed.length}/${total}`);
    expect(missed).toEqual([]);
  });

  it('finds at least 5 of the 6 seed reported-speech gold quotes with the right speaker', () => {
    let total = 0;
    let found = 0;
    for (const { a, text, quotes } of results) {
      for (const g of seeded(a).filter((x) => !x.direct)) {
        total++;
        const hit = quotes.find((q) => overlaps(text.slice(q.start, q.end), g.text));
        if (hit && speakerMatches(text, hit, g.speaker, aliases)) found++;
      }
    }
    console.log(`reported gold quotes found with speaker: ${found}/${total}`);
    expect(total).toBe(6);
    expect(found).toBeGreaterThanOrEqual(5);
  });

  it('reports none of the not_quotes (terms, outlets, titles) as quotes', () => {
    const reported: string[] = [];
    let total = 0;
    for (const { a, text, quotes } of results) {
      for (const n of a.not_quotes ?? []) {
        total++;
        if (quotes.some((q) => overlaps(text.slice(q.start, q.end), n))) reported.push(`${a.file}: ${n}`);
      }
    }
    console.log(`not_quotes reported as quotes: ${reported.length}/${total}`);
    expect(reported).toEqual([]);
  });
});
