import { describe, expect, it } from 'vitest';
import { mergeEntities } from './merge.js';
import { makeDoc } from './make-doc.js';
import type { EntityResolution, StoryEntity } from '../types.js';

const withAlias = (r: EntityResolution, form: string): StoryEntity[] => r.entities.filter((e) => e.aliases.includes(form));
const one = (r: EntityResolution, form: string): StoryEntity => {
  const found = withAlias(r, form);
  expect(found, `entities carrying "${form}"`).toHaveLength(1);
  return found[0]!;
};

describe('mergeEntities: transliteration variants', () => {
  const docs = [
    makeDoc('a1', [{ name: 'Farhad Pourzamani', type: 'PERSON', also: [{ text: 'Pourzamani', form: 'surname' }] }]),
    makeDoc('a2', [{ name: 'Farhad Bourzamani', type: 'PERSON' }]),
    makeDoc('a3', [{ name: 'Bourzamani', type: 'PERSON' }]),
    makeDoc('a4', [{ name: 'Farhad Pourzamani', type: 'PERSON' }]),
  ];
  const r = mergeEntities(docs);

  it('joins a full name spelled b/p and a surname-only variant into the one person', () => {
    const person = one(r, 'Farhad Pourzamani');
    expect(person.aliases).toEqual(expect.arrayContaining(['Farhad Bourzamani', 'Bourzamani']));
    expect(person.articles).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(person.name).toBe('Farhad Pourzamani');
    expect(r.entities).toHaveLength(1);
  });

  it('keeps a reason a journalist can check for every merge', () => {
    const merges = one(r, 'Farhad Pourzamani').merges;
    expect(merges.find((m) => m.alias === 'Farhad Bourzamani')).toMatchObject({ rule: 'transliteration', detail: expect.stringContaining('b/p') });
    expect(merges.find((m) => m.alias === 'Bourzamani')?.detail).toMatch(/Bourzamani ~ Pourzamani: b\/p.*only person of that surname/);
    expect(merges.map((m) => m.rule)).toContain('same-name');
  });

  it('resolves every article-local id to the story entity', () => {
    for (const d of docs) expect(r.resolve(d.id, 'e1')).toBe(one(r, 'Farhad Pourzamani').id);
    expect(r.get(r.resolve('a3', 'e1')!)?.name).toBe('Farhad Pourzamani');
    expect(mergeEntities(docs).entities.map((e) => e.id)).toEqual(r.entities.map((e) => e.id));
  });
});

describe('mergeEntities: given names, hyphens, articles, apostrophes', () => {
  it('merges given-name spellings of one person', () => {
    const r = mergeEntities([
      makeDoc('a1', [{ name: 'Esmaeil Kazemi', type: 'PERSON' }]),
      makeDoc('a2', [{ name: 'Ismail Kazemi', type: 'PERSON' }]),
      makeDoc('a3', [{ name: 'Esmail Kazemi', type: 'PERSON' }]),
      makeDoc('a4', [{ name: 'Muhammad Yusuf Dorani', type: 'PERSON' }]),
      makeDoc('a5', [{ name: 'Mohamed Yousef Durani', type: 'PERSON' }]),
    ]);
    expect(r.entities).toHaveLength(2);
    expect(one(r, 'Ismail Kazemi').merges.some((m) => m.rule === 'given-name-variant')).toBe(true);
    expect(one(r, 'Mohamed Yousef Durani').aliases).toContain('Muhammad Yusuf Dorani');
  });

  it('treats hyphens, spaces, al-/el- and apostrophes as the same name', () => {
    const r = mergeEntities([
      makeDoc('a1', [{ name: 'Farid Mehran-Tabar', type: 'PERSON' }, { name: 'Khalid al-Harbi', type: 'PERSON' }, { name: "Nasser Ka'bi", type: 'PERSON' }]),
      makeDoc('a2', [{ name: 'Farid Mehran Tabar', type: 'PERSON' }, { name: 'Khaled el-Harby', type: 'PERSON' }, { name: 'Naser Kaabi', type: 'PERSON' }]),
    ]);
    expect(r.entities).toHaveLength(3);
    expect(one(r, 'Khalid al-Harbi').aliases).toContain('Khaled el-Harby');
    expect(one(r, "Nasser Ka'bi").aliases).toContain('Naser Kaabi');
  });

  it('takes a name missing a given name as the one person it fits', () => {
    const r = mergeEntities([
      makeDoc('a1', [{ name: 'Mohammad Javad Kermani', type: 'PERSON' }]),
      makeDoc('a2', [{ name: 'Javad Kermani', type: 'PERSON' }]),
    ]);
    expect(r.entities).toHaveLength(1);
  });
});

