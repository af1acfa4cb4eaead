import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractFromText } from './index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const corpusDir = path.resolve(repoRoot, '../shared/corpus/iran-negotiations-2025');
const present = existsSync(path.join(corpusDir, 'gold.json'));
if (!present) console.warn(`${corpusDir} is absent: corpus extraction tests skipped (shared data lives beside the checkout)`);

interface GoldArticle {
  id: string;
  file: string;
  title: string | null;
  published: string | null;
  author: string | null;
  outlet: string | null;
  body_first: string;
  body_last: string;
  not_body: string[];
}

const articles: GoldArticle[] = present ? (JSON.parse(readFileSync(path.join(corpusDir, 'gold.json'), 'utf8')) as { articles: GoldArticle[] }).articles : [];

describe.skipIf(!present)('text extraction on the example corpus (../shared)', () => {
  for (const gold of articles) {
    describe(`article ${gold.id}`, () => {
      const result = () => extractFromText(readFileSync(path.join(corpusDir, gold.file), 'utf8'));

      it('finds the headline, or none when the page has none', () => {
        expect(result().meta.title?.value ?? null).toBe(gold.title);
      });

      it('finds the publication date at the gold precision, not the day of viewing', () => {
        const published = result().meta.published?.value ?? null;
        expect(published === null ? null : published.slice(0, gold.published?.length ?? 10)).toBe(gold.published);
      });

      it('finds the author as printed, or none', () => {
        expect(result().meta.authors?.value[0] ?? null).toBe(gold.author);
      });

      it.skipIf(gold.outlet === null)('names the outlet', () => {
        expect(result().meta.outlet?.value).toBe(gold.outlet);
      });

      it('keeps the whole body and none of the furniture', () => {
        const { text } = result();
        expect(text).toContain(gold.body_first);
        expect(text).toContain(gold.body_last);
        for (const furniture of gold.not_body) expect(text).not.toContain(furniture);
      });

      it('cites the line each value came from', () => {
        const { meta } = result();
        const lines = readFileSync(path.join(corpusDir, gold.file), 'utf8').split('\n');
        for (const field of [meta.title, meta.published, meta.authors, meta.outlet]) {
          if (!field || field.evidence.source !== 'line') continue;
          const n = Number(field.evidence.at.replace('line ', ''));
          expect(lines[n - 1]?.trim()).toBe(field.evidence.raw);
        }
      });
    });
  }
});
