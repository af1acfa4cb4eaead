import { describe, expect, it } from 'vitest';
import { createPipeline, type Doc } from '../../core/index.js';
import { findQuotes, quotes, type Quote } from './index.js';
import { findMarkedSpans } from './marks.js';

// Fictional sentences written for these tests.
const said = (text: string, q: Quote): string => text.slice(q.start, q.end);
const who = (text: string, q: Quote): string | undefined => (q.speakerSpan ? text.slice(q.speakerSpan.start, q.speakerSpan.end) : undefined);
const cueOf = (text: string, q: Quote): string | undefined => (q.cue ? text.slice(q.cue.start, q.cue.end) : undefined);
function only(text: string, opts?: Parameters<typeof findQuotes>[1]): Quote {
  const qs = findQuotes(text, opts);
  expect(qs).toHaveLength(1);
  return qs[0]!;
}

describe('direct quotes', () => {
  it('takes the speaker after the quote: “…,” X said.', () => {
    const t = '“The bridge will reopen in May,” Lena Ortiz said.';
    const q = only(t);
    expect(said(t, q)).toBe('The bridge will reopen in May,');
    expect(q.direct).toBe(true);
    expect(who(t, q)).toBe('Lena Ortiz');
    expect(cueOf(t, q)).toBe('said');
  });

  it('reads two straight apostrophes as a double quote mark: \'\'…,\'\' said X (an apostrophe inside stays a letter)', () => {
    const t = "''We don't expect the ferries to run before May,'' said Tomas Brandt, the harbour minister.";
    const q = only(t);
    expect(said(t, q)).toBe("We don't expect the ferries to run before May,");
    expect(q.direct).toBe(true);
    expect(who(t, q)).toBe('Tomas Brandt, the harbour minister');
    expect(findMarkedSpans("He called it ''a slow disaster'' for the valley.").map((m) => [m.open, m.close])).toEqual([[13, 32]]);
  });

  it('takes the speaker after a cue that opens the sentence: Said X: “…”', () => {
    const t = 'Said Brandt: “I see no sign the owners want a deal before May.”';
    const q = only(t);
    expect(q.direct).toBe(true);
    expect(who(t, q)).toBe('Brandt');
  });

  it('takes an inverted speaker with an appositive: “…,” said X, the minister.', () => {
    const t = '"We have no intention of leaving," said Tomas Brandt, the harbour minister.';
    const q = only(t);
    expect(who(t, q)).toBe('Tomas Brandt, the harbour minister');
  });

  it('takes the speaker before the quote: X told reporters, “…”', () => {
    const t = 'Mayor Ines Kovac told reporters, “Nobody will lose their home.”';
    const q = only(t);
    expect(said(t, q)).toBe('Nobody will lose their home.');
    expect(who(t, q)).toBe('Mayor Ines Kovac');
    expect(cueOf(t, q)).toBe('told');
  });

  it('takes X said: and X stated, and pronoun + "he added"', () => {
    const t = 'The engineer Paul Weiss said: “The dam is safe.” Later he added, “We checked it twice.”';
    const qs = findQuotes(t).filter((q) => q.direct);
    expect(qs.map((q) => who(t, q))).toEqual(['The engineer Paul Weiss', 'he']);
    expect(qs[1]!.speakerText).toBe('Paul Weiss');
  });

  it('finds a quote introduced by "she notes that" with the pronoun resolved to the last named speaker', () => {
    const t = 'According to Dr. Mara Lind, an economist at Westbay College, the harvest failed. In her report, she notes that “prices will stay high through the winter.”';
    const q = findQuotes(t).find((x) => x.direct)!;
    expect(said(t, q)).toBe('prices will stay high through the winter.');
    expect(who(t, q)).toBe('she');
    expect(q.speakerText).toContain('Mara Lind');
  });

  it('describes an unnamed speaker: "a prominent fisheries analyst … stating, “…”"', () => {
    const t = 'A recent post from a prominent fisheries analyst mocked the plan, stating, “Quotas without boats mean nothing. The fleet is gone.”';
    const q = findQuotes(t).find((x) => x.direct)!;
    expect(who(t, q)).toBe('a prominent fisheries analyst');
    expect(q.speakerText).toBe('unnamed prominent fisheries analyst');
    expect(cueOf(t, q)).toBe('stating');
  });

  it('continues a quote over paragraphs when the next paragraph reopens the marks', () => {
    const t = '“The first phase is finished,” said Ana Ruiz.\n\n“The second phase starts next year. We have the money.\n\n“The third phase depends on the council.”';
    const marks = findMarkedSpans(t);
    expect(marks.map((m) => t.slice(m.start, m.end))).toEqual([
      'The first phase is finished,',
      'The second phase starts next year. We have the money.\n\n“The third phase depends on the council.',
    ]);
    const qs = findQuotes(t);
    expect(qs).toHaveLength(2);
    expect(qs[1]!.speakerText).toBe('Ana Ruiz');
  });

  it('pairs mixed and guillemet marks', () => {
    const t = '«Nous restons ici», said Claire Dumas. “We will not move," Jon Hale said.';
    const qs = findQuotes(t);
    expect(qs.map((q) => said(t, q))).toEqual(['Nous restons ici', 'We will not move,']);
    expect(qs.map((q) => who(t, q))).toEqual(['Claire Dumas', 'Jon Hale']);
  });

  it('keeps a partial quote governed by a cue and a speaker', () => {
    const t = 'Governor Lisa Moreau described the flooding as a “slow disaster” for the valley.';
    const q = findQuotes(t).find((x) => x.direct)!;
    expect(said(t, q)).toBe('slow disaster');
    expect(who(t, q)).toBe('Governor Lisa Moreau');
  });

  it('keeps adjective partial quotes inside reported speech', () => {
    const t = 'Chancellor Omar Reyes said a deal under these terms would be “reckless” and “not serious.”';
    const direct = findQuotes(t).filter((q) => q.direct);
    expect(direct.map((q) => said(t, q))).toEqual(['reckless', 'not serious.']);
    expect(direct.every((q) => who(t, q) === 'Chancellor Omar Reyes')).toBe(true);
  });
});

