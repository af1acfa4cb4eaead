import { describe, expect, it } from 'vitest';
import { clusterAgreement, clusterDocs, nameKey, stem, storyFeatures, StoryIndex, type StoryFeatures } from './index.js';
import { makeDoc } from './make-doc.js';

// Fictional stories written for these tests.
const FERRY_1 = makeDoc({
  title: 'Ferry strike halts crossings to Tessaly Island',
  published: '2031-04-02',
  text: `Ferry crews in Port Abrel walked off the job on Tuesday, halting every crossing to Tessaly Island.
The Seafarers' Guild said the ferry strike would continue until the operator, Bluewake Lines, restored the night-shift bonus.
Guild leader Anselm Rudic told crews at the harbour that the strike had the support of island councils.
Bluewake Lines called the ferry strike unlawful and said it would seek a court order.
Island shops reported shortages of fresh milk and bread as the crossings stopped.`,
  entities: [
    { name: 'Port Abrel', type: 'GPE', mentions: 2 },
    { name: 'Tessaly Island', type: 'LOC', mentions: 2 },
    { name: "Seafarers' Guild", type: 'ORG', mentions: 2 },
    { name: 'Bluewake Lines', type: 'ORG', mentions: 3 },
    { name: 'Anselm Rudic', type: 'PERSON', mentions: 3 },
  ],
});
const FERRY_2 = makeDoc({
  title: 'Court refuses to end ferry strike',
  published: '2031-04-04',
  text: `A court in Port Abrel refused on Thursday to order an end to the ferry strike that has cut off Tessaly Island.
Bluewake Lines had asked the court to declare the strike unlawful; the judge said the guild had balloted its crews properly.
"The crossings will stay closed until the bonus is back," guild leader Anzelm Roudik said outside the court.
Island councils asked the government to mediate as shortages of milk and bread grew.
The ferry strike is the longest on the island route in two decades.`,
  entities: [
    { name: 'Port Abrel', type: 'GPE', mentions: 1 },
    { name: 'Tessaly Island', type: 'LOC', mentions: 1 },
    { name: 'Bluewake Lines', type: 'ORG', mentions: 1 },
    { name: 'Anzelm Roudik', type: 'PERSON', mentions: 2 },
  ],
});
const CHESS = makeDoc({
  title: 'Olsgaard takes the Lindmar chess title',
  published: '2031-04-03',
  text: `Petra Olsgaard won the Lindmar Open chess championship on Wednesday with a round to spare.
The grandmaster beat the defending champion Ivo Makrel in a long endgame after a sharp opening.
Olsgaard said the title was the best result of her career and dedicated it to her first chess coach.
The tournament drew a record entry of players from the whole region.
Makrel said he would return next year to win back the championship.`,
  entities: [
    { name: 'Petra Olsgaard', type: 'PERSON', mentions: 2 },
    { name: 'Lindmar Open', type: 'ORG', mentions: 1 },
    { name: 'Ivo Makrel', type: 'PERSON', mentions: 2 },
  ],
});

describe('storyFeatures', () => {
  it('keys persons by surname skeleton, so transliterations meet', () => {
    const a = storyFeatures(FERRY_1).entities;
    const b = storyFeatures(FERRY_2).entities;
    expect(nameKey('Rudic')).toBe(nameKey('Roudik'));
    expect(a).toContain(nameKey('Rudic'));
    expect(b).toContain(nameKey('Rudic'));
    expect(a).not.toContain(nameKey('Anselm'));
  });

  it('finds names and key terms in plain text when there are no entity layers', () => {
    const plain = makeDoc({ text: FERRY_1.text, published: '2031-04-02T09:30' });
    const f = storyFeatures(plain);
    expect(f.entities).toContain(nameKey('Bluewake Lines'));
    expect(f.entities).toContain(nameKey('Anselm Rudic'));
    // "Island" never stands alone in the text, so "Tessaly Island" gives no "Island" key.
    expect(f.entities).not.toContain(nameKey('Island'));
    expect(f.terms).toContain(`${stem('ferry')} ${stem('strike')}`);
    expect(f.terms).not.toContain('said');
    expect(f.date).toBe('2031-04-02');
  });

  it('meets one word in its different forms and ignores web addresses', () => {
    const a = storyFeatures(makeDoc({ text: 'URL: https://example.org/2031/05/harbour-flooding-kills-dozens\nFlooding hit the harbour. The flooding closed roads.' }));
    const b = storyFeatures(makeDoc({ text: 'Floods hit the harbour town. The floods closed two roads.' }));
    expect(a.terms).toContain(stem('flooding'));
    expect(b.terms).toContain(stem('floods'));
    expect(a.terms.some((t) => t.includes('http') || t.includes('kill'))).toBe(false);
  });

  it('keys a place with a short skeleton by its whole name, so it still counts', () => {
    const doc = makeDoc({ text: 'Storm hits Oma.', entities: [{ name: 'Velia', type: 'GPE', mentions: 3 }, { name: 'Oma', type: 'GPE' }] });
    expect(storyFeatures(doc).entities).toContain('=velia');
    expect(storyFeatures(doc).entities.some((k) => k.includes('oma'))).toBe(false);
  });

  it('has no date when the metadata gives none', () => {
    expect(storyFeatures(makeDoc({ text: 'Crews struck again.' })).date).toBeNull();
  });
});

