/**
 * Metadata and body of the five example-corpus text dumps against ../shared/corpus gold:
 * title, published (at the gold's precision), author, outlet (where gold has one); body keeps
 * body_first and body_last and none of not_body.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractFromText } from '../src/extract/text/index.js';
import { CORPUS_DIR, missingData } from './paths.js';
import type { EvalResult, EvalTask } from './types.js';

const STORY = path.join(CORPUS_DIR, 'iran-negotiations-2025');

interface GoldArticle {
  id: string;
  file: string;
  title: string | null;
  published: string | null;
  author: string | null;
  outlet: string | null;
  kind: string;
  body_first: string;
  body_last: string;
  not_body: string[];
}

function mark(ok: boolean, value: string | null): string {
  return `${ok ? 'ok' : 'WRONG'} ${value ?? '∅'}`;
}

export const task: EvalTask = {
  name: 'corpus-extraction',
  async run(): Promise<EvalResult> {
    const data = `5 text dumps of ${path.relative(process.cwd(), STORY)}`;
    const missing = missingData(path.join(STORY, 'gold.json'));
    if (missing) return { task: this.name, data, rows: [], metrics: {}, skipped: missing };
    const gold = (JSON.parse(readFileSync(path.join(STORY, 'gold.json'), 'utf8')) as { articles: GoldArticle[] }).articles;
    let fields = 0;
    let fieldsOk = 0;
    let bodiesOk = 0;
    const rows = gold.map((g) => {
      const { text, meta } = extractFromText(readFileSync(path.join(STORY, g.file), 'utf8'));
      const title = meta.title?.value ?? null;
      const publishedFull = meta.published?.value ?? null;
      const published = publishedFull === null ? null : publishedFull.slice(0, g.published?.length ?? 10);
      const author = meta.authors?.value[0] ?? null;
      const outlet = meta.outlet?.value ?? null;
      const checks: Array<[string, boolean, string | null]> = [
        ['title', title === g.title, title],
        ['published', published === g.published, publishedFull],
        ['author', author === g.author, author],
      ];
      if (g.outlet !== null) checks.push(['outlet', outlet === g.outlet, outlet]);
      fields += checks.length;
      fieldsOk += checks.filter((c) => c[1]).length;
      const leaked = g.not_body.filter((s) => text.includes(s));
      const bodyOk = text.includes(g.body_first) && text.includes(g.body_last) && leaked.length === 0;
      if (bodyOk) bodiesOk++;
      return {
        article: g.id,
        ...Object.fromEntries(checks.map(([k, ok, v]) => [k, mark(ok, v)])),
        kind: `${meta.kind?.value === g.kind ? 'ok' : 'differs'} ${meta.kind?.value ?? '∅'}`,
        body: bodyOk ? 'ok' : `WRONG first=${text.includes(g.body_first)} last=${text.includes(g.body_last)} leaked=${leaked.length}`,
      };
    });
    return { task: this.name, data, rows, metrics: { fields_correct: fieldsOk / fields, body_ok: bodiesOk / gold.length } };
  },
};
