import { describe, it, expect, beforeAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from './helpers/run-cli.js';

/**
 * `parallax analyze --format json` on the real case, read the way evaluations read it
 * (CONTRACT.md): one story, the gold kinds, the office-holder contradiction, the quote variant,
 * the single-source statistic, and story-wide entity ids.
 */
const CORPUS = path.resolve(__dirname, '../../shared/corpus/iran-negotiations-2025');
const present = existsSync(path.join(CORPUS, 'gold.json'));
if (!present) console.warn(`skipped: ${CORPUS} is absent (the shared corpus lives beside the checkout)`);

interface Analysis {
  articles: { id: string; source: { path?: string }; kind: string; entities: { entity: string }[]; quotes: { speaker: string | null }[] }[];
  stories: {
    articles: string[];
    entities: { id: string; name: string; aliases: string[] }[];
    contradictions: { kind: string; sides: { value: string; articles: string[]; evidence: string }[] }[];
    quoteVariants: { speaker: string; forms: { article: string; text: string }[] }[];
    singleSource: { article: string; claim: string; evidence: string }[];
  }[];
}

describe.skipIf(!present)('parallax analyze on the shared corpus', () => {
  let analysis: Analysis;
  let gold: { articles: { id: string; file: string; kind: string }[] };
  const idOf = (goldId: string) => {
    const file = path.basename(gold.articles.find((g) => g.id === goldId)!.file);
    return analysis.articles.find((a) => a.source.path?.endsWith(file))!.id;
  };

  beforeAll(async () => {
    gold = JSON.parse(readFileSync(path.join(CORPUS, 'gold.json'), 'utf8'));
    const run = await runCli(['analyze', path.join(CORPUS, 'articles'), '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    analysis = JSON.parse(run.stdout);
  }, 120_000);

  it('puts all five articles in one story, with every entity mention pointing at a story entity', () => {
    expect(analysis.stories).toHaveLength(1);
    const story = analysis.stories[0]!;
    expect(story.articles).toHaveLength(5);
    const ids = new Set(story.entities.map((e) => e.id));
    for (const a of analysis.articles) for (const m of a.entities) expect(ids.has(m.entity)).toBe(true);
  });

  it('gives each article the kind the gold gives it, news, opinion or analysis', () => {
    for (const g of gold.articles) {
      const article = analysis.articles.find((a) => a.id === idOf(g.id))!;
      expect(article.kind, `article ${g.id}`).toBe(g.kind);
    }
  });

  it('finds the office-holder contradiction with both sides and their evidence', () => {
    const office = analysis.stories[0]!.contradictions.find((c) => c.kind === 'office-holder');
    expect(office).toBeDefined();
    const wrong = office!.sides.find((s) => /Raisi/.test(s.value));
    const right = office!.sides.find((s) => /Pezeshkian/.test(s.value));
    expect(wrong?.articles).toContain(idOf('003'));
    expect(right?.articles).toEqual(expect.arrayContaining([idOf('002'), idOf('004')]));
    expect(wrong?.evidence).toContain('Raisi');
  });

  it('finds the quote rendered in different words by two outlets, and the statistic only one source carries', () => {
    const story = analysis.stories[0]!;
    const variant = story.quoteVariants.find((v) => v.forms.some((f) => /whatever the hell you want/.test(f.text)));
    expect(variant?.forms.map((f) => f.article)).toEqual(expect.arrayContaining([idOf('003'), idOf('004')]));
    expect(story.singleSource.some((c) => c.article === idOf('001') && /6\s?%/.test(`${c.claim} ${c.evidence}`))).toBe(true);
  });
});
