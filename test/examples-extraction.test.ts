import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from './helpers/run-cli.js';

/** The project's own fictional example story: every input form, checked against its gold annotations. */
const STORY = path.resolve(__dirname, '../examples/oskel-dam-2025');

interface GoldArticle {
  id: string; file: string; format: string; outlet: string | null; title: string | null; published: string | null;
  author: string | null; kind: string; body_first: string; body_last: string; not_body: string[];
}

const gold = JSON.parse(readFileSync(path.join(STORY, 'gold.json'), 'utf8')) as { articles: GoldArticle[] };

describe('parallax extract on the example story (examples/oskel-dam-2025/gold.json)', () => {
  for (const g of gold.articles) {
    it(`${g.file} (${g.format}): metadata and body as annotated`, async () => {
      const run = await runCli(['extract', path.join(STORY, g.file), '--format', 'json']);
      expect(run.code, run.stderr).toBe(0);
      const out = JSON.parse(run.stdout);
      // A feed prints several articles: the one annotated is the one that opens with the gold body.
      const article = Array.isArray(out) ? out.find((a: { text: string }) => a.text.includes(g.body_first)) : out;
      expect(article, `no article opens with the gold body in ${g.file}`).toBeDefined();
      expect(article.title).toBe(g.title);
      expect(article.published).toBe(g.published);
      expect(article.author).toBe(g.author);
      expect(article.outlet).toBe(g.outlet);
      expect(article.kind).toBe(g.kind);
      expect(article.text).toContain(g.body_last);
      for (const line of g.not_body) expect(article.text).not.toContain(line);
    });
  }
});
