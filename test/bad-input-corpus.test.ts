/**
 * The generated bad-input corpus (scripts/bad-inputs.ts) through every door:
 * the library, `parallax add`, `parallax extract`, `parallax analyze` and the
 * HTTP API. Each input comes to what the corpus says: an error of its class
 * and code, or an article, with the warning it must carry.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBadInputs, type BadInput, type Expected } from '../scripts/bad-inputs.js';
import { readArticles, annotateArticle, stopAnnotationPool } from '../src/workflow/index.js';
import { openStore, type Store } from '../src/store/index.js';
import { startServer, type RunningServer } from '../src/api/index.js';
import { runCli } from './helpers/run-cli.js';

let dir: string;
let corpus: BadInput[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'parallax-corpus-'));
  // 300,000 characters without a break: past the analysis budget, small enough to go through every door quickly.
  corpus = await writeBadInputs(path.join(dir, 'inputs'), { noBreakChars: 300_000 });
}, 120_000);

afterAll(async () => {
  await stopAnnotationPool();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** What one article came to, in the corpus's terms. */
type Seen = { stored: true; warnings: string[] } | { error: string; errorClass: string };

function matches(seen: Seen, expected: Expected): boolean {
  if ('error' in expected) return 'error' in seen && seen.error === expected.error && seen.errorClass === expected.errorClass;
  return 'stored' in seen && (expected.warning ? seen.warnings.includes(expected.warning) : seen.warnings.length === 0);
}

const storedCount = () => corpus.flatMap((c) => c.expected).filter((e) => 'stored' in e).length;
const inputsDir = () => path.join(dir, 'inputs');