describe('quotes signed on their own line and transcript turns', () => {
  it('gives a quote closed by a dash and a name on its line to that name', () => {
    const t = 'Readers wrote to us about the ferry.\n“The ferry is always late and nobody cares.” ― Mira Dalen\n“I take the bus now, it is quicker.”― Tom Weil.\n\nThe port said nothing.';
    const qs = findQuotes(t).filter((q) => q.direct);
    expect(qs.map((q) => [said(t, q), who(t, q)])).toEqual([
      ['The ferry is always late and nobody cares.', 'Mira Dalen'],
      ['I take the bus now, it is quicker.', 'Tom Weil'],
    ]);
  });

  it('reads "NAME: words" paragraphs of a transcript as the named speaker\'s words, and a lone capitalised label as none', () => {
    const t = 'The interview aired on Sunday.\n\n"HOST: Let us start with the ferry strike. Will the boats run on Monday?\n\n"PELL: Well, look, the boats will run, and the crews know it.\n\nUPDATE: The strike ended on Tuesday after a vote.';
    const qs = findQuotes(t);
    expect(qs.map((q) => [said(t, q), who(t, q)])).toEqual([
      ['Let us start with the ferry strike. Will the boats run on Monday?', 'HOST'],
      ['Well, look, the boats will run, and the crews know it', 'PELL'],
    ]);
    const single = 'NOTICE: The ferry office will close early on Friday for repairs.';
    expect(findQuotes(single)).toEqual([]);
  });
});

