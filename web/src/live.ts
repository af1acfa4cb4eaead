/**
 * Live updates from the server's change stream (`GET /api/events`, Server-Sent
 * Events). One stream at a time: a page that starts listening ends the
 * previous page's stream, so navigating never leaves streams open. The
 * browser reconnects by itself and resumes after the last event it saw.
 */

/** A change as the server logs it. */
export interface Change {
  seq: number;
  kind: 'article-added' | 'story-merged' | 'story-updated' | 'contradiction-new' | 'stance-changed';
  storyId: string | null;
  articleId: string | null;
  data: Record<string, unknown>;
  at: string;
}

const KINDS: Change['kind'][] = ['article-added', 'story-merged', 'story-updated', 'contradiction-new', 'stance-changed'];

let current: EventSource | null = null;

/** Stop the current page's stream, if any. */
export function stopListening(): void {
  current?.close();
  current = null;
}

/**
 * Listen to changes (one story's with `story`), calling `onChange` for each. Changes that
 * arrive together are handed over together (`onBatch`), so a page redraws once per burst.
 */
export function listen(options: { story?: string; onBatch: (changes: Change[]) => void; burstMs?: number }): void {
  stopListening();
  if (typeof EventSource === 'undefined') return;
  const url = options.story ? `/api/events?story=${encodeURIComponent(options.story)}` : '/api/events';
  const source = new EventSource(url);
  current = source;
  let pending: Change[] = [];
  let timer: number | undefined;
  const flush = () => {
    timer = undefined;
    const batch = pending;
    pending = [];
    if (batch.length && current === source) options.onBatch(batch);
  };
  for (const kind of KINDS) {
    source.addEventListener(kind, (event) => {
      try {
        pending.push(JSON.parse((event as MessageEvent<string>).data) as Change);
      } catch {
        return;
      }
      timer ??= window.setTimeout(flush, options.burstMs ?? 400);
    });
  }
}
