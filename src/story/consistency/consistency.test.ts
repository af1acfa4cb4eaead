import { describe, expect, it } from 'vitest';
import { mergeEntities } from '../entities/index.js';
import type { StoryContext, TimelineEntry } from '../types.js';
import type { Doc } from '../../core/index.js';
import { extractNumbers, extractOfficeClaims, findContradictions, findQuoteVariants, findRoundedFigures, findSingleSourceClaims, samePersonName } from './index.js';
import { makeDoc } from './test-helpers.js';
import { samePersonNameKeys } from './text.js';
import { findScheduleContradictions } from './schedule-conflicts.js';

// Fictional story: the republic of Marvania, its leaders and a strike at the port of Lisk.
const ctxOf = (docs: Doc[]): StoryContext => ({ docs, entities: mergeEntities(docs) });

const a = makeDoc({
  id: 'a',
  published: '2031-05-10',
  text: 'Marvanian President Tomas Ekwall, who took office in June 2030, met the unions on Monday. On 3 May more than 12,000 dockers marched through Lisk. The port handles 800 containers per hour, the harbour authority said.',
  persons: ['Tomas Ekwall'],
  places: ['Marvania', 'Lisk'],
  times: [{ text: 'June 2030', value: '2030-06' }, { text: '3 May', value: '2031-05-03' }],
});
const b = makeDoc({
  id: 'b',
  published: '2031-05-11',
  text: 'President Tomas Ekwall said the port must reopen. About 2,000 people joined the march in Lisk on 3 May, police said. The port handles 800 containers per hour.',
  persons: ['Tomas Ekwall'],
  places: ['Lisk'],
  times: [{ text: '3 May', value: '2031-05-03' }],
});
const c = makeDoc({
  id: 'c',
  text: "Marvania's current president is Pia Lorentz, and the strike in Lisk tests her government. According to a study by the Harbour Institute, exports fell by 14% in 2030.",
  persons: ['Pia Lorentz'],
  places: ['Marvania', 'Lisk'],
  times: [{ text: '2030', value: '2030' }],
});

describe('office-holder contradictions', () => {
  it('reads title, current, since and former claims with their jurisdiction', () => {
    const claims = extractOfficeClaims(a, { jurisdictions: [['Marvania']] });
    expect(claims.map((x) => [x.status, x.title, x.jurisdiction, x.holderName, x.date])).toEqual([
      ['title', 'president', 'Marvania', 'Tomas Ekwall', null],
      ['since', 'president', 'Marvania', 'Tomas Ekwall', '2030-06'],
    ]);
    const cur = extractOfficeClaims(c, { jurisdictions: [['Marvania']] });
    expect(cur[0]).toMatchObject({ status: 'current', title: 'president', jurisdiction: 'Marvania', holderName: 'Pia Lorentz' });
  });

  it('finds one source naming another current holder than the sources that date the holder’s start before it', () => {
    const found = findContradictions(ctxOf([a, b, c])).filter((x) => x.kind === 'office-holder');
    expect(found).toHaveLength(1);
    const [lorentz, ekwall] = found[0]!.sides;
    expect(found[0]!.claim).toBe('President of Marvania (at time of writing)');
    expect(lorentz).toMatchObject({ value: 'Pia Lorentz', articles: ['c'] });
    expect(lorentz!.evidence).toContain("current president is Pia Lorentz");
    expect(ekwall!.value).toBe('Tomas Ekwall');
    expect([...ekwall!.articles].sort()).toEqual(['a', 'b']);
    expect(ekwall!.evidence).toContain('who took office in June 2030');
  });

  it('does not contradict a current holder with someone who took office after the article', () => {
    const early = makeDoc({ id: 'e', published: '2029-01-01', text: "Marvania's current president is Pia Lorentz.", persons: ['Pia Lorentz'], places: ['Marvania'] });
    expect(findContradictions(ctxOf([a, early])).filter((x) => x.kind === 'office-holder')).toEqual([]);
  });

  it('does not read a former title or a title alone as a contradiction', () => {
    const former = makeDoc({ id: 'f', published: '2031-05-12', text: 'Former President Pia Lorentz criticised the strike. President Tomas Ekwall did not answer.', persons: ['Pia Lorentz', 'Tomas Ekwall'] });
    const other = makeDoc({ id: 'g', published: '2031-05-12', text: 'President Pia Lorentz spoke in Lisk.', persons: ['Pia Lorentz'], places: ['Lisk'] });
    expect(findContradictions(ctxOf([former, other, b])).filter((x) => x.kind === 'office-holder')).toEqual([]);
  });
});