describe('not quotes', () => {
  it('ignores scare quotes and coined terms with no speaker', () => {
    const t = 'The “green corridor” policy failed. Critics of the doctrine of "calculated silence" were few.';
    expect(findQuotes(t).filter((q) => q.direct)).toEqual([]);
  });

  it('ignores outlet and platform names and titles even next to a cue', () => {
    const t = 'Mara Lind stated in an interview with the “Harbour Voice” newspaper that the port would close. She wrote an essay titled “Who Pays for the Port?” last year. The ministry posted on the “Quill” platform that talks had ended.';
    const texts = findQuotes(t).filter((q) => q.direct).map((q) => said(t, q));
    expect(texts).toEqual([]);
  });

  it('ignores a quoted term preceded by "the" inside reported speech', () => {
    const t = 'Reyes said that the country adopted the “open harbour” doctrine after the war.';
    const qs = findQuotes(t);
    expect(qs.filter((q) => q.direct)).toEqual([]);
    expect(qs.map((q) => said(t, q))).toEqual(['the country adopted the “open harbour” doctrine after the war']);
  });
});

describe('reported speech', () => {
  it('reads an attribution set off by commas inside the sentence: the clause after it is what was said', () => {
    const t = 'Beyond the new levy, said Ana Oresk, the ministry will close three ports to foreign ships.';
    const q = only(t);
    expect(said(t, q)).toBe('the ministry will close three ports to foreign ships');
    expect(q.direct).toBe(false);
    expect(who(t, q)).toBe('Ana Oresk');
  });

  it('makes no second, reported record of a clause that says no more than the quote it holds', () => {
    const t = 'The crowd cheered as Ana Oresk vowed that the tolls would "make Corvel wealthy again."';
    const q = only(t);
    expect(q.direct).toBe(true);
    expect(said(t, q)).toBe('make Corvel wealthy again.');
  });

  it('keeps the reported clause when it says more than its quote', () => {
    const t = 'Ana Oresk vowed that the new harbour tolls, which the board rejected in May, would "make Corvel wealthy again."';
    expect(findQuotes(t).filter((q) => !q.direct).map((q) => said(t, q))).toEqual(['the new harbour tolls, which the board rejected in May, would "make Corvel wealthy again."']);
  });

  it('keeps a relative clause after an inverted speaker as part of the speaker, not as the words said', () => {
    const t = 'The harbour tax hurts every fisherman in the region, said Tomas Brandt, whose party was founded by dockworkers.';
    const q = only(t);
    expect(said(t, q)).toBe('The harbour tax hurts every fisherman in the region');
    expect(who(t, q)).toBe('Tomas Brandt, whose party was founded by dockworkers');
  });

  it('X said (that) …', () => {
    const t = 'Lena Ortiz said that the bridge would reopen in May. Jon Hale said the tolls would rise.';
    const qs = findQuotes(t);
    expect(qs.map((q) => [said(t, q), who(t, q), q.direct])).toEqual([
      ['the bridge would reopen in May', 'Lena Ortiz', false],
      ['the tolls would rise', 'Jon Hale', false],
    ]);
  });

  it('X told Y that …, and X, an appositive, stated in an interview … that …', () => {
    const t = 'Ines Kovac told the council that repairs were finished. Paul Weiss, a member of the water board, stated in an interview with a local paper on Monday, that the pipes were old.';
    const qs = findQuotes(t);
    expect(qs.map((q) => said(t, q))).toEqual(['repairs were finished', 'the pipes were old']);
    expect(who(t, qs[1]!)).toBe('Paul Weiss, a member of the water board');
  });

  it('according to X, … and …, according to X', () => {
    const t = 'According to the port authority, traffic fell by a third. Exports rose in the spring, according to Ana Ruiz.';
    const qs = findQuotes(t);
    expect(qs.map((q) => [said(t, q), who(t, q), cueOf(t, q)])).toEqual([
      ['traffic fell by a third', 'the port authority', 'According to'],
      ['Exports rose in the spring', 'Ana Ruiz', 'according to'],
    ]);
  });

  it('…, he said. with the clause before the speaker', () => {
    const t = 'Reyes arrived late. The talks will resume next week, he said.';
    const q = only(t);
    expect(said(t, q)).toBe('The talks will resume next week');
    expect(who(t, q)).toBe('he');
    expect(q.speakerText).toBe('Reyes');
  });

  it('warned / insisted / denied that …', () => {
    const t = 'The mayor warned that the river could flood. Ortiz insisted that nothing had changed. The company denied that it had cut jobs.';
    expect(findQuotes(t).map((q) => said(t, q))).toEqual(['the river could flood', 'nothing had changed', 'it had cut jobs']);
  });
});

