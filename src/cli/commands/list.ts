import type { CliIO } from '../io.js';
import { writeLine } from '../io.js';
import { EXIT_OK } from '../exit-codes.js';
import { openStoreFromFlags, type StoreFlags } from '../store-options.js';
import { toArticleJson } from '../../report/index.js';

export interface ListFlags extends StoreFlags { format?: 'table' | 'json'; limit?: number }

/** `parallax list`: stored articles, newest first as the store orders them. */
export async function runList(flags: ListFlags, io: CliIO): Promise<number> {
  const store = await openStoreFromFlags(flags, io);
  try {
    const stored = await store.listArticles({ limit: flags.limit });
    const articles = stored.map((s) => toArticleJson(s.doc));
    if (flags.format === 'json') {
      writeLine(io.stdout, JSON.stringify(articles.map(({ text: _text, ...rest }) => rest), null, 2));
      return EXIT_OK;
    }
    if (articles.length === 0) {
      writeLine(io.stderr, 'parallax: no articles stored yet; add some with `parallax add <files|folders|URLs>`');
      return EXIT_OK;
    }
    for (const a of articles) {
      writeLine(io.stdout, [a.id, a.published ?? '----------', a.kind.padEnd(8), (a.outlet ?? '-').slice(0, 24).padEnd(24), a.title ?? '(untitled)'].join('  '));
    }
    return EXIT_OK;
  } finally {
    await store.close();
  }
}
