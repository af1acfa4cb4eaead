import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTimeline, compareDates, datesCompatible } from './index.js';
import { makeContext } from './test-helpers.js';

// Fictional reports of one fictional story (the Marrow Bridge), written for these tests.
const NORTH = {
  id: 'a_north', published: '2030-04-10',
  text: 'Mayor Tilda Vance signed the bridge contract on 3 April 2030. The council met again in 2029.',
  entities: [{ text: 'Tilda Vance', type: 'PERSON' as const }],
  times: [{ text: '3 April 2030', value: '2030-04-03' }, { text: '2029', value: '2029' }],
};
const SOUTH = {
  id: 'a_south', published: '2030-04-12',
  text: 'The bridge contract was signed by Tilda Vance on 3 April 2030, her office confirmed.',
  entities: [{ text: 'Tilda Vance', type: 'PERSON' as const }],
  times: [{ text: '3 April 2030', value: '2030-04-03' }],
};
const WEST = {
  id: 'a_west', published: '2030-04-15',
  text: 'Tilda Vance signed the bridge contract on 5 April 2030.',
  entities: [{ text: 'Tilda Vance', type: 'PERSON' as const }],
  times: [{ text: '5 April 2030', value: '2030-04-05' }],
};

describe('buildTimeline', () => {
  it('merges one event reported by two sources, keeping when it happened apart from when it was reported', () => {
    const timeline = buildTimeline(makeContext([NORTH, SOUTH]));
    const signing = timeline.filter((e) => e.date === '2030-04-03');
    expect(signing).toHaveLength(1);
    expect(signing[0]!.actors).toContain('Tilda Vance');
    expect(signing[0]!.sources.map((s) => [s.article, s.reported, s.date])).toEqual([
      ['a_north', '2030-04-10', '2030-04-03'],
      ['a_south', '2030-04-12', '2030-04-03'],
    ]);
    for (const s of signing[0]!.sources) expect(SOUTH.text.includes(s.evidence) || NORTH.text.includes(s.evidence)).toBe(true);
  });

  it('flags sources that give the same event different dates', () => {
    const timeline = buildTimeline(makeContext([NORTH, WEST]));
    const flagged = timeline.filter((e) => e.conflictingDates);
    expect(flagged.map((e) => e.date).sort()).toEqual(['2030-04-03', '2030-04-05']);
    expect(flagged[0]!.conflictingDates).toEqual([
      { date: '2030-04-03', articles: ['a_north'] },
      { date: '2030-04-05', articles: ['a_west'] },
    ]);
  });

  it('sorts chronologically, a coarser date before the finer ones, and leaves out undated background', () => {
    const ctx = makeContext([NORTH, { id: 'a_east', text: 'Vance has long said the river needs a bridge.', entities: [{ text: 'Vance', type: 'PERSON' }] }]);
    const dates = buildTimeline(ctx).map((e) => e.date);
    expect(dates).toEqual(['2029', '2030-04-03']);
    expect(compareDates('2030', '2030-01-01')).toBeLessThan(0);
    expect(datesCompatible('2030-04', '2030-04-03')).toBe(true);
    expect(datesCompatible('2030-04-05', '2030-04-03')).toBe(false);
  });
});