describe('speaker resolution with entities', () => {
  const t = 'Lena Ortiz met the board on Monday. Later she said the budget was final. “We are done,” the spokesperson said.';
  const entities = [
    { start: 0, end: 10, type: 'PERSON', entity: 'e1' },
    { start: 15, end: 24, type: 'ORG', entity: 'e2' },
    { start: t.indexOf('the spokesperson'), end: t.indexOf('the spokesperson') + 16, type: 'PERSON', entity: 'e3' },
  ];

  it('resolves a pronoun to the latest compatible PERSON and a role to the entity covering it', () => {
    const qs = findQuotes(t, { entities });
    expect(qs.map((q) => q.speaker)).toEqual(['e1', 'e3']);
  });

  it('runs as a pipeline stage reading the entities layer', () => {
    const doc = { id: 'd1', text: t, meta: {}, source: {}, layers: { entities }, messages: [] } as unknown as Doc;
    const out = createPipeline([quotes()]).run(doc);
    expect(out.layers.quotes?.map((q) => q.speaker)).toEqual(['e1', 'e3']);
    for (const q of out.layers.quotes ?? []) {
      expect(q.start).toBeGreaterThanOrEqual(0);
      expect(q.end).toBeLessThanOrEqual(t.length);
    }
  });
});

describe('pronoun speakers with entities: salience and gender', () => {
  const mention = (t: string, name: string, entity: string, from = 0) => {
    const start = t.indexOf(name, from);
    return { start, end: start + name.length, type: 'PERSON', entity };
  };
  const directSpeaker = (t: string, entities: ReturnType<typeof mention>[]) => findQuotes(t, { entities }).find((q) => q.direct)?.speaker;

  it('takes the named source of the previous sentence over a possessive named after it', () => {
    const t = 'According to Dr. Mara Lind, an economist at Westbay College, Tomas Brandt’s plan is weak. In her report, she notes that “prices will stay high through the winter.”';
    expect(directSpeaker(t, [mention(t, 'Mara Lind', 'lind'), mention(t, 'Tomas Brandt', 'brandt')])).toBe('lind');
  });

  it('takes the person the sentence is about over a possessive nearer the pronoun', () => {
    const t = 'This was backed by remarks from Mayor Ines Kovac on Friday in reply to Jon Hale’s letter, where she refused to move, saying, “Do what you like.”';
    expect(directSpeaker(t, [mention(t, 'Ines Kovac', 'kovac'), mention(t, 'Jon Hale', 'hale')])).toBe('kovac');
  });

  it('skips a person whose first name or pronouns show another gender', () => {
    const t = 'Paul Weiss met Ana Ruiz at the harbour on Monday. “We will not sell the port,” she said.';
    expect(directSpeaker(t, [mention(t, 'Paul Weiss', 'weiss'), mention(t, 'Ana Ruiz', 'ruiz')])).toBe('ruiz');
    const u = 'Dr. Kim Moss met Dr. Lee Park at the harbour on Monday. Kim Moss said his team was ready. “We will not sell the port,” she said.';
    const ents = [mention(u, 'Kim Moss', 'moss'), mention(u, 'Lee Park', 'park'), mention(u, 'Kim Moss', 'moss', u.indexOf('Monday'))];
    expect(directSpeaker(u, ents)).toBe('park');
  });
});


