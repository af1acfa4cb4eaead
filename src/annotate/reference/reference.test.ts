import { describe, expect, it } from 'vitest';
import { createPipeline, type Doc } from '../../core/index.js';
import { tokenize } from '../tokens/index.js';
import { tokens } from '../tokens/index.js';
import { entities, type ArticleEntity, type EntityMention, type EntityType } from '../entities/index.js';
import { createArticlePipeline } from '../index.js';
import { findReferences, loadModel, reference, type Reference } from './index.js';
import { capitalOf, countryKey, demonymKey } from './countries.js';

/** One entity of a fictional text: its id, type and the forms it is named by. */
interface Named {
  readonly id: string;
  readonly type: EntityType;
  readonly forms: readonly string[];
}

/** The reference stage on a text whose entities are given (so the test does not depend on the entity tagger). */
function resolve(text: string, named: readonly Named[]): { refs: Reference[]; of: (surface: string, nth?: number) => string | undefined } {
  const { sentences, tokens: toks } = tokenize(text);
  const mentions: EntityMention[] = [];
  for (const n of named) {
    for (const form of [...n.forms].sort((a, b) => b.length - a.length)) {
      for (const m of text.matchAll(new RegExp(`\\b${form}\\b`, 'g'))) {
        const span = { start: m.index, end: m.index + form.length };
        if (mentions.some((x) => x.start < span.end && span.start < x.end)) continue;
        mentions.push({ ...span, type: n.type, entity: n.id, form: 'name' });
      }
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  const index: ArticleEntity[] = named.map((n) => ({ id: n.id, name: n.forms[0]!, type: n.type }));
  const refs = findReferences(text, { sentences, tokens: toks, entities: mentions, entityIndex: index });
  const nameOf = new Map(named.map((n) => [n.id, n.forms[0]!]));
  const of = (surface: string, nth = 0): string | undefined => {
    const found = [...text.matchAll(new RegExp(`\\b${surface}\\b`, 'g'))][nth];
    if (!found) throw new Error(`"${surface}" is not in the text`);
    const at = found.index;
    const r = refs.find((x) => x.start === at);
    return r ? nameOf.get(r.entity) : undefined;
  };
  return { refs, of };
}

const ORESK: Named = { id: 'e1', type: 'PERSON', forms: ['Ana Oresk', 'Oresk'] };
const BELLIN: Named = { id: 'e2', type: 'PERSON', forms: ['Tomas Bellin', 'Bellin'] };
const VARGA: Named = { id: 'e3', type: 'PERSON', forms: ['Piotr Varga', 'Varga'] };
const VESKARIA: Named = { id: 'e4', type: 'GPE', forms: ['Veskaria'] };
const CORVEL: Named = { id: 'e5', type: 'GPE', forms: ['Corvel'] };

describe('reference: roles and titles', () => {
  it('links "the top Veskarian diplomat" to the foreign minister named before, not to her counterpart', () => {
    const { of } = resolve(
      'Foreign Minister Ana Oresk arrived in Corvel on Monday for talks with her Dravian counterpart, Tomas Bellin. The top Veskarian diplomat said the talks would continue.',
      [ORESK, BELLIN, CORVEL],
    );
    expect(of('The top Veskarian diplomat')).toBe('Ana Oresk');
  });

  it('resolves "she", "the minister" and "the latter" to the people meant', () => {
    const { of } = resolve(
      'Foreign Minister Ana Oresk met Tomas Bellin in Corvel on Tuesday. She said the talks had been useful. ' +
        'The minister later flew home with Bellin; the latter declined to comment.',
      [ORESK, BELLIN, CORVEL],
    );
    expect(of('She')).toBe('Ana Oresk');
    expect(of('The minister')).toBe('Ana Oresk');
    expect(of('the latter')).toBe('Tomas Bellin');
  });

  it('takes an apposition as the same person: "Ana Oresk, the foreign minister, said"', () => {
    const { of } = resolve('Ana Oresk, the foreign minister, said the border would stay open.', [ORESK]);
    expect(of('the foreign minister')).toBe('Ana Oresk');
  });

  it('links a relative pronoun to the name before it', () => {
    const { of } = resolve('Ana Oresk, who leads the delegation, said the offer stood.', [ORESK]);
    expect(of('who')).toBe('Ana Oresk');
  });

  it('takes "the Veskarian official" as the government person just named, and the "He" after it too', () => {
    const { of } = resolve(
      'Foreign Ministry spokesman Tomas Bellin said on Monday that Veskaria was studying the proposal. ' +
        'A reply would follow within days, according to the Veskarian official. He said the talks would resume in Corvel.',
      [BELLIN, VESKARIA, CORVEL],
    );
    expect(of('the Veskarian official')).toBe('Tomas Bellin');
    expect(of('He')).toBe('Tomas Bellin');
  });

  it('does not give "the Dravian president" to the president of the country the article is about', () => {
    const { of } = resolve(
      'Veskaria reopened its border on Monday. President Ana Oresk said Veskaria wanted calm. ' +
        'Veskaria will send envoys next week, and the Dravian president is expected to reply.',
      [ORESK, VESKARIA],
    );
    expect(of('the Dravian president')).toBeUndefined();
  });

  it('leaves a role unlinked when two people fit it equally', () => {
    const { of } = resolve(
      'Defence Minister Tomas Bellin met Defence Minister Piotr Varga in Corvel. The minister said nothing afterwards.',
      [BELLIN, VARGA, CORVEL],
    );
    expect(of('The minister')).toBeUndefined();
  });
});

describe('reference: pronouns', () => {
  it('with two men in the sentence before, links "he" to the subject or to no one, never to the object', () => {
    const { of } = resolve('Tomas Bellin praised Piotr Varga on Tuesday. He said the agreement would hold.', [BELLIN, VARGA]);
    expect(['Tomas Bellin', undefined]).toContain(of('He'));
  });

  it('keeps the genders apart: "she" is the woman, "he" the man', () => {
    const { of } = resolve('Ana Oresk and Tomas Bellin spoke after the vote. She called it a mistake, and he disagreed.', [ORESK, BELLIN]);
    expect(of('She')).toBe('Ana Oresk');
    expect(of('he')).toBe('Tomas Bellin');
  });

  it('links "he" to the speaker of the reporting clause', () => {
    const { of } = resolve('Tomas Bellin said he would resign if the vote failed.', [BELLIN]);
    expect(of('he')).toBe('Tomas Bellin');
  });

  it('gives the "he said" after a quote to the speaker named before it', () => {
    const { of } = resolve(
      'Foreign Ministry spokesman Tomas Bellin told reporters that the meeting had begun. “The atmosphere is calm and the talks will go on,” he said.',
      [BELLIN],
    );
    expect(of('he')).toBe('Tomas Bellin');
  });

  it('does not link a pronoun that refers to an unnamed person or to nothing', () => {
    const { of } = resolve(
      'Ana Oresk opened the bridge on Monday. A police officer said he had seen the crash from the road. It is clear that the road will stay closed.',
      [ORESK],
    );
    expect(of('he')).toBeUndefined();
    expect(of('It')).toBeUndefined();
  });
});

describe('reference: capitals and countries standing for their government', () => {
  const text =
    'Ana Oresk visited Corvel, the Veskarian capital, on Monday. Veskaria has long resisted outside pressure. ' +
    'Corvel said it would not negotiate. Protests continued in Corvel overnight, and the Veskarian side called for calm.';

  it('links a capital that speaks to its country, and the pronoun of its clause with it', () => {
    const { refs, of } = resolve(text, [ORESK, VESKARIA, CORVEL]);
    const said = text.indexOf('Corvel said');
    const metonym = refs.find((r) => r.start === said);
    expect(metonym).toMatchObject({ kind: 'metonym', entity: 'e4' });
    expect(of('it would')).toBe('Veskaria');
  });

  it('gives a place that is only mentioned no such link', () => {
    const { refs } = resolve(text, [ORESK, VESKARIA, CORVEL]);
    const mentioned = [text.indexOf('Corvel, the'), text.indexOf('Corvel overnight')];
    expect(refs.filter((r) => r.kind === 'metonym' && mentioned.includes(r.start))).toEqual([]);
  });

  it('takes "the country" for a country, never for a city, and reads "X, the country\'s …" as no apposition', () => {
    const { of } = resolve(
      'Floods hit Corvel and other towns of Veskaria, a small mountain country, on Sunday. Rescue teams reached Corvel, the country’s second city, on Monday.',
      [VESKARIA, CORVEL],
    );
    expect(of('the country')).toBe('Veskaria');
  });

  it('links a demonym description of the state to the country', () => {
    const { of } = resolve(text, [ORESK, VESKARIA, CORVEL]);
    expect(of('the Veskarian side')).toBe('Veskaria');
  });

  it('reads countries, capitals and demonyms from the world-countries package', () => {
    expect(capitalOf('Canberra')).toBe(countryKey('Australia'));
    expect(demonymKey('Australian')).toBe(countryKey('Australia'));
    expect(demonymKey('Veskarian')).toBe(countryKey('Veskaria'));
    expect(demonymKey('Foreign')).toBeUndefined();
  });
});

describe('reference stage', () => {
  const doc = (text: string): Doc => ({ id: 't', text, meta: {}, source: {}, layers: {}, messages: [] });

  it('runs in the article pipeline after the entities, each reference inside the text and naming an entity of the index', () => {
    const text = 'Foreign Minister Ana Oresk arrived in Corvel on Monday. She said the talks would resume. The minister left on Tuesday.';
    const out = createArticlePipeline().run(doc(text));
    const refs = out.layers.references!;
    const ids = new Set(out.layers.entityIndex!.map((e) => e.id));
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) {
      expect(r.start).toBeGreaterThanOrEqual(0);
      expect(r.end).toBeLessThanOrEqual(text.length);
      expect(ids.has(r.entity)).toBe(true);
    }
    expect(refs.map((r) => r.start)).toEqual([...refs.map((r) => r.start)].sort((a, b) => a - b));
    const she = refs.find((r) => text.slice(r.start, r.end) === 'She');
    expect(out.layers.entityIndex!.find((e) => e.id === she?.entity)?.name).toBe('Ana Oresk');
  });

  it('says which stage it needs when built before the entities', () => {
    expect(() => createPipeline([tokens(), reference(), entities()])).toThrow(/reference requires entities/);
  });

  it('names the model file and the fix when the model cannot be read', () => {
    expect(() => loadModel('/nonexistent/reference.json')).toThrow(/\/nonexistent\/reference\.json.*train:reference/);
  });
});
