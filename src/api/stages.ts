/**
 * The real story stages and brief renderers, shaped as ApiOptions, for
 * `parallax serve`: `createApp({ store, ...storyStages() })`.
 */
import type { Doc } from '../core/index.js';
import { buildStory, clusterDocs } from '../story/index.js';
import { briefToHtml, briefToMarkdown, toArticleJson } from '../report/index.js';
import { briefArticle } from '../workflow/index.js';
import type { ApiOptions } from './app.js';

/** Story clustering, cross-source story building (honouring analyst unmerges) and the Markdown/HTML briefs. */
export function storyStages(): Required<Pick<ApiOptions, 'buildStory' | 'groupStories' | 'renderBrief'>> {
  const briefArticles = (docs: readonly Doc[]) => docs.map((doc) => briefArticle(toArticleJson(doc)));
  return {
    buildStory: (docs, overrides) => buildStory(docs, { unmerge: overrides.unmerges }),
    groupStories: (docs) => {
      const byId = new Map(docs.map((doc) => [doc.id, doc]));
      return clusterDocs(docs).map((group) => group.articles.map((id) => byId.get(id)).filter((doc): doc is Doc => doc !== undefined));
    },
    renderBrief: {
      markdown: (story, docs) => briefToMarkdown(story, briefArticles(docs)),
      html: (story, docs) => briefToHtml(story, briefArticles(docs)),
    },
  };
}