describe('clusterAgreement', () => {
  it('is 1 for the same grouping and lower when an article changes group', () => {
    const a = [{ articles: ['x', 'y'] }, { articles: ['z'] }];
    expect(clusterAgreement(a, [{ articles: ['y', 'x'] }, { articles: ['z'] }]).f1).toBe(1);
    const merged = clusterAgreement([{ articles: ['x', 'y', 'z'] }], a);
    expect(merged.recall).toBe(1);
    expect(merged.precision).toBeCloseTo((2 / 3 + 2 / 3 + 1 / 3) / 3, 6);
  });
});

describe('StoryIndex', () => {
  it('joins articles of one story and keeps another story apart', () => {
    const stories = clusterDocs([FERRY_1, CHESS, FERRY_2]);
    expect(stories).toEqual([
      { id: 's_' + FERRY_1.id.slice(2), articles: [FERRY_1.id, FERRY_2.id] },
      { id: 's_' + CHESS.id.slice(2), articles: [CHESS.id] },
    ]);
  });

  it('says which shared features made an article join', () => {
    const index = new StoryIndex();
    index.add(FERRY_1.id, storyFeatures(FERRY_1));
    index.add(CHESS.id, storyFeatures(CHESS));
    const assignment = index.add(FERRY_2.id, storyFeatures(FERRY_2));
    expect(assignment.isNew).toBe(false);
    expect(assignment.matchedOn).toContain('entity:' + nameKey('Rudic'));
  });

  it('needs stronger evidence for articles weeks apart', () => {
    const base = storyFeatures(FERRY_1);
    const follow = storyFeatures(FERRY_2);
    const near = new StoryIndex();
    near.add('a1', base);
    expect(near.add('a2', { ...follow, date: '2031-04-09' }).isNew).toBe(false);
    const far = new StoryIndex();
    far.add('a1', base);
    const late = far.add('a2', { ...follow, date: '2031-06-20' });
    expect(late.isNew).toBe(true);
    expect(late.storyId).toBe('s_a2');
  });

  it('places an undated article where its story stands in time: news of other years does not join through it', () => {
    const base = storyFeatures(FERRY_1);
    const follow = storyFeatures(FERRY_2);
    const index = new StoryIndex();
    index.add('a1', base);
    // A page with no date joins its story on its content.
    expect(index.add('a2', { ...follow, date: null }).isNew).toBe(false);
    // An article like it from four years before links to the undated page only, and stays out.
    expect(index.add('a3', { ...follow, date: '2027-04-03' }).isNew).toBe(true);
    // The same article near the story's days joins.
    expect(index.add('a4', { ...follow, date: '2031-04-05' }).isNew).toBe(false);
  });

  it('keeps a single shared name from joining otherwise unrelated articles', () => {
    const index = new StoryIndex();
    index.add('a1', { entities: ['rtk', 'askl'], terms: ['ferry', 'strike'], date: null });
    expect(index.add('a2', { entities: ['rtk'], terms: ['chess', 'opening'], date: null }).isNew).toBe(true);
  });

  it('merges two stories when an article links both, keeping the larger one\'s id', () => {
    const index = new StoryIndex();
    index.add('a1', { entities: ['rtk', 'pltk'], terms: ['ferry', 'strike', 'harbour'], date: null });
    index.add('a2', { entities: ['rtk', 'pltk'], terms: ['ferry', 'strike', 'crossing'], date: null });
    index.add('a3', { entities: ['mkrl', 'lsn'], terms: ['court', 'ruling', 'appeal'], date: null });
    expect(index.stories()).toHaveLength(2);
    const bridge = index.add('a4', { entities: ['rtk', 'pltk', 'mkrl', 'lsn'], terms: ['ferry', 'strike', 'court', 'ruling'], date: null });
    expect(bridge.merged).toEqual(['s_a3']);
    expect(index.stories()).toEqual([{ id: 's_a1', articles: ['a1', 'a2', 'a3', 'a4'] }]);
  });

  it('groups the same articles the same way in any order of arrival', () => {
    const docs = [FERRY_1, CHESS, FERRY_2];
    const grouping = (order: typeof docs) => clusterDocs(order).map((s) => [...s.articles].sort()).sort();
    expect(grouping([FERRY_2, CHESS, FERRY_1])).toEqual(grouping(docs));
    expect(grouping([CHESS, FERRY_1, FERRY_2])).toEqual(grouping(docs));
    expect(clusterAgreement(clusterDocs([...docs].reverse()), clusterDocs(docs)).f1).toBe(1);
  });

  it('gives the same stories and ids on every run, and an added article once', () => {
    const docs = [FERRY_2, CHESS, FERRY_1];
    expect(clusterDocs(docs)).toEqual(clusterDocs(docs));
    expect(clusterDocs(docs)[0]!.id).toBe('s_' + FERRY_2.id.slice(2));
    const index = new StoryIndex();
    const first = index.add(FERRY_1.id, storyFeatures(FERRY_1));
    expect(index.add(FERRY_1.id, storyFeatures(FERRY_1)).storyId).toBe(first.storyId);
    expect(index.stories()).toEqual([{ id: first.storyId, articles: [FERRY_1.id] }]);
  });

  it('rejects a threshold outside [0, 1]', () => {
    expect(() => new StoryIndex({ threshold: 2 })).toThrow(/threshold/);
  });
});
