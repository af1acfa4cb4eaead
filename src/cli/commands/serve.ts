import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CliIO } from '../io.js';
import { failureLine, writeLine } from '../io.js';
import type { StoreFlags } from '../store-options.js';
import { openRuntime } from '../runtime.js';
import { startServer, type RunningServer } from '../../api/index.js';
import { EXIT_OK, EXIT_SOME_FAILED } from '../exit-codes.js';
import { Library, readArticles, stopAnnotationPool, warmAnnotationPool } from '../../workflow/index.js';
import { listenForStop } from '../stop-signal.js';
import { ParallaxError, describeError } from '../../core/index.js';

export interface ServeFlags extends StoreFlags { host?: string; port?: number; example?: boolean; allowPrivateUrls?: boolean; workers?: number }

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
  await library.rebuildStale();
  writeLine(io.stderr, `parallax: loaded ${added} example articles (a fictional story) into the empty database`);
}

/**
 * `parallax serve`: the HTTP API and the web app in one process, on loopback unless told
 * otherwise. New articles go through the job queue; a worker runs in this process (always on
 * PGlite; on PostgreSQL unless `--workers 0`, when `parallax worker` processes do the work and this
 * process starts no analysis thread). Runs until stopped.
 */
export async function runServe(flags: ServeFlags, io: CliIO): Promise<number> {
  const workers = flags.workers ?? 1;
  const runtime = await openRuntime(flags, io, { work: workers === 0 ? 'embedded' : 'always', concurrency: Math.max(1, workers) });
  const { store, queue } = runtime;
  let server: RunningServer;
  // listening before the server says it is up: a Ctrl-C right after that line is a clean stop
  const stop = listenForStop();
  try {
    const library = new Library(store);
    if (flags.example) await loadExamples(library, io);
    const staticDir = existsSync(path.join(WEB_DIR, 'index.html')) ? WEB_DIR : undefined;
    if (!staticDir) writeLine(io.stderr, `parallax: the web app is not built (${path.relative(process.cwd(), WEB_DIR)} is missing): run \`npm run build\`; serving the API only`);
    server = await startServer({
      store,
      library,
      jobs: queue,
      host: flags.host,
      port: flags.port,
      staticDir,
      allowPrivateUrls: flags.allowPrivateUrls,
      env: io.env,
    });
    // Only a process that works jobs analyses articles: `--workers 0` on PostgreSQL only reads, and starting
    // analysis threads there (models loaded, a core's worth of start-up) would take memory and CPU from its readers.
    if (runtime.worker) warmAnnotationPool();
    writeLine(io.stderr, `parallax: serving ${staticDir ? 'the web app and ' : ''}the API at ${server.url} from ${store.location}${runtime.worker ? '' : ' (jobs run by `parallax worker` processes)'} (Ctrl-C to stop)`);
  } catch (err) {
    // Nothing may keep the process alive after a failed start (an open database, a running worker, a half-made pool).
    stop.release();
    await runtime.close();
    await stopAnnotationPool();
    if (err instanceof ParallaxError && LISTEN_FAILURES.has(err.code)) {
      writeLine(io.stderr, `parallax: ${describeError(err)}`);
      return EXIT_SOME_FAILED;
    }
    throw err;
  }
  try {
    await stop.stopped;
    await server.close();
    await runtime.close();
    await stopAnnotationPool();
  } finally {
    stop.release();
  }
  return EXIT_OK;
}

/** The server could not listen: the command failed (exit 1), it was not misused. */
const LISTEN_FAILURES = new Set(['E_PORT_IN_USE', 'E_LISTEN']);
