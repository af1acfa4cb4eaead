import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeInputs } from '../../workflow/index.js';
import { clusterDocs } from './index.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const STORY = path.join(REPO_ROOT, 'examples', 'oskel-dam-2025');
const UNRELATED = path.join(REPO_ROOT, 'examples', 'unrelated');

interface Gold { articles: { title: string }[]; not_in_story: { title: string }[] }

describe.skipIf(!existsSync(STORY))('story clustering of the fictional example corpus (examples/ is absent: skipped)', () => {
  it('puts the five story articles in one story and keeps the podcast notice and the sports report out', async () => {
    const { docs } = await analyzeInputs([STORY, UNRELATED]);
    const gold = JSON.parse(readFileSync(path.join(STORY, 'gold.json'), 'utf8')) as Gold;
    const idsWithTitles = (titles: string[]) => docs.filter((d) => titles.includes(d.meta.title?.value ?? '')).map((d) => d.id);
    const inStory = idsWithTitles(gold.articles.map((a) => a.title));
    const outside = idsWithTitles(gold.not_in_story.map((a) => a.title));
    expect(inStory).toHaveLength(gold.articles.length);
    expect(outside).toHaveLength(gold.not_in_story.length);
    const stories = clusterDocs(docs);
    const story = stories.find((s) => s.articles.includes(inStory[0]!))!;
    expect([...story.articles].sort()).toEqual([...inStory].sort());
    for (const id of outside) expect(story.articles).not.toContain(id);
  });
});
