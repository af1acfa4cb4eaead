import { describe, expect, it } from 'vitest';
import { buildStory } from '../build-story.js';
import { makeDoc } from '../timeline/test-helpers.js';
import { describeDate, summarizeStory } from './index.js';
import type { Stance } from '../types.js';

// A fictional story: the Marrow Bridge, reported by three outlets.
const docs = [
  makeDoc({
    id: 'a1', published: '2030-04-10',
    text: 'Mayor Tilda Vance signed the bridge contract on 3 April 2030. Governor Oren Pike said on 4 April 2030 that the state would pay half.',
    entities: [{ text: 'Tilda Vance', type: 'PERSON' }, { text: 'Oren Pike', type: 'PERSON' }],
    times: [{ text: '3 April 2030', value: '2030-04-03' }, { text: '4 April 2030', value: '2030-04-04' }], verbs: ['signed', 'said', 'pay'],
  }),
  makeDoc({
    id: 'a2', published: '2030-04-11',
    text: 'Tilda Vance signed the bridge contract on 3 April 2030 after a long dispute.',
    entities: [{ text: 'Tilda Vance', type: 'PERSON' }], times: [{ text: '3 April 2030', value: '2030-04-03' }], verbs: ['signed'],
  }),
  makeDoc({ id: 'a3', text: 'Residents of Marrow have waited for a bridge for decades.', verbs: ['waited'] }),
];

describe('story summary', () => {
  const story = buildStory(docs);

  it('gives a few plain lines, each resting on the articles’ own words', () => {
    const lines = story.summary ?? [];
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeLessThanOrEqual(10);
    for (const line of lines) {
      expect(line.evidence.length).toBeGreaterThan(0);
      for (const e of line.evidence) expect(docs.find((d) => d.id === e.article)!.text.slice(e.start, e.end)).toBe(e.evidence);
    }
  });

  it('says what the main actors did and when, and what the articles leave unsaid', () => {
    const text = (story.summary ?? []).map((l) => l.text).join('\n');
    expect(text).toContain('Tilda Vance: signed the bridge contract (3 April 2030)');
    expect(text).toMatch(/carry no publication date/);
  });

  it('writes dates in words at their precision', () => {
    expect(describeDate('2025-02-07')).toBe('7 February 2025');
    expect(describeDate('2025-03')).toBe('March 2025');
    expect(describeDate('198X')).toBe('the 1980s');
  });
});

describe('story: the outlets a story travels by are not its actors', () => {
  const wire = [
    makeDoc({ id: 'w1', text: 'Mayor Tilda Vance told the Marrow Press Agency that the bridge would open in May.', entities: [{ text: 'Tilda Vance', type: 'PERSON' }, { text: 'Marrow Press Agency', type: 'ORG' }], verbs: ['told'] }),
    makeDoc({ id: 'w2', text: 'Tilda Vance told the Marrow Press Agency the bridge was late.', entities: [{ text: 'Tilda Vance', type: 'PERSON' }, { text: 'Marrow Press Agency', type: 'ORG' }], verbs: ['told'] }),
    makeDoc({ id: 'w3', text: 'Tilda Vance opened the bridge.', entities: [{ text: 'Tilda Vance', type: 'PERSON' }], verbs: ['opened'] }),
  ];
  it('never says an article leaves out the agency the others quote', () => {
    const story = buildStory(wire);
    const w3 = story.framing.find((f) => f.article === 'w3')!;
    expect(w3.notes.join(' ')).not.toContain('Marrow Press Agency');
  });
});

describe('story summary: positions over time', () => {
  const doc = makeDoc({ id: 'p1', published: '2031-06-20', text: 'Councillor Ida Brann opposed the tunnel toll. Councillor Ida Brann backed the tunnel toll. Councillor Ida Brann hesitated on the tunnel toll.' });
  const stance = (position: Stance['position'], date: string | null, start: number): Stance => ({
    actor: 'Ida Brann', topic: 't1', position, date, article: 'p1', evidence: doc.text.slice(start, start + 10), start, end: start + 10,
  });
  const summary = (stances: Stance[]): string => summarizeStory({
    docs: [doc], entities: [], timeline: [], topics: [{ id: 't1', label: 'the tunnel toll', terms: ['toll'], articles: ['p1'] }],
    stances, contradictions: [], singleSource: [], kinds: new Map(),
  }).map((l) => l.text).join('\n');

  it('says dated positions in date order as a change', () => {
    expect(summary([stance('for', '2031-06-12', 47), stance('against', '2031-06-02', 0)])).toContain('Ida Brann against (2 June 2031), then for (12 June 2031)');
  });

  it('never presents a position with no date as a change from or to a dated one', () => {
    const text = summary([stance('against', '2031-06-02', 0), stance('for', null, 47)]);
    expect(text).toContain('Ida Brann against (2 June 2031) — also for (undated)');
    expect(text).not.toMatch(/then|initially|changed/);
  });

  it('lists undated positions apart, in no order of time', () => {
    const text = summary([stance('neutral', null, 93), stance('for', null, 47)]);
    expect(text).toContain('Ida Brann neutral and for (undated, in no known order)');
    expect(text).not.toMatch(/then|initially|changed/);
  });

  it('says a change the text itself states with the position it led to, the earlier view not as a position of its own', () => {
    const text = summary([
      { ...stance('against', '2031-06-02', 0), note: 'initially held another view' },
      { ...stance('for', null, 0), note: 'initially held this view, before aligning with the mayor' },
    ]);
    expect(text).toContain('Ida Brann against (2 June 2031), after initially holding another view');
    expect(text).not.toMatch(/then|undated/);
  });
});
