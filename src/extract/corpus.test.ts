import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpusDir = path.resolve(repoRoot, '../shared/corpus/realnews-dev-2025');
const present = existsSync(path.join(corpusDir, 'gold.json'));
if (!present) console.warn(`${corpusDir} is absent: real-news metadata tests skipped (shared data lives beside the checkout)`);

interface GoldArticle {
  id: string;
  file: string;
  url: string;
  title: string | null;
  published: string | null;
  published_partial?: string;
}

const articles: GoldArticle[] = present ? (JSON.parse(readFileSync(path.join(corpusDir, 'gold.json'), 'utf8')) as { articles: GoldArticle[] }).articles : [];

/** Read a dump as ingestion hands it over: a text page whose address is only in its own "URL:" header line. */
function extract(file: string) {
  const content = readFileSync(path.join(corpusDir, file), 'utf8');
  return extractArticle({ source: { path: file }, format: 'text', content, encoding: 'utf-8', fetchedAt: new Date().toISOString() });
}

describe.skipIf(!present)('metadata of the real-news dumps (../shared), each read from its page or its address', () => {
  for (const gold of articles) {
    describe(`article ${gold.id}`, () => {
      it('takes the address as metadata and keeps it out of the body', () => {
        const doc = extract(gold.file);
        expect(doc.meta.url?.value).toBe(gold.url);
        expect(doc.text).not.toContain(gold.url);
      });

      it('finds the headline printed on the page, or none', () => {
        expect(extract(gold.file).meta.title?.value ?? null).toBe(gold.title);
      });

      it('dates the page as precisely as the page or its address states, and no more', () => {
        expect(extract(gold.file).meta.published?.value.slice(0, 10) ?? null).toBe(gold.published ?? gold.published_partial ?? null);
      });
    });
  }
});