describe('mergeEntities: what never merges', () => {
  it('two people who share only a first name, or only a surname with different given names, stay apart', () => {
    const r = mergeEntities([
      makeDoc('a1', [{ name: 'Abbas Nourani', type: 'PERSON' }, { name: 'Ali Mirzaei', type: 'PERSON' }]),
      makeDoc('a2', [{ name: 'Abbas Keshavarz', type: 'PERSON' }, { name: 'Abbas Mirzaei', type: 'PERSON' }]),
      makeDoc('a3', [{ name: 'Abbas', type: 'PERSON' }, { name: 'Mirzaei', type: 'PERSON' }]),
    ]);
    expect(r.entities).toHaveLength(6);
    for (const e of r.entities) expect(e.aliases).toHaveLength(1);
  });

  it('never merges a person with a place, even of the same name; a surname joins the person', () => {
    const r = mergeEntities([
      makeDoc('a1', [{ name: 'Jordan', type: 'GPE' }]),
      makeDoc('a2', [{ name: 'Jordan', type: 'PERSON' }]),
      makeDoc('a3', [{ name: 'Samir Jordan', type: 'PERSON' }]),
    ]);
    expect(r.entities.map((e) => `${e.type}:${[...e.aliases].sort().join('+')}`).sort()).toEqual(['GPE:Jordan', 'PERSON:Jordan+Samir Jordan']);
  });

  it('a place tagged GPE in one article and LOC in another is one place; an organisation of the same word is not', () => {
    const r = mergeEntities([
      makeDoc('a1', [{ name: 'Velmora', type: 'GPE' }]),
      makeDoc('a2', [{ name: 'Velmora', type: 'LOC' }]),
      makeDoc('a3', [{ name: 'Velmora', type: 'ORG' }]),
    ]);
    expect(r.entities.map((e) => `${e.type}:${e.articles.join('+')}`).sort()).toEqual(['GPE:a1+a2', 'ORG:a3']);
  });

  it('a full name mis-tagged as a place in one article joins the person the other articles name, saying so', () => {
    const r = mergeEntities([
      makeDoc('a1', [{ name: 'Lena Dorvik', type: 'PERSON', titles: ['minister'] }]),
      makeDoc('a2', [{ name: 'Lena Dorvik', type: 'LOC' }]),
      makeDoc('a3', [{ name: 'Lena Dorvik', type: 'PERSON' }]),
    ]);
    expect(r.entities).toHaveLength(1);
    expect(r.entities[0]!.type).toBe('PERSON');
    expect(r.entities[0]!.merges.map((m) => m.detail).join(' ')).toContain('taken as a person');
  });

  it('an ambiguous surname joins nobody', () => {
    const r = mergeEntities([
      makeDoc('a1', [{ name: 'Imran Sadiq', type: 'PERSON' }, { name: 'Bilal Sadiq', type: 'PERSON' }]),
      makeDoc('a2', [{ name: 'Sadiq', type: 'PERSON' }]),
    ]);
    expect(r.entities).toHaveLength(3);
  });
});

