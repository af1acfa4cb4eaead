import { describe, expect, it } from 'vitest';
import { createArticlePipeline } from '../annotate/index.js';
import { contentId, type Doc } from '../core/index.js';
import { weekAsMonth } from '../annotate/times/index.js';
import { annotationsToJson } from './annotations-json.js';

describe('article events as the contract gives them', () => {
  it('gives an event dated to a week as its month, and keeps days, months and years as they are', () => {
    const text = 'PORT VELAN, Veskaria — The river authority opened the flood gates this week, officials said. The mayor resigned on 12 March 2031.';
    const doc: Doc = { id: contentId(text), text, meta: { published: { value: '2031-03-14', evidence: { source: 'meta', at: 'test' } } }, source: {}, layers: {}, messages: [] };
    const events = annotationsToJson(createArticlePipeline().run(doc)).events;
    const dates = events.map((e) => e.date);
    expect(dates.every((d) => d === null || !/-W\d/.test(d))).toBe(true);
    expect(dates).toContain('2031-03');
    expect(dates).toContain('2031-03-12');
  });

  it('takes the month of a week from its Thursday, as ISO 8601 takes its year', () => {
    const months: Record<string, string> = { '2023-W37': '2023-09', '2024-W01': '2024-01', '2020-W53': '2020-12', '2031-W10-WE': '2031-03', '2031-03-12': '2031-03-12' };
    expect(Object.fromEntries(Object.keys(months).map((w) => [w, weekAsMonth(w)]))).toEqual(months);
  });
});
