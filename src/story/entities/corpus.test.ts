import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeInputs } from '../../workflow/index.js';
import { mergeEntities } from './merge.js';
import { scoreAliasGroups, type AliasGroup, type AliasScore } from './alias-score.js';
import type { EntityResolution } from '../types.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const IRAN_DIR = path.resolve(REPO_ROOT, '../shared/corpus/iran-negotiations-2025');
const EXAMPLE_DIR = path.join(REPO_ROOT, 'examples/oskel-dam-2025');

interface Gold {
  articles: { people?: string[] }[];
  aliases?: AliasGroup[];
  acronyms?: { short: string; long: string }[];
}

async function scoreStory(dir: string, inputs: string[]): Promise<{ score: AliasScore; resolution: EntityResolution }> {
  const gold = JSON.parse(readFileSync(path.join(dir, 'gold.json'), 'utf8')) as Gold;
  const groups = [...(gold.aliases ?? []), ...(gold.acronyms ?? []).map((a) => ({ canonical: a.long, forms: [a.long, a.short] }))];
  const { docs } = await analyzeInputs(inputs);
  const resolution = mergeEntities(docs);
  return { score: scoreAliasGroups(resolution, groups, gold.articles.flatMap((a) => a.people ?? [])), resolution };
}

function checkStory(load: () => { score: AliasScore; resolution: EntityResolution }): void {
  it('merges every gold alias group whose forms the articles name', () => {
    const { score } = load();
    expect(score.scored).toBeGreaterThanOrEqual(3);
    expect(score.groups.filter((g) => !g.merged).map((g) => `${g.canonical}: ${g.entities.join(' | ')}`)).toEqual([]);
  });
  it('never puts two gold people in one entity', () => {
    expect(load().score.wronglyMerged).toEqual([]);
  });
  it('explains every merge and names no entity with a title', () => {
    const { resolution } = load();
    for (const e of resolution.entities) {
      for (const m of e.merges) expect(m.detail.length).toBeGreaterThan(10);
      expect(e.name).not.toMatch(/^(?:President|Ayatollah|Minister|Seyyed)\b/);
    }
  });
}

describe.skipIf(!existsSync(IRAN_DIR))('story entities on the shared real corpus (skipped when ../shared is absent)', () => {
  let result: { score: AliasScore; resolution: EntityResolution };
  beforeAll(async () => { result = await scoreStory(IRAN_DIR, [path.join(IRAN_DIR, 'articles')]); });
  checkStory(() => result);
});

describe('story entities on the fictional example story', () => {
  let result: { score: AliasScore; resolution: EntityResolution };
  beforeAll(async () => { result = await scoreStory(EXAMPLE_DIR, [EXAMPLE_DIR]); });
  checkStory(() => result);
});
