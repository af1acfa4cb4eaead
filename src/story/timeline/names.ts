import type { Doc } from '../../core/index.js';
import type { StoryContext } from '../types.js';

/** The canonical story name of an in-article entity (its local name when the story table lacks it). */
export function storyName(ctx: StoryContext, doc: Doc, localId: string): { id: string; name: string } | undefined {
  const storyId = ctx.entities.resolve(doc.id, localId);
  const entity = storyId ? ctx.entities.get(storyId) : undefined;
  if (entity) return { id: entity.id, name: entity.name };
  const local = doc.layers.entityIndex?.find((e) => e.id === localId);
  return local ? { id: `${doc.id}:${local.id}`, name: local.name } : undefined;
}
