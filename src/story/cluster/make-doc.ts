import { contentId, type Doc } from '../../core/index.js';
import type { EntityType } from '../../annotate/index.js';

/**
 * A Doc for tests of this folder, without running the stages before it:
 * `entities` lists the in-article entities, each with how often it is mentioned.
 */
export function makeDoc(input: {
  text: string;
  published?: string;
  title?: string;
  entities?: { name: string; type: EntityType; mentions?: number }[];
}): Doc {
  const layers: Doc['layers'] = input.entities
    ? {
        entityIndex: input.entities.map((e, i) => ({ id: `e${i + 1}`, name: e.name, type: e.type })),
        entities: input.entities.flatMap((e, i) =>
          Array.from({ length: e.mentions ?? 1 }, () => ({ start: 0, end: 1, type: e.type, entity: `e${i + 1}`, form: 'name' as const })),
        ),
      }
    : {};
  return {
    id: contentId(input.text),
    text: input.text,
    meta: {
      ...(input.published ? { published: { value: input.published, evidence: { source: 'meta' as const, at: 'test' } } } : {}),
      ...(input.title ? { title: { value: input.title, evidence: { source: 'meta' as const, at: 'test' } } } : {}),
    },
    source: {},
    layers,
    messages: [],
  };
}
