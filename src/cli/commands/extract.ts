import type { CliIO } from '../io.js';
import { failureLine, warningLine, writeLine } from '../io.js';
import { EXIT_OK, EXIT_SOME_FAILED } from '../exit-codes.js';
import { ingestOptionsFrom } from '../ingest-options.js';
import { readArticles, strictFailure, warningsOf } from '../../workflow/index.js';
import { describeError } from '../../core/index.js';
import { toArticleJson, articleToMarkdown, type ArticleJson } from '../../report/index.js';

export interface ExtractFlags { format?: 'json' | 'md'; fetch?: boolean; strict?: boolean }

/**
 * `parallax extract <input>`: the clean article and its metadata, nothing stored.
 * One article prints as one JSON object; an input holding several (a feed) prints an array.
 */
export async function runExtract(input: string, flags: ExtractFlags, io: CliIO): Promise<number> {
  const articles: ArticleJson[] = [];
  let failed = 0;
  for await (const result of readArticles([input], ingestOptionsFrom(flags, io))) {
    if (result.ok) {
      const warnings = warningsOf(result.doc);
      if (flags.strict && warnings.length > 0) {
        failed++;
        writeLine(io.stderr, failureLine(result.input, describeError(strictFailure(result.input, result.doc))));
        continue;
      }
      for (const w of warnings) writeLine(io.stderr, warningLine(result.input, w));
      articles.push(toArticleJson(result.doc));
    } else {
      failed++;
      writeLine(io.stderr, failureLine(result.input, describeError(result.error)));
    }
  }
  if (flags.format === 'md') {
    writeLine(io.stdout, articles.map(articleToMarkdown).join('\n---\n\n'));
  } else if (articles.length > 0) {
    writeLine(io.stdout, JSON.stringify(articles.length === 1 ? articles[0] : articles, null, 2));
  }
  return failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}
