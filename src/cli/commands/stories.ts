import type { CliIO } from '../io.js';
import { writeLine } from '../io.js';
import { EXIT_OK, EXIT_SOME_FAILED } from '../exit-codes.js';
import { openStoreFromFlags, type StoreFlags } from '../store-options.js';
import { Library, briefArticle } from '../../workflow/index.js';
import { toArticleJson, briefToHtml, briefToMarkdown } from '../../report/index.js';

export interface StoriesFlags extends StoreFlags { format?: 'table' | 'json'; limit?: number }

/** Stories listed when no --limit is given: the largest, a screenful. */
const DEFAULT_STORIES_SHOWN = 50;
export interface StoryFlags extends StoreFlags { format?: 'json' | 'md' | 'html' }

/** `parallax stories`: the largest stored stories first, with their articles (read from the story index: the same cost at any size). */
export async function runStories(flags: StoriesFlags, io: CliIO): Promise<number> {
  const store = await openStoreFromFlags(flags, io);
  try {
    const records = await store.listStoryRecords({ order: 'size', limit: flags.limit ?? DEFAULT_STORIES_SHOWN });
    const articles = await store.storyArticles(records.map((r) => r.id));
    const rows = records.map((r) => ({ id: r.id, articles: articles.get(r.id) ?? [], title: r.title, stale: r.stale }));
    if (flags.format === 'json') writeLine(io.stdout, JSON.stringify({ stories: rows }, null, 2));
    else if (rows.length === 0) writeLine(io.stderr, 'parallax: no stories yet; add articles with `parallax add <files|folders|URLs>`');
    else for (const r of rows) writeLine(io.stdout, `${r.id}  ${String(r.articles.length).padStart(3)} articles  ${r.title ?? '(untitled)'}`);
    return EXIT_OK;
  } finally {
    await store.close();
  }
}

/** `parallax story <id>`: one stored story as JSON, or the analyst's brief in Markdown or HTML. */
export async function runStory(id: string, flags: StoryFlags, io: CliIO): Promise<number> {
  const store = await openStoreFromFlags(flags, io);
  try {
    const library = new Library(store);
    const built = await library.story(id, { buildIfMissing: true });
    if (!built) {
      writeLine(io.stderr, `parallax: no story ${id}; see \`parallax stories\``);
      return EXIT_SOME_FAILED;
    }
    const articles = built.docs.map((d) => briefArticle(toArticleJson(d)));
    if (flags.format === 'md') writeLine(io.stdout, briefToMarkdown(built.story, articles));
    else if (flags.format === 'html') writeLine(io.stdout, briefToHtml(built.story, articles));
    else writeLine(io.stdout, JSON.stringify({ story: built.story, overrides: built.overrides, build: built.build }, null, 2));
    return EXIT_OK;
  } finally {
    await store.close();
  }
}

/** `parallax entities unmerge <story> <a> <b>`: keep two names apart in a story from now on. */
export async function runUnmerge(storyId: string, a: string, b: string, flags: StoreFlags, io: CliIO): Promise<number> {
  const store = await openStoreFromFlags(flags, io);
  try {
    const library = new Library(store);
    const before = await library.story(storyId, { buildIfMissing: true });
    if (!before) {
      writeLine(io.stderr, `parallax: no story ${storyId}; see \`parallax stories\``);
      return EXIT_SOME_FAILED;
    }
    const holder = before.story.entities.find((e) => e.aliases.includes(a) && e.aliases.includes(b));
    if (!holder) {
      writeLine(io.stderr, `parallax: "${a}" and "${b}" are not merged in story ${storyId}; nothing to undo`);
      return EXIT_SOME_FAILED;
    }
    await library.unmerge(storyId, a, b);
    const after = await library.story(storyId, { buildIfMissing: true });
    const split = after!.story.entities.filter((e) => e.aliases.includes(a) || e.aliases.includes(b));
    writeLine(io.stdout, `unmerged "${a}" and "${b}" in ${storyId}: now ${split.map((e) => `${e.name} (${e.id})`).join(' and ')}`);
    return EXIT_OK;
  } finally {
    await store.close();
  }
}
