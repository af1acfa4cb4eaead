import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from './helpers/run-cli.js';

const CORPUS = path.resolve(__dirname, '../../shared/corpus/iran-negotiations-2025');
const present = existsSync(path.join(CORPUS, 'gold.json'));

interface GoldArticle {
  id: string; file: string; outlet: string | null; title: string | null; published: string | null; author: string | null;
  body_first: string; body_last: string; not_body: string[];
}

if (!present) console.warn(`skipped: ${CORPUS} is absent (the shared corpus lives beside the checkout)`);

describe.skipIf(!present)('parallax extract on the shared corpus (gold.json)', () => {
  const gold = present ? (JSON.parse(readFileSync(path.join(CORPUS, 'gold.json'), 'utf8')) as { articles: GoldArticle[] }) : { articles: [] };
  for (const g of gold.articles) {
    it(`article ${g.id}: metadata equals gold, body has first and last lines and no furniture`, async () => {
      const run = await runCli(['extract', path.join(CORPUS, g.file), '--format', 'json']);
      expect(run.code, run.stderr).toBe(0);
      const article = JSON.parse(run.stdout);
      expect(article.title).toBe(g.title);
      expect(article.published).toBe(g.published);
      expect(article.author).toBe(g.author);
      if (g.outlet) expect(article.outlet).toBe(g.outlet);
      expect(article.text).toContain(g.body_first);
      expect(article.text).toContain(g.body_last);
      for (const line of g.not_body) expect(article.text).not.toContain(line);
    });
  }
});
