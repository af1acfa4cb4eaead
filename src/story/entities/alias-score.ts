/**
 * Scoring a merge against hand-made groups of names: which alias groups ended up as one
 * entity, and which entities hold two different people. Used by the tests and `eval/`.
 */
import type { EntityResolution, StoryEntity } from '../types.js';
import { nameKey, nameWords } from './names.js';

/** Names an annotator says are one entity. */
export interface AliasGroup {
  readonly canonical: string;
  readonly forms: readonly string[];
}

export interface AliasGroupResult {
  readonly canonical: string;
  /** Forms of the group some entity carries as a name or alias. */
  readonly present: string[];
  /** Canonical names of the entities carrying them. */
  readonly entities: string[];
  readonly merged: boolean;
}

export interface AliasScore {
  readonly groups: AliasGroupResult[];
  /** Groups with something to merge: two forms present, or one form split over two entities. */
  readonly scored: number;
  readonly merged: number;
  /** Entities holding the full names of two different people. */
  readonly wronglyMerged: { entity: string; people: string[] }[];
}

const carries = (e: StoryEntity, form: string): boolean => [e.name, ...e.aliases].some((a) => nameKey(a) === nameKey(form));

/** Score a resolution against alias groups and a list of distinct people (full names). */
export function scoreAliasGroups(resolution: EntityResolution, groups: readonly AliasGroup[], people: readonly string[]): AliasScore {
  const results = groups.map((g): AliasGroupResult => {
    const forms = [...new Set([g.canonical, ...g.forms])];
    const present = forms.filter((f) => resolution.entities.some((e) => carries(e, f)));
    const entities = resolution.entities.filter((e) => forms.some((f) => carries(e, f))).map((e) => e.name);
    return { canonical: g.canonical, present, entities, merged: entities.length <= 1 };
  });
  const scoredGroups = results.filter((r) => r.present.length > 1 || r.entities.length > 1);
  const distinctPeople = [...new Set(people.map(nameKey))].filter((k) => k.split(' ').length > 1);
  const wronglyMerged = resolution.entities
    .map((e) => ({ entity: e.name, people: distinctPeople.filter((p) => [e.name, ...e.aliases].some((a) => nameWords(a).length > 1 && nameKey(a) === p)) }))
    .filter((x) => x.people.length > 1);
  return { groups: results, scored: scoredGroups.length, merged: scoredGroups.filter((r) => r.merged).length, wronglyMerged };
}
