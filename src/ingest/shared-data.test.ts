import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest, type IngestResult } from './index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shared = path.resolve(repoRoot, '../shared');
const corpusArticles = path.join(shared, 'corpus/iran-negotiations-2025/articles');
const evalHtml = path.join(shared, 'eval-data/extraction/html');

async function collect(inputs: string[]): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for await (const r of ingest(inputs)) out.push(r);
  return out;
}

describe.skipIf(!existsSync(corpusArticles))(`example corpus (${corpusArticles}; skipped when absent)`, () => {
  it('reads the folder as five text pages in file order', async () => {
    const results = await collect([corpusArticles]);
    expect(results).toHaveLength(5);
    expect(results.map((r) => path.basename(r.input))).toEqual([...results.map((r) => path.basename(r.input))].sort());
    for (const r of results) {
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.page.format).toBe('text');
      expect(r.page.content.length).toBeGreaterThan(500);
      expect(r.page.content).not.toContain('\uFFFD');
    }
  });
});

describe.skipIf(!existsSync(evalHtml))(`extraction eval pages (${evalHtml}; skipped when absent)`, () => {
  it('decompresses and decodes .html.gz pages', async () => {
    const files = readdirSync(evalHtml).filter((f) => f.endsWith('.html.gz')).sort().slice(0, 8).map((f) => path.join(evalHtml, f));
    const results = await collect(files);
    expect(results).toHaveLength(files.length);
    for (const r of results) {
      expect(r.ok, r.ok ? r.input : r.error.message).toBe(true);
      if (!r.ok) continue;
      expect(r.page.format).toBe('html');
      expect(r.page.content).toMatch(/<(html|body|div|p)\b/i);
      expect(r.page.content).not.toContain('\uFFFD');
    }
  });
});
