import type { Doc } from '../../core/index.js';
import type { ArticleEntity, EntityMention, EntityType } from '../../annotate/index.js';

/** One in-article entity of a hand-built doc: its name, and other forms the article uses for it. */
export interface EntitySpec {
  readonly name: string;
  readonly type: EntityType;
  readonly titles?: string[];
  /** Further mentions: a surname, an acronym ("KHB"), another spelling. */
  readonly also?: readonly { readonly text: string; readonly form: EntityMention['form'] }[];
}

/**
 * A hand-built annotated doc for tests of the story stages: one sentence per mention,
 * entity layers pointing at the words, ids `e1`, `e2`… in order.
 */
export function makeDoc(id: string, entities: readonly EntitySpec[]): Doc {
  let text = '';
  const mentions: EntityMention[] = [];
  const index: ArticleEntity[] = [];
  entities.forEach((e, i) => {
    const entity = `e${i + 1}`;
    index.push({ id: entity, name: e.name, type: e.type, ...(e.titles ? { titles: e.titles } : {}) });
    for (const { text: words, form } of [{ text: e.name, form: 'name' as const }, ...(e.also ?? [])]) {
      const start = text.length;
      text += `${words} was mentioned. `;
      mentions.push({ start, end: start + words.length, type: e.type, entity, form });
    }
  });
  return { id, text, meta: {}, source: { path: `${id}.txt` }, layers: { entities: mentions, entityIndex: index }, messages: [] };
}