describe('number contradictions', () => {
  it('extracts figures with their units and skips dates', () => {
    expect(extractNumbers(a).map((n) => [n.written, n.unit])).toEqual([
      ['more than 12,000', 'docker'],
      ['800', 'container per hour'],
    ]);
    expect(extractNumbers(c).map((n) => [n.written, n.unit])).toEqual([['14%', '%']]);
  });

  it('reads units glued to the figure, and no count in a figure that modifies a noun', () => {
    const d = makeDoc({ id: 'd', text: 'The 64-year-old minister said the storm dropped more than 300mm of rain and the river rose along a 12km stretch. The tariffs on 9 goods stay.' });
    expect(extractNumbers(d).map((n) => [n.written, n.unit])).toEqual([
      ['more than 300mm', 'millimeter'],
      ['12km', 'kilometer'],
      ['9', 'good'],
    ]);
  });

  it('finds the same march counted differently, and agrees on the same figure', () => {
    const numbers = findContradictions(ctxOf([a, b, c])).filter((x) => x.kind === 'number');
    expect(numbers).toHaveLength(1);
    expect(numbers[0]!.sides.map((s) => [s.value, s.articles])).toEqual(
      expect.arrayContaining([['more than 12,000', ['a']], ['About 2,000', ['b']]]),
    );
  });

  it('compares a death toll however it is worded, and says when one side is an earlier figure', () => {
    const x = makeDoc({ id: 'x', text: 'The death toll in the port town of Velmar has soared to 4,300 as the search goes on, the relief agency said.', places: ['Velmar'] });
    const y = makeDoc({ id: 'y', text: 'At least 1,900 people are presumed dead in Velmar after the dam burst. Officials previously put the death toll at 2,100.', places: ['Velmar'] });
    const found = findContradictions(ctxOf([x, y])).filter((c) => c.kind === 'number');
    expect(found).toHaveLength(1);
    expect(found[0]!.claim).toMatch(/^Death toll: /);
    expect(found[0]!.claim).toContain('earlier figure');
    expect(found[0]!.sides.map((s) => s.value)).toEqual(expect.arrayContaining(['4,300', 'At least 1,900', '2,100 (earlier figure)']));
  });

  it('does not call a rounded figure a contradiction', () => {
    const x = makeDoc({ id: 'x', text: 'The death toll in Velmar rose to 4,300, the agency said.', places: ['Velmar'] });
    const y = makeDoc({ id: 'y', text: 'More than 4,310 people are dead in Velmar, officials said.', places: ['Velmar'] });
    expect(findContradictions(ctxOf([x, y])).filter((c) => c.kind === 'number')).toEqual([]);
  });

  it('says a figure given at two precisions is rounding, never a conflict', () => {
    const x = makeDoc({ id: 'x', text: 'Turnout in the Velmar referendum reached 61% of registered voters, the electoral board said.', places: ['Velmar'] });
    const y = makeDoc({ id: 'y', text: 'The electoral board put turnout in the Velmar referendum at 61.4% of registered voters.', places: ['Velmar'] });
    const ctx = ctxOf([x, y]);
    expect(findContradictions(ctx)).toEqual([]);
    const rounded = findRoundedFigures(ctx);
    expect(rounded).toHaveLength(1);
    expect(rounded[0]!.kind).toBe('rounding');
    expect(rounded[0]!.claim).toMatch(/61% and 61\.4% \(the same figure rounded, not a conflict\)$/);
    expect(rounded[0]!.sides.map((s) => [s.value, s.articles])).toEqual([['61%', ['x']], ['61.4%', ['y']]]);
  });

  it('does not call one figure written the same way, or one article\'s two figures, rounding', () => {
    const x = makeDoc({ id: 'x', text: 'Turnout in the Velmar referendum reached 61% of registered voters, the electoral board said.', places: ['Velmar'] });
    const y = makeDoc({ id: 'y', text: 'The electoral board put turnout in the Velmar referendum at 61% of registered voters, up from 61.4% of registered voters in 2029.', places: ['Velmar'] });
    expect(findRoundedFigures(ctxOf([x, y]))).toEqual([]);
  });

  it('says which figure is the other rounded when it sets two different figures apart', () => {
    const x = makeDoc({ id: 'x', text: 'The death toll in Velmar rose to 4,300, the agency said.', places: ['Velmar'] });
    const y = makeDoc({ id: 'y', text: 'More than 4,310 people are dead in Velmar, officials said.', places: ['Velmar'] });
    const z = makeDoc({ id: 'z', text: 'The death toll in Velmar rose to 2,000, the ministry said.', places: ['Velmar'] });
    const found = findContradictions(ctxOf([x, y, z])).filter((c) => c.kind === 'number');
    expect(found).toHaveLength(1);
    expect(found[0]!.sides.map((s) => s.value).join(' | ')).toMatch(/elsewhere: the same figure rounded/);
    expect(found[0]!.sides).toHaveLength(2);
  });

  it('keeps a projection apart from a count', () => {
    const x = makeDoc({ id: 'x', text: 'The death toll in Velmar could reach 9,000, the mayor said.', places: ['Velmar'] });
    const y = makeDoc({ id: 'y', text: 'The death toll in Velmar rose to 4,300, the agency said.', places: ['Velmar'] });
    expect(findContradictions(ctxOf([x, y])).filter((c) => c.kind === 'number')).toEqual([]);
  });

  it('keeps figures of different things apart', () => {
    const x = makeDoc({ id: 'x', text: 'The dam holds 300 cubic metres of silt near Lisk.', places: ['Lisk'] });
    const y = makeDoc({ id: 'y', text: 'Farmers in the south use 90 litres of diesel a week.', places: [] });
    expect(findContradictions(ctxOf([x, y]))).toEqual([]);
  });
});

