import { defineStoreConformanceTests } from './store.conformance.js';
import { pgliteHarness } from './test-helpers/harnesses.js';

defineStoreConformanceTests('PGlite in memory', pgliteHarness(() => undefined));
