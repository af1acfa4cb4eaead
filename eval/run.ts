/**
 * `npm run eval`: score every task against its gold data and compare with the
 * floors pinned in eval/baseline.json. Exits 1 when a score drops below its floor.
 * Usage: npm run eval [-- task-name ...]
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './paths.js';
import type { EvalResult, EvalTask } from './types.js';
import { formatTable } from './table.js';

interface Baseline { floors: Record<string, number> }

async function loadTasks(only: string[]): Promise<EvalTask[]> {
  const dir = path.join(REPO_ROOT, 'eval');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ts') && !['run.ts', 'types.ts', 'paths.ts', 'table.ts'].includes(f)).sort();
  const tasks: EvalTask[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { task?: EvalTask };
    if (mod.task && (only.length === 0 || only.includes(mod.task.name))) tasks.push(mod.task);
  }
  return tasks;
}

function checkFloors(result: EvalResult, floors: Record<string, number>): string[] {
  const failures: string[] = [];
  for (const [key, floor] of Object.entries(floors)) {
    const [task, metric] = key.split('.', 2);
    if (task !== result.task || metric === undefined) continue;
    const value = result.metrics[metric];
    if (value === undefined) failures.push(`${key}: metric missing (floor ${floor})`);
    else if (value + 1e-9 < floor) failures.push(`${key}: ${value.toFixed(3)} is below the floor ${floor}`);
  }
  return failures;
}

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  const baseline = JSON.parse(await readFile(path.join(REPO_ROOT, 'eval', 'baseline.json'), 'utf8')) as Baseline;
  const tasks = await loadTasks(only);
  const failures: string[] = [];
  for (const task of tasks) {
    const started = performance.now();
    const result = await task.run();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(`\n## ${result.task} — ${result.data} (${seconds} s)\n`);
    if (result.skipped) {
      process.stdout.write(`skipped: ${result.skipped}\n`);
      continue;
    }
    process.stdout.write(formatTable(result.rows) + '\n');
    if (result.notes?.length) process.stdout.write(result.notes.join('\n') + '\n');
    const metrics = Object.entries(result.metrics).map(([k, v]) => `${k}=${Number.isInteger(v) ? v : v.toFixed(3)}`).join('  ');
    process.stdout.write(`metrics: ${metrics}\n`);
    failures.push(...checkFloors(result, baseline.floors));
  }
  if (failures.length) {
    process.stdout.write(`\nBelow the floors in eval/baseline.json:\n${failures.map((f) => '  ' + f).join('\n')}\n`);
    return 1;
  }
  process.stdout.write('\nAll scores at or above their floors in eval/baseline.json.\n');
  return 0;
}

main().then((code) => { process.exitCode = code; }, (err) => { console.error(err); process.exitCode = 1; });
