// First: a worker's heap growth is set before the other modules load (see worker-heap.ts).
import './worker-heap.js';
import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import { processIO, writeLine, type CliIO } from './io.js';
import { EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE } from './exit-codes.js';
import { runAdd } from './commands/add.js';
import { runList } from './commands/list.js';
import { runShow } from './commands/show.js';
import { runExtract } from './commands/extract.js';
import { runAnalyze } from './commands/analyze.js';
import { runStories, runStory, runUnmerge } from './commands/stories.js';
import { runServe } from './commands/serve.js';
import { runWorker } from './commands/worker.js';
import { runWatch } from './commands/watch.js';
import { ConfigError, describeError } from '../core/index.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** Thrown by an action to hand its exit code back through commander. */
class ExitWith extends Error {
  constructor(readonly code: number) { super(`exit ${code}`); }
}

function buildProgram(io: CliIO): Command {
  const program = new Command('parallax')
    .description('Read news articles about one story side by side: clean text, metadata, and (soon) who said what, when.')
    .version(version)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError('(run `parallax --help` for usage)');

  const dbOption = () => new Option('--db <dir|url>', 'PGlite data folder (default .parallax/db, or PARALLAX_DB), or a postgres:// URL; DATABASE_URL also selects PostgreSQL');

  program.command('add')
    .description('read files, folders, feeds, WARC, JSON Lines, URLs or stdin (-), extract the articles and store them')
    .argument('<inputs...>', 'files, folders (recursive), http(s) URLs, or - for stdin')
    .addOption(dbOption())
    .option('--fetch', 'for feeds: fetch the page each item links to')
    .option('--wait', 'PostgreSQL: wait until the workers stored every article and rebuilt its story (PGlite always waits: the work runs in this process)')
    .option('--concurrency <n>', 'PGlite: article loops in this process', (v) => parsePositiveInt(v, '--concurrency'))
    .option('-q, --quiet', 'print only errors and the summary')
    .option('--strict', 'treat warnings (a cut record or page, replaced bytes, an analysis cut at the per-article limit) as failures')
    .action(async (inputs: string[], flags) => { throw new ExitWith(await runAdd(inputs, flags, io)); });

  program.command('worker')
    .description('take jobs from the queue (read, annotate and place articles, rebuild stories, fetch URLs, poll feeds) until stopped')
    .addOption(dbOption())
    .option('--concurrency <n>', 'article loops in this process (one core: 1-2)', (v) => parsePositiveInt(v, '--concurrency'))
    .option('--until-idle', 'stop once no job is waiting or running')
    .option('--nice <n>', 'lower this process\'s CPU priority to nice N (0-19; 10 beside `serve` on the same machine keeps its reads fast)', (v) => parseNice(v))
    .action(async (flags) => { throw new ExitWith(await runWorker(flags, io)); });

  program.command('watch')
    .description('follow feeds: poll each on a schedule (conditional requests, polite per host) and add their new items')
    .argument('<feeds...>', 'feed URLs, OPML files, or files with one feed URL per line')
    .addOption(dbOption())
    .option('--every <duration>', 'how often to poll each feed (90s, 15m, 1h)', '15m')
    .option('--once', 'poll each feed once, wait for its new items, and exit')
    .option('--fetch', 'fetch the page each item links to instead of using the item\'s own text')
    .option('--workers <n>', 'article loops in this process; 0: only schedule polls (PostgreSQL, with `parallax worker` elsewhere)', (v) => parseCount(v, '--workers'))
    .action(async (feeds: string[], flags) => { throw new ExitWith(await runWatch(feeds, flags, io)); });

  program.command('list')
    .description('list stored articles')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--limit <n>', 'at most this many', (v) => parsePositiveInt(v, '--limit'))
    .action(async (flags) => { throw new ExitWith(await runList(flags, io)); });

  program.command('show')
    .description('show one stored article with its metadata and where each value came from')
    .argument('<id>', 'article id or a unique prefix of it')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'md']).default('json'))
    .action(async (id: string, flags) => { throw new ExitWith(await runShow(id, flags, io)); });

  program.command('extract')
    .description('extract the clean article and metadata from one input and print it (nothing is stored)')
    .argument('<input>', 'a file, an http(s) URL, or - for stdin')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'md']).default('json'))
    .option('--fetch', 'for feeds: fetch the page each item links to')
    .option('--strict', 'treat warnings (a cut record or page, replaced bytes, an analysis cut at the per-article limit) as failures')
    .action(async (input: string, flags) => { throw new ExitWith(await runExtract(input, flags, io)); });

  program.command('analyze')
    .description('read articles and show the story across them: entities, quotes, timeline, stances, contradictions, framing (nothing is stored)')
    .argument('<inputs...>', 'files, folders (recursive), http(s) URLs, or - for stdin')
    .addOption(new Option('--format <format>', 'json (CONTRACT.md Analysis), md or html (an analyst\'s brief)').choices(['json', 'md', 'html']).default('json'))
    .option('--fetch', 'for feeds: fetch the page each item links to')
    .option('--strict', 'treat warnings (a cut record or page, replaced bytes, an analysis cut at the per-article limit) as failures')
    .action(async (inputs: string[], flags) => { throw new ExitWith(await runAnalyze(inputs, flags, io)); });

  program.command('stories')
    .description('list the stories the stored articles form')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--limit <n>', 'the largest N stories (default 50)', (v) => parsePositiveInt(v, '--limit'))
    .action(async (flags) => { throw new ExitWith(await runStories(flags, io)); });

  program.command('story')
    .description('show one stored story: JSON (CONTRACT.md Story), or the analyst\'s brief in Markdown or HTML')
    .argument('<id>', 'story id (see `parallax stories`)')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'md', 'html']).default('md'))
    .action(async (id: string, flags) => { throw new ExitWith(await runStory(id, flags, io)); });

  const entities = program.command('entities').description('correct how names were merged into entities');
  entities.command('unmerge')
    .description('undo a wrong merge: keep two names apart in a story (kept in the database, applied from now on)')
    .argument('<story>', 'story id')
    .argument('<a>', 'one name, as printed in the story\'s entity aliases')
    .argument('<b>', 'the other name')
    .addOption(dbOption())
    .action(async (story: string, a: string, b: string, flags) => { throw new ExitWith(await runUnmerge(story, a, b, flags, io)); });

  program.command('serve')
    .description('serve the web app and the HTTP API (loopback by default; another host needs PARALLAX_TOKEN)')
    .addOption(dbOption())
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port (0 picks a free one)', (v) => parsePort(v), 4317)
    .option('--example', 'load the fictional example story into the database when it is empty')
    .option('--allow-private-urls', 'let URL ingestion reach loopback and private addresses (off by default: SSRF guard)')
    .option('--workers <n>', 'article loops in this process (default 1); 0 on PostgreSQL: leave the jobs to `parallax worker` processes', (v) => parseCount(v, '--workers'))
    .action(async (flags) => { throw new ExitWith(await runServe(flags, io)); });

  return program;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError('E_USAGE', `--port needs a port number (0–65535), got "${value}"`);
  return n;
}

function parseCount(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError('E_USAGE', `${flag} needs a whole number (0 or more), got "${value}"`);
  return n;
}

/** Nice values a process may give itself without privileges: 0 (normal) to 19 (lowest). */
const MAX_NICE = 19;

function parseNice(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0 || n > MAX_NICE) throw new ConfigError('E_USAGE', `--nice needs a whole number from 0 to ${MAX_NICE}, got "${value}"`);
  return n;
}

function parsePositiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError('E_USAGE', `${flag} needs a positive whole number, got "${value}"`);
  return n;
}

/**
 * Run the CLI with the given arguments (without `node` and the script name); resolves to the exit code.
 * Never throws: errors become one line on stderr.
 */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const program = buildProgram(io);
  if (argv.length === 0) {
    program.outputHelp();
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (err) {
    if (err instanceof ExitWith) return err.code;
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT_OK;
      return EXIT_USAGE;
    }
    writeLine(io.stderr, `parallax: ${describeError(err)}`);
    if (err instanceof ConfigError) return EXIT_USAGE;
    return EXIT_SOME_FAILED;
  }
}
