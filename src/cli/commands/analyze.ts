import type { CliIO } from '../io.js';
import { failureLine, warningLine, writeLine } from '../io.js';
import { EXIT_OK, EXIT_SOME_FAILED } from '../exit-codes.js';
import { ingestOptionsFrom } from '../ingest-options.js';
import { expandInputs } from '../expand-inputs.js';
import { createProgress } from '../progress.js';
import { analyzeInputs, briefArticle, type Analysis } from '../../workflow/index.js';
import { describeError } from '../../core/index.js';
import { briefToHtml, briefToMarkdown } from '../../report/index.js';
import type { Story } from '../../story/index.js';

export interface AnalyzeFlags { format?: 'json' | 'md' | 'html'; fetch?: boolean; strict?: boolean }

/** Stories worth a brief: those several sources cover, largest first (all of them if none has two sources). */
function briefedStories(analysis: Analysis): Story[] {
  const sorted = [...analysis.stories].sort((a, b) => b.articles.length - a.articles.length);
  const multi = sorted.filter((s) => s.articles.length > 1);
  return multi.length ? multi : sorted;
}

/** `parallax analyze <inputs…>`: articles with their layers and the stories they form, as JSON or an analyst's brief. */
export async function runAnalyze(inputs: string[], flags: AnalyzeFlags, io: CliIO): Promise<number> {
  const expanded = await expandInputs(inputs);
  const progress = createProgress(expanded.length, io);
  let read = 0;
  const { analysis, failures } = await analyzeInputs(expanded, {
    ...ingestOptionsFrom(flags, io),
    onArticle: (input) => progress.tick(input, { added: ++read, failed: 0 }),
    onWarnings: (input, warnings) => { for (const w of warnings) progress.log(warningLine(input, w)); },
    strict: flags.strict ?? false,
  });
  progress.stop();
  for (const f of failures) writeLine(io.stderr, failureLine(f.input, describeError(f.error)));
  if (flags.format === 'json' || !flags.format) {
    writeLine(io.stdout, JSON.stringify(analysis, null, 2));
  } else {
    const stories = briefedStories(analysis);
    const articlesOf = (story: Story) => analysis.articles.filter((a) => story.articles.includes(a.id)).map(briefArticle);
    if (flags.format === 'md') {
      writeLine(io.stdout, stories.map((s) => briefToMarkdown(s, articlesOf(s))).join('\n\n---\n\n'));
    } else {
      // One self-contained page per story: the largest here; the others are named on stderr.
      const [main, ...others] = stories;
      if (main) writeLine(io.stdout, briefToHtml(main, articlesOf(main)));
      for (const other of others) writeLine(io.stderr, `parallax: also found the story "${other.title}" (${other.articles.length} articles); analyse its articles on their own for its brief`);
    }
  }
  return failures.length > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}
