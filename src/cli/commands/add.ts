import type { CliIO } from '../io.js';
import { failureLine, warningLine, writeLine } from '../io.js';
import { EXIT_OK, EXIT_SOME_FAILED } from '../exit-codes.js';
import { openStoreFromFlags, type StoreFlags } from '../store-options.js';
import { createProgress } from '../progress.js';
import { expandInputs, isUrl } from '../expand-inputs.js';
import { ingestOptionsFrom } from '../ingest-options.js';
import { Library, annotateArticle, readArticles, strictFailure, warningsOf } from '../../workflow/index.js';
import { describeError, metaValue } from '../../core/index.js';

export interface AddFlags extends StoreFlags { fetch?: boolean; quiet?: boolean; strict?: boolean }

/** `parallax add <inputs…>`: read, extract and store; one line per article on stdout, errors and summary on stderr. */
export async function runAdd(inputs: string[], flags: AddFlags, io: CliIO): Promise<number> {
  const expanded = await expandInputs(inputs);
  const store = await openStoreFromFlags(flags, io);
  const library = await Library.open(store);
  const counts = { added: 0, duplicate: 0, nearDuplicate: 0, failed: 0 };
  const progress = createProgress(expanded.length, io);
  try {
    // Files one at a time (so progress counts them); URLs together, so fetching runs concurrently.
    const files = expanded.filter((i) => !isUrl(i));
    const urls = expanded.filter(isUrl);
    const batches = [...files.map((f) => [f]), ...(urls.length ? [urls] : [])];
    for (const batch of batches) {
      for await (const result of readArticles(batch, ingestOptionsFrom(flags, io))) {
        if (!result.ok) {
          counts.failed++;
          progress.log(failureLine(result.input, describeError(result.error)));
          continue;
        }
        try {
          const doc = await annotateArticle(result.doc, { name: result.input });
          const warnings = warningsOf(doc);
          if (flags.strict && warnings.length > 0) {
            counts.failed++;
            progress.log(failureLine(result.input, describeError(strictFailure(result.input, doc))));
            continue;
          }
          for (const w of warnings) progress.log(warningLine(result.input, w));
          const outcome = await library.add(doc, { original: result.page });
          if (outcome.status !== 'duplicate' && outcome.originalError) progress.log(`parallax: ${result.input}: warning: ${outcome.originalError}`);
          const title = metaValue(result.doc.meta.title) ?? '(untitled)';
          if (outcome.status === 'added') counts.added++;
          else if (outcome.status === 'duplicate') counts.duplicate++;
          else counts.nearDuplicate++;
          const extra = outcome.status === 'near-duplicate' ? ` of ${outcome.duplicateOf}` : '';
          const story = outcome.status === 'added' ? outcome.storyId ?? '' : '';
          if (!flags.quiet) writeLine(io.stdout, `${outcome.status}${extra}\t${outcome.id}\t${story}\t${title}`);
        } catch (err) {
          counts.failed++;
          progress.log(failureLine(result.input, describeError(err)));
        }
      }
      progress.tick(batch.length === 1 ? batch[0]! : `${batch.length} URLs`, { added: counts.added, failed: counts.failed });
    }
  } finally {
    progress.stop();
    await store.close();
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
