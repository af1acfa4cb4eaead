import { describe, expect, it } from 'vitest';
import { buildTimeline } from './index.js';
import { makeContext } from './test-helpers.js';
import { pastOfParticiple } from './verbs.js';
import type { StoryContext } from '../types.js';
import type { Dependency } from '../syntax.js';

// Fictional sentences of a fictional town (Orlen, on the Marrow), written for these tests.
const label = (text: string, times: { text: string; value: string }[], verbs: string[], entities: { text: string; type: 'PERSON' | 'ORG' | 'GPE' }[] = [], date = times[0]!.value): string =>
  buildTimeline(makeContext([{ id: 'a1', published: '2030-06-01', text, times, verbs, entities }])).find((e) => e.date === date)?.summary ?? '';

describe('timeline labels: who did what, as a clause', () => {
  it('puts a participle that heads the action in the past ("declaring" → "declared") and leaves the quotation out', () => {
    const l = label('Ferry warden Oda Brisk raised the stakes, declaring at a quay meeting on 4 May 2030, “If the guild blocks the ferries, Orlen will close the bridge for good.”',
      [{ text: '4 May 2030', value: '2030-05-04' }], ['raised', 'declaring', 'blocks', 'close'], [{ text: 'Oda Brisk', type: 'PERSON' }]);
    expect(l).toBe('Oda Brisk declared at a quay meeting');
  });

  it('reads a relative clause that names its own doer: "a gale which struck X", not "X fleeing a gale which …"', () => {
    const l = label('Tessel Dam workers, fleeing a gale which struck Orlen on 2 March 2030, left the sluices open.',
      [{ text: '2 March 2030', value: '2030-03-02' }], ['fleeing', 'struck', 'left'], [{ text: 'Orlen', type: 'GPE' }, { text: 'Tessel Dam', type: 'ORG' }]);
    expect(l).toBe('A gale struck Orlen');
  });

  it('drops the writer\'s framing ("It is worth noting that …")', () => {
    const l = label('It is worth noting that Orlen officials have met the river guild twice in recent weeks, the latest of which was in mid-April 2030, to settle the toll dispute.',
      [{ text: 'mid-April 2030', value: '2030-04' }], ['noting', 'met', 'settle'], [{ text: 'Orlen', type: 'GPE' }]);
    expect(l).toMatch(/^Orlen officials (?:have )?met the river guild/);
    expect(l).not.toMatch(/worth noting/);
  });

  it('ends a long label before a subordinate clause rather than mid-phrase', () => {
    const l = label('Mayor Tilda Vance said on 3 April 2030 that the council would swiftly rebuild the footbridge after the river guild sank two barges near the old quay.',
      [{ text: '3 April 2030', value: '2030-04-03' }], ['said', 'rebuild', 'sank'], [{ text: 'Tilda Vance', type: 'PERSON' }]);
    expect(l).toBe('Tilda Vance said that the council would swiftly rebuild the footbridge');
  });

  it('ends a long label before a participle phrase after its object', () => {
    const l = label('Harbour master Pell Arno on 9 May 2030 opened talks with a guild delegation headed by the treasurer of the river guild in the old customs house.',
      [{ text: '9 May 2030', value: '2030-05-09' }], ['opened', 'headed', 'told'], [{ text: 'Pell Arno', type: 'PERSON' }]);
    expect(l).toBe('Pell Arno opened talks with a guild delegation');
  });

  it('labels a verbless phrase by its noun phrase, without the linking words before it', () => {
    const l = label('This could sap the guild’s will to strike – especially with the looming toll vote in June 2031.',
      [{ text: 'June 2031', value: '2031-06' }], ['sap', 'strike', 'looming']);
    expect(l).toBe('The looming toll vote');
  });
});

describe('pastOfParticiple', () => {
  it('gives the simple past of regular and irregular participles, and nothing for other words', () => {
    expect(['approving', 'agreeing', 'copying', 'playing', 'stopping', 'echoing', 'holding', 'making', 'beginning'].map(pastOfParticiple))
      .toEqual(['approved', 'agreed', 'copied', 'played', 'stopped', 'echoed', 'held', 'made', 'began']);
    expect(['during', 'according', 'thing', 'ring', 'walls'].map(pastOfParticiple)).toEqual([null, null, null, null, null]);
  });
});

describe('the label of an entry reported several times', () => {
  it('names which event it is rather than only its kind ("X: withdrawal from the treaty", not "X: withdrawal")', () => {
    const timeline = buildTimeline(makeContext([
      { id: 'a1', published: '2030-06-01', text: 'Tessel’s withdrawal in 2029 angered the river guild.', entities: [{ text: 'Tessel', type: 'GPE' }], times: [{ text: '2029', value: '2029' }], verbs: ['angered'] },
      { id: 'a2', published: '2030-06-02', text: 'The guild still resents Tessel’s withdrawal from the Marrow river treaty in 2029.', entities: [{ text: 'Tessel', type: 'GPE' }], times: [{ text: '2029', value: '2029' }], verbs: ['resents'] },
    ]));
    const entry = timeline.find((e) => e.date === '2029');
    expect(entry?.sources).toHaveLength(2);
    expect(entry?.summary).toBe('Tessel: withdrawal from the Marrow river treaty');
  });
});

