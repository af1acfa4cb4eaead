import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CliIO } from '../io.js';
import { failureLine, writeLine } from '../io.js';
import { openStoreFromFlags, type StoreFlags } from '../store-options.js';
import { startServer, type RunningServer } from '../../api/index.js';
import { EXIT_OK, EXIT_SOME_FAILED } from '../exit-codes.js';
import { Library, readArticles, stopAnnotationPool, warmAnnotationPool } from '../../workflow/index.js';
import { ParallaxError, describeError } from '../../core/index.js';

export interface ServeFlags extends StoreFlags { host?: string; port?: number; example?: boolean; allowPrivateUrls?: boolean }

const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The project's own fictional example story. */
export const EXAMPLES_DIR = path.join(PACKAGE_ROOT, 'examples');
/** The built web app (`npm run build:web`, run by `npm install`). */
export const WEB_DIR = path.join(PACKAGE_ROOT, 'dist', 'web');

/** Load the example corpus into an empty database, so a fresh clone has something to look at. */
async function loadExamples(library: Library, io: CliIO): Promise<void> {
  if ((await library.store.countArticles()) > 0) return;
  let added = 0;
  for await (const result of readArticles([EXAMPLES_DIR])) {
    if (!result.ok) { writeLine(io.stderr, failureLine(result.input, describeError(result.error))); continue; }
    if ((await library.add(result.doc, { original: result.page })).status === 'added') added++;
  }
  writeLine(io.stderr, `parallax: loaded ${added} example articles (a fictional story) into the empty database`);
}

/** `parallax serve`: the HTTP API and the web app in one process, on loopback unless told otherwise. Runs until stopped. */
export async function runServe(flags: ServeFlags, io: CliIO): Promise<number> {
  const store = await openStoreFromFlags(flags, io);
  let server: RunningServer;
  try {
    const library = await Library.open(store);
    if (flags.example) await loadExamples(library, io);
    const staticDir = existsSync(path.join(WEB_DIR, 'index.html')) ? WEB_DIR : undefined;
    if (!staticDir) writeLine(io.stderr, `parallax: the web app is not built (${path.relative(process.cwd(), WEB_DIR)} is missing): run \`npm run build\`; serving the API only`);
    server = await startServer({
      store,
      library,
      host: flags.host,
      port: flags.port,
      staticDir,
      allowPrivateUrls: flags.allowPrivateUrls,
      env: io.env,
    });
    warmAnnotationPool();
    writeLine(io.stderr, `parallax: serving ${staticDir ? 'the web app and ' : ''}the API at ${server.url} (Ctrl-C to stop)`);
  } catch (err) {
    // Nothing may keep the process alive after a failed start (an open database, a half-made pool).
    await store.close();
    await stopAnnotationPool();
    if (err instanceof ParallaxError && LISTEN_FAILURES.has(err.code)) {
      writeLine(io.stderr, `parallax: ${describeError(err)}`);
      return EXIT_SOME_FAILED;
    }
    throw err;
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await store.close();
  await stopAnnotationPool();
  return EXIT_OK;
}

/** The server could not listen: the command failed (exit 1), it was not misused. */
const LISTEN_FAILURES = new Set(['E_PORT_IN_USE', 'E_LISTEN']);