describe('affiliation contradictions', () => {
  it('finds one person given one role at two different bodies by two outlets', () => {
    const x = makeDoc({ id: 'x', text: 'The toll rose, the Velmar Relief Society said. Oda Brann, the aid group’s secretary-general, spoke by phone.', persons: ['Oda Brann'] });
    const y = makeDoc({ id: 'y', text: 'Oda Brann, the Northern Harbour Federation secretary-general, spoke by phone.', persons: ['Oda Brann'] });
    for (const d of [x, y]) {
      const name = d.id === 'x' ? 'Velmar Relief Society' : 'Northern Harbour Federation';
      const at = d.text.indexOf(name);
      (d.layers.entityIndex as { id: string; name: string; type: string }[]).push({ id: 'o1', name, type: 'ORG' });
      (d.layers.entities as { start: number; end: number; type: string; entity: string; form: string }[]).push({ start: at, end: at + name.length, type: 'ORG', entity: 'o1', form: 'name' });
      (d.layers.entities as { start: number }[]).sort((p, q) => p.start - q.start);
    }
    const found = findContradictions(ctxOf([x, y])).filter((c) => c.claim.includes('organisation'));
    expect(found).toHaveLength(1);
    expect(found[0]!.sides.map((side) => side.value).sort()).toEqual(['secretary-general of Northern Harbour Federation', 'secretary-general of Velmar Relief Society']);
  });
});

describe('quote variants', () => {
  it('groups one statement worded differently by two outlets, and not identical quotes', () => {
    const q1 = makeDoc({ id: 'q1', text: 'Ekwall said: “The port is not a bargaining chip and never will be. No crane belongs to one party,” in Lisk.', persons: ['Ekwall'], quotes: [{ text: 'The port is not a bargaining chip and never will be. No crane belongs to one party,', speaker: 'Ekwall' }] });
    const q2 = makeDoc({ id: 'q2', text: 'Tomas Ekwall said: “The port will never be used as a bargaining chip. No crane belongs to one party alone.”', persons: ['Tomas Ekwall'], quotes: [{ text: 'The port will never be used as a bargaining chip. No crane belongs to one party alone.', speaker: 'Tomas Ekwall' }] });
    const q3 = makeDoc({ id: 'q3', text: 'Tomas Ekwall said: “The port will never be used as a bargaining chip. No crane belongs to one party alone.”', persons: ['Tomas Ekwall'], quotes: [{ text: 'The port will never be used as a bargaining chip. No crane belongs to one party alone.', speaker: 'Tomas Ekwall' }] });
    const variants = findQuoteVariants(ctxOf([q1, q2, q3]));
    expect(variants).toHaveLength(1);
    expect(variants[0]!.speaker).toBe('Tomas Ekwall');
    expect(variants[0]!.forms.map((f) => f.article).sort()).toEqual(['q1', 'q2', 'q3']);
    expect(findQuoteVariants(ctxOf([q2, q3]))).toEqual([]);
  });

  it('groups a near-identical short quote whose speaker was not resolved, with a note', () => {
    const long = makeDoc({ id: 'l', text: 'Pia Lorentz told the dockers: “We will not be ordered around. Do whatever the hell you want.”', persons: ['Pia Lorentz'], quotes: [{ text: 'We will not be ordered around. Do whatever the hell you want.', speaker: 'Pia Lorentz' }] });
    const short = makeDoc({ id: 's', text: 'The reply was blunt: “Do whatever you want.”', quotes: [{ text: 'Do whatever you want.' }] });
    const variants = findQuoteVariants(ctxOf([long, short]));
    expect(variants).toHaveLength(1);
    expect(variants[0]).toMatchObject({ speaker: 'Pia Lorentz' });
    expect(variants[0]!.note).toMatch(/not resolved/);
  });
});

