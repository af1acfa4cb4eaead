/**
 * Stance positions against the exhaustive gold (`positions_exhaustive`): a gold position is found
 * when a stance of the same actor and position comes from one of its articles, on its date when
 * the gold gives one. An emitted stance is right when some gold position has its actor, position
 * and article (date ignored); an actor listed in `not_positioned` given any position is wrong, as
 * is any other emitted stance (the README's scoring rule).
 */
import type { Stance } from '../../src/story/types.js';
import { sameActor, type StoryGold } from './gold.js';

export interface StanceScore {
  readonly found: number;
  readonly total: number;
  readonly right: number;
  readonly emitted: number;
  readonly missed: string[];
  readonly wrong: string[];
}

export function scoreStances(gold: StoryGold, stances: readonly Stance[], goldIdOf: (article: string) => string | undefined): StanceScore {
  const positions = gold.stances?.positions ?? [];
  const missed: string[] = [];
  let found = 0;
  for (const p of positions) {
    const same = stances.filter((s) => s.position === p.position && sameActor(gold, p.actor, s.actor) && p.articles.includes(goldIdOf(s.article) ?? ''));
    if (same.some((s) => p.date === null || s.date === p.date)) found++;
    else missed.push(`${p.actor} ${p.position} ${p.date ?? 'undated'} [${p.articles.join(',')}]${same.length ? ` (found dated ${same.map((s) => s.date ?? 'undated').join(', ')})` : ''}`);
  }
  const wrong: string[] = [];
  let right = 0;
  for (const s of stances) {
    const article = goldIdOf(s.article) ?? '';
    if (positions.some((p) => p.position === s.position && sameActor(gold, p.actor, s.actor) && p.articles.includes(article))) { right++; continue; }
    const unpositioned = gold.stances?.not_positioned?.some((n) => sameActor(gold, n.actor, s.actor)) ?? false;
    wrong.push(`${unpositioned ? 'NOT POSITIONED ' : ''}${s.actor} ${s.position} ${s.date ?? 'undated'} [${article}]: ${s.evidence.replace(/\s+/g, ' ').slice(0, 90)}`);
  }
  return { found, total: positions.length, right, emitted: stances.length, missed, wrong };
}
