import { defineStoreConformanceTests } from './store.conformance.js';
import { postgresHarness } from './test-helpers/harnesses.js';

const url = process.env.PARALLAX_TEST_DATABASE_URL;
defineStoreConformanceTests('PostgreSQL', postgresHarness(url), {
  skip: url ? undefined : 'set PARALLAX_TEST_DATABASE_URL, e.g. from scripts/start-test-postgres.sh',
});