describe('single-source claims', () => {
  it('flags the attributed statistic only one article gives, not figures other articles share', () => {
    const claims = findSingleSourceClaims(ctxOf([a, b, c]));
    const stats = claims.filter((x) => x.kind === 'statistic');
    expect(stats.map((s) => s.article)).toEqual(['c']);
    expect(stats[0]!.evidence).toContain('exports fell by 14% in 2030');
  });

  it('flags a sentence once, even when it holds two figures or the page repeats it', () => {
    const repeated = 'The flood destroyed at least 640 homes and 12,000 tonnes of grain, the Velmar news agency reported.';
    const d = makeDoc({ id: 'd', text: `${repeated} Rescuers searched all night. ${repeated} Only 3 bridges stand.`, places: ['Velmar'] });
    const stats = findSingleSourceClaims(ctxOf([d, b])).filter((x) => x.kind === 'statistic' && x.article === 'd');
    expect(stats.filter((s) => s.evidence === repeated)).toHaveLength(1);
  });

  it('does not flag a large figure another article writes alike under other words, nor a small count nobody is named for', () => {
    const e = makeDoc({ id: 'e', text: 'The unions want 1,500 new hires in Lisk. Only 3 cranes still work.', places: ['Lisk'] });
    const f = makeDoc({ id: 'f', text: 'Talks in Lisk turned on a plan for 1,500 jobs.', places: ['Lisk'] });
    expect(findSingleSourceClaims(ctxOf([e, f])).filter((x) => x.kind === 'statistic')).toEqual([]);
  });

  it('flags a figure whose range only overlaps another article’s different figure ("more than 9,000" is not "at least 2,100")', () => {
    const g = makeDoc({ id: 'g', text: 'The storm left more than 9,000 people homeless in Brask, according to the relief agency.', places: ['Brask'] });
    const h = makeDoc({ id: 'h', text: 'In Brask at least 2,100 people died in the storm.', places: ['Brask'] });
    const stats = findSingleSourceClaims(ctxOf([g, h])).filter((x) => x.kind === 'statistic');
    expect(stats.map((x) => x.article)).toEqual(['g']);
  });

  it('gives one speaker’s quotes in one article as one claim: the first, where the article names the speaker', () => {
    const text = 'Harbour pilot Edda Rusk said: “The channel silted up faster than anyone had measured before.” Later she added: “We are sounding the channel every single morning now to be safe.”';
    const i = makeDoc({ id: 'i', text, persons: ['Edda Rusk'], quotes: [
      { text: 'The channel silted up faster than anyone had measured before.', speaker: 'Edda Rusk' },
      { text: 'We are sounding the channel every single morning now to be safe.', speaker: 'Edda Rusk' },
    ] });
    const j = makeDoc({ id: 'j', text: 'Ships waited outside the harbour.' });
    const quotes = findSingleSourceClaims(ctxOf([i, j])).filter((x) => x.kind === 'quote');
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.evidence).toContain('silted up');
  });

  describe('dated events one article alone tells', () => {
    const k = makeDoc({ id: 'k', published: '2032-05-20', text: 'Minister Arvo Tamm resigned on 3 May 2032. Arvo Tamm said on 4 May 2032 that the port would close. Arvo Tamm spoke today.', persons: ['Arvo Tamm'] });
    const l = makeDoc({ id: 'l', published: '2032-05-21', text: 'The harbour of Selby is quiet. Arvo Tamm spoke to dockers.', persons: ['Arvo Tamm'] });
    const m = makeDoc({ id: 'm', published: '2032-05-21', text: 'Arvo Tamm resigned from the cabinet, officials confirmed.', persons: ['Arvo Tamm'] });
    const entry = (doc: Doc, sentence: string, date: string, summary: string, action = 'resign'): TimelineEntry => {
      const start = doc.text.indexOf(sentence);
      return { date, actors: ['Arvo Tamm'], action, summary, sources: [{ article: doc.id, evidence: sentence, start, end: start + sentence.length, reported: doc.meta.published!.value, date }] };
    };
    const timeline = [
      entry(k, 'Minister Arvo Tamm resigned on 3 May 2032.', '2032-05-03', 'Arvo Tamm resigned from the ministry'),
      entry(k, 'Arvo Tamm said on 4 May 2032 that the port would close.', '2032-05-04', 'Arvo Tamm said that the port would close', 'statement'),
      entry(k, 'Arvo Tamm spoke today.', '2032-05-20', 'Arvo Tamm spoke about plans', 'statement'),
    ];

    it('flags an event with its doer and date that no other article tells, and a statement apart from the facts', () => {
      const claims = findSingleSourceClaims(ctxOf([k, l]), timeline).filter((x) => x.kind === 'event' || x.kind === 'statement');
      expect(claims.map((x) => [x.kind, x.claim])).toEqual([['event', 'Arvo Tamm resigned from the ministry'], ['statement', 'Arvo Tamm said that the port would close']]);
    });

    it('does not flag a plan set for after the article was published as an event to check', () => {
      const p = makeDoc({ id: 'p', published: '2032-05-20', text: 'Minister Arvo Tamm vowed to answer the strike with port levies set to begin on 1 June 2032.', persons: ['Arvo Tamm'] });
      const planned = entry(p, p.text, '2032-06-01', 'Arvo Tamm: port levies set to begin', 'begin');
      expect(findSingleSourceClaims(ctxOf([p, l]), [planned]).filter((x) => x.kind === 'event')).toEqual([]);
      const done = entry(p, p.text, '2032-05-01', 'Arvo Tamm: port levies set to begin', 'begin');
      expect(findSingleSourceClaims(ctxOf([p, l]), [done]).filter((x) => x.kind === 'event')).toHaveLength(1);
    });

    it('does not flag an event another article tells of the same doer in other words', () => {
      const claims = findSingleSourceClaims(ctxOf([k, m]), timeline).filter((x) => x.kind === 'event');
      expect(claims).toEqual([]);
    });
  });
});

