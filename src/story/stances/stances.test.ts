import { describe, expect, it } from 'vitest';
import { findStances, findTopics, findCues } from './index.js';
import { makeContext } from '../timeline/test-helpers.js';

// A fictional story about a fictional treaty between fictional countries, written for these tests.
const A = {
  id: 'a_one', published: '2031-06-10',
  text: 'Premier Oda Lind said on 2 June 2031 that Norland would not sign the canal treaty. Minister Pell Arno says Sudmark is ready to sign the canal treaty.',
  entities: [{ text: 'Oda Lind', type: 'PERSON' as const }, { text: 'Norland', type: 'GPE' as const }, { text: 'Pell Arno', type: 'PERSON' as const }, { text: 'Sudmark', type: 'GPE' as const }],
  times: [{ text: '2 June 2031', value: '2031-06-02' }],
};
const B = {
  id: 'a_two', published: '2031-06-12',
  text: 'Oda Lind does not rule out signing the canal treaty. Kai Moss said Norland would sign the canal treaty only if the tolls are halved. Oda Lind had initially refused to sign the treaty.',
  entities: [{ text: 'Oda Lind', type: 'PERSON' as const }, { text: 'Kai Moss', type: 'PERSON' as const }, { text: 'Norland', type: 'GPE' as const }],
};

describe('findTopics', () => {
  it('finds the question the articles turn on from the words after stance cues', () => {
    const topics = findTopics(makeContext([A, B]));
    expect(topics).toHaveLength(1);
    expect(topics[0]!.label).toMatch(/^signing\b/);
    expect(topics[0]!.articles).toEqual(['a_one', 'a_two']);
  });

  it('adds the condition most articles set on the question ("… under duress"), and none that one article sets in passing', () => {
    const docs = [
      { id: 'c_one', text: 'Norland will not negotiate under duress, Premier Oda Lind said. Talks stalled.' },
      { id: 'c_two', text: 'Sudmark refuses to negotiate under sanctions or duress.' },
      { id: 'c_three', text: 'Kai Moss is ready to negotiate with Norland.' },
    ];
    expect(findTopics(makeContext(docs))[0]!.label).toBe('negotiating under duress');
    const sanctions = { id: 'c_five', text: 'Ivo Rask would negotiate under sanctions too.' };
    expect(findTopics(makeContext([...docs, sanctions]))[0]!.label).toBe('negotiating under duress or sanction');
    expect(findTopics(makeContext([docs[0]!, docs[2]!, { id: 'c_four', text: 'Ivo Rask refuses to negotiate today.' }]))[0]!.label).toBe('negotiating');
  });
});

describe('findStances', () => {
  const stances = findStances(makeContext([A, B]));
  const of = (actor: string) => stances.filter((s) => s.actor === actor);

  it('reads "does not rule out" as open, not against', () => {
    expect(findCues('He does not rule out talks.').map((c) => c.position)).toEqual(['open']);
    expect(of('Oda Lind').find((s) => s.article === 'a_two' && s.evidence.startsWith('Oda Lind does not'))?.position).toBe('open');
  });

  it('gives the speaker of a reported refusal, dated by the sentence, and a present-tense supporter dated by publication', () => {
    expect(of('Oda Lind').find((s) => s.article === 'a_one')).toMatchObject({ position: 'against', date: '2031-06-02' });
    expect(of('Pell Arno')).toMatchObject([{ position: 'for', date: '2031-06-10' }]);
  });

  it('reads a proposal under review as neutral, and "is considering" as open', () => {
    expect(findCues('The offer was being studied and would be answered.').map((c) => c.position)).toEqual(['neutral']);
    expect(findCues('Norland is considering talks.').map((c) => c.position)).toEqual(['open']);
    const ctx = makeContext([A, {
      id: 'a_three', published: '2031-06-14',
      text: 'Oda Lind refused to sign the canal treaty. Spokesman Tam Reyes said the letter from Sudmark was being studied.',
      entities: [{ text: 'Oda Lind', type: 'PERSON' as const }, { text: 'Tam Reyes', type: 'PERSON' as const }, { text: 'Sudmark', type: 'GPE' as const }],
      verbs: ['refused', 'said'],
    }]);
    expect(findStances(ctx).filter((s) => s.actor === 'Tam Reyes').map((s) => s.position)).toEqual(['neutral']);
  });

  it('reads willingness to bring the topic about ("willing to facilitate a treaty") as for, and to do something else as no stance', () => {
    const ctx = makeContext([A, B, {
      id: 'a_four', published: '2031-06-14',
      text: 'Ostmark has expressed willingness to facilitate a treaty between Norland and Sudmark on the canal. Velmar is willing to build a second canal.',
      entities: [{ text: 'Ostmark', type: 'GPE' as const }, { text: 'Norland', type: 'GPE' as const }, { text: 'Sudmark', type: 'GPE' as const }, { text: 'Velmar', type: 'GPE' as const }],
      verbs: ['expressed', 'facilitate', 'build'],
    }]);
    const stances = findStances(ctx).filter((s) => s.article === 'a_four');
    expect(stances.map((s) => [s.actor, s.position])).toEqual([['Ostmark', 'for']]);
  });

  it('reads "only if" as a conditional position', () => {
    expect(of('Kai Moss')).toMatchObject([{ position: 'conditional' }]);
  });

  it('notes an earlier view when the text says "initially"', () => {
    const earlier = of('Oda Lind').find((s) => s.evidence.includes('initially'));
    expect(earlier).toMatchObject({ position: 'against', note: 'initially held another view' });
  });
});

