/**
 * Cross-source entity merging against the hand-annotated story corpora: how many gold alias
 * groups (whose forms appear as entity names or aliases) end up in one story entity, and how
 * many story entities hold two different gold people (must be 0), on the real case in
 * ../shared/corpus and on the project's fictional example story. Also counts which merge
 * rules fired.
 *
 * Run: npx tsx eval/story-entities.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { EvalResult, EvalTask } from './types.js';
import { REPO_ROOT, IRAN_DIR, GOLD_STORIES } from './paths.js';
import { analyzeInputs } from '../src/workflow/index.js';
import { mergeEntities, scoreAliasGroups, type AliasGroup } from '../src/story/entities/index.js';


interface EntityGold {
  readonly articles: { readonly people?: string[] }[];
  readonly aliases?: AliasGroup[];
  readonly acronyms?: { readonly short: string; readonly long: string }[];
}

/** Alias groups of a gold file, acronym pairs included as groups of two. */
export function goldGroups(gold: EntityGold): AliasGroup[] {
  const groups = [...(gold.aliases ?? [])];
  for (const a of gold.acronyms ?? []) {
    if (!groups.some((g) => g.canonical === a.long && g.forms.includes(a.short))) groups.push({ canonical: a.long, forms: [a.long, a.short] });
  }
  return groups;
}

export const task: EvalTask = {
  name: 'story-entities',
  async run(): Promise<EvalResult> {
    const rows: Record<string, string | number | null>[] = [];
    const metrics: Record<string, number> = {};
    const used: string[] = [];
    for (const story of GOLD_STORIES) {
      if (!existsSync(path.join(story.dir, 'gold.json'))) continue;
      used.push(path.relative(REPO_ROOT, story.dir));
      const gold = JSON.parse(readFileSync(path.join(story.dir, 'gold.json'), 'utf8')) as EntityGold;
      const { docs } = await analyzeInputs(story.inputs);
      const resolution = mergeEntities(docs);
      const people = gold.articles.flatMap((a) => a.people ?? []);
      const score = scoreAliasGroups(resolution, goldGroups(gold), people);
      for (const g of score.groups) {
        rows.push({ story: path.basename(story.dir), group: g.canonical, forms_present: g.present.join(' | '), entities: g.entities.join(' | '), merged: g.merged ? 'yes' : 'NO' });
      }
      for (const w of score.wronglyMerged) rows.push({ story: path.basename(story.dir), group: `WRONG: ${w.entity}`, forms_present: w.people.join(' | '), entities: w.entity, merged: 'two people' });
      const rules = new Map<string, number>();
      for (const e of resolution.entities) for (const m of e.merges) rules.set(m.rule, (rules.get(m.rule) ?? 0) + 1);
      rows.push({ story: path.basename(story.dir), group: 'rules fired', forms_present: [...rules].map(([r, n]) => `${r}=${n}`).join(' '), entities: `${resolution.entities.length} entities`, merged: null });
      metrics[`${story.key}alias_groups_merged`] = score.scored ? Math.round((score.merged / score.scored) * 1000) / 1000 : 1;
      metrics[`${story.key}alias_groups_scored`] = score.scored;
      metrics[`${story.key}people_wrongly_merged`] = score.wronglyMerged.length;
    }
    if (used.length === 0) return { task: 'story-entities', data: IRAN_DIR, rows: [], metrics: {}, skipped: 'no story gold found: skipped' };
    return { task: 'story-entities', data: `gold alias groups and people of ${used.join(', ')}`, rows, metrics };
  },
};
