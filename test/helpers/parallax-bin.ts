/**
 * The `parallax` command from the sources, for tests that need it as a real process
 * (kill and restart, two processes on one folder): `node --import tsx test/helpers/parallax-bin.ts …`.
 */
import { main } from '../../src/cli/index.js';

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`parallax: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