// Fictional: which actor holds a stance, and what the question is about, when several names share a sentence.
const C = {
  id: 'a_three', published: '2031-07-01',
  text: 'Premier Oda Lind pressed on with the canal works, and as officials rule out talks with Sudmark, the mood darkened. '
    + 'Norland is ready to talk with Sudmark, Minister Pell Arno said. '
    + 'Kai Moss, who replaced Ivo Rask, said Norland is ready to talk with Sudmark. '
    + 'Vell is willing to fund talks between Norland and Sudmark.',
  entities: [{ text: 'Oda Lind', type: 'PERSON' as const }, { text: 'Sudmark', type: 'GPE' as const }, { text: 'Norland', type: 'GPE' as const },
    { text: 'Pell Arno', type: 'PERSON' as const }, { text: 'Kai Moss', type: 'PERSON' as const }, { text: 'Ivo Rask', type: 'PERSON' as const }, { text: 'Vell', type: 'GPE' as const }],
};
const D = {
  id: 'a_four', published: '2031-07-02',
  text: 'Pell Arno refused to talk with Norland last year. Kai Moss would not talk with Sudmark. Oda Lind wants to talk with Sudmark. '
    + 'Past talks with Norland failed. Earlier talks with Norland also failed. Talks with Norland are a memory. Old talks with Norland ran long. Many talks with Norland stalled.',
  entities: [{ text: 'Pell Arno', type: 'PERSON' as const }, { text: 'Norland', type: 'GPE' as const }, { text: 'Kai Moss', type: 'PERSON' as const },
    { text: 'Sudmark', type: 'GPE' as const }, { text: 'Oda Lind', type: 'PERSON' as const }],
};

describe('findStances: the actor is the subject of the cue', () => {
  const ctx = makeContext([C, D]);
  const stances = findStances(ctx);
  const actors = (article: string) => stances.filter((s) => s.article === article).map((s) => `${s.actor}:${s.position}`);

  it('gives no stance to a name outside the clause of an unnamed group ("…, and as officials rule out talks")', () => {
    expect(actors('a_three')).not.toContain('Oda Lind:against');
    expect(actors('a_three').some((a) => a.endsWith(':against'))).toBe(false);
  });

  it('takes the speaker of a trailing attribution, not the country in the reported clause', () => {
    expect(actors('a_three')).toContain('Pell Arno:for');
  });

  it('skips a name inside a relative aside and a stance on another action ("willing to fund talks")', () => {
    expect(actors('a_three')).toContain('Kai Moss:for');
    expect(actors('a_three')).not.toContain('Ivo Rask:for');
    expect(actors('a_three')).not.toContain('Vell:for');
  });

  it('labels the topic by the object most actors take positions on, not the most frequent one', () => {
    // "with Norland" is written after "talks" more often, but "with Sudmark" is the object of more actors' positions
    expect(findTopics(ctx)[0]!.label).toMatch(/with Sudmark$/);
  });
});

