import type { Doc } from '../../core/index.js';
import type { ArticleEntity, EntityMention, Quote, Timex } from '../../annotate/index.js';

/** A hand-built annotated article for tests: entities are found by their names in the text. */
export function makeDoc(opts: {
  id: string;
  text: string;
  published?: string;
  persons?: string[];
  places?: string[];
  quotes?: { text: string; speaker?: string; direct?: boolean }[];
  times?: { text: string; value: string }[];
}): Doc {
  const entityIndex: ArticleEntity[] = [];
  const entities: EntityMention[] = [];
  const add = (name: string, type: 'PERSON' | 'GPE'): void => {
    const id = `e${entityIndex.length + 1}`;
    entityIndex.push({ id, name, type });
    for (const m of opts.text.matchAll(new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))) {
      entities.push({ start: m.index, end: m.index + name.length, type, entity: id, form: 'name' });
    }
  };
  for (const p of opts.persons ?? []) add(p, 'PERSON');
  for (const p of opts.places ?? []) add(p, 'GPE');
  entities.sort((a, b) => a.start - b.start);
  const quotes: Quote[] = (opts.quotes ?? []).map((q) => {
    const start = opts.text.indexOf(q.text);
    if (start < 0) throw new Error(`quote not in text: ${q.text}`);
    const speaker = q.speaker ? entityIndex.find((e) => e.name === q.speaker)?.id : undefined;
    return { start, end: start + q.text.length, direct: q.direct ?? true, ...(speaker ? { speaker } : {}) };
  });
  const times: Timex[] = (opts.times ?? []).map((t) => {
    const start = opts.text.indexOf(t.text);
    return { start, end: start + t.text.length, type: 'DATE', value: t.value };
  });
  return {
    id: opts.id,
    text: opts.text,
    source: { path: `${opts.id}.txt` },
    meta: opts.published ? { published: { value: opts.published, evidence: { source: 'meta', at: 'test' } } } : {},
    layers: { entities, entityIndex, quotes, times },
    messages: [],
  };
}