describe('whether a date is fixed yet', () => {
  const set = makeDoc({ id: 's1', text: 'Port officials said the date for the planned ferry handover has been set, but would not give it.' });
  const open = makeDoc({ id: 's2', text: 'The exact date of the handover would be announced later, the harbour board said.' });
  const both = makeDoc({ id: 's3', text: 'The date of the handover has been set. Its date of the handover will be announced later in public.' });
  const other = makeDoc({ id: 's4', text: 'The date for the council vote has not yet been set.' });

  it('sets a date said to be fixed against the same thing’s date said to come later, each side with its words', () => {
    const [c, ...rest] = findScheduleContradictions(ctxOf([set, open]));
    expect(rest).toEqual([]);
    expect(c!.kind).toBe('schedule');
    expect(c!.claim).toBe('Whether the date of the handover is set');
    expect(c!.sides.map((s) => [s.value, s.articles])).toEqual([['date set', ['s1']], ['date not set yet', ['s2']]]);
    expect(c!.sides[0]!.evidence).toBe('date for the planned ferry handover has been set');
    expect(c!.sides[1]!.evidence).toBe('date of the handover would be announced later');
  });

  it('finds nothing between different things, nor in an article that says both', () => {
    expect(findScheduleContradictions(ctxOf([set, other]))).toEqual([]);
    expect(findScheduleContradictions(ctxOf([both, open]))).toEqual([]);
  });
});

describe('samePersonName', () => {
  it('accepts transliterations and surnames, not different people', () => {
    expect(samePersonName('Elena Bashkova', 'Ilena Pashkova')).toBe(true);
    expect(samePersonName('Tomas Ekwall', 'Ekwall')).toBe(true);
    expect(samePersonName('Tomas Ekwall', 'Pia Lorentz')).toBe(false);
    expect(samePersonName('Anna Berg', 'Anna Lund')).toBe(false);
  });
});

describe('samePersonNameKeys', () => {
  // Fictional names: spellings that samePersonName takes as one person, and ones it keeps apart.
  const names = ['Ilena Pashkova', 'Elena Bashkova', 'Ilena Paskova', 'Pashkova', 'Bashkova', 'Oda Lind', 'Oda Linde', 'Lind', 'Kai Moss',
    'Kai Mos', 'Karl Moss', 'Jon Vell', 'John Vell', 'Vell', 'Ana María Roque', 'Ana Maria Roque', 'Roque', 'Pell Arno', 'Pel Arno', 'Arno', 'Kasimir Oltenvald', 'Kazimir Oltenwald'];

  it('gives every pair of names samePersonName matches a key in common (one name indexed, the other asked)', () => {
    for (const a of names) {
      for (const b of names) {
        if (!samePersonName(a, b)) continue;
        const indexed = new Set(samePersonNameKeys(a).indexKeys);
        expect(samePersonNameKeys(b).queryKeys.some((k) => indexed.has(k)), `${a} ~ ${b}`).toBe(true);
      }
    }
  });
});
