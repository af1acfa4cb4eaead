import { describe, expect, it } from 'vitest';
import type { Stance } from '../types.js';
import { findGovernmentContradictions, findPositionContradictions } from './position-conflicts.js';

const stance = (article: string, position: Stance['position'], date: string | null, evidence: string): Stance =>
  ({ actor: 'Veskaria', topic: 'negotiating with Corvel', position, date, article, evidence, start: 0, end: evidence.length });

describe('findPositionContradictions', () => {
  it('sets one source saying an actor rules out talks against another saying it does not, each side with its words', () => {
    const found = findPositionContradictions([
      stance('a', 'against', null, 'Veskaria rules out talks with Corvel.'),
      stance('b', 'open', '2031-03-09', 'Veskaria does not rule out talks with Corvel.'),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]!.kind).toBe('position');
    expect(found[0]!.sides.map((s) => [s.articles, s.evidence])).toEqual([[['a'], 'Veskaria rules out talks with Corvel.'], [['b'], 'Veskaria does not rule out talks with Corvel.']]);
  });

  it('reads positions dated days apart as a change over time, and one article narrating a change as no conflict', () => {
    expect(findPositionContradictions([
      stance('a', 'against', '2031-03-01', 'On 1 March Veskaria refused talks.'),
      stance('b', 'open', '2031-03-12', 'On 12 March Veskaria said it does not rule out talks.'),
    ])).toEqual([]);
    expect(findPositionContradictions([
      stance('a', 'against', null, 'Veskaria refused talks.'),
      stance('a', 'open', null, 'Veskaria later said it does not rule out talks.'),
    ])).toEqual([]);
  });
});

describe('findPositionContradictions: a change over time', () => {
  it('does not set an undated refusal against an opening when the dated statements show the actor changed its mind', () => {
    expect(findPositionContradictions([
      stance('a', 'against', '2031-09-02', 'On 2 September Veskaria refused to sign.'),
      stance('b', 'against', null, 'Veskaria would not sign the draft.'),
      stance('c', 'for', '2031-09-16', 'On 16 September Veskaria said it would sign.'),
    ])).toEqual([]);
  });
});

describe('findPositionContradictions: an article that tells of a change', () => {
  it('takes no side when one article gives the actor both positions', () => {
    expect(findPositionContradictions([
      stance('a', 'against', null, 'Veskaria had initially rejected the draft.'),
      stance('a', 'for', null, 'Veskaria will sign.'),
      stance('b', 'against', null, 'Veskaria would not sign the draft.'),
    ])).toEqual([]);
  });
});

describe('findPositionContradictions: a leader and the government named after them', () => {
  const held = (actor: string, article: string, position: Stance['position'], evidence: string): Stance => ({ ...stance(article, position, null, evidence), actor });

  it('sets the government\'s aim against the leader\'s refusal in another article, each side named by its holder', () => {
    const found = findPositionContradictions([
      held('Ana Oresk', 'a', 'against', 'Oresk said she will not negotiate with Corvel.'),
      held('Ana Oresk', 'b', 'against', 'Oresk refused to negotiate under threat.'),
      held('Oresk government', 'b', 'for', 'The government of Oresk aims to reach an agreement with Corvel.'),
    ]);
    expect(found.map((c) => c.sides.map((s) => [s.value, s.articles]))).toEqual([[
      ['Ana Oresk against negotiating with Corvel', ['a']], ['Oresk government favours negotiating with Corvel', ['b']],
    ]]);
  });

  it('keeps a government apart from a holder it is not named after', () => {
    expect(findPositionContradictions([
      held('Ana Oresk', 'a', 'against', 'Oresk said she will not negotiate with Corvel.'),
      held('Dalen government', 'b', 'for', 'The government of Dalen aims to reach an agreement with Corvel.'),
    ])).toEqual([]);
  });
});

describe('findGovernmentContradictions: officials of one government at one time', () => {
  const voice = (actor: string, article: string, position: Stance['position'], date: string | null, extra: Partial<Stance> = {}): Stance => ({
    ...stance(article, position, date, `${actor} on the canal talks.`), actor, speaksFor: 'Veskaria', ...(date ? { dateFrom: 'text' as const } : {}), ...extra,
  });

  it('sets a president\'s refusal against a spokesperson\'s "under study" a day later, in one article', () => {
    const found = findGovernmentContradictions([
      voice('Ana Oresk', 'a', 'against', '2031-03-12'),
      voice('Ivo Dral', 'a', 'neutral', '2031-03-13', { undecided: true }),
      voice('Ivo Dral', 'b', 'neutral', '2031-03-12'),
    ]);
    expect(found.map((c) => c.sides.map((s) => [s.value, s.articles]))).toEqual([[
      ['Ana Oresk against negotiating with Corvel', ['a']], ['Ivo Dral keeps under study negotiating with Corvel', ['a']],
    ]]);
    expect(found[0]!.claim).toContain('Veskaria');
  });

  it('finds nothing across days, on publication dates only, between governments, or for one holder', () => {
    expect(findGovernmentContradictions([voice('Ana Oresk', 'a', 'against', '2031-03-02'), voice('Ivo Dral', 'b', 'open', '2031-03-12')])).toEqual([]);
    expect(findGovernmentContradictions([voice('Ana Oresk', 'a', 'against', '2031-03-12', { dateFrom: 'published' }), voice('Ivo Dral', 'b', 'open', '2031-03-12')])).toEqual([]);
    expect(findGovernmentContradictions([voice('Ana Oresk', 'a', 'against', '2031-03-12'), voice('Ivo Dral', 'b', 'open', '2031-03-12', { speaksFor: 'Corvel' })])).toEqual([]);
    expect(findGovernmentContradictions([voice('Ana Oresk', 'a', 'against', '2031-03-12'), voice('Ana Oresk', 'b', 'open', '2031-03-12')])).toEqual([]);
    expect(findGovernmentContradictions([voice('Ana Oresk', 'a', 'against', null), voice('Ivo Dral', 'b', 'open', '2031-03-12')])).toEqual([]);
  });
});
