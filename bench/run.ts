/**
 * `npm run bench`: throughput and peak memory of each measured part, one core.
 * Usage: npm run bench [-- part ...]
 */
import { readdir } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));

/** Each bench file runs in its own process, so its peak memory is its own. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return runFile(args[1]!);
  const files = (await readdir(BENCH_DIR)).filter((f) => f.endsWith('.ts') && f !== 'run.ts').sort();
  for (const file of files) {
    const name = file.replace(/\.ts$/, '');
    if (args.length && !args.includes(name)) continue;
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', file], { stdio: 'inherit' });
    if (child.status !== 0) process.exitCode = 1;
  }
}

async function runFile(file: string): Promise<void> {
  const name = file.replace(/\.ts$/, '');
  {
    const mod = (await import(pathToFileURL(path.join(BENCH_DIR, file)).href)) as Record<string, unknown>;
    for (const [exported, fn] of Object.entries(mod)) {
      if (!exported.startsWith('bench') || typeof fn !== 'function') continue;
      const started = performance.now();
      const result = (await (fn as () => Promise<Record<string, unknown>>)()) ?? {};
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const figures = Object.entries(result)
        .map(([k, v]) => `${k}=${typeof v === 'number' ? (Number.isInteger(v) ? v : v.toFixed(1)) : String(v)}`)
        .join('  ');
      process.stdout.write(`${name}.${exported}: ${figures}  (${seconds} s)\n`);
    }
  }
  process.stdout.write(`${name}: process peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`);
}

main().catch((err) => { console.error(err); process.exitCode = 1; });
