/**
 * After the test summary, say which groups of tests were skipped because something is missing on
 * this machine, and how to enable them: the Chromium tests, the PostgreSQL conformance tests, the
 * `npm start` process tests (they need a build) and the tests that read the shared corpora beside the checkout.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

interface Group {
  readonly name: string;
  readonly files: RegExp;
  /** Tests of other files that say in their name they need the same thing ("(skipped: set PARALLAX_TEST_DATABASE_URL)"). */
  readonly named?: RegExp;
  /** Null when the group can run here; else why it cannot and how to enable it. */
  readonly missing: () => string | null;
}

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const SHARED = path.resolve(process.cwd(), '..', 'shared');

const GROUPS: readonly Group[] = [
  {
    name: 'browser (Chromium) tests',
    files: /[\\/]test[\\/]e2e[\\/]/,
    missing: () => (existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary`),
  },
  {
    name: 'PostgreSQL tests',
    files: /postgres/,
    named: /PARALLAX_TEST_DATABASE_URL|\bon PostgreSQL\b/,
    missing: () => (process.env['PARALLAX_TEST_DATABASE_URL'] ? null : 'PARALLAX_TEST_DATABASE_URL is not set: run scripts/start-test-postgres.sh (or point it at any PostgreSQL you may use) and export PARALLAX_TEST_DATABASE_URL=postgres://user@host:port/db'),
  },
  {
    name: '`npm start` process tests',
    files: /cli-process/,
    missing: () => (existsSync(path.resolve(process.cwd(), 'dist', 'cli')) ? null : 'dist/ is not built: run npm run build (npm start runs the built command)'),
  },
  {
    name: 'tests on the shared corpora and gold sets',
    files: /./,
    missing: () => (existsSync(SHARED) ? null : `${SHARED} is absent: place the shared data (corpus/, eval-data/) beside the checkout`),
  },
];

export default class SkipSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const lines: string[] = [];
    const counted = new Set<string>();
    for (const group of GROUPS) {
      const reason = group.missing();
      if (!reason) continue;
      let skipped = 0;
      for (const m of testModules) {
        const inFile = group.files.test(m.moduleId);
        for (const t of m.children.allTests('skipped')) {
          if (counted.has(t.id) || !(inFile || group.named?.test(t.fullName))) continue;
          counted.add(t.id);
          skipped++;
        }
      }
      if (skipped) lines.push(`  ${skipped} ${group.name} skipped: ${reason}.`);
    }
    if (lines.length) process.stdout.write(`\nSkipped because something is missing on this machine:\n${lines.join('\n')}\n\n`);
  }
}
