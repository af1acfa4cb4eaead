import { describe, expect, it } from 'vitest';
import type { Doc } from '../../core/index.js';
import type { EntityMention, EntityType } from '../../annotate/index.js';
import { mergeEntities } from './merge.js';
import { capitalUse } from './metonymy.js';
import { countryNamed, countryOfCapital, countryOfQualifier } from './countries.js';

/** A doc whose entities are every occurrence of the given names in the text, one entity per name. */
function docWith(id: string, text: string, names: readonly (readonly [string, EntityType])[]): Doc {
  const mentions: EntityMention[] = [];
  names.forEach(([name, type], i) => {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      mentions.push({ start: at, end: at + name.length, type, entity: `e${i + 1}`, form: 'name' });
    }
  });
  mentions.sort((a, b) => a.start - b.start);
  return {
    id, text, meta: {}, source: { path: `${id}.txt` }, messages: [],
    layers: { entities: mentions, entityIndex: names.map(([name, type], i) => ({ id: `e${i + 1}`, name, type })) },
  };
}

const entityOf = (r: ReturnType<typeof mergeEntities>, doc: Doc, local: string) => r.get(r.resolve(doc.id, local)!)!;

describe('countries by every name', () => {
  it('knows official names, English exonyms, capitals and demonyms', () => {
    expect(countryNamed('Russian Federation')).toBe(countryNamed('Russia'));
    expect(countryNamed('Britain')).toBe(countryNamed('United Kingdom'));
    expect(countryNamed('America')).toBe(countryNamed('United States'));
    expect(countryNamed('Turkey')).toBe(countryNamed('Türkiye'));
    expect(countryOfCapital('Kyiv')).toBe(countryNamed('Ukraine'));
    expect(countryOfQualifier('Chinese')).toBe(countryNamed('China'));
    expect(countryOfQualifier('American')).toBe(countryNamed('United States'));
    expect(countryNamed('Velmaria')).toBeUndefined();
  });
});

describe('a capital used for its government', () => {
  it('reads the words around each mention', () => {
    const use = (text: string, name: string) => capitalUse(text, { start: text.indexOf(name), end: text.indexOf(name) + name.length });
    expect(use('Moscow said it would send a delegation.', 'Moscow')).toBe('government');
    expect(use('It is not in Moscow’s interest.', 'Moscow')).toBe('government');
    expect(use('Talks between Kyiv and Moscow resumed.', 'Moscow')).toBe('government');
    expect(use('The talks began at 13:30 Moscow time.', 'Moscow')).toBe('place');
    expect(use('Protests were held in Moscow on Sunday.', 'Moscow')).toBe('place');
    expect(use('BEIJING — Officials met on Friday.', 'BEIJING')).toBe('place');
  });
});

describe('mergeEntities: countries and their capitals', () => {
  const a = docWith('a', 'Russia sent a team. The Russian Federation said the talks went well. Moscow said it wants more.', [['Russia', 'GPE'], ['Russian Federation', 'GPE'], ['Moscow', 'GPE']]);
  const b = docWith('b', 'The talks began at noon Moscow time in a hotel in Moscow. America and Britain watched.', [['Moscow', 'GPE'], ['America', 'GPE'], ['Britain', 'GPE']]);
  const c = docWith('c', 'The United States and the UK sent envoys.', [['United States', 'GPE'], ['UK', 'GPE']]);
  const r = mergeEntities([a, b, c]);

  it('joins the names of one country under its common name, with the reason', () => {
    const russia = entityOf(r, a, 'e1');
    expect(russia.name).toBe('Russia');
    expect(r.resolve(a.id, 'e2')).toBe(russia.id);
    expect(russia.merges.find((m) => m.alias === 'Russian Federation')?.rule).toBe('country-name');
    expect(entityOf(r, b, 'e2').id).toBe(entityOf(r, c, 'e1').id);
    expect(entityOf(r, b, 'e2').name).toBe('United States');
    expect(entityOf(r, b, 'e3').name).toBe('United Kingdom');
  });

  it('puts a capital into its country only where the article uses it for the government', () => {
    const russia = entityOf(r, a, 'e1');
    expect(r.resolve(a.id, 'e3')).toBe(russia.id);
    expect(russia.merges.find((m) => m.alias === 'Moscow')).toMatchObject({ rule: 'metonymy', articles: ['a'] });
    expect(r.resolve(b.id, 'e1')).not.toBe(russia.id);
    expect(entityOf(r, b, 'e1').name).toBe('Moscow');
  });
});

describe('mergeEntities: a body named with and without its country', () => {
  it('joins "China’s X", "Chinese X" and a bare "X" when only one country has an X', () => {
    const a = docWith('a', 'China’s Trade Bureau said so.', [['China’s Trade Bureau', 'ORG']]);
    const b = docWith('b', 'The Chinese Trade Bureau agreed.', [['Chinese Trade Bureau', 'ORG']]);
    const c = docWith('c', 'The Trade Bureau denied it.', [['Trade Bureau', 'ORG']]);
    const r = mergeEntities([a, b, c]);
    const id = r.resolve('a', 'e1');
    expect(r.resolve('b', 'e1')).toBe(id);
    expect(r.resolve('c', 'e1')).toBe(id);
    expect(r.get(id!)!.merges.some((m) => m.rule === 'qualified-name')).toBe(true);
  });

  it('keeps the bodies of two countries apart, and a bare name that could be either', () => {
    const a = docWith('a', 'The Chinese Trade Bureau agreed.', [['Chinese Trade Bureau', 'ORG']]);
    const b = docWith('b', 'The Iranian Trade Bureau refused.', [['Iranian Trade Bureau', 'ORG']]);
    const c = docWith('c', 'The Trade Bureau denied it.', [['Trade Bureau', 'ORG']]);
    const r = mergeEntities([a, b, c]);
    expect(new Set([r.resolve('a', 'e1'), r.resolve('b', 'e1'), r.resolve('c', 'e1')]).size).toBe(3);
  });
});
