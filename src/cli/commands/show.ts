import type { CliIO } from '../io.js';
import { writeLine } from '../io.js';
import { EXIT_OK, EXIT_SOME_FAILED } from '../exit-codes.js';
import { openStoreFromFlags, type StoreFlags } from '../store-options.js';
import { toArticleJson, articleToMarkdown } from '../../report/index.js';

export interface ShowFlags extends StoreFlags { format?: 'json' | 'md' }

/** `parallax show <id>`: one stored article, by id or unique id prefix. */
export async function runShow(id: string, flags: ShowFlags, io: CliIO): Promise<number> {
  const store = await openStoreFromFlags(flags, io);
  try {
    const stored = await store.getArticle(id);
    if (!stored) {
      writeLine(io.stderr, `parallax: no stored article with id ${id}; see \`parallax list\``);
      return EXIT_SOME_FAILED;
    }
    const article = { ...toArticleJson(stored.doc), addedAt: stored.addedAt, duplicateOf: stored.duplicateOf, sources: stored.sources };
    writeLine(io.stdout, flags.format === 'md' ? articleToMarkdown(article) : JSON.stringify(article, null, 2));
    return EXIT_OK;
  } finally {
    await store.close();
  }
}
