/**
 * Shared set-up of the end-to-end tests: the built web app, the real API on
 * 127.0.0.1 over an in-memory PGlite loaded with the example corpus through
 * the real pipeline, and Debian's Chromium driven by playwright-core.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { openStore, type Store } from '../../src/store/index.js';
import { startServer, type RunningServer } from '../../src/api/index.js';
import { readArticles, Library } from '../../src/workflow/index.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIST = path.join(repoRoot, 'dist', 'web');
export const RESULTS_DIR = path.join(repoRoot, 'test-results');
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
export const SKIP_MESSAGE = `skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
export const LAPTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };
/** Serialises builds: test files run in parallel workers and vite empties the output folder first. */
const BUILD_LOCK = path.join(repoRoot, 'node_modules', '.parallax-web-build.lock');

const EXAMPLE_INPUTS = ['examples/oskel-dam-2025', 'examples/unrelated'].map((p) => path.join(repoRoot, p));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Build `dist/web` unless it is newer than every web source (`npm run build:web` does the same). */
export function ensureWebBuilt(): void {
  const index = path.join(WEB_DIST, 'index.html');
  const stale = () => !existsSync(index) || statSync(index).mtimeMs < newestMtime(path.join(repoRoot, 'web'));
  if (!stale()) return;
  const vite = path.join(repoRoot, 'node_modules', '.bin', 'vite');
  execFileSync('flock', [BUILD_LOCK, 'sh', '-c', `test -f "${index}" && [ -z "$(find "${path.join(repoRoot, 'web')}" -newer "${index}" -type f)" ] || "${vite}" build --config web/vite.config.ts --logLevel warn`],
    { cwd: repoRoot, stdio: 'inherit' });
  if (!existsSync(index)) throw new Error(`the web app did not build: run npm run build:web and read its errors`);
}

export interface ExampleServer {
  readonly url: string;
  readonly store: Store;
  close(): Promise<void>;
}

/** The real server with the example corpus added through the Library (annotate, store, place in a story, build the stories), as `parallax serve --example` does. */
export async function startExampleServer(options: { token?: string } = {}): Promise<ExampleServer> {
  const store = await openStore({ memory: true });
  let server: RunningServer;
  try {
    const library = await Library.open(store);
    for await (const result of readArticles(EXAMPLE_INPUTS)) {
      if (result.ok) await library.add(result.doc, { original: result.page });
    }
    // What the rebuild jobs do after adds: every story built and stored before the first read.
    await library.rebuildStale();
    server = await startServer({ store, library, host: '127.0.0.1', port: 0, staticDir: WEB_DIST, env: {}, ...(options.token ? { token: options.token } : {}) });
  } catch (err) {
    await store.close();
    throw err;
  }
  return { url: server.url, store, close: async () => { await server.close(); await store.close(); } };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Collect what the page reports: console errors (CSP violations show here), uncaught exceptions, dialogs. */
export function watchPage(page: Page): { errors: string[]; dialogs: string[] } {
  const seen = { errors: [] as string[], dialogs: [] as string[] };
  page.on('console', (msg: ConsoleMessage) => { if (msg.type() === 'error') seen.errors.push(msg.text()); });
  page.on('pageerror', (err) => seen.errors.push(`uncaught: ${err.message}`));
  page.on('dialog', (dialog) => { seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`); void dialog.dismiss(); });
  return seen;
}

const axeSource = (): string => readFileSync(path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }

/**
 * Run axe-core in the page and return the serious and critical violations.
 * The page's CSP (script-src 'self') refuses inline script tags, so axe is
 * evaluated through the DevTools protocol, which CSP does not govern.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(axeSource());
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The story with the most articles: the example story, not the distractors. */
export async function mainStoryId(baseUrl: string): Promise<{ id: string; articles: string[] }> {
  const res = await fetch(`${baseUrl}/api/stories`);
  const { stories } = (await res.json()) as { stories: { id: string; articles: string[] }[] };
  const main = [...stories].sort((a, b) => b.articles.length - a.articles.length)[0];
  if (!main) throw new Error('the API returned no story');
  return main;
}

/**
 * What makes a page unusable on a small screen: elements wider than the viewport (outside a box that
 * scrolls sideways on purpose) and the tallest band of the page with nothing visible in it.
 */
export async function layoutProblems(page: Page): Promise<{ overflowing: string[]; largestBlankBand: number }> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const scrolls = (el: Element | null): boolean => {
      for (let e = el?.parentElement ?? null; e; e = e.parentElement) {
        const o = getComputedStyle(e).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
      }
      return false;
    };
    const overflowing: string[] = [];
    const covered: [number, number][] = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || style.display === 'none') continue;
      if ((r.right > vw + 1 || r.left < -1) && !scrolls(el) && !el.classList.contains('visually-hidden')) overflowing.push(`${el.tagName.toLowerCase()}.${String(el.className)}`);
      const ink = el.children.length === 0 || [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim() !== '') || el.tagName === 'svg' || el.tagName === 'IMG';
      if (ink) covered.push([r.top + window.scrollY, r.bottom + window.scrollY]);
    }
    covered.sort((a, b) => a[0] - b[0]);
    let largestBlankBand = 0;
    let reach = 0;
    for (const [top, bottom] of covered) {
      if (top > reach) largestBlankBand = Math.max(largestBlankBand, top - reach);
      reach = Math.max(reach, bottom);
    }
    return { overflowing: overflowing.slice(0, 10), largestBlankBand: Math.round(largestBlankBand) };
  });
}