describe('buildTimeline: one entry per real event, who did it, and what', () => {
  it('never dates an event by the publication date alone', () => {
    const timeline = buildTimeline(makeContext([{ id: 'a1', published: '2030-04-10', text: 'Mayor Tilda Vance rejects the bridge plan.', entities: [{ text: 'Tilda Vance', type: 'PERSON' }], verbs: ['rejects'] }]));
    expect(timeline).toEqual([]);
  });

  it('names the doer of the clause the date belongs to, not the nearest name', () => {
    const timeline = buildTimeline(makeContext([{
      id: 'a1', published: '2030-05-06',
      text: 'Statements made by Governor Oren Pike on 3 May 2030 angered Mayor Tilda Vance. Tilda Vance said the council met, and the spokesman for the city, Edda Rusk, confirmed on 4 May 2030 that work would start.',
      entities: [{ text: 'Oren Pike', type: 'PERSON' }, { text: 'Tilda Vance', type: 'PERSON' }, { text: 'Edda Rusk', type: 'PERSON' }],
      times: [{ text: '3 May 2030', value: '2030-05-03' }, { text: '4 May 2030', value: '2030-05-04' }],
      verbs: ['made', 'angered', 'said', 'met', 'confirmed', 'start'],
    }]));
    expect(timeline.find((e) => e.date === '2030-05-03')?.actors[0]).toBe('Oren Pike');
    expect(timeline.find((e) => e.date === '2030-05-04')?.actors[0]).toBe('Edda Rusk');
  });

  it('labels an entry "who did what" in a few words, without the date', () => {
    const timeline = buildTimeline(makeContext([{
      id: 'a1', text: 'After a long dispute, Mayor Tilda Vance signed the bridge contract with the river authority on 3 April 2030, her office said.',
      entities: [{ text: 'Tilda Vance', type: 'PERSON' }], times: [{ text: '3 April 2030', value: '2030-04-03' }], verbs: ['signed', 'said'],
    }]));
    expect(timeline[0]!.summary).toBe('Tilda Vance signed the bridge contract with the river authority');
  });

  it('labels a statement by what was said, not where it was said, and cuts a long label at a clause, not mid-phrase', () => {
    const timeline = buildTimeline(makeContext([{
      id: 'a1', text: 'Mayor Tilda Vance stated in an interview with the weekly “Marrow Post” on 3 April 2030 that the bridge would open in June. Tilda Vance said on 4 April 2030 that the contract went to Orlen Works, a builder from the coast that had repaired the old ferry pier.',
      entities: [{ text: 'Tilda Vance', type: 'PERSON' }, { text: 'Orlen Works', type: 'ORG' }],
      times: [{ text: '3 April 2030', value: '2030-04-03' }, { text: '4 April 2030', value: '2030-04-04' }], verbs: ['stated', 'open', 'said', 'went', 'repaired'],
    }]));
    expect(timeline.find((e) => e.date === '2030-04-03')?.summary).toBe('Tilda Vance stated that the bridge would open in June');
    expect(timeline.find((e) => e.date === '2030-04-04')?.summary).toBe('Tilda Vance said that the contract went to Orlen Works');
  });

  it('labels a verb that only modifies a noun as a clause with the noun: "a probe into X was launched", not "X, launched"', () => {
    const timeline = buildTimeline(makeContext([{
      id: 'a1', published: '2030-04-12', text: 'A safety probe into Orlen Works, launched on 2 April 2030, and fines on two ferries show the council means business. The Marrow Guild blasted the fines as “plain theft,” pledging to defend its members with unnamed steps set to begin on 20 April 2030.',
      entities: [{ text: 'Orlen Works', type: 'ORG' }, { text: 'Marrow Guild', type: 'ORG' }], times: [{ text: '2 April 2030', value: '2030-04-02' }, { text: '20 April 2030', value: '2030-04-20' }], verbs: ['launched', 'show', 'means', 'blasted', 'pledging', 'defend', 'begin'],
    }]));
    const labels = timeline.map((e) => e.summary);
    expect(labels.find((l) => /launched/.test(l))).toBe('A safety probe into Orlen Works was launched');
    expect(labels.find((l) => /begin/.test(l))).toBe('Marrow Guild: unnamed steps are set to begin');
  });

  it('ends a label at an aside that holds the date, not at the next verb', () => {
    const timeline = buildTimeline(makeContext([{
      id: 'a1', text: 'The new toll, announced Tuesday, 1 April 2030, covers every bridge on the Marrow.',
      times: [{ text: 'Tuesday, 1 April 2030', value: '2030-04-01' }], verbs: ['announced', 'covers'],
    }]));
    expect(timeline[0]!.summary).toBe('The new toll was announced');
  });

  it('labels an event noun once, with its article mended when its year is taken out', () => {
    const timeline = buildTimeline(makeContext([{
      id: 'a1', text: 'The strike revived old quarrels in Marrow that go back to a 2009 uprising that ousted the harbour guild.',
      times: [{ text: '2009', value: '2009' }], verbs: ['revived', 'go', 'ousted'],
    }]));
    const label = timeline.find((e) => e.date === '2009')?.summary ?? '';
    expect(label).toMatch(/\ban uprising that ousted the harbour guild/i);
    expect(label).not.toMatch(/uprising an? uprising/i);
  });

  it('labels a statement attributed at the end of its sentence by what was said', () => {
    const timeline = buildTimeline(makeContext([{
      id: 'a1', text: 'The toll on the Marrow Bridge has risen to 40 coins as repairs continue, the Marrow River Authority said on 3 April 2030.',
      entities: [{ text: 'Marrow River Authority', type: 'ORG' }], times: [{ text: '3 April 2030', value: '2030-04-03' }], verbs: ['risen', 'continue', 'said'],
    }]));
    expect(timeline[0]!.summary).toMatch(/^Marrow River Authority said the toll on the Marrow Bridge has risen to 40 coins$/);
  });

  it('gives the dates of a picture caption to the pictures\' provider, named or not by the entity layer', () => {
    const timeline = buildTimeline(makeContext([{
      id: 'a1', text: 'This combination of satellite images from Corvel Imaging shows the Marrow Bridge on 2 March 2030, top, and the same flooded bridge on 14 April 2030.',
      times: [{ text: '2 March 2030', value: '2030-03-02' }, { text: '14 April 2030', value: '2030-04-14' }], verbs: ['shows', 'flooded'],
    }]));
    expect(timeline.map((e) => [e.date, e.actors[0]])).toEqual([['2030-03-02', 'Corvel Imaging'], ['2030-04-14', 'Corvel Imaging']]);
    // Each labelled by what its picture shows, without the caption's placement ("top").
    expect(timeline.map((e) => e.summary)).toEqual(['Corvel Imaging picture shows the Marrow Bridge', 'Corvel Imaging picture shows the same flooded bridge']);
  });

  it('gives a report naming no doer the doer of the report that dates the same act differently', () => {
    const timeline = buildTimeline(makeContext([
      { id: 'a1', text: 'The new toll, announced Tuesday, 1 April 2030, covers every bridge.', times: [{ text: 'Tuesday, 1 April 2030', value: '2030-04-01' }], verbs: ['announced', 'covers'] },
      { id: 'a2', text: 'Mayor Tilda Vance announced the new toll on 2 April 2030.', entities: [{ text: 'Tilda Vance', type: 'PERSON' }], times: [{ text: '2 April 2030', value: '2030-04-02' }], verbs: ['announced'] },
    ]));
    const tuesday = timeline.find((e) => e.date === '2030-04-01');
    expect(tuesday?.conflictingDates?.map((d) => d.date)).toEqual(['2030-04-01', '2030-04-02']);
    expect(tuesday?.actors).toEqual(['Tilda Vance']);
  });

  it('names a national body with the nationality the entity layer left out of its name', () => {
    const timeline = buildTimeline(makeContext([{
      id: 'a1', text: 'The toll on the Marrow coast reached 40, the Danish Sea Rescue said on 3 May 2030.',
      entities: [{ text: 'Sea Rescue', type: 'ORG' }], times: [{ text: '3 May 2030', value: '2030-05-03' }], verbs: ['reached', 'said'],
    }]));
    expect(timeline.map((e) => e.actors[0])).toEqual(['Danish Sea Rescue']);
  });

  it('gives one entry to a thing restated by year in two articles', () => {
    const timeline = buildTimeline(makeContext([
      { id: 'a1', text: 'Both towns still cite the 2029 river accord (MRA).', entities: [{ text: 'MRA', type: 'ORG' }], times: [{ text: '2029', value: '2029' }], verbs: ['cite'] },
      { id: 'a2', text: 'The towns kept to the Marrow River Accord (MRA), signed in 2029, despite the floods.', entities: [{ text: 'Marrow River Accord', type: 'ORG' }, { text: 'MRA', type: 'ORG' }], times: [{ text: '2029', value: '2029' }], verbs: ['kept', 'signed'] },
    ]));
    const accord = timeline.filter((e) => e.date === '2029');
    expect(accord).toHaveLength(1);
    expect(accord[0]!.sources.map((s) => s.article).sort()).toEqual(['a1', 'a2']);
  });
});

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const STORY = path.resolve(REPO_ROOT, '../shared/corpus/iran-negotiations-2025');

describe.skipIf(!existsSync(path.join(STORY, 'gold.json')))('timeline and stances of the shared story (../shared/corpus is absent: skipped)', () => {
  it('puts at least 25 of the 27 dated gold events on the timeline and finds at least 6 stance positions', async () => {
    const { loadGold, runStory, scoreTimeline, scoreStances } = await import('../../../eval/story-timeline-stances.js');
    const gold = loadGold(STORY);
    const { docs, timeline, stances } = await runStory([path.join(STORY, 'articles')]);
    const t = scoreTimeline(gold, docs, timeline);
    expect(t.total).toBe(27);
    expect(t.found, t.missed.join('\n')).toBeGreaterThanOrEqual(25);
    const s = scoreStances(gold, stances);
    expect(s.found, s.missed.join('\n')).toBeGreaterThanOrEqual(6);
  });
});
