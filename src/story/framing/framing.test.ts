import { describe, expect, it } from 'vitest';
import type { Doc, Span } from '../../core/index.js';
import type { EntityMention, ArticleEntity, Quote } from '../../annotate/index.js';
import { mergeEntities } from '../entities/index.js';
import { describeFraming, findScareQuotes, findLoadedTerms, readKindSignals, measureAttribution } from './index.js';
import type { StoryContext } from '../types.js';

/** Find the n-th occurrence of `needle` in `text` as a span. */
function at(text: string, needle: string, nth = 0): Span {
  let from = 0;
  for (let i = 0; ; i++) {
    const start = text.indexOf(needle, from);
    if (start < 0) throw new Error(`"${needle}" not in text`);
    if (i === nth) return { start, end: start + needle.length };
    from = start + 1;
  }
}

interface DocSpec {
  id: string;
  text: string;
  kind?: Doc['meta']['kind'];
  entities?: { text: string; type: EntityMention['type']; entity: string; nth?: number; titles?: string[] }[];
  quotes?: { text: string; speaker?: string; speakerText?: string; speakerAt?: string; cue?: string; direct?: boolean }[];
}

/** A hand-built annotated doc: sentences split at . ! ? and line breaks, entities and quotes located by their words. */
function makeDoc(spec: DocSpec): Doc {
  const { text } = spec;
  const sentences: Span[] = [];
  for (const m of text.matchAll(/[^\n.!?]+(?:[.!?]+["”]?|$)/gm)) {
    const lead = m[0].length - m[0].trimStart().length;
    if (m[0].trim()) sentences.push({ start: m.index + lead, end: m.index + m[0].trimEnd().length });
  }
  const entities: EntityMention[] = (spec.entities ?? []).map((e) => ({ ...at(text, e.text, e.nth ?? 0), type: e.type, entity: e.entity, form: 'name' }));
  const index = new Map<string, ArticleEntity>();
  for (const e of spec.entities ?? []) if (!index.has(e.entity)) index.set(e.entity, { id: e.entity, name: e.text, type: e.type, ...(e.titles ? { titles: e.titles } : {}) });
  const quotes: Quote[] = (spec.quotes ?? []).map((q) => ({
    ...at(text, q.text),
    direct: q.direct ?? true,
    ...(q.speaker ? { speaker: q.speaker } : {}),
    ...(q.speakerText ? { speakerText: q.speakerText } : {}),
    ...(q.speakerAt ? { speakerSpan: at(text, q.speakerAt) } : {}),
    ...(q.cue ? { cue: at(text, q.cue) } : {}),
  }));
  return {
    id: spec.id,
    text,
    meta: spec.kind ? { kind: spec.kind } : {},
    source: { path: `${spec.id}.txt` },
    layers: { sentences, entities, entityIndex: [...index.values()], quotes },
    messages: [],
  };
}

function contextOf(...docs: Doc[]): StoryContext {
  return { docs, entities: mergeEntities(docs) };
}

const INFERRED_NEWS = { value: 'news', evidence: { source: 'inferred', at: 'no label' } } as const;

const NEWS = makeDoc({
  id: 'a_news',
  kind: INFERRED_NEWS,
  text:
    'Velmar’s foreign minister Tomas Reld said on Monday that the talks would resume next week in Corvin.\n\n' +
    'Reld said: “We will not accept this belligerent ultimatum from the regime in Ostia.”\n\n' +
    'The ministry released a statement after the meeting ended without an agreement between the two delegations.\n\n' +
    'A senior official, who asked not to be named, said the delegation had been told to leave the capital by Friday.',
  entities: [
    { text: 'Velmar', type: 'GPE', entity: 'e1' },
    { text: 'Tomas Reld', type: 'PERSON', entity: 'e2', titles: ['foreign minister'] },
    { text: 'Corvin', type: 'GPE', entity: 'e3' },
    { text: 'Reld', type: 'PERSON', entity: 'e2', nth: 1 },
    { text: 'Ostia', type: 'GPE', entity: 'e4' },
  ],
  quotes: [
    { text: 'the talks would resume next week in Corvin', speaker: 'e2', speakerAt: 'Velmar’s foreign minister Tomas Reld', cue: 'said', direct: false },
    { text: 'We will not accept this belligerent ultimatum from the regime in Ostia.', speaker: 'e2', speakerAt: 'Reld', cue: 'said:' },
    { text: 'the delegation had been told to leave the capital by Friday', speakerText: 'A senior official', speakerAt: 'A senior official', direct: false },
  ],
});

const OPINION_TEXT =
  'I have watched this dispute for twenty years, and we should be honest about what it has become.\n\n' +
  'The regime in Ostia is aggressive and belligerent. Its so-called “peace plan” is a trap, and our leaders must reject it.\n\n' +
  'It is clear that the neighbours should stop pretending. We must say plainly that the plan has failed us.\n\n' +
  'I believe our country should act now, before the malign influence spreads further.';

describe('loaded terms', () => {
  it('counts a loaded word in the outlet’s voice but keeps a quoted one apart as the speaker’s', () => {
    const [f] = describeFraming(contextOf(NEWS), { mainActors: [], mainEvents: [] });
    expect(f!.loadedTerms).not.toContain('belligerent');
    expect(f!.loadedTerms).not.toContain('regime');
    expect(f!.loadedTermsQuoted).toEqual(expect.arrayContaining(['belligerent', 'regime']));
    const opinion = makeDoc({ id: 'a_op', text: OPINION_TEXT });
    const hits = findLoadedTerms(opinion).filter((h) => !h.quoted).map((h) => h.term);
    expect(hits).toEqual(expect.arrayContaining(['regime', 'aggressive', 'belligerent', 'malign', 'so-called']));
  });

  it('does not take names or ordinary news words for loaded terms', () => {
    const doc = makeDoc({
      id: 'a_names',
      text: 'The Supreme Council met after three people died in the flood. The coach said the team lost the final.',
      entities: [{ text: 'Supreme Council', type: 'ORG', entity: 'e1' }],
    });
    expect(findLoadedTerms(doc)).toEqual([]);
  });
});

describe('scare quotes', () => {
  it('finds a short term in marks that nobody is quoted saying, and not the quotes or the title of a newspaper', () => {
    const doc = makeDoc({
      id: 'a_scare',
      text: 'The government calls the plan a “strategic pause”. The daily “Morning Lantern” disagreed, and Reld said: “We will not accept it.”',
      entities: [{ text: 'Reld', type: 'PERSON', entity: 'e1' }],
      quotes: [{ text: 'We will not accept it.', speaker: 'e1', speakerAt: 'Reld', cue: 'said:' }],
    });
    expect(findScareQuotes(doc).map((s) => s.text)).toEqual(['strategic pause']);
  });

  it('leaves out marked passages longer than four words', () => {
    const doc = makeDoc({ id: 'a_long', text: 'The banner read “the river belongs to all of us” in red.' });
    expect(findScareQuotes(doc)).toEqual([]);
  });
});

describe('who is quoted', () => {
  it('tells an official with a country from an anonymous source, and counts them by kind', () => {
    const [f] = describeFraming(contextOf(NEWS), { mainActors: [], mainEvents: [] });
    const reld = f!.speakers.find((s) => s.name === 'Tomas Reld');
    expect(reld).toMatchObject({ kind: 'official', side: 'Velmar', named: true });
    const anon = f!.speakers.find((s) => !s.named);
    expect(anon).toMatchObject({ kind: 'anonymous', name: 'unnamed senior official' });
    expect(f!.speakerKinds).toMatchObject({ official: 1, anonymous: 1 });
    expect(f!.quotedSpeakers).toEqual(['Tomas Reld', 'unnamed senior official']);
  });

  /** The framing of one news article whose reported statements are given as [words, speaker as written, speaker span]. */
  const framingOfReported = (id: string, text: string, reported: [string, string, string][]) =>
    describeFraming(contextOf(makeDoc({
      id, kind: INFERRED_NEWS, text,
      quotes: reported.map(([words, speakerText, speakerAt]) => ({ text: words, speakerText, speakerAt, direct: false })),
    })), { mainActors: [], mainEvents: [] })[0]!;

  it('keeps the capitals of a short form, and does not take an official news agency for an unnamed official', () => {
    const f = framingOfReported('a_agency', 'A UN official said the shelters had opened a day too late.\n\nSome 300 boats were lost in the harbour, the country’s official news agency reported.', [
      ['the shelters had opened a day too late', 'A UN official', 'A UN official'],
      ['Some 300 boats were lost in the harbour', 'the country’s official news agency', 'the country’s official news agency'],
    ]);
    expect(f.speakers.map((s) => s.name)).toEqual(['unnamed UN official']);
  });

  it('counts each distinct unnamed source: authorities, a group of two kinds, writings without an author; not people at large', () => {
    const f = framingOfReported('a_unnamed', [
      'Port authorities said the pier would stay shut until June.',
      'Some economists and researchers said the pier had sagged for years.',
      'Some economists said repairs would take a season.',
      'Recent surveys suggest the harbour loses trade to its rival.',
      'Many people wondered why nobody had acted.',
    ].join('\n\n'), [
      ['the pier would stay shut until June', 'Port authorities', 'Port authorities'],
      ['the pier had sagged for years', 'unnamed economists', 'Some economists and researchers'],
      ['repairs would take a season', 'unnamed economists', 'Some economists'],
      ['the harbour loses trade to its rival', 'unnamed recent surveys', 'Recent surveys'],
      ['nobody had acted', 'Many people', 'Many people'],
    ]);
    expect(f.speakers.map((s) => [s.name, s.kind])).toEqual([
      ['unnamed port authorities', 'anonymous'],
      ['unnamed economists and researchers', 'anonymous'],
      ['unnamed economists', 'anonymous'],
      ['unnamed recent surveys', 'anonymous'],
    ]);
    expect(f.speakerKinds.anonymous).toBe(4);
  });

  it('counts a state\'s leadership speaking as one as a named source, not an anonymous one', () => {
    const f = framingOfReported('a_leaders', "Trade Talks\n\nFrance's leaders have said they will not sign the pact. France's leaders also said talks could resume.", [
      ['they will not sign the pact', 'leaders', "France's leaders"],
      ['talks could resume', "France's leaders", "France's leaders also"],
    ]);
    expect(f.speakers.map((s) => [s.name, s.named, s.kind])).toEqual([["France's leaders", true, 'official']]);
    expect(f.speakerKinds.anonymous ?? 0).toBe(0);
  });

  it('classes a named researcher as an analyst and notes a single anonymous source', () => {
    const doc = makeDoc({
      id: 'a_analyst',
      kind: INFERRED_NEWS,
      text: 'Prices rose again in March across the region.\n\nA political analyst said the rise would not last beyond the summer.',
      quotes: [{ text: 'the rise would not last beyond the summer', speakerText: 'A political analyst', speakerAt: 'A political analyst', direct: false }],
    });
    const [f] = describeFraming(contextOf(doc), { mainActors: [], mainEvents: [] });
    expect(f!.speakers[0]).toMatchObject({ kind: 'anonymous', name: 'unnamed political analyst' });
    expect(f!.notes).toContain('no named sources');
    expect(f!.notes.some((n) => n.startsWith('relies on a single anonymous source'))).toBe(true);

    const named = makeDoc({
      id: 'a_named',
      text: 'Dr. Lina Ferro, a senior research fellow at the Harbour Institute, said the rise would not last.',
      entities: [
        { text: 'Lina Ferro', type: 'PERSON', entity: 'e1' },
        { text: 'Harbour Institute', type: 'ORG', entity: 'e2' },
      ],
      quotes: [{ text: 'the rise would not last', speaker: 'e1', speakerAt: 'Dr. Lina Ferro, a senior research fellow at the Harbour Institute', cue: 'said', direct: false }],
    });
    const [g] = describeFraming(contextOf(named), { mainActors: [], mainEvents: [] });
    expect(g!.speakers[0]).toMatchObject({ name: 'Lina Ferro', kind: 'analyst', side: 'Harbour Institute' });
  });
});

describe('attribution', () => {
  it('measures the share of sentences attributed to named sources', () => {
    const a = measureAttribution(NEWS);
    expect(a.sentences).toBe(4);
    expect(a.named).toBe(2);
    expect(a.unnamed).toBe(1);
    const [f] = describeFraming(contextOf(NEWS), { mainActors: [], mainEvents: [] });
    expect(f!.attributedShare).toBe(0.5);
  });
});

describe('kind', () => {
  it('reads an unlabelled first-person argument as opinion, with the signals as evidence', () => {
    const doc = makeDoc({ id: 'a_op', kind: INFERRED_NEWS, text: OPINION_TEXT });
    const signals = readKindSignals(doc);
    expect(signals.firstPerson).toBeGreaterThanOrEqual(5);
    expect(signals.evaluative).toBeGreaterThanOrEqual(4);
    const [f] = describeFraming(contextOf(doc), { mainActors: [], mainEvents: [] });
    expect(f!.kind).toBe('opinion');
    // The reason in words a reader can check, without signal counts.
    expect(f!.kindEvidence).toMatch(/first person/);
    expect(f!.kindEvidence).not.toMatch(/×\d/);
  });

  it('reads numbered factors, sub-headings and hedged explanation as analysis', () => {
    const text = [
      'The dispute over the river has several causes that deserve attention.',
      'Internal factors:',
      '1- Pressure from farmers: This may reflect years of drought in the delta.',
      '2- Divided ministries: It can be said that the cabinet speaks with several voices.',
      '3- Elections: On the other hand, the vote in spring narrows the room for concessions.',
      'External factors:',
      'In this context, the neighbours may perhaps wait. It is worth noting that the treaty expired.',
      'In conclusion, the positions may converge if the rains return.',
    ].join('\n\n');
    const doc = makeDoc({ id: 'a_an', kind: INFERRED_NEWS, text });
    const [f] = describeFraming(contextOf(doc), { mainActors: [], mainEvents: [] });
    expect(f!.kind).toBe('analysis');
    expect(f!.notes[0]).toMatch(/^reads as analysis/);
  });

  it('does not overrule a kind the page states', () => {
    const doc = makeDoc({ id: 'a_lab', kind: { value: 'news', evidence: { source: 'json-ld', at: '@type', raw: 'NewsArticle' } }, text: OPINION_TEXT });
    const [f] = describeFraming(contextOf(doc), { mainActors: [], mainEvents: [] });
    expect(f!.kind).toBe('news');
    expect(f!.kindEvidence).toContain('json-ld');
  });

  it('keeps an unlabelled plain report as news', () => {
    const [f] = describeFraming(contextOf(NEWS), { mainActors: [], mainEvents: [] });
    expect(f!.kind).toBe('news');
  });
});

describe('coverage and notes', () => {
  it('lists the main actors and events an article leaves out, and the offices it gives people', () => {
    const other = makeDoc({
      id: 'a_other',
      text: 'Mara Quill, the president of Ostia, opened the new dam on Tuesday.',
      entities: [
        { text: 'Mara Quill', type: 'PERSON', entity: 'e1', titles: ['president'] },
        { text: 'Ostia', type: 'GPE', entity: 'e2' },
      ],
    });
    const ctx = contextOf(NEWS, other);
    const framing = describeFraming(ctx, { mainActors: ['Tomas Reld', 'Mara Quill'], mainEvents: [{ label: 'dam opening', keywords: ['dam', 'opened'] }] });
    expect(framing.map((f) => f.article)).toEqual(['a_news', 'a_other']);
    expect(framing[0]!.omits).toEqual(['does not mention Mara Quill', 'does not mention: dam opening']);
    expect(framing[0]!.omissions.map((o) => o.kind)).toEqual(['actor', 'event']);
    expect(framing[1]!.omits).toEqual(['does not mention Tomas Reld']);
    expect(framing[1]!.notes).toContain('names Mara Quill as president');
    expect(framing[1]!.notes).toContain('quotes no one');
  });

  it('shows a few of the sources of an event an article leaves out, not all of them', () => {
    const sources = Array.from({ length: 7 }, (_, i) => ({ article: `a_src${i}`, evidence: 'Mara Quill opened the dam.', start: 0, end: 26 }));
    const framing = describeFraming(contextOf(NEWS), { mainActors: [], mainEvents: [{ label: 'Mara Quill opened the dam', keywords: ['dam', 'opened'], sources }] });
    expect(framing[0]!.omissions).toHaveLength(1);
    expect(framing[0]!.omissions[0]!.sources!.map((s) => s.article)).toEqual(['a_src0', 'a_src1', 'a_src2']);
  });

  it('never says an article leaves out a country whose people it names ("the Libyan coast")', () => {
    const coast = makeDoc({ id: 'a_coast', text: 'The storm flooded the Libyan coast on Monday.' });
    const framing = describeFraming(contextOf(coast), { mainActors: ['Libya', 'Tomas Reld'], mainEvents: [] });
    expect(framing[0]!.omits).toEqual(['does not mention Tomas Reld']);
  });

  it('never says an article leaves out an event it reports in other words', () => {
    const other = makeDoc({ id: 'a_other', text: 'Mara Quill inaugurated the new barrage.', entities: [{ text: 'Mara Quill', type: 'PERSON', entity: 'e1' }] });
    const ctx = contextOf(NEWS, other);
    const framing = describeFraming(ctx, { mainActors: [], mainEvents: [{ label: 'Mara Quill opened the dam', keywords: ['dam', 'opened'], articles: ['a_other'], date: '2031-04-01' }] });
    expect(framing[1]!.omits).toEqual([]);
    expect(framing[0]!.omits).toEqual(['does not mention: Mara Quill opened the dam (1 April 2031)']);
  });
});
