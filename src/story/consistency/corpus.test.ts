import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeInputs } from '../../workflow/analyze.js';
import { mergeEntities } from '../entities/index.js';
import type { StoryContext } from '../types.js';
import type { Doc } from '../../core/index.js';
import { findContradictions, findQuoteVariants, findSingleSourceClaims, samePersonName } from './index.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CORPUS = path.resolve(REPO_ROOT, '../shared/corpus/iran-negotiations-2025');
const present = existsSync(CORPUS);
if (!present) console.warn(`${CORPUS} is absent: the shared-corpus consistency test is skipped`);

/** Gold ids are the file-name prefixes ("003_…txt"). */
const goldId = (doc: Doc): string => path.basename(doc.source.path ?? '').slice(0, 3);

describe.skipIf(!present)('consistency on the shared corpus (../shared/corpus/iran-negotiations-2025)', () => {
  let ctx: StoryContext;
  const load = async (): Promise<StoryContext> => {
    if (!ctx) {
      const { docs } = await analyzeInputs([path.join(CORPUS, 'articles')]);
      ctx = { docs, entities: mergeEntities(docs) };
    }
    return ctx;
  };
  const ids = (c: StoryContext, articles: readonly string[]): string[] => articles.map((a) => goldId(c.docs.find((d) => d.id === a)!));

  it('finds the office-holder contradiction with both sides, and no other office-holder contradiction', async () => {
    const c = await load();
    const found = findContradictions(c).filter((x) => x.kind === 'office-holder');
    expect(found).toHaveLength(1);
    const [current, rival] = found[0]!.sides;
    // The side that says who is "current" comes from the one article that says so; the other side is named by several.
    expect(ids(c, current!.articles)).toEqual(['003']);
    expect(current!.evidence).toMatch(/current president is/);
    expect(samePersonName(current!.value, rival!.value)).toBe(false);
    expect(ids(c, rival!.articles)).toEqual(expect.arrayContaining(['002', '004']));
    expect(rival!.evidence).toMatch(/took office in July 2024/);
  }, 120_000);

  it('groups the two renderings of the defiant reply as a quote variant', async () => {
    const c = await load();
    const variant = findQuoteVariants(c).find((v) => v.forms.some((f) => /whatever you want/i.test(f.text)));
    expect(variant).toBeDefined();
    expect(new Set(ids(c, variant!.forms.map((f) => f.article)))).toEqual(new Set(['003', '004']));
    expect(variant!.forms.some((f) => /whatever the hell you want/i.test(f.text))).toBe(true);
  }, 120_000);

  it('flags the IMF statistic as carried by one source only', async () => {
    const c = await load();
    const claims = findSingleSourceClaims(c).filter((x) => x.kind === 'statistic');
    const imf = claims.find((x) => /6%/.test(x.evidence));
    expect(imf).toBeDefined();
    expect(ids(c, [imf!.article])).toEqual(['001']);
    expect(imf!.evidence).toMatch(/contracted by approximately 6% in 2022/);
  }, 120_000);
});
