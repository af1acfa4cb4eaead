/**
 * Hash routes: the server serves the app only at `/`, so every page lives in
 * the fragment: `#/`, `#/story/<id>`, `#/article/<id>?start=&end=` (or `?quote=`).
 */

export type Route =
  | { page: 'library' }
  | { page: 'story'; id: string }
  | { page: 'article'; id: string; start: number | null; end: number | null; quote: string | null };

function intParam(params: URLSearchParams, name: string): number | null {
  const raw = params.get(name);
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

/** Read a location hash; anything unknown is the library. */
export function parseRoute(hash: string): Route {
  const [pathPart = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  const parts = pathPart.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  const params = new URLSearchParams(query);
  if (parts[0] === 'story' && parts[1]) return { page: 'story', id: parts[1] };
  if (parts[0] === 'article' && parts[1]) {
    return { page: 'article', id: parts[1], start: intParam(params, 'start'), end: intParam(params, 'end'), quote: params.get('quote') };
  }
  return { page: 'library' };
}

export function storyHref(id: string): string {
  return `#/story/${encodeURIComponent(id)}`;
}

/** Link to an article, optionally with a passage to highlight: by offsets when known, else by its words. */
export function articleHref(id: string, passage?: { start?: number; end?: number; quote?: string }): string {
  const params = new URLSearchParams();
  if (passage?.start !== undefined && passage.end !== undefined && passage.end > passage.start) {
    params.set('start', String(passage.start));
    params.set('end', String(passage.end));
  } else if (passage?.quote) {
    params.set('quote', passage.quote);
  }
  const query = params.toString();
  return `#/article/${encodeURIComponent(id)}${query ? `?${query}` : ''}`;
}
