/** The CLI as its own process, from the sources (tests spawn it with `node --import tsx`). */
import { main } from '../../src/cli/index.js';

process.exitCode = await main(process.argv.slice(2));