describe('mergeEntities: acronyms and initialisms', () => {
  it('joins "U.S." and "US" to "United States", and an acronym to the long name of its initials', () => {
    const r = mergeEntities([
      makeDoc('a1', [{ name: 'United States', type: 'GPE' }, { name: 'Northern Water Sharing Plan of Action', type: 'ORG' }]),
      makeDoc('a2', [{ name: 'U.S.', type: 'GPE' }, { name: 'NWSPOA', type: 'ORG' }]),
      makeDoc('a3', [{ name: 'US', type: 'GPE' }]),
    ]);
    expect(r.entities).toHaveLength(2);
    const us = one(r, 'U.S.');
    expect(us.name).toBe('United States');
    expect(us.merges.find((m) => m.alias === 'U.S.')).toMatchObject({ rule: 'initialism' });
    expect(one(r, 'NWSPOA').merges.find((m) => m.alias === 'NWSPOA')).toMatchObject({ rule: 'acronym', detail: expect.stringContaining('initials') });
  });

  it('joins an acronym another article spells out, even when it is not the initials', () => {
    const r = mergeEntities([
      makeDoc('a1', [{ name: 'Agency for Coastal Fisheries', type: 'ORG', also: [{ text: 'ACFI', form: 'acronym' }] }]),
      makeDoc('a2', [{ name: 'ACFI', type: 'ORG' }]),
    ]);
    expect(r.entities).toHaveLength(1);
    expect(r.entities[0]!.name).toBe('Agency for Coastal Fisheries');
  });

  it('leaves an acronym alone when two long names fit it', () => {
    const r = mergeEntities([
      makeDoc('a1', [{ name: 'Coastal Fisheries Agency', type: 'ORG' }, { name: 'Central Finance Authority', type: 'ORG' }]),
      makeDoc('a2', [{ name: 'CFA', type: 'ORG' }]),
    ]);
    expect(r.entities).toHaveLength(3);
  });
});

describe('mergeEntities: canonical name', () => {
  it('is the form most sources use, never a title', () => {
    const r = mergeEntities([
      makeDoc('a1', [{ name: 'President Aurel Vantor', type: 'PERSON' }]),
      makeDoc('a2', [{ name: 'Aurel Vantor', type: 'PERSON' }]),
      makeDoc('a3', [{ name: 'Aurel Vantor', type: 'PERSON' }]),
      makeDoc('a4', [{ name: 'Vantor', type: 'PERSON' }]),
      makeDoc('a5', [{ name: 'President Marek Holt', type: 'PERSON' }]),
    ]);
    expect(r.entities.map((e) => e.name).sort()).toEqual(['Aurel Vantor', 'Marek Holt']);
  });
});

describe('mergeEntities: unmerge', () => {
  const docs = [
    makeDoc('a1', [{ name: 'Farhad Pourzamani', type: 'PERSON' }, { name: 'Port Velmora', type: 'GPE' }, { name: 'Esmaeil Kazemi', type: 'PERSON' }]),
    makeDoc('a2', [{ name: 'Farhad Bourzamani', type: 'PERSON' }, { name: 'Port Velmora', type: 'LOC' }, { name: 'Ismail Kazemi', type: 'PERSON' }]),
  ];

  it('splits exactly the entity the analyst names, and nothing else', () => {
    const merged = mergeEntities(docs);
    const split = mergeEntities(docs, { unmerge: [{ a: 'Farhad Bourzamani', b: 'Farhad Pourzamani' }] });
    expect(merged.entities).toHaveLength(3);
    expect(split.entities).toHaveLength(4);
    expect(withAlias(split, 'Farhad Pourzamani')[0]!.aliases).toEqual(['Farhad Pourzamani']);
    expect(withAlias(split, 'Farhad Bourzamani')[0]!.aliases).toEqual(['Farhad Bourzamani']);
    const untouched = (r: EntityResolution) => r.entities.filter((e) => !e.name.includes('zamani')).map((e) => ({ id: e.id, aliases: e.aliases }));
    expect(untouched(split)).toEqual(untouched(merged));
    expect(split.resolve('a1', 'e1')).not.toBe(split.resolve('a2', 'e1'));
  });

  it('is honoured whatever rule would have merged the pair', () => {
    const split = mergeEntities(docs, { unmerge: [{ a: 'Ismail Kazemi', b: 'Esmaeil Kazemi' }, { a: 'Port Velmora', b: 'Port Velmora' }] });
    expect(withAlias(split, 'Ismail Kazemi')).toHaveLength(1);
    expect(withAlias(split, 'Ismail Kazemi')[0]!.aliases).not.toContain('Esmaeil Kazemi');
  });
});