describe('who the speaker is (fictional sentences)', () => {
  it('reads a paragraph closed by a dash attribution ("… - Oresk said.") as her direct quote', () => {
    const t = 'The harbour talks ended on Monday.\n\nWe have agreed to reopen the ferry line. The details will follow next week - Oresk said.\n\nThe board meets again in May.';
    const q = findQuotes(t).find((x) => x.direct);
    expect(q && t.slice(q.start, q.end)).toBe('We have agreed to reopen the ferry line. The details will follow next week');
    expect(who(t, q!)).toBe('Oresk');
  });

  it('gives a quoted subheading that echoes a later quote the speaker of that quote, not the previous speaker', () => {
    const t = '“The port stays open,” Jon Hale said on Monday.\n\n“Not on these terms”\n\nAna Oresk said the city would keep talking. “We want a deal, but not on these terms,” Oresk said.';
    const heading = findQuotes(t).find((q) => q.direct && t.slice(q.start, q.end) === 'Not on these terms');
    expect(heading).toBeDefined();
    expect(who(t, heading!)).toBe('Oresk');
  });

  it('gives a quote after a label naming its source right before the colon ("Words from Okafor: “…”") to that source', () => {
    const t = 'Details: The harbour board met on Monday.\nWords from Okafor: "The ferries will run again before the winter storms arrive."';
    const q = only(t);
    expect(q.direct).toBe(true);
    expect(who(t, q)).toBe('Okafor');
  });

  it('takes the official, not the place of its prepositional tail, as the speaker', () => {
    const t = 'A Veskarian official in the port city of Corvel has told journalists that the toll could reach 900.';
    const q = only(t);
    expect(q.speakerText).toMatch(/^unnamed Veskarian official/);
    expect(who(t, q)).toContain('official in the port city of Corvel');
  });

  it('gives a relayed source, not the outlet that relays it: "X reported, citing Y, that …"', () => {
    const t = 'The Daily Ledger has reported, citing a source close to the talks, that the delegation would leave on Friday.';
    const q = only(t);
    expect(who(t, q)).toMatch(/^a source/);
    expect(q.speakerText).toMatch(/^unnamed source/);
    expect(said(t, q)).toBe('the delegation would leave on Friday');
  });

  it('keeps the reporting outlet when what it cites cannot speak: "…, the agency reported, citing figures"', () => {
    const t = 'Floods destroyed at least 300 houses in Corvel, the state news agency reported on Sunday, citing figures from a survey team.';
    const q = findQuotes(t).find((x) => x.start === 0)!;
    expect(said(t, q)).toBe('Floods destroyed at least 300 houses in Corvel');
    expect(q.speakerText).toBe('state news agency');
  });

  it('reads "This was stated by X" as X saying the sentence before', () => {
    const t = 'The talks lasted two hours and ended with a prisoner exchange. This was stated by the head of the Veskarian delegation, Ana Oresk.';
    const q = only(t);
    expect(said(t, q)).toBe('The talks lasted two hours and ended with a prisoner exchange');
    expect(q.speakerText).toBe('Ana Oresk');
  });

  it('gives no speaker when the subject of the cue can speak for no one', () => {
    const t = 'All indicators suggest that prices will rise again next year.';
    for (const q of findQuotes(t)) expect(q.speakerText).toBeUndefined();
  });

  it('makes no record of the writer’s conjecture from things that cannot speak ("several factors explain why …")', () => {
    const t = 'Several factors explain why the harbour lost its trade. Tensions continue in Corvel, hoping for a settlement that will end the blockade.';
    expect(findQuotes(t)).toEqual([]);
  });

  it('describes a share of people as a source ("Twelve percent said that …")', () => {
    const t = 'Twelve percent said that they were not sure about the harbour plan.';
    expect(only(t).speakerText).toBe('Twelve percent');
  });

  it('keeps what a study or report states, with its document as the source', () => {
    const t = 'Recent studies highlight that the harbour of Corvel has lost half its trade.';
    const q = only(t);
    expect(said(t, q)).toContain('the harbour of Corvel has lost half its trade');
    expect(who(t, q)).toBe('Recent studies');
  });

  it('does not read a formula in quote marks as a quote attributed to the outlet after it', () => {
    const t = 'The sides agreed on an exchange in the format of "500 for 500", writes the Daily Ledger.';
    expect(findQuotes(t).filter((q) => q.direct)).toEqual([]);
  });
});