describe('findStances: who a holder speaks for, how the date is known, a question under study', () => {
  // Fictional people; a real country so the country tables know its demonym.
  const E = {
    id: 'a_five', published: '2031-08-20',
    text: 'Norwegian President Ilse Varn said on 12 August 2031 that Oslo would not sign the canal treaty. '
      + 'The spokesperson for the Norwegian Foreign Ministry, Rolf Ekker, said on 13 August 2031 that the canal treaty was being studied. '
      + 'Tor Halden, a member of the Norwegian Parliament, said on 13 August 2031 that the canal treaty would be signed only if the tolls are halved.',
    entities: [{ text: 'Ilse Varn', type: 'PERSON' as const }, { text: 'Oslo', type: 'GPE' as const }, { text: 'Rolf Ekker', type: 'PERSON' as const },
      { text: 'Norwegian Foreign Ministry', type: 'ORG' as const }, { text: 'Tor Halden', type: 'PERSON' as const }, { text: 'Norwegian Parliament', type: 'ORG' as const }],
    times: [{ text: '12 August 2031', value: '2031-08-12' }, { text: '13 August 2031', value: '2031-08-13' }],
    verbs: ['said', 'sign'],
  };
  const stances = findStances(makeContext([A, B, E])).filter((s) => s.article === 'a_five');
  const of = (actor: string) => stances.find((s) => s.actor === actor);

  it('gives an executive office-holder the country of their office, and a legislator none', () => {
    expect(of('Ilse Varn')).toMatchObject({ position: 'against', speaksFor: 'Norway', date: '2031-08-12', dateFrom: 'text' });
    expect(of('Rolf Ekker')).toMatchObject({ speaksFor: 'Norway' });
    expect(of('Tor Halden')?.speaksFor).toBeUndefined();
  });

  it('marks a question under study as undecided, and a date from publication as such', () => {
    expect(of('Rolf Ekker')).toMatchObject({ position: 'neutral', undecided: true, date: '2031-08-13' });
    expect(findCues('The offer is under review.')).toMatchObject([{ position: 'neutral', undecided: true }]);
    expect(findCues('The minister confirmed he had received the letter.')[0]?.undecided).toBeUndefined();
    const pell = findStances(makeContext([A, B])).find((s) => s.actor === 'Pell Arno');
    expect(pell).toMatchObject({ date: '2031-06-10', dateFrom: 'published' });
  });
});

describe('findCues: reactions, commitments and readiness denied', () => {
  const positions = (text: string) => findCues(text).map((c) => c.position);

  it('reads retaliation, countermeasures and condemnation as against, and "not ready to" as against', () => {
    expect(positions('Velmar vowed to retaliate.')).toContain('against');
    expect(positions('The ministry condemned the levy.')).toEqual(['against']);
    expect(positions('She is not ready to back the plan.')).toEqual(['against']);
  });

  it('reads a pledge of something as for, but not "pledged delegates"; a request taken note of as neutral', () => {
    expect(positions('Oda Lind pledged 20% levies on imports.')).toEqual(['for']);
    expect(positions('She counted her pledged delegates.')).toEqual([]);
    expect(positions('Sudmark took note of this request.')).toEqual(['neutral']);
  });
});

describe('findTopics: a question most articles write about', () => {
  it('finds no question in modal verbs ("will inform") nor in one most articles never name', () => {
    const informs = (id: string) => ({ id, published: '2031-06-10', text: 'The minister will inform the press. Officials would inform reporters later.', entities: [] });
    expect(findTopics(makeContext([informs('a_i1'), informs('a_i2')]))).toEqual([]);
    const other = (id: string) => ({ id, published: '2031-06-10', text: 'The harvest in Norland was late this year.', entities: [{ text: 'Norland', type: 'GPE' as const }] });
    expect(findTopics(makeContext([A, B, other('a_o1'), other('a_o2'), other('a_o3')]))).toEqual([]);
  });
});

describe('findStances: an object pointing back to the question', () => {
  it('gives a stance to "X rejects this" after a sentence naming the question, across a paragraph break', () => {
    const ctx = makeContext([A, B, {
      id: 'a_six', published: '2031-06-15',
      text: 'Sudmark signed the canal treaty on Monday.\n\nMinister Pell Arno said Norland firmly rejects this.',
      entities: [{ text: 'Sudmark', type: 'GPE' as const }, { text: 'Pell Arno', type: 'PERSON' as const }, { text: 'Norland', type: 'GPE' as const }],
      verbs: ['signed', 'said', 'rejects'],
    }]);
    expect(findStances(ctx).filter((s) => s.article === 'a_six').map((s) => `${s.actor}:${s.position}`)).toContain('Pell Arno:against');
  });
});