describe('the bad-input corpus', () => {
  it('through the library: every input comes to its expected error class and code, or article and warning', async () => {
    const seen = new Map<string, Seen[]>();
    for await (const result of readArticles([inputsDir()])) {
      const file = path.relative(inputsDir(), result.input).split(/[#:]/)[0]!;
      const list = seen.get(file) ?? seen.set(file, []).get(file)!;
      if (!result.ok) {
        list.push({ error: result.error.code, errorClass: result.error.name });
        continue;
      }
      const doc = await annotateArticle(result.doc);
      list.push({ stored: true, warnings: doc.messages.filter((m) => m.level === 'warning').map((m) => m.code) });
    }
    for (const input of corpus) {
      const got = seen.get(input.file) ?? [];
      expect(got.length, `${input.file} (${input.why})`).toBe(input.expected.length);
      input.expected.forEach((expected, i) => expect(matches(got[i]!, expected), `${input.file} #${i + 1}: ${JSON.stringify(got[i])}, expected ${JSON.stringify(expected)}`).toBe(true));
    }
  }, 600_000);

  it('through `parallax add`: exit 1, one line per failure with its code, one per warning, the good articles stored', async () => {
    const db = path.join(dir, 'db');
    const run = await runCli(['add', '--db', db, '-q', inputsDir()]);
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n');
    for (const input of corpus) {
      for (const expected of input.expected) {
        const code = 'error' in expected ? expected.error : expected.warning;
        if (!code) continue;
        expect(lines.some((l) => l.includes(input.file) && l.endsWith(`[${code}]`)), `${input.file}: no line ending [${code}] in\n${run.stderr}`).toBe(true);
      }
    }
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    const list = await runCli(['list', '--db', db, '--format', 'json', '--limit', '500']);
    expect((JSON.parse(list.stdout) as unknown[]).length).toBe(storedCount());
  }, 600_000);

  it('through `parallax extract`, one input at a time: the article, or exit 1 naming the input once with its code', async () => {
    for (const input of corpus) {
      const run = await runCli(['extract', path.join(inputsDir(), input.file)]);
      const failed = input.expected.some((e) => 'error' in e);
      expect(run.code, `${input.file}: ${run.stderr}`).toBe(failed ? 1 : 0);
      for (const expected of input.expected) {
        // extract reads and extracts; the analysis budget is the analysis's concern.
        const code = 'error' in expected ? expected.error : expected.warning === 'W_ANALYSIS_CAPPED' ? undefined : expected.warning;
        if (code) expect(run.stderr, input.file).toContain(`[${code}]`);
      }
    }
  }, 600_000);

  it('through `parallax analyze`: every good article analysed, every failure named', async () => {
    const run = await runCli(['analyze', inputsDir()]);
    expect(run.code).toBe(1);
    const analysis = JSON.parse(run.stdout) as { articles: { messages: { code: string }[] }[] };
    expect(analysis.articles.length).toBe(storedCount());
    expect(analysis.articles.flatMap((a) => a.messages.map((m) => m.code))).toEqual(expect.arrayContaining(['W_ANALYSIS_CAPPED', 'W_TRUNCATED_RECORD', 'W_INVALID_BYTES']));
    for (const input of corpus) {
      for (const expected of input.expected) if ('error' in expected) expect(run.stderr, input.file).toContain(`[${expected.error}]`);
    }
  }, 600_000);

  it('with --strict a warning is a failure: the cut WARC record is refused and named, the whole one stored', async () => {
    const db = path.join(dir, 'strict-db');
    const warc = path.join(inputsDir(), 'crawl.warc');
    const lenient = await runCli(['extract', warc]);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toMatch(/^parallax: .*crawl\.warc#https:\/\/courier\.example\/b: warning: the record is cut short: the archive holds [\d,]+ of its [\d,]+ payload bytes, so the page may be incomplete \[W_TRUNCATED_RECORD\]$/m);
    const run = await runCli(['add', '--db', db, '--strict', warc]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/crawl\.warc#https:\/\/courier\.example\/b: refused under --strict: .*\[W_TRUNCATED_RECORD\] \[E_STRICT\]/);
    const list = JSON.parse((await runCli(['list', '--db', db, '--format', 'json'])).stdout) as { source: { url?: string } }[];
    expect(list.map((a) => a.source.url)).toEqual(['https://courier.example/a']);
    expect((await runCli(['extract', '--strict', warc])).code).toBe(1);
  }, 300_000);

  describe('through the HTTP API (multipart upload of each file)', () => {
    let store: Store;
    let api: RunningServer;
    beforeAll(async () => {
      store = await openStore({ memory: true });
      api = await startServer({ store, port: 0, env: {} });
    });
    afterAll(async () => {
      await api?.close();
      await store?.close();
    });

    it('answers each with its articles, failures and warnings, or the first failure\'s status and code', async () => {
      const BY_CONTENT: Record<string, string> = { 'not-a.warc': 'E_NO_ARTICLE', 'not-a-feed.xml': 'E_NO_ARTICLE' };
      const statusOf: Record<string, number> = { E_EMPTY: 422, E_BINARY: 422, E_NO_ARTICLE: 422, E_TOO_LARGE: 413, E_READ: 422, E_WARC_PARSE: 422, E_FEED_PARSE: 422 };
      for (const input of corpus) {
        const form = new FormData();
        form.append('file', new Blob([await readFile(path.join(inputsDir(), input.file))]), input.file);
        const res = await fetch(`${api.url}/api/articles`, { method: 'POST', body: form });
        const body = (await res.json()) as { error?: { code: string }; articles?: unknown[]; failures?: { code: string }[]; warnings?: { code: string }[] };
        const storedHere = input.expected.filter((e) => 'stored' in e);
        if (storedHere.length === 0) {
          const first = input.expected[0] as { error: string };
          // An upload's format comes from its content, not its name: a ".warc" or ".xml" that is neither WARC nor feed is a page without an article.
          const code = BY_CONTENT[input.file] ?? first.error;
          expect({ file: input.file, status: res.status, code: body.error?.code }).toEqual({ file: input.file, status: statusOf[code] ?? 422, code });
          continue;
        }
        expect(res.status, input.file).toBe(201);
        expect(body.articles?.length, input.file).toBe(storedHere.length);
        expect(body.failures?.map((f) => f.code), input.file).toEqual(input.expected.flatMap((e) => ('error' in e ? [e.error] : [])));
        expect(body.warnings?.map((w) => w.code), input.file).toEqual(expect.arrayContaining(storedHere.flatMap((e) => ('warning' in e && e.warning ? [e.warning] : []))));
      }
    }, 600_000);
  });
});