describe('speakers and contents read from a dependency parse, when the syntax stage ran', () => {
  /** Token spans of a text's words and punctuation, in order (the tokens layer a parse is aligned to). */
  const spans = (t: string) => [...t.matchAll(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const dep = (head: number, rel: string) => ({ head, rel });

  it('takes the subject of the cue, not the name nearest to it', () => {
    const t = 'The minister who met Dal Brin said that the port would reopen.';
    const syntax = [dep(1, 'det'), dep(6, 'nsubj'), dep(3, 'nsubj'), dep(1, 'acl:relcl'), dep(3, 'obj'), dep(4, 'flat'), dep(-1, 'root'),
      dep(11, 'mark'), dep(9, 'det'), dep(11, 'nsubj'), dep(11, 'aux'), dep(6, 'ccomp'), dep(6, 'punct')];
    const q = only(t, { tokens: spans(t), syntax, tagger: false });
    // The source as PolNeAR delimits it: the subject's whole phrase, its relative clause included.
    expect(who(t, q)).toBe('The minister who met Dal Brin');
    expect(said(t, q)).toBe('the port would reopen');
    // without the parse, the rules take the words before the cue
    expect(who(t, only(t, { tagger: false }))).toContain('Dal Brin');
  });

  it('gives a participle chained to a passive the passive’s agent: "This was confirmed by X, stating that …"', () => {
    const t = 'This was confirmed by Ana Oresk, stating that the port would reopen.';
    const syntax = [dep(2, 'nsubj:pass'), dep(2, 'aux:pass'), dep(-1, 'root'), dep(4, 'case'), dep(2, 'obl:agent'), dep(4, 'flat'), dep(7, 'punct'), dep(2, 'advcl'),
      dep(12, 'mark'), dep(10, 'det'), dep(12, 'nsubj'), dep(12, 'aux'), dep(7, 'ccomp'), dep(2, 'punct')];
    const q = only(t, { tokens: spans(t), syntax, tagger: false });
    expect(said(t, q)).toBe('the port would reopen');
    expect(q.speakerText).toBe('Ana Oresk');
  });

  it('gives a document the role it comes from: "A post from a harbour analyst said …"', () => {
    const t = 'A recent post from a veteran harbour analyst said that the port would reopen.';
    const syntax = [dep(2, 'det'), dep(2, 'amod'), dep(8, 'nsubj'), dep(7, 'case'), dep(7, 'det'), dep(7, 'amod'), dep(7, 'compound'), dep(2, 'nmod'), dep(-1, 'root'),
      dep(13, 'mark'), dep(11, 'det'), dep(13, 'nsubj'), dep(13, 'aux'), dep(8, 'ccomp'), dep(8, 'punct')];
    const q = only(t, { tokens: spans(t), syntax, tagger: false });
    expect(q.speakerText).toBe('unnamed veteran harbour analyst');
  });

  it('reads the speaker after a label that heads the line: "Details: X, the minister, confirmed …"', () => {
    const t = 'Details: Ana Oresk, the harbour minister, confirmed that the port would reopen.';
    const syntax = [dep(9, 'nsubj'), dep(3, 'punct'), dep(3, 'compound'), dep(0, 'appos'), dep(7, 'punct'), dep(7, 'det'), dep(7, 'compound'), dep(3, 'appos'), dep(0, 'punct'), dep(-1, 'root'),
      dep(14, 'mark'), dep(12, 'det'), dep(14, 'nsubj'), dep(14, 'aux'), dep(9, 'ccomp'), dep(9, 'punct')];
    const q = only(t, { tokens: spans(t), syntax, tagger: false });
    expect(q.speakerText).toBe('Ana Oresk');
  });

  it('gives the source an outlet cites right after its cue, and never reads the cited source as what was said', () => {
    const t = 'The toll in Corvel has risen to 300, the Daily Ledger reports citing the harbour authority.';
    const syntax = [dep(1, 'det'), dep(5, 'nsubj'), dep(3, 'case'), dep(1, 'nmod'), dep(5, 'aux'), dep(12, 'ccomp'), dep(7, 'case'), dep(5, 'obl'), dep(5, 'punct'),
      dep(11, 'det'), dep(11, 'compound'), dep(12, 'nsubj'), dep(-1, 'root'), dep(12, 'advcl'), dep(16, 'det'), dep(16, 'compound'), dep(13, 'obj'), dep(12, 'punct')];
    const q = only(t, { tokens: spans(t), syntax });
    expect(said(t, q)).toBe('The toll in Corvel has risen to 300');
    expect(q.speakerText).toBe('harbour authority');
  });

  it('does not take a name in a prepositional tail after the source for an appositive ("…, particularly in Velmar")', () => {
    const t = 'The flooding has left 300 people homeless, according to the Corvel Relief Agency, particularly in Velmar.';
    const syntax = [dep(1, 'det'), dep(3, 'nsubj'), dep(3, 'aux'), dep(-1, 'root'), dep(5, 'nummod'), dep(6, 'nsubj'), dep(3, 'obj'), dep(13, 'punct'), dep(13, 'case'), dep(8, 'fixed'),
      dep(13, 'det'), dep(13, 'compound'), dep(13, 'compound'), dep(3, 'obl'), dep(17, 'punct'), dep(17, 'advmod'), dep(17, 'case'), dep(13, 'conj'), dep(3, 'punct')];
    const at = (w: string) => ({ start: t.indexOf(w), end: t.indexOf(w) + w.length });
    // A tagger that mistakes the place for a person.
    const entities = [{ ...at('Corvel Relief Agency'), type: 'ORG', entity: 'agency' }, { ...at('Velmar'), type: 'PERSON', entity: 'velmar' }];
    const q = findQuotes(t, { tokens: spans(t), syntax, entities, tagger: false }).find((x) => said(t, x).startsWith('The flooding'))!;
    expect(q.speaker).toBe('agency');
  });

  it('reads the source of "according to" as the noun a misattached modifier belongs to ("according to the state-run agency X")', () => {
    const t = 'The port of Corvel reopened on Monday, according to the state-run agency VNA.';
    const syntax = [dep(1, 'det'), dep(4, 'nsubj'), dep(3, 'case'), dep(1, 'nmod'), dep(-1, 'root'), dep(6, 'case'), dep(4, 'obl'), dep(11, 'punct'), dep(11, 'case'), dep(8, 'fixed'),
      dep(15, 'det'), dep(15, 'compound'), dep(11, 'punct'), dep(14, 'compound'), dep(15, 'compound'), dep(4, 'obl'), dep(4, 'punct')];
    const q = only(t, { tokens: spans(t), syntax, tagger: false });
    expect(said(t, q)).toBe('The port of Corvel reopened on Monday');
    expect(who(t, q)).toBe('the state-run agency VNA');
  });

  it('takes the name right after a role word when the parse ends the speaker at the role ("by economist X")', () => {
    const t = 'As noted by economist Ana Oresk, “The harbour is at a crossroads.”';
    // As(0) noted(1) by(2) economist(3) Ana(4) Oresk(5) ,(6) “(7) The(8) harbour(9) is(10) at(11) a(12) crossroads(13) .(14) ”(15)
    const syntax = [dep(1, 'mark'), dep(-1, 'root'), dep(3, 'case'), dep(1, 'obl:agent'), dep(13, 'nsubj'), dep(4, 'flat'), dep(5, 'punct'), dep(5, 'punct'),
      dep(9, 'det'), dep(13, 'nsubj'), dep(13, 'cop'), dep(13, 'case'), dep(13, 'det'), dep(1, 'ccomp'), dep(1, 'punct'), dep(1, 'punct')];
    const q = findQuotes(t, { tokens: spans(t), syntax, tagger: false }).find((x) => x.direct)!;
    expect(who(t, q)).toBe('economist Ana Oresk');
  });

  it('keeps an appositive with its subject and gives the name it holds', () => {
    const t = 'The harbour minister, Ana Oresk, said on Monday that the port would reopen.';
    const syntax = [dep(2, 'det'), dep(2, 'compound'), dep(7, 'nsubj'), dep(4, 'punct'), dep(2, 'appos'), dep(4, 'flat'), dep(4, 'punct'), dep(-1, 'root'),
      dep(9, 'case'), dep(7, 'obl'), dep(14, 'mark'), dep(12, 'det'), dep(14, 'nsubj'), dep(14, 'aux'), dep(7, 'ccomp'), dep(7, 'punct')];
    const q = only(t, { tokens: spans(t), syntax, tagger: false });
    expect(who(t, q)).toBe('The harbour minister, Ana Oresk');
    expect(q.speakerText).toBe('Ana Oresk');
    expect(said(t, q)).toBe('the port would reopen');
  });
});

describe('a partial quote inside a reported clause (fictional sentences)', () => {
  it('reports the "that" clause as well as the few words quoted inside it', () => {
    const t = 'Ana Oresk has argued for weeks, asserting that the tariffs would stop Veskaria being "ripped off" by its neighbours.';
    const qs = findQuotes(t);
    const partial = qs.find((q) => q.direct && said(t, q) === 'ripped off')!;
    const clause = qs.find((q) => !q.direct && said(t, q) === 'the tariffs would stop Veskaria being "ripped off" by its neighbours')!;
    expect(partial).toBeDefined();
    expect(clause).toBeDefined();
    // One attribution as PolNeAR delimits it: the clause carries the partial quote's content.
    expect(clause.content).toEqual(partial.content ?? { start: partial.start, end: partial.end });
  });
});

describe('where reported words end (fictional sentences)', () => {
  it('ends reported words before the writer’s concession', () => {
    const t = 'Veskaria has expressed willingness to mediate between the two ports, though this has not yet led to results.';
    const q = findQuotes(t).find((x) => !x.direct)!;
    expect(said(t, q)).toBe('willingness to mediate between the two ports');
  });

  it('ends reported words in an opening "While …" clause where the main clause starts', () => {
    const t = 'While Ana Oresk noted that a date for the exchange has been set, she declined to give it.';
    const q = findQuotes(t).find((x) => !x.direct && said(t, x).startsWith('a date'))!;
    expect(said(t, q)).toBe('a date for the exchange has been set');
  });

  it('leaves the writer’s opening "While …" clause out of what a source reports: "…, according to X"', () => {
    const t = 'While rescue teams search the harbour, about 900 people are missing, according to the Corvel port authority.';
    const q = only(t);
    expect(said(t, q)).toBe('about 900 people are missing');
  });

  it('ends reported words before the writer’s aside between dashes', () => {
    const t = 'State radio reported that Veskaria will put a tariff on Corvish grain—echoing the dispute of 2019—plus limits on fishing.';
    const q = findQuotes(t).find((x) => !x.direct)!;
    expect(said(t, q)).toBe('Veskaria will put a tariff on Corvish grain');
  });

  it('ends reported words where another source’s attribution is tacked on with "with"', () => {
    const t = 'Residents of Corvel have expressed skepticism about the harbour plan, with some arguing that it will cost too much.';
    const q = findQuotes(t).find((x) => !x.direct && said(t, x).startsWith('skepticism'))!;
    expect(said(t, q)).toBe('skepticism about the harbour plan');
  });
});

describe('a state is a speaker only of what it says', () => {
  it('gives no speaker to a country that "believes" or "refuses" in the writer’s words', () => {
    const t = 'Veskaria has consistently refused to engage under pressure. It believes that talks must be based on respect.';
    const entities = [{ start: 0, end: 8, type: 'GPE', entity: 'e1' }];
    for (const q of findQuotes(t, { entities })) expect(q.speaker).toBeUndefined();
  });

  it('makes no record of a country’s attitude told in the writer’s words', () => {
    const t = 'Veskaria believes that talks must be based on respect.';
    expect(findQuotes(t, { entities: [{ start: 0, end: 8, type: 'GPE', entity: 'e1' }] })).toEqual([]);
  });

  it('reads no verb of saying in a name ("the United States that …")', () => {
    const t = 'Veskaria has learned from its dealings with the United States that promises can be broken.';
    expect(findQuotes(t).map((q) => cueOf(t, q))).not.toContain('States');
  });

  it('keeps a country as the speaker of what it said', () => {
    const t = 'Veskaria said that it would answer the tariffs with its own.';
    const q = only(t, { entities: [{ start: 0, end: 8, type: 'GPE', entity: 'e1' }] });
    expect(q.speaker).toBe('e1');
  });
});
