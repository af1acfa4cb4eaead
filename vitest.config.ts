import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores on the reference machine: PGlite and Chromium tests are heavy.
    maxWorkers: 2,
    // After the summary: which groups were skipped for want of Chromium, PostgreSQL or the shared data, and how to enable them.
    reporters: ['default', './test/helpers/skip-summary-reporter.ts'],
    // Analysis on the calling thread: each test file would otherwise start its own worker thread, which from
    // the TypeScript sources costs a transpile and a model load (up to a minute on a loaded machine). The
    // worker pool has its own tests (annotate-pool.test.ts, heavy-request.test.ts), which start it explicitly.
    env: { PARALLAX_WORKERS: '0' },
  },
});
