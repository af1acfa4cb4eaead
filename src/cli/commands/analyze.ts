import type { CliIO } from '../io.js';
import { writeLine } from '../io.js';
import { EXIT_OK, EXIT_SOME_FAILED } from '../exit-codes.js';
import { ingestOptionsFrom } from '../ingest-options.js';
import { expandInputs } from '../expand-inputs.js';
import { createProgress } from '../progress.js';
import { analyzeInputs } from '../../workflow/index.js';
import { describeError } from '../../core/index.js';
import { analysisToMarkdown } from '../../report/index.js';

export interface AnalyzeFlags { format?: 'json' | 'md'; fetch?: boolean }

/** `parallax analyze <inputs…>`: every article with its entities, quotes, times and events. Nothing is stored. */
export async function runAnalyze(inputs: string[], flags: AnalyzeFlags, io: CliIO): Promise<number> {
  const expanded = await expandInputs(inputs);
  const progress = createProgress(expanded.length, io);
  let done = 0;
  const { analysis, failures } = await analyzeInputs(expanded, {
    ...ingestOptionsFrom(flags, io),
    onArticle: (input) => progress.tick(input, { added: ++done, failed: 0 }),
  });
  progress.stop();
  for (const f of failures) writeLine(io.stderr, `parallax: ${f.input}: ${describeError(f.error)}`);
  writeLine(io.stdout, flags.format === 'md' ? analysisToMarkdown(analysis) : JSON.stringify(analysis, null, 2));
  return failures.length > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}
