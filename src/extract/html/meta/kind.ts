import type { ArticleKind } from '../../../core/index.js';

/** Section names and URL path segments that say what kind of piece this is. */
const OPINION_WORDS = /^(opinions?|commentisfree|comment|commentary|editorials?|columns?|columnists?|op-?eds?|blogs?|letters|viewpoints?|perspectives?)$/i;
const ANALYSIS_WORDS = /^(analysis|analyses|explainers?|in-?depth|fact-?checks?)$/i;
const NEWS_WORDS = /^(news|world|politics|national|local|business|breaking)$/i;

/** The kind a schema.org type states, or null. */
export function kindFromSchemaType(type: string): ArticleKind | null {
  if (type === 'OpinionNewsArticle') return 'opinion';
  if (type === 'AnalysisNewsArticle' || type === 'BackgroundNewsArticle') return 'analysis';
  if (type === 'ReportageNewsArticle') return 'news';
  return null;
}

/** The kind a section name states ("Opinion", "Analysis"), or null. */
export function kindFromSection(section: string): ArticleKind | null {
  const words = section.toLowerCase().split(/[\s/>|,&]+/).filter(Boolean);
  if (words.some((w) => OPINION_WORDS.test(w))) return 'opinion';
  if (words.some((w) => ANALYSIS_WORDS.test(w))) return 'analysis';
  return null;
}

/** The kind a URL path segment states (`/opinion/`, `/analysis/`), with the segment; news only from a leading `/news/`. */
export function kindFromUrl(url: string): { kind: ArticleKind; segment: string } | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const segments = path.split('/').filter(Boolean).slice(0, -1); // the last segment is the slug
  for (const seg of segments) {
    if (OPINION_WORDS.test(seg)) return { kind: 'opinion', segment: seg };
    if (ANALYSIS_WORDS.test(seg)) return { kind: 'analysis', segment: seg };
  }
  if (segments[0] && NEWS_WORDS.test(segments[0]) && segments[0].toLowerCase() === 'news') return { kind: 'news', segment: segments[0] };
  return null;
}
