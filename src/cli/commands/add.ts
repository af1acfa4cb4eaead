import type { CliIO } from '../io.js';
import { failureLine, warningLine, writeLine } from '../io.js';
import { EXIT_OK, EXIT_SOME_FAILED } from '../exit-codes.js';
import type { StoreFlags } from '../store-options.js';
import { createProgress, type Progress } from '../progress.js';
import { expandInputs, isUrl } from '../expand-inputs.js';
import { ingestOptionsFrom } from '../ingest-options.js';
import { openRuntime, type Runtime } from '../runtime.js';
import { ingest } from '../../ingest/index.js';
import { describeError, type RawPage } from '../../core/index.js';
import { QUEUES, type ArticleJob, type ArticleOutcome, type FetchOutcome, type JobStatus } from '../../jobs/index.js';

export interface AddFlags extends StoreFlags { fetch?: boolean; quiet?: boolean; strict?: boolean; wait?: boolean; concurrency?: number }

/** Pages queued per insert: a batch of a large folder never sits whole in memory. */
const QUEUE_CHUNK = 200;
const STORY_POLL_MS = 200;

interface Counts { added: number; duplicate: number; nearDuplicate: number; failed: number }

/**
 * `parallax add <inputs…>`: read the inputs and queue one job per article (and per URL). On
 * PGlite, or with `--wait`, wait until every article is stored, annotated and placed and its
 * story rebuilt, printing one line per article on stdout; errors and the summary on stderr. On PGlite it
 * also finishes the jobs an earlier process left (killed mid-batch): nothing else could run them.
 * On PostgreSQL without `--wait`, the workers (`parallax worker`) take it from the queue.
 */
export async function runAdd(inputs: string[], flags: AddFlags, io: CliIO): Promise<number> {
  const expanded = await expandInputs(inputs);
  const runtime = await openRuntime(flags, io, { work: 'embedded', concurrency: flags.concurrency });
  const counts: Counts = { added: 0, duplicate: 0, nearDuplicate: 0, failed: 0 };
  const progress = createProgress(expanded.length, io);
  const wait = Boolean(flags.wait) || runtime.worker !== null;
  try {
    const jobs = await queueInputs(runtime, expanded, flags, io, progress, counts, wait);
    progress.stop();
    if (!wait) {
      writeLine(io.stderr, `parallax: queued ${jobs.articles} articles and ${jobs.fetches} URLs in ${runtime.store.location}; \`parallax worker\` processes them (or add with --wait)`);
      return counts.failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
    }
    const stories = await waitForArticles(runtime, jobs.ids, flags, io, counts);
    await waitForStories(runtime, stories);
    // This process works the jobs only on PGlite, where no other process can run the jobs an earlier one left (killed mid-batch, say): finish them too
    if (runtime.worker) await runtime.worker.untilIdle();
  } finally {
    progress.stop();
    await runtime.close();
  }
  const summary = [
    `${counts.added} added`,
    `${counts.duplicate} already stored`,
    `${counts.nearDuplicate} near-duplicates linked`,
    `${counts.failed} failed`,
  ].join(', ');
  writeLine(io.stderr, `parallax: ${summary}`);
  return counts.failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}

/** Read the files (one at a time, so progress counts them) and queue their articles; queue URLs as fetch jobs. */
async function queueInputs(runtime: Runtime, expanded: readonly string[], flags: AddFlags, io: CliIO, progress: Progress, counts: Counts, wait: boolean) {
  const ids: string[] = [];
  let articles = 0;
  let pending: ArticleJob[] = [];
  const flush = async () => {
    if (pending.length === 0) return;
    ids.push(...(await runtime.queue.sendMany(QUEUES.article, pending)));
    articles += pending.length;
    pending = [];
  };
  const options = ingestOptionsFrom(flags, io);
  for (const file of expanded.filter((i) => !isUrl(i))) {
    for await (const result of ingest([file], options)) {
      if (!result.ok) {
        counts.failed++;
        progress.log(failureLine(result.input, describeError(result.error)));
        continue;
      }
      pending.push({ input: result.input, page: result.page as RawPage, ...(flags.strict ? { strict: true } : {}) });
      if (pending.length >= QUEUE_CHUNK) await flush();
    }
    progress.tick(file, { added: articles + pending.length, failed: counts.failed });
  }
  await flush();
  const urls = expanded.filter(isUrl);
  // The CLI fetches what its user asks, private addresses included (as `ingest` does for the CLI).
  // Someone waiting is told of a failed fetch at once; queued for later, a passing failure is retried.
  const fetches = urls.map((url) => ({ input: url, url, fetchLinked: Boolean(flags.fetch), allowPrivateAddresses: options.allowPrivateAddresses ?? true, retryTransient: !wait, ...(flags.strict ? { strict: true } : {}) }));
  if (fetches.length) ids.push(...(await runtime.queue.sendMany(QUEUES.fetch, fetches)));
  return { ids, articles, fetches: fetches.length };
}

