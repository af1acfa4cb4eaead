import { describe, expect, it } from 'vitest';
import type { EntityMention, Timex } from '../index.js';
import { findEvents } from './index.js';

// Fictional sentence written for this test.
const TEXT = 'Envoy Rhea Toll met officials of the Free States on 4 May 2032, and the Harbour Council agreed the following day to reopen the port.';
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });
const entities = [
  { ...at('Rhea Toll'), type: 'PERSON', entity: 'e1', form: 'name' },
  { ...at('Free States'), type: 'GPE', entity: 'e2', form: 'name' },
  { ...at('Harbour Council'), type: 'ORG', entity: 'e3', form: 'name' },
] as EntityMention[];
const times = [
  { ...at('4 May 2032'), type: 'DATE', value: '2032-05-04' },
  { ...at('the following day'), type: 'DATE', value: '2032-05-05' },
] as Timex[];

describe('findEvents', () => {
  it('gives one event per dated time expression, each with the nearest trigger and its own subject', () => {
    const events = findEvents(TEXT, { sentences: [{ start: 0, end: TEXT.length }], entities, times });
    expect(events.map((e) => [e.date, e.action, TEXT.slice(e.trigger.start, e.trigger.end), e.actor])).toEqual([
      ['2032-05-04', 'meeting', 'met', 'e1'],
      ['2032-05-05', 'agreement', 'agreed', 'e3'],
    ]);
  });

  it('does not read a trigger word inside a name ("Free States") as an action', () => {
    const text = 'The Free States are far away.';
    const mention = { start: 4, end: 15, type: 'GPE', entity: 'e1', form: 'name' } as EntityMention;
    expect(findEvents(text, { sentences: [{ start: 0, end: text.length }], entities: [mention], times: [] })).toEqual([]);
  });
});