describe('the doer and the label of a clause the tagger misreads', () => {
  // A parse of the fictional sentence, word by word: [part of speech, relation, head].
  const parsed = (ctx: StoryContext, deps: [string, string, number][]): void => {
    const doc = ctx.docs[0]!;
    expect(deps).toHaveLength(doc.layers.tokens!.length);
    (doc.layers as { syntax?: Dependency[] }).syntax = deps.map(([upos, rel, head]) => ({ upos, rel, head }));
  };

  it('reads a present participle before a noun as its modifier, not the action ("the floating dock")', () => {
    const ctx = makeContext([{ id: 'a1', published: '2030-06-01', text: 'Pell Arno left the floating dock of the Orlen Guard on 4 May 2030 to reach the delta.',
      times: [{ text: '4 May 2030', value: '2030-05-04' }], verbs: ['left', 'floating', 'reach'], entities: [{ text: 'Pell Arno', type: 'PERSON' }, { text: 'Orlen Guard', type: 'ORG' }] }]);
    parsed(ctx, [['PROPN', 'nsubj', 2], ['PROPN', 'flat', 0], ['VERB', 'root', -1], ['DET', 'det', 5], ['VERB', 'amod', 5], ['NOUN', 'obj', 2],
      ['ADP', 'case', 9], ['DET', 'det', 9], ['PROPN', 'compound', 9], ['PROPN', 'nmod', 5], ['ADP', 'case', 11], ['NUM', 'obl', 2], ['PROPN', 'flat', 11], ['NUM', 'flat', 11],
      ['PART', 'mark', 15], ['VERB', 'advcl', 2], ['DET', 'det', 17], ['NOUN', 'obj', 15], ['PUNCT', 'punct', 2]]);
    const entry = buildTimeline(ctx).find((e) => e.date === '2030-05-04');
    expect(entry?.actors).toEqual(['Pell Arno']);
    expect(entry?.summary).toMatch(/^Pell Arno left the floating dock/);
  });
});

describe('labels without a clock time\'s residue or a name from an aside', () => {
  it('drops the time zone left after a clock time and does not take a name in a numbered aside for the doer', () => {
    const ctx = makeContext([{ id: 'a1', published: '2030-06-01', text: 'Pell Arno and Oda Brisk, two retired Orlen Guard ferry pilots, had boarded the barge and cast off from the quay at 4.10 am ET (0810 GMT) to reach the delta.',
      times: [{ text: '4.10 am', value: '2030-05-04T04:10' }], verbs: ['boarded', 'cast', 'reach'],
      entities: [{ text: 'Pell Arno', type: 'PERSON' }, { text: 'Oda Brisk', type: 'PERSON' }, { text: 'Orlen Guard', type: 'ORG' }] }]);
    const entry = buildTimeline(ctx).find((e) => e.date === '2030-05-04T04:10');
    expect(entry?.actors).not.toContain('Orlen Guard');
    expect(entry?.summary).not.toMatch(/ET|GMT|\(/);
  });

  it('does not end a cut label on a number without what it counts', () => {
    const l = label('The Orlen Guard said on 3 May 2030 that the river office had sent flood warnings 48 hours before the dam gave way, alerting every ferry crew by radio.',
      [{ text: '3 May 2030', value: '2030-05-03' }], ['said', 'sent', 'gave', 'alerting'], [{ text: 'Orlen Guard', type: 'ORG' }]);
    expect(l).not.toMatch(/\d…?$/u);
  });
});

describe('a name in the phrase that qualifies the subject', () => {
  it('is not the doer, nor is the second of two names joined inside it ("talks between the envoys of X and Y ended")', () => {
    const timeline = buildTimeline(makeContext([{ id: 'a1', published: '2030-06-01', text: 'On 3 May 2030, the first talks between the envoys of Orlen and Tessel since the flood ended in the old customs house.',
      times: [{ text: '3 May 2030', value: '2030-05-03' }], verbs: ['ended'], entities: [{ text: 'Orlen', type: 'GPE' }, { text: 'Tessel', type: 'GPE' }] }]));
    const entry = timeline.find((e) => e.date === '2030-05-03');
    expect(entry).toBeDefined();
    expect(entry!.actors).not.toContain('Tessel');
    expect(entry!.actors).not.toContain('Orlen');
  });
});

describe('a sentence that says who will be where', () => {
  it('reads "DATE in PLACE there will be X led by …" as "X will be in PLACE", not a participle fragment', () => {
    const l = label('“On 3 May 2030 in Orlen there will be a Tessel delegation led by warden Oda Brisk, a Marrow delegation headed by the harbour master and the river guild,” the clerk said.',
      [{ text: '3 May 2030', value: '2030-05-03' }], ['led', 'headed', 'said'], [{ text: 'Orlen', type: 'GPE' }, { text: 'Tessel', type: 'GPE' }, { text: 'Marrow', type: 'GPE' }, { text: 'Oda Brisk', type: 'PERSON' }]);
    expect(l).toMatch(/ will be in Orlen$/);
    expect(l).not.toMatch(/led by|headed by/);
  });
});