/** Wait for the article jobs (and those the fetch jobs queue), printing each outcome; returns the stories they joined. */
async function waitForArticles(runtime: Runtime, ids: readonly string[], flags: AddFlags, io: CliIO, counts: Counts): Promise<Set<string>> {
  const stories = new Set<string>();
  let waiting = [...ids];
  while (waiting.length > 0) {
    const next: string[] = [];
    await runtime.queue.waitFor(waiting, {
      onDone: (status) => {
        if (status.queue === QUEUES.fetch) return onFetchDone(status, next, io, counts);
        const outcome = articleOutcome(status);
        if (outcome.status === 'failed') {
          counts.failed++;
          writeLine(io.stderr, `${failureLine(outcome.input, outcome.message)} [${outcome.code}]`);
          return;
        }
        if (outcome.status === 'added') { counts.added++; stories.add(outcome.storyId); }
        else if (outcome.status === 'duplicate') counts.duplicate++;
        else counts.nearDuplicate++;
        if ('warnings' in outcome) for (const w of outcome.warnings ?? []) writeLine(io.stderr, warningLine(outcome.input, w));
        if ('originalError' in outcome && outcome.originalError) writeLine(io.stderr, `parallax: ${outcome.input}: warning: ${outcome.originalError}`);
        const extra = outcome.status === 'near-duplicate' ? ` of ${outcome.duplicateOf}` : '';
        const story = outcome.status === 'added' ? outcome.storyId : '';
        if (!flags.quiet) writeLine(io.stdout, `${outcome.status}${extra}\t${outcome.id}\t${story}\t${outcome.title ?? '(untitled)'}`);
      },
    });
    waiting = next;
  }
  return stories;
}

function onFetchDone(status: JobStatus, next: string[], io: CliIO, counts: Counts): void {
  if (status.state !== 'completed') {
    counts.failed++;
    writeLine(io.stderr, `parallax: ${status.input ?? 'a URL'}: gave up after retries: ${String(status.output?.['message'] ?? 'no reason recorded')}`);
    return;
  }
  const outcome = status.output as unknown as FetchOutcome;
  next.push(...outcome.articleJobs);
  for (const f of outcome.failures) {
    counts.failed++;
    writeLine(io.stderr, `${failureLine(f.input, f.message)} [${f.code}]`);
  }
}

/** A finished article job's outcome; a job that failed every retry reads as a failure with its reason. */
function articleOutcome(status: JobStatus): ArticleOutcome {
  if (status.state === 'completed' && status.output) return status.output as unknown as ArticleOutcome;
  return { input: status.input ?? 'an article', status: 'failed', code: String(status.output?.['code'] ?? 'E_JOB_FAILED'), message: `gave up after retries: ${String(status.output?.['message'] ?? 'no reason recorded')}` };
}

/** Wait until the stories the new articles joined are built with them (a story merged meanwhile: the one it joined). */
async function waitForStories(runtime: Runtime, storyIds: ReadonlySet<string>): Promise<void> {
  for (const storyId of storyIds) {
    let current: string | null = storyId;
    while (current) {
      const record = await runtime.store.storyRecord(current);
      if (!record) break;
      if (record.mergedInto) { current = record.mergedInto; continue; }
      if (!record.stale) break;
      await new Promise((resolve) => setTimeout(resolve, STORY_POLL_MS));
    }
  }
}
