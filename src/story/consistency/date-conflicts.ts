import type { Contradiction, TimelineEntry } from '../types.js';

/**
 * One event the sources date differently, as the timeline found it (entries kept apart, each
 * flagged with the other's date): each side a date with the articles giving it and their words.
 */
export function findDateContradictions(timeline: readonly TimelineEntry[]): Contradiction[] {
  const seen = new Set<string>();
  const out: Contradiction[] = [];
  for (const entry of timeline) {
    if (!entry.conflictingDates || entry.conflictingDates.length < 2) continue;
    const key = entry.conflictingDates.map((d) => `${d.date}:${d.articles.join(',')}`).join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    const rivals = timeline.filter((e) => e.conflictingDates && e.conflictingDates.map((d) => `${d.date}:${d.articles.join(',')}`).join('|') === key);
    const sides = entry.conflictingDates.map((d) => {
      const sources = rivals.filter((e) => e.date === d.date).flatMap((e) => e.sources).filter((s) => d.articles.includes(s.article));
      const byArticle = d.articles.map((a) => sources.find((s) => s.article === a)).filter((s): s is NonNullable<typeof s> => s !== undefined)
        .map((s) => ({ article: s.article, evidence: s.evidence.trim(), start: s.start, end: s.end }));
      return { value: d.date, articles: d.articles, evidence: byArticle[0]?.evidence ?? '', evidenceByArticle: byArticle };
    });
    const label = rivals.find((e) => e.actors.length)?.summary ?? entry.summary;
    out.push({ kind: 'date', claim: `When: ${label} (${sides.map((s) => s.value).join(' vs ')})`, sides });
  }
  return out;
}
