/**
 * Start a worker thread on a module next to the caller, from `dist/` (plain
 * JavaScript) or from `src/` (TypeScript, through tsx's API: a worker's entry
 * cannot go through an `--import` loader on Node 20).
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** A thread running the module `<name>.js` (or `<name>.ts` from sources) beside `callerUrl` (the caller's `import.meta.url`). */
export function startThread(name: string, callerUrl: string, options: WorkerOptions = {}): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), options);
  const entry = new URL(`./${name}.ts`, callerUrl).href;
  const bootstrap = `import(${JSON.stringify(tsxApi())}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** tsx's ES module API (`tsx/esm/api`, import condition), as a file URL. */
function tsxApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const exports = (require(manifest) as { exports: Record<string, { import: { default: string } }> }).exports;
  return pathToFileURL(path.join(path.dirname(manifest), exports['./esm/api']!.import.default)).href;
}