describe('mergeEntities: a short form met before its long name', () => {
  // The cluster of the later long name is merged into the earlier short one while the rule still walks the clusters.
  it('joins an initialism seen in an earlier article than its long name', () => {
    const docs = [
      makeDoc('s1', [{ name: 'U.N.', type: 'ORG' }]),
      makeDoc('s2', [{ name: 'United Nations', type: 'ORG' }]),
      makeDoc('s3', [{ name: 'Vell Harbour', type: 'GPE' }]),
    ];
    const r = mergeEntities(docs);
    expect(one(r, 'United Nations').aliases).toEqual(expect.arrayContaining(['U.N.', 'United Nations']));
    expect(r.entities).toHaveLength(2);
  });

  it('joins an acronym seen in an earlier article than the article that spells it out', () => {
    const docs = [
      makeDoc('s1', [{ name: 'KRB', type: 'ORG' }]),
      makeDoc('s2', [{ name: 'Karsk River Board', type: 'ORG', also: [{ text: 'KRB', form: 'acronym' }] }]),
    ];
    const r = mergeEntities(docs);
    expect(one(r, 'Karsk River Board').articles).toEqual(['s1', 's2']);
  });
});

describe('mergeEntities: one name in two word orders', () => {
  const docs = [
    makeDoc('a1', [{ name: 'Ministry of Defence', type: 'ORG' }, { name: 'Unity Day', type: 'OTHER' }]),
    makeDoc('a2', [{ name: 'Defence Ministry', type: 'ORG' }, { name: 'Day of Unity', type: 'OTHER' }]),
    makeDoc('a3', [{ name: 'Bank of Velda', type: 'ORG' }, { name: 'Velda', type: 'GPE' }, { name: 'Defence Council', type: 'ORG' }]),
  ];
  const r = mergeEntities(docs);

  it('"<Head> of <Words>" joins "<Words> <Head>", with the reason', () => {
    expect(one(r, 'Ministry of Defence').aliases).toContain('Defence Ministry');
    const day = one(r, 'Unity Day');
    expect(day.aliases).toContain('Day of Unity');
    expect(day.merges.find((m) => m.alias === 'Day of Unity' || m.alias === 'Unity Day')?.rule).toBe('word-order');
  });
  it('keeps apart names that only share words', () => {
    expect(one(r, 'Bank of Velda').aliases).not.toContain('Velda');
    expect(one(r, 'Defence Council').aliases).not.toContain('Defence Ministry');
  });
});

describe('mergeEntities: a one-word name of a named storm', () => {
  const docs = [
    makeDoc('a1', [{ name: 'Storm Orla', type: 'OTHER' }, { name: 'Velda', type: 'GPE' }]),
    makeDoc('a2', [{ name: 'Orla', type: 'PERSON' }]),
    makeDoc('a3', [{ name: 'Storm Orla', type: 'OTHER' }, { name: 'Kell', type: 'PERSON' }]),
    makeDoc('a4', [{ name: 'Kell', type: 'GPE' }]),
  ];
  const r = mergeEntities(docs);

  it('joins the storm it ends, with the reason, even where an article took it for a person', () => {
    const storm = one(r, 'Storm Orla');
    expect(storm.aliases).toContain('Orla');
    expect(storm.articles).toEqual(['a1', 'a2', 'a3']);
    expect(storm.merges.find((m) => m.alias === 'Orla')).toMatchObject({ rule: 'short-name', detail: expect.stringContaining('Storm Orla') });
  });
  it('joins nothing that ends no such name', () => {
    expect(one(r, 'Velda').aliases).toEqual(['Velda']);
    expect(withAlias(r, 'Kell')).toHaveLength(2);
  });
});
