import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Doc } from '../../core/index.js';
import { analyzeInputs } from '../../workflow/index.js';
import { mergeEntities } from '../entities/index.js';
import { describeFraming, type ArticleFraming } from './index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const corpus = path.resolve(repoRoot, '../shared/corpus/iran-negotiations-2025');
const present = existsSync(path.join(corpus, 'gold.json'));

interface GoldArticle {
  id: string;
  file: string;
  kind: string;
  not_quotes: string[];
  quotes: { text: string }[];
}

describe.skipIf(!present)('framing of the shared Iran corpus (skipped: ../shared/corpus/iran-negotiations-2025 is absent)', () => {
  let gold: GoldArticle[];
  let byGold: Map<string, { doc: Doc; framing: ArticleFraming }>;

  beforeAll(async () => {
    gold = (JSON.parse(readFileSync(path.join(corpus, 'gold.json'), 'utf8')) as { articles: GoldArticle[] }).articles;
    const { docs } = await analyzeInputs([path.join(corpus, 'articles')]);
    const ctx = { docs, entities: mergeEntities(docs) };
    const framing = describeFraming(ctx, { mainActors: [], mainEvents: [] });
    byGold = new Map();
    for (const g of gold) {
      const name = path.basename(g.file);
      const i = docs.findIndex((d) => d.source.path?.endsWith(name));
      if (i >= 0) byGold.set(g.id, { doc: docs[i]!, framing: framing[i]! });
    }
  }, 180_000);

  it('gives every article the kind the annotators gave it, reading an unlabelled analysis from its text', () => {
    expect(byGold.size).toBe(gold.length);
    for (const g of gold) expect({ id: g.id, kind: byGold.get(g.id)!.framing.kind }).toEqual({ id: g.id, kind: g.kind });
  });

  it('finds the terms the opinion piece holds in quote marks, and never takes a real quote for a scare quote', () => {
    const opinion = gold.find((g) => g.kind === 'opinion')!;
    const scare = byGold.get(opinion.id)!.framing.scareQuotes;
    for (const term of opinion.not_quotes.filter((t) => t.split(' ').length <= 4)) expect(scare).toContain(term);
    for (const g of gold) {
      const found = byGold.get(g.id)!.framing.scareQuotes;
      for (const q of g.quotes) expect(found).not.toContain(q.text);
    }
  });

  it('keeps loaded words inside quotes apart from the outlet’s own', () => {
    for (const { doc, framing } of byGold.values()) {
      for (const hit of framing.loadedTermHits) {
        const inQuote = (doc.layers.quotes ?? []).some((q) => hit.start >= q.start && hit.end <= q.end);
        expect(hit.quoted).toBe(inQuote);
      }
      expect(framing.attributedShare).toBeGreaterThanOrEqual(0);
      expect(framing.attributedShare).toBeLessThanOrEqual(1);
    }
  });
});
