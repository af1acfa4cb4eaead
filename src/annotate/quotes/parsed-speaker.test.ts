import { describe, expect, it } from 'vitest';
import type { Doc } from '../../core/index.js';
import { createArticlePipeline } from '../index.js';
import { findQuotes, type FindQuotesOptions, type Quote } from './index.js';

// Fictional sentences written for these tests; run through the whole article pipeline (parse, entities, references).
function run(text: string): { doc: Doc; quotes: Quote[] } {
  const doc = createArticlePipeline().run({ id: 'fiction', text, meta: {}, source: {}, layers: {}, messages: [] });
  return { doc, quotes: doc.layers.quotes ?? [] };
}
const words = (text: string, s: { start: number; end: number } | undefined): string | undefined => (s ? text.slice(s.start, s.end) : undefined);

describe('a speaker with a role written before the name', () => {
  it('keeps the role in the speaker\'s words and makes no quote of the role', () => {
    const t = 'Harbour Office press secretary Ilse Brandt said the ferries would run on Monday.';
    const { quotes } = run(t);
    expect(quotes.map((q) => words(t, q))).toEqual(['the ferries would run on Monday']);
    const u = 'Kell spokeswoman Mira Dalen told reporters the ferries would run on Monday.';
    const q = run(u).quotes.find((x) => words(u, x)?.includes('ferries would run'));
    expect(words(u, q!.speakerSpan)).toBe('Kell spokeswoman Mira Dalen');
  });
});

describe('a speaker named before a chain of appositives', () => {
  it('is the person named first, described by the first appositive, and says the clause after the cue', () => {
    const t = 'Orla Vennick, chair of the Tarnby Ferry Workers Guild, which represents dock crews, said she expects the strike to end by June.';
    const { doc, quotes } = run(t);
    const q = quotes.find((x) => words(t, x)?.includes('strike to end'));
    expect(words(t, q!.speakerSpan)).toBe('Orla Vennick, chair of the Tarnby Ferry Workers Guild');
    expect(words(t, q!)).toBe('she expects the strike to end by June');
    expect(doc.layers.entityIndex?.find((e) => e.id === q!.speaker)?.name).toBe('Orla Vennick');
  });

  it('speaks the direct quote before the name, past a noun that looks like a verb of saying ("the states")', () => {
    const t = '“The levy is a tax by another name,” Bram Hollis, the treasurer of Veskar, one of the states opposing the levy, said on Friday.';
    const q = run(t).quotes.find((x) => words(t, x)?.includes('tax by another name'));
    expect(q!.direct).toBe(true);
    expect(words(t, q!.speakerSpan)).toBe('Bram Hollis, the treasurer of Veskar');
  });
});

describe('a speaker with a bracketed party and state', () => {
  it('is the member, never the affiliation in brackets', () => {
    const t = 'Rep. Ida Moro (R-S.C.) said that claim smacked of hypocrisy, because the harbour board had asked the same questions.';
    const q = run(t).quotes.find((x) => words(t, x)?.includes('smacked of hypocrisy'));
    expect(words(t, q!.speakerSpan)).toMatch(/^Rep\. Ida Moro/);
  });
});

describe('a speaker whose phrase ends in an affiliation', () => {
  it('keeps the closing bracket and the period of the abbreviation in the speaker\'s words', () => {
    const t = 'Sen. Ida Moro (R-Ga.) said the levy was unfair. Gov. Pat Dunn (R) said the plan would fail. Harbour chair Tom Vell, R-Ky., said the vote would come soon.';
    const { quotes } = run(t);
    expect(quotes.map((q) => words(t, q.speakerSpan))).toEqual(['Sen. Ida Moro (R-Ga.)', 'Gov. Pat Dunn (R)', 'Harbour chair Tom Vell, R-Ky.']);
  });
});

describe('a passive cue with its agent, then a participle', () => {
  it('reports the sentence before once, and makes no statement of what the speaker did', () => {
    const t = 'The meeting lasted two hours and resulted in a number of agreements. This was stated by the head of the Veskar delegation, aide to the President Ana Oresk, expressing satisfaction with the results.';
    const { quotes } = run(t);
    expect(quotes.map((q) => words(t, q))).toEqual(['The meeting lasted two hours and resulted in a number of agreements']);
  });
});

describe('a participle after a reporting clause that is no verb of saying', () => {
  it('gives the hopes it names to no one', () => {
    const t = 'The death toll from the floods surged past 1,300 people in the port of Dera alone, the agency said, overshadowing hopes of finding thousands of others missing after a rare storm slammed into the coast a week ago.';
    const { quotes } = run(t);
    expect(quotes.map((q) => words(t, q))).toEqual(['The death toll from the floods surged past 1,300 people in the port of Dera alone']);
  });
});

describe('the sides of a meeting as speakers', () => {
  it('are the two the text set the meeting between', () => {
    const t = 'Talks between the Kell delegation, headed by Defense Minister Tom Umer, and the Veskar delegation, headed by Ana Oresk, ended in Dera today. The parties stated that they had reached a number of agreements. A meeting between Kell and Veskar was held in May. The two sides said it went well.';
    const { quotes } = run(t);
    expect(quotes.map((q) => [words(t, q), q.speakerText])).toEqual([
      ['they had reached a number of agreements', 'Kell and Veskar delegations'],
      ['it went well', 'Kell and Veskar'],
    ]);
  });
});

describe('a body\'s title written before a person\'s name', () => {
  it('makes the person the speaker, not the body', () => {
    const t = 'Senate Leader Tom Vell said the vote would come soon.';
    const { doc, quotes } = run(t);
    expect(quotes).toHaveLength(1);
    expect(doc.layers.entityIndex?.find((e) => e.id === quotes[0]!.speaker)?.name).toBe('Tom Vell');
  });
});

describe('partial quotes closing the sentence inside a bare reported clause', () => {
  it('reports the clause as well as the marked words, the last of which holds the full stop', () => {
    const t = 'Ana Oresk said negotiating with the owners\' council would be “unwise” and “not honorable.”';
    const qs = run(t).quotes;
    // The clause runs to the closing mark of the words quoted at its end.
    expect(qs.filter((q) => !q.direct).map((q) => words(t, q))).toEqual(['negotiating with the owners\' council would be “unwise” and “not honorable.”']);
    expect(qs.filter((q) => q.direct).map((q) => words(t, q))).toEqual(['unwise', 'not honorable.']);
  });
});

describe('a cue in an opening subordinate clause, and a cue with its time and adjuncts before "that"', () => {
  it('reads "While X rejected the statements," as an act and "Y affirmed the following day, through …, that A" as Y\'s report of A', () => {
    const t = 'While the mayor rejected the statements, the harbour board affirmed the following day, through a post on its account on the “Quay” platform, that the board does not rule out talks, especially if the goal is to end the strike.';
    const qs = run(t).quotes;
    expect(qs.map((q) => words(t, q))).toEqual(['the board does not rule out talks, especially if the goal is to end the strike']);
    expect(qs[0]!.speakerText).toBe('harbour board');
  });
});

describe('a fronted phrase at the start of a reported clause', () => {
  it('keeps the clause after the phrase\'s comma ("noted that regarding X, there are …")', () => {
    const t = 'Ana Oresk noted that regarding port developments, there are two important issues that need to be studied.';
    expect(run(t).quotes.map((q) => words(t, q))).toEqual(['regarding port developments, there are two important issues that need to be studied']);
  });
});

describe('aims and prescriptions, not speech', () => {
  it('gives no quote for "X seeks to …" nor for a participle of saying on a verb the writer prescribes ("they must …, acknowledging …")', () => {
    for (const t of [
      'The port policy has taken on new significance as the mayor Tomas Brandt seeks to mount pressure on the guild and as the board rules out talks with the owners.',
      'If the council and the owners seek meaningful talks, they must approach the guild with respect, acknowledging its role as a pivotal player in the port.',
    ]) expect(run(t).quotes.map((q) => words(t, q))).toEqual([]);
  });

  it('keeps them in the attribution layer as acts', () => {
    const t = 'The port policy has taken on new significance as the mayor Tomas Brandt seeks to mount pressure on the guild and as the board rules out talks with the owners.';
    const { doc } = run(t);
    const l = doc.layers;
    const all = findQuotes(t, { sentences: l.sentences, entities: l.entities, entityIndex: l.entityIndex, references: l.references, tokens: l.tokens, syntax: l.syntax });
    expect(all.filter((q) => q.act).map((q) => words(t, q))).toEqual(['to mount pressure on the guild and as the board rules out talks with the owners']);
  });
});

describe('a group speaker with members named after it', () => {
  it('is the group ("State media, including the Kell Courier, reported"), not a member', () => {
    for (const [t, group] of [
      ['State media, including the Kell Courier, reported that the council is mulling a 15% levy on imported grain.', 'State media'],
      ['Several unions, including the dockers\' guild, said the strike would continue.', 'Several unions'],
    ] as const) {
      const q = run(t).quotes[0];
      expect(q?.speaker).toBeUndefined();
      expect(q?.speakerText).toBe(group);
    }
  });
});

describe('a report inside a longer report of the same speaker', () => {
  it('is shown once, as the longer report', () => {
    const t = 'Orla Vennick said she was convinced the owners had promised that the pay deal would stand.';
    expect(run(t).quotes.map((q) => words(t, q))).toEqual(['she was convinced the owners had promised that the pay deal would stand']);
  });
});

describe('a direct quote attributed after it to a member with a bracketed affiliation', () => {
  it('goes to the member, the affiliation kept in the speaker\'s words', () => {
    const t = 'Harbour chief Ilse Brandt said the ferries would run. “The ferries will not run while the strike lasts,” Sen. Paulo Brask (D-Wis.) said on Friday.';
    const q = run(t).quotes.find((x) => words(t, x)?.includes('will not run'));
    expect(words(t, q!.speakerSpan)).toBe('Sen. Paulo Brask (D-Wis.)');
  });
});

describe('speakers read from the parse', () => {
  it('gives a reported statement to the subject of its cue, not to a name before it in the sentence', () => {
    const t = 'Amid conflicting reports on the number of victims, the Veskarian Red Cross said the toll had risen to 400.';
    const q = run(t).quotes.find((x) => words(t, x)?.includes('toll had risen'));
    expect(q).toBeDefined();
    expect(words(t, q!.speakerSpan)).toContain('Red Cross');
  });

  it('keeps the relayed source of "X reported, citing Y, that …" as the speaker', () => {
    const t = 'The Daily Ledger reported, citing a source in the port authority, that the ferries would stop on Monday.';
    const q = run(t).quotes.find((x) => words(t, x)?.includes('ferries would stop'));
    expect(q).toBeDefined();
    expect(words(t, q!.speakerSpan)).toMatch(/^a source/);
    expect(q!.speakerText).not.toContain('Ledger');
  });

  it('does not treat the "by" phrase of an active cue as its speaker', () => {
    const t = 'Lena Ortiz, the agency\'s director, told the Daily Ledger by phone that 300 families had been moved.';
    const q = run(t).quotes.find((x) => words(t, x)?.includes('300 families'));
    expect(q).toBeDefined();
    expect(words(t, q!.speakerSpan)).toMatch(/^Lena Ortiz/);
  });
});

describe('pronoun speakers read against the sentence before', () => {
  it('gives "he said" to who spoke in the sentence before ("…, X told reporters."), not to the first person it names', () => {
    const t = 'Port Minister Jon Hale started a meeting with a trade delegation in Corvel, ministry spokesman Tomas Vell told reporters.\n\n“The meeting has begun,” he said.';
    const { doc, quotes } = run(t);
    const q = quotes.find((x) => x.direct && words(t, x)?.includes('meeting has begun'));
    const vell = doc.layers.entities?.find((e) => words(t, e) === 'Tomas Vell');
    expect(q).toBeDefined();
    expect(vell).toBeDefined();
    expect(q!.speaker).toBe(vell!.entity);
  });

  it('never gives "he" to a body named as the sentence opens ("Police …, but he said")', () => {
    const t = 'Police did not find the hull damage, but he said divers had found cracks.';
    const q = run(t).quotes.find((x) => words(t, x) === 'divers had found cracks');
    expect(q).toBeDefined();
    expect(q!.speakerText).not.toBe('Police');
  });
});

describe('records that are not statements', () => {
  it('emits no reported record for the object of a verb that is not speech ("unveiled a plan")', () => {
    const t = 'On Monday, Mayor Ines Kovac unveiled a sweeping new housing plan for the harbour district.';
    expect(run(t).quotes.filter((q) => !q.direct)).toEqual([]);
  });

  it('keeps the said object of a speech verb ("stressed the need …")', () => {
    const t = 'Mayor Ines Kovac stressed the need for new housing in the harbour district.';
    const q = run(t).quotes.find((x) => words(t, x)?.includes('the need for new housing'));
    expect(q).toBeDefined();
    expect(words(t, q!.speakerSpan)).toBe('Mayor Ines Kovac');
  });
});

describe('statements and attributed acts', () => {
  // Fictional sentences: an act attributed to someone is in the attribution layer (as PolNeAR annotates it), not among the quotes.
  const layersOf = (text: string): Doc['layers'] & Record<string, unknown> => run(text).doc.layers as Doc['layers'] & Record<string, unknown>;
  it('keeps an announced measure out of the quotes but in the attribution layer, marked as an act', () => {
    const t = 'President Ana Oresk on Tuesday announced new tariffs on imports from Corvelia that would double the duties on steel.';
    expect(run(t).quotes.some((q) => words(t, q)?.includes('tariffs'))).toBe(false);
    const all = findQuotes(t, layersOf(t) as FindQuotesOptions);
    const act = all.find((q) => words(t, q)?.includes('tariffs'));
    expect(act?.act).toBe(true);
    expect(words(t, act!.speakerSpan)).toContain('Ana Oresk');
  });

  it('reads "did not immediately detail the cost" as an act, not words said', () => {
    const t = 'Shares in Varn fell sharply during the speech.\n\nWhile she did not immediately detail the cost of the levies, the 58-year-old premier said they would bring the shipyards back to Veskaria.';
    expect(run(t).quotes.some((q) => words(t, q)?.includes('the cost of the levies'))).toBe(false);
  });

  it('keeps statements: a "that" clause after the same verb, and a verb whose object is what was said', () => {
    const t1 = 'President Ana Oresk announced that the tariffs on Corvelian steel would double in May.';
    expect(run(t1).quotes.find((q) => words(t1, q)?.includes('tariffs on Corvelian steel'))?.act).toBeUndefined();
    expect(run(t1).quotes.some((q) => words(t1, q)?.includes('tariffs on Corvelian steel'))).toBe(true);
    const t2 = 'The foreign minister, Ivo Marek, stressed the need for talks with Corvelia before the summit.';
    expect(run(t2).quotes.some((q) => words(t2, q)?.includes('need for talks'))).toBe(true);
  });
});

describe('words a source does not vouch for', () => {
  it('makes no quote of a sentence closed by "according to this view": a view is no source', () => {
    const t = 'The harbour board met on Monday. The ferry contract was signed too early, and the town lost its second pier, according to this view.';
    expect(run(t).quotes.map((q) => words(t, q))).toEqual([]);
  });

  it('reads "This can be explained by …" as the writer\'s reasoning, not a statement of a group', () => {
    const t = 'The ferries ran late all winter. This can be explained in the light of the storms that closed the harbour for weeks.';
    expect(run(t).quotes.map((q) => words(t, q))).toEqual([]);
  });

  it('gives "according to X" the clause it modifies, and nothing after a contrast that ends the source', () => {
    const t = 'The strike has raised the price of bread, which is estimated at four crowns according to some local figures, but also the cost of coal for every household in the valley.';
    const qs = run(t).quotes;
    expect(qs.map((q) => words(t, q))).toEqual(['which is estimated at four crowns']);
    expect(words(t, qs[0]!.speakerSpan)).toBe('some local figures');
  });

  it('carries reported reasoning past "; therefore," to the end of the sentence, as one quote', () => {
    const t = 'The Kell Courier warned the council about the dam, stressing that the cost of a breach would be high for the valley; therefore, the council must repair it before the spring floods.';
    const qs = run(t).quotes.filter((q) => !q.direct);
    expect(qs.map((q) => words(t, q))).toEqual(['the cost of a breach would be high for the valley; therefore, the council must repair it before the spring floods']);
  });
});

describe('subjects and questions that are not speakers', () => {
  it('gives no speaker to the subject of a passive verb of report ("were reported dead")', () => {
    const t = 'Some 40 fishermen were also reported missing on Tuesday after the storm reached the northern coast of Kell.';
    const qs = run(t).quotes;
    expect(qs.filter((q) => /fishermen/.test(words(t, q.speakerSpan) ?? ''))).toEqual([]);
  });

  it('makes no quote of the question put to a speaker ("When asked what …"), only of the reply', () => {
    const t = 'When asked what the next round of talks would cover, Oresk replied: "We will tell you in good time."';
    const qs = run(t).quotes;
    expect(qs.map((q) => words(t, q))).toEqual(['We will tell you in good time.']);
  });

  it('ends reported words before a closing ", according to …" tag', () => {
    const t = 'Ana Oresk said that the ferry contract was signed too early and cost the town its second pier, according to the council minutes.';
    const q = run(t).quotes.find((x) => x.speakerSpan && words(t, x.speakerSpan) === 'Ana Oresk');
    expect(words(t, q)).toBe('the ferry contract was signed too early and cost the town its second pier');
  });
});

describe('the words that name a speaker', () => {
  it('keeps a role written before the name with no article between ("Harbour Board press officer Lena Varo")', () => {
    const t = '"We will reopen the pier next week," Harbour Board press officer Lena Varo said on Monday.';
    const q = run(t).quotes.find((x) => x.direct);
    expect(words(t, q!.speakerSpan)).toBe('Harbour Board press officer Lena Varo');
  });

  it('leaves a fronted time or adjunct out of the speaker ("Last week Varo …", "With the council …")', () => {
    const t = 'The ferries stopped in March. Last week Varo said in an interview that the pier would reopen before the summer.';
    const q = run(t).quotes.find((x) => words(t, x)?.includes('pier would reopen'));
    expect(words(t, q!.speakerSpan)).toBe('Varo');
  });

  it('does not take the end of the sentence before for a title ("… in Kell. A report from …")', () => {
    const t = 'Prices rose again in Kell. A report from the Kell Statistics Office said that bread cost a fifth more than a year ago.';
    const q = run(t).quotes.find((x) => words(t, x)?.includes('bread cost'));
    expect(words(t, q!.speakerSpan)).toMatch(/^A report from the Kell Statistics Office/);
  });
});

describe('a quote inside the clause a cue reports', () => {
  it('reports the clause as well as the quote when the clause says more ("said Kell and Corvel had been “in contact” on …")', () => {
    const t = 'The ministry said Kell and Corvel had been “in contact” on their fishing quarrel, and would settle it through talks in the spring.';
    const qs = run(t).quotes;
    expect(qs.some((q) => q.direct && words(t, q) === 'in contact')).toBe(true);
    const reported = qs.find((q) => !q.direct);
    expect(words(t, reported)).toMatch(/^Kell and Corvel had been “in contact” on their fishing quarrel/);
    expect(words(t, reported!.speakerSpan)).toBe('The ministry');
  });
});

describe('a figure someone gives', () => {
  it('reads "X put the toll at N" as X reporting the figure, and "puts pressure on" as nothing said', () => {
    const t = 'Harbour officials earlier put the number of missing fishermen at 41. The storm puts pressure on the town at all hours.';
    const qs = run(t).quotes;
    expect(qs.map((q) => words(t, q))).toEqual(['the number of missing fishermen at 41']);
    expect(words(t, qs[0]!.speakerSpan)).toBe('Harbour officials');
  });
});

describe('a quote under a "Quote:" label', () => {
  it('carries the speaker of the attribution before it across the layout\'s labelled lines', () => {
    const t = 'Harbour chief Ana Oresk has said that the pier will reopen in the spring after the repairs.\n\nSource: Ana Oresk’s statement after the council meeting\n\nDetails: In addition, the council raised the issue of the ferry timetable.\n\nQuote: "The agenda we were given was to discuss, first, the pier and second, the ferries. As a result, we agreed to reopen the pier in April."';
    const q = run(t).quotes.find((x) => x.direct);
    expect(words(t, q)).toMatch(/^The agenda we were given/);
    expect(words(t, q!.speakerSpan)).toBe('Harbour chief Ana Oresk');
  });
});

describe('an inverted attribution with a time after the cue', () => {
  it('keeps "…, the minister said that evening." as the minister\'s words', () => {
    const t = 'The ferries will run again on Monday, the minister said that evening.';
    const q = run(t).quotes.find((x) => words(t, x.speakerSpan) === 'the minister');
    expect(words(t, q)).toMatch(/^The ferries will run again/);
  });
});

describe('a time the parse takes for the subject of a cue', () => {
  it('is never the speaker: "X said Monday" and "tweets early Friday saying" keep X', () => {
    const t = '"We will open the locks at noon," harbour master Ilse Brandt said Monday. The mayor posted a message early Friday saying that the ferries would wait.';
    const qs = run(t).quotes;
    const speakers = qs.map((q) => words(t, q.speakerSpan));
    expect(speakers).not.toContain('Monday');
    expect(speakers).not.toContain('early Friday');
    expect(words(t, qs.find((q) => words(t, q)?.startsWith('We will open'))!.speakerSpan)).toBe('harbour master Ilse Brandt');
  });
});

describe('a possessive before a cue word', () => {
  it('makes it a noun: "Editor’s note: …" is no quote of "Editor’s"', () => {
    const t = 'Editor’s note: The harbour board has not answered our questions about the ferry contract.';
    expect(run(t).quotes.map((q) => words(t, q.speakerSpan))).not.toContain('Editor’s');
  });
});

describe('a phrase fronted before a cue that reports the words after it', () => {
  it('is where it was said, not a second statement', () => {
    const t = 'In a statement issued Tuesday morning, harbour master Ilse Brandt said the board must pay.';
    expect(run(t).quotes.map((q) => words(t, q))).toEqual(['the board must pay']);
  });
});

describe('set phrases built on a verb of saying', () => {
  it('report nothing: the writer\'s "it seems"', () => {
    const t = 'A statement attributed to the harbour master (though it seems there might be confusion with another official) reflects this stance.';
    expect(run(t).quotes.map((q) => words(t, q.cue))).not.toContain('seems');
  });

  it('report nothing: "Having said that," and "needless to say"', () => {
    const t = 'Having said that, there are harbour pilots who argue that the locks should stay shut. The board, needless to say, was not pleased with the delay.';
    const qs = run(t).quotes;
    expect(qs.every((q) => !/^(?:said|say)$/.test(words(t, q.cue) ?? ''))).toBe(true);
  });
});

describe('a speaker headed by a role or a body the parse mistags', () => {
  it('speaks when the cue follows it: "However, the minister insists that …"', () => {
    const t = 'However, the minister insists that the ferries will run through the winter.';
    const q = run(t).quotes.find((x) => words(t, x) === 'the ferries will run through the winter');
    expect(words(t, q?.speakerSpan)).toBe('the minister');
  });
});

describe('a speaker going on after "and"', () => {
  it('ends the reported clause at "and mentioned" and gives the next act to the same speaker', () => {
    const t = 'Harbour master Ilse Brandt said during the meeting that the locks are ready to hold for years and mentioned the great flood of 1998.';
    const qs = run(t).quotes;
    const first = qs.find((q) => words(t, q)?.startsWith('the locks are ready'));
    expect(words(t, first)).toBe('the locks are ready to hold for years');
    const next = qs.find((q) => words(t, q.cue) === 'mentioned');
    expect(words(t, next?.speakerSpan)).toBe('Harbour master Ilse Brandt');
  });
});

describe('a statement relayed by an outlet named at the sentence end', () => {
  it('is the source\'s record, with partial quotes in its clause, and without the closing ", X reported"', () => {
    const t = 'Asked about the ferry strike, the ministry said Kell and Corvel had been “in contact” on the timetable, and would settle the matter through “quiet talks”, the Harbour Gazette reported.';
    const q = run(t).quotes.find((x) => words(t, x.speakerSpan) === 'the ministry' && !x.direct);
    expect(words(t, q)).toBe('Kell and Corvel had been “in contact” on the timetable, and would settle the matter through “quiet talks”');
  });
});

describe('a document with no author named', () => {
  it('is described by its words, never by the word that opens the sentence', () => {
    const t = 'Ferry use rose again last winter. The survey indicates that winter crossings rose sharply. Instant polls showed the harbour board was trusted by most residents.';
    const qs = run(t).quotes;
    const shown = qs.map((q) => q.speakerText ?? q.speaker);
    expect(shown).not.toContain('The');
    expect(shown).not.toContain('Instant');
    expect(shown).toContain('survey');
  });
});

describe('a participle of saying that only modifies the subject', () => {
  it('reports nothing of what the sentence goes on to say', () => {
    const t = 'The main results of the harbour talks, announced by Ilse Brandt, include three key points. The latest fare rise, announced Tuesday, April 1, includes a 10% surcharge on all crossings.';
    expect(run(t).quotes.map((q) => words(t, q))).toEqual([]);
  });
});

describe('an aside between the subject and its cue', () => {
  it('leaves the subject as the speaker: "The minister, asked about the strike, said …"', () => {
    const t = 'The minister, asked about the strike, said the ferries would run.';
    const q = run(t).quotes.find((x) => words(t, x) === 'the ferries would run');
    expect(words(t, q?.speakerSpan)).toBe('The minister');
  });
});

describe('an attribution set between commas inside what it reports', () => {
  it('keeps the clause\'s subject before the aside in the record', () => {
    const t = 'The ferries, the harbour master said, would resume on Monday. Winter storms, Ilse Brandt often says, are the greatest danger the harbour faces.';
    const texts = run(t).quotes.map((q) => words(t, q));
    expect(texts).toContain('The ferries, the harbour master said, would resume on Monday');
    expect(texts).toContain('Winter storms, Ilse Brandt often says, are the greatest danger the harbour faces');
  });

  it('attributes the whole sentence, aside included, as the content of the attribution', () => {
    const t = 'The ferries, the harbour master said, would resume on Monday after the storm.';
    const q = run(t).quotes.find((x) => words(t, x)?.includes('resume'));
    expect(words(t, q?.content ?? q)).toBe('The ferries, the harbour master said, would resume on Monday after the storm');
  });

  it('keeps the split direct quote\'s second part on the same cue', () => {
    const t = '“The locks will hold,” Ilse Brandt said on Monday. “We checked every gate twice this week.”';
    const qs = run(t).quotes;
    expect(qs.map((q) => words(t, q.cue))).toEqual(['said', 'said']);
  });
});

describe('a few lowercase words in marks inside a clause their cue governs', () => {
  it('are the speaker\'s words, while a title-cased name in marks stays a name', () => {
    const t = 'Harbour master Ilse Brandt said she would impose a "winter minimum" fare on all crossings from the first of the month. She also said that on "Harbour Day" the pier would stay shut.';
    const direct = run(t).quotes.filter((q) => q.direct).map((q) => words(t, q));
    expect(direct).toContain('winter minimum');
    expect(direct).not.toContain('Harbour Day');
  });
});

describe('a bare body in a sentence that opens with its country', () => {
  it('is that country\'s, as a reader would say it', () => {
    const t = 'In Japan, which was also hit by the storm, officials reported that 20 ferries were lost at sea.';
    const q = run(t).quotes.find((x) => words(t, x)?.startsWith('20 ferries'));
    expect(q?.speakerText).toBe('Japanese officials');
  });
});

describe('a state that refuses', () => {
  it('is given no reported statement: the refusal is the writer\'s reading, not words it said', () => {
    const t = 'Japan refuses to negotiate under threats and pressure from its neighbours. The foreign minister said the talks would not resume.';
    const qs = run(t).quotes.map((q) => words(t, q));
    expect(qs).toContain('the talks would not resume');
    expect(qs.some((q) => q?.startsWith('to negotiate'))).toBe(false);
  });
});

describe('another attribution opening after a comma', () => {
  it('ends the reported words: ", in which he announced …" and ", and there are concerns that …"', () => {
    const t = 'The harbour master rejected statements made by the mayor on Monday, in which he announced a new ferry timetable. Ilse Brandt said in a statement that the old pier was sacrificed for the new marina, and there are concerns that the ferries may be sacrificed next.';
    const texts = run(t).quotes.map((q) => words(t, q));
    expect(texts).toContain('statements made by the mayor on Monday');
    expect(texts).toContain('the old pier was sacrificed for the new marina');
  });
});

describe('a fronted phrase with a relative clause before the speaker', () => {
  it('does not lend its "that" as the speaker', () => {
    const t = 'In a statement that has reverberated through international circles, the mayor, Ilse Brandt, emphasized his firm stance against building under pressure.';
    const q = run(t).quotes.find((x) => words(t, x)?.startsWith('his firm stance'));
    expect(words(t, q?.speakerSpan)).toContain('Ilse Brandt');
  });
});

describe('a document whose author is named before it', () => {
  it('takes the capitalised words before its own modifiers as the author, not the modifiers too', () => {
    const t = 'The Kell Harbour annual report said that winter crossings rose sharply.';
    const q = run(t).quotes.find((x) => words(t, x)?.startsWith('winter crossings'));
    expect(q?.speakerText).toBe('Kell Harbour');
  });
});

describe('"spoke of" and "talked about" a noun phrase', () => {
  it('report the noun phrase as what was said, but not inside words already quoted', () => {
    const t = 'Harbour officials have been speaking more frequently of the importance of the ferry link to the islands. “We talked about an exchange of 1,000 tickets for 1,000 passes,” Ilse Brandt said.';
    const qs = run(t).quotes;
    const reported = qs.filter((q) => !q.direct).map((q) => words(t, q));
    expect(reported).toContain('the importance of the ferry link to the islands');
    expect(reported.some((r) => r?.startsWith('an exchange'))).toBe(false);
  });
});

describe('a verb of saying in the infinitive inside reported words', () => {
  it('belongs to the reporting speaker, not to its subject: one statement, not a second one by the subject', () => {
    const t = 'Spokesman Dal Brin spoke to reporters on Monday. He said Corvel was even considering its neighbours’ perceptions of Veskar in order to proceed with the regional diplomacy with a clearer mind. '
      + 'He argued that regional countries had reason to believe that the Veskarian government’s policies would not be merely to Corvel’s disadvantage and that going along with those policies would have negative implications for their own interests as well.';
    const { quotes } = run(t);
    expect(quotes.map((q) => words(t, q.cue))).toEqual(['said', 'argued']);
    expect(words(t, quotes[1]!)).toContain('regional countries had reason to believe that the Veskarian government’s policies');
  });
});

describe('a statement relayed by an outlet', () => {
  it('is the statement of the source it describes; the outlet that reports it says nothing of its own', () => {
    const t = 'Asked about future talks with Veskar, the ministry said Corvel and Veskar had been in contact on their trade concerns and would settle them through dialogue, the Daily Ledger reported.';
    const { quotes } = run(t);
    expect(quotes.map((q) => words(t, q.cue))).toEqual(['said']);
    expect(words(t, quotes[0]!.speakerSpan)).toBe('the ministry');
  });

  it('keeps a person who tells the whole account as its speaker ("…, the source added")', () => {
    const t = 'Ana Oresk had told the harbour police that she did not want the escort at all, but the police overruled that request, the source added.';
    const { quotes } = run(t);
    expect(quotes.map((q) => words(t, q.cue))).toContain('added');
  });
});

describe('where the speaker and the reported words stop around a time', () => {
  it('leaves a day the parse hung on the subject out of the speaker ("Corvel on Thursday said")', () => {
    const t = 'Corvel on Thursday said it would open its ports to the fleet.';
    const { quotes } = run(t);
    expect(quotes.map((q) => words(t, q.speakerSpan))).toEqual(['Corvel']);
  });

  it('ends words about what will be done before a past event someone else did ("… would retaliate after X imposed …")', () => {
    const t = 'Corvel said it would resolutely adopt countermeasures after President Ana Oresk imposed 34 per cent tolls on its ships.';
    const { quotes } = run(t);
    expect(quotes.map((q) => words(t, q))).toEqual(['it would resolutely adopt countermeasures']);
  });

  it('keeps such an event in words that say why something happened ("… collapsed after X walked out")', () => {
    const t = 'Dal Brin said the talks collapsed after Ana Oresk walked out of the room.';
    const { quotes } = run(t);
    expect(quotes.map((q) => words(t, q))).toEqual(['the talks collapsed after Ana Oresk walked out of the room']);
  });
});

describe('reported words that go on past a comma', () => {
  const t = 'This is backed by a statement from Foreign Minister Dal Brin that his country proposed during the talks in Velmar to work on the old agreement, '
    + 'indicating that there are concerning signs that they want an agreement on the harbour under political conditions, including linking the new agreement to Corvel’s pledge not to arm the militias loyal to it in the region, '
    + 'noting that this option will not succeed.';

  it('run over ", including …" (what the noun covers is part of what was said)', () => {
    const { quotes } = run(t);
    const indicating = quotes.find((q) => words(t, q.cue) === 'indicating')!;
    expect(words(t, indicating)).toContain('under political conditions, including linking the new agreement to Corvel’s pledge not to arm the militias loyal to it in the region');
  });

  it('give a participle cue right after them (", indicating that A, noting that B") the same speaker', () => {
    const { quotes } = run(t);
    const speaker = (cue: string): string | undefined => quotes.find((q) => words(t, q.cue) === cue)?.speaker;
    expect(speaker('noting')).toBeDefined();
    expect(speaker('noting')).toBe(speaker('indicating'));
  });
});

describe('a participle cue after a quote the comma closes', () => {
  it('speaks with the verb of saying of the reported clause, not with that clause\'s subject', () => {
    const t = 'Kovac later tweeted that the ferry strike “needs to be a dinner table conversation,” adding “we need everyone on it.”';
    const { quotes } = run(t);
    const adding = quotes.find((q) => words(t, q.cue) === 'adding')!;
    expect(words(t, adding.speakerSpan)).toBe('Kovac');
  });
});

describe('an attribution set off by commas between a subject and its predicate', () => {
  it('reports the whole sentence, never the predicate alone ("The deal, said X, was unfair")', () => {
    const t = 'The deal, said Dal Brin, was unfair to every fisherman in Corvel.';
    const { quotes } = run(t);
    expect(quotes.map((q) => words(t, q))).toEqual(['The deal, said Dal Brin, was unfair to every fisherman in Corvel']);
  });
});

/** Each sentence's quote about the ferries has the speaker's words given beside it. */
function expectSpeakersOfFerryQuote(cases: readonly [string, string][]): void {
  for (const [t, speaker] of cases) {
    const q = run(t).quotes.find((x) => words(t, x)?.includes('ferries would run'));
    expect(words(t, q?.speakerSpan), t).toBe(speaker);
  }
}

describe('asides around a speaker\'s name', () => {
  it('leaves a place, a time, an age, an adverb or a circumstance out of the words naming the speaker', () => {
    const cases: [string, string][] = [
      ['Ana Oresk, in Kelm, said the ferries would run on Monday.', 'Ana Oresk'],
      ['Harbour chief Ana Oresk, meanwhile, said the ferries would run on Monday.', 'Harbour chief Ana Oresk'],
      ['Bram Hollis, 58, said the ferries would run on Monday.', 'Bram Hollis'],
      ['Oresk at the time said the ferries would run on Monday.', 'Oresk'],
      ['Oresk, speaking to dock workers in Tarnby, said the ferries would run on Monday.', 'Oresk'],
      ['KELM (Harbour Wire) — Ana Oresk said the ferries would run on Monday.', 'Ana Oresk'],
    ];
    expectSpeakersOfFerryQuote(cases);
  });

  it('keeps an affiliation or a description of the speaker', () => {
    const cases: [string, string][] = [
      ['Ana Oresk, of the harbour board, said the ferries would run on Monday.', 'Ana Oresk, of the harbour board'],
      ['Ana Oresk, acting director of the harbour board, said the ferries would run on Monday.', 'Ana Oresk, acting director of the harbour board'],
      ['Officials in Kelm said the ferries would run on Monday.', 'Officials in Kelm'],
    ];
    expectSpeakersOfFerryQuote(cases);
  });

  it('takes the words that date or place a title written before it, never the end of the sentence before', () => {
    expectSpeakersOfFerryQuote([
      ['But former Kelm Gov. Ana Oresk said the ferries would run on Monday.', 'former Kelm Gov. Ana Oresk'],
      ['Former Tarnby Senior Adviser Bram Hollis said the ferries would run on Monday.', 'Former Tarnby Senior Adviser Bram Hollis'],
      ['The guild met in the Harbour Office. Gov. Ana Oresk said the ferries would run on Monday.', 'Gov. Ana Oresk'],
    ]);
  });
});

describe('a headline that gives a person\'s words after the name and a colon', () => {
  it('makes those words the person\'s, with or without a verb', () => {
    const t = 'Ana Vesk: No Outside Influence on the Harbour Inquiry\n\nKELM — Attorney General Ana Vesk said on Tuesday that the inquiry into the harbour contracts would follow the evidence.';
    const q = run(t).quotes.find((x) => words(t, x) === 'No Outside Influence on the Harbour Inquiry');
    expect(words(t, q?.speakerSpan)).toBe('Ana Vesk');
  });

  it('takes no label before a colon for a speaker', () => {
    const t = 'Update: The Ferries Will Run on Monday as Planned\n\nKELM — The harbour office said on Tuesday that the ferries would run on Monday.';
    const { quotes } = run(t);
    expect(quotes.filter((x) => words(t, x)?.includes('Ferries Will Run'))).toEqual([]);
  });
});

describe('the next part of a quote split by its attribution', () => {
  it('is said through the same cue when it opens the next paragraph', () => {
    const t = '“The levy is a tax by another name,” Bram Hollis said at the meeting.\n\n“We will fight it in every court that will hear us.”';
    const next = run(t).quotes.find((x) => words(t, x)?.includes('every court'));
    expect(words(t, next?.cue)).toBe('said');
    expect(words(t, next?.speakerSpan)).toBe('Bram Hollis');
  });
});

describe('a cue with its own complement after a quote that closes its sentence', () => {
  it('does not sign the quote before it', () => {
    const t = 'Tomas Brell posted a message on the town forum on Sunday. “Her plan is a disgrace — resign!” Ilse Brandt said in an interview on Monday that she would not step down.';
    const { quotes } = run(t);
    const shout = quotes.find((x) => words(t, x)?.includes('disgrace'));
    expect(words(t, shout?.speakerSpan)).not.toBe('Ilse Brandt');
    const reply = quotes.find((x) => words(t, x) === 'she would not step down');
    expect(words(t, reply?.speakerSpan)).toBe('Ilse Brandt');
  });
});

describe('the content of a direct quote of several sentences', () => {
  it('runs to the closing mark, not to the end of its first sentence', () => {
    const t = 'Ilse Brandt spoke after the vote. “Dal Brin has made all of them [on the harbour board] feel uncomfortable. The sin he commits is keeping his promise,” Brandt says.';
    const q = run(t).quotes.find((x) => x.direct);
    expect(words(t, q?.content ?? q)).toMatch(/^Dal Brin has made .* keeping his promise,?$/);
  });
});

describe('subjects that can be no source', () => {
  it('makes no record of the reader addressed ("you probably think")', () => {
    const t = 'If you think of Kelm you probably think of the harbour and its ferries.';
    expect(run(t).quotes).toEqual([]);
  });

  it('makes no record of an adjective before a noun read as the cue ("parliamentary reports calling for")', () => {
    const t = 'Despite parliamentary reports calling for rules to regulate the way ferry tickets are sold, officials in Kelm have made no changes to the law.';
    expect(run(t).quotes.map((q) => words(t, q.speakerSpan))).not.toContain('parliamentary');
  });

  it('makes no record whose speaker would be a lone article', () => {
    const t = 'Part of this water is a plume. For starters, the observed volume is much higher than what is predicted to result from outside processes, such as the stripping of water molecules from the ice.';
    expect(run(t).quotes).toEqual([]);
  });

  it('makes no record of a date phrase, and keeps the speaker of the next clause', () => {
    const t = 'In 2009, officials there were accused of concealing the true extent of the flood damage—and Kelm officials ultimately admitted that the town had lost ten times as many homes as they had initially reported.';
    const { quotes } = run(t);
    expect(quotes.map((q) => words(t, q.speakerSpan))).toEqual(['Kelm officials']);
  });
});

describe('a cue after a comma with its speaker closing the sentence ("…, says X, a fund manager at Y.")', () => {
  it('reports the words before the cue, spoken by the name and its appositive', () => {
    const t = 'The Tarnby ferry deal could be the beginning of a new trend for harbour stocks, says Ana Oresk, portfolio manager at Kelm Asset Management.';
    const { quotes } = run(t);
    expect(quotes.map((q) => [words(t, q), words(t, q.speakerSpan)])).toEqual([
      ['The Tarnby ferry deal could be the beginning of a new trend for harbour stocks', 'Ana Oresk, portfolio manager at Kelm Asset Management'],
    ]);
  });

  it('never makes the speaker\'s own words a record, even with a comma inside what was said', () => {
    const t = 'The discoveries of these channels were momentous, groundbreaking advances, says Ilse Brandt, a hydrologist at Kelm University.';
    const { quotes } = run(t);
    expect(quotes.map((q) => words(t, q))).toEqual(['The discoveries of these channels were momentous, groundbreaking advances']);
    expect(words(t, quotes[0]?.speakerSpan)).toBe('Ilse Brandt, a hydrologist at Kelm University');
  });

  it('gives the words around an aside to the speaker inside it ("The ferries, said X, will run")', () => {
    const t = 'The ferries, said Ana Oresk, will run again by March.';
    expect(run(t).quotes.map((q) => words(t, q.speakerSpan))).toEqual(['Ana Oresk']);
  });
});

describe('a source opening the sentence with "According to"', () => {
  it('ends at the comma after it: the name after the comma is the subject of what it reports', () => {
    const t = 'According to a report in the Kelm Gazette of Tarnby, Gov. Ana Oresk launched the campaign on Monday to address the ferry crisis.';
    const { quotes } = run(t);
    expect(quotes.map((q) => [words(t, q), words(t, q.speakerSpan)])).toEqual([
      ['Gov. Ana Oresk launched the campaign on Monday to address the ferry crisis', 'a report in the Kelm Gazette of Tarnby'],
    ]);
  });

  it('keeps a name set off by commas after it as its appositive', () => {
    const t = 'According to his aunt, Ilse Brandt, the boy read at an adult level when he was five.';
    expect(run(t).quotes.map((q) => words(t, q))).toEqual(['the boy read at an adult level when he was five']);
  });
});

describe('a verb of telling after a quote and a speaker with an appositive', () => {
  it('gives the quote to the speaker, never to the one told', () => {
    const t = 'The harbour board met on Monday. "The port will reopen in March," Ana Oresk, director of the harbour board, tells the Kelm Gazette. "We have the money for the new quay."';
    const { quotes } = run(t);
    expect(quotes.map((q) => [words(t, q), words(t, q.speakerSpan)])).toEqual([
      ['The port will reopen in March,', 'Ana Oresk, director of the harbour board'],
      ['We have the money for the new quay.', 'Ana Oresk, director of the harbour board'],
    ]);
  });
});

describe('a speaker with an AP-style party and state', () => {
  it('takes the name before an AP-style party and state, not the state abbreviation', () => {
    const t = 'In October, Rep. Ana Oresk, R-W.Va., visited the harbour near Kelm, Tarnby, and argued that the port needs stronger sea walls.';
    const q = run(t).quotes.find((x) => words(t, x)?.includes('sea walls'));
    expect(words(t, q?.speakerSpan)).toBe('Rep. Ana Oresk, R-W.Va.');
  });
});

describe('the absolute "with" construction', () => {
  it('gives the words to the noun phrase between "with" and the participle, not to the clause it hangs on', () => {
    const t = 'The talks stalled on Monday, with Ana Oresk and other harbour officials saying that the levy would not fall.';
    const q = run(t).quotes.find((x) => words(t, x) === 'the levy would not fall');
    expect(words(t, q?.speakerSpan)).toBe('Ana Oresk and other harbour officials');
  });
});

describe('a day before the preposition a speaker phrase took', () => {
  it('is left out with the preposition ("Tuesday after KTV reported")', () => {
    const t = 'The major harbour indexes were mixed in early trading Tuesday after KTV reported that the mood in Kelm was pessimistic.';
    const q = run(t).quotes.find((x) => words(t, x) === 'the mood in Kelm was pessimistic');
    expect(words(t, q?.speakerSpan)).toBe('KTV');
  });
});

describe('the document or occasion words were given in', () => {
  it('is no quote of its own ("stressed in her column in the Ledger …")', () => {
    const t = 'On the other hand, Deputy Minister Ana Oresk stressed in her column in the “Harbour Ledger” newspaper titled “Who Pays?” the need to hold accountable those who insist on keeping the tolls.';
    const { quotes } = run(t);
    // Whatever is read of what she stressed, no record is the column, the paper or the words of its title's question.
    expect(quotes.map((q) => words(t, q)).filter((w) => !w?.includes('the need'))).toEqual([]);
  });

  it('is no quote after an article either ("confirmed it in a statement to the Ledger website on March 6")', () => {
    const t = 'Senator Tom Wade confirmed it in a statement to the Ledger website on March 6, stating that the toll plan was dropped for the bridge.';
    const { quotes } = run(t);
    expect(quotes.map((q) => words(t, q))).toEqual(['the toll plan was dropped for the bridge']);
  });
});

describe('an attribution set off by commas between a subject and its predicate', () => {
  it('reports the sentence around it ("This campaign, she says, is different."), spoken by who the pronoun names', () => {
    const t = 'Ana Oresk spoke to supporters in Velda on Monday.\n\nThis campaign, she says, is different.';
    const { doc, quotes } = run(t);
    const q = quotes.find((x) => words(t, x)?.startsWith('This campaign'));
    expect(words(t, q)).toBe('This campaign, she says, is different');
    expect(doc.layers.entityIndex?.find((e) => e.id === q!.speaker)?.name).toBe('Ana Oresk');
  });
});

describe('a reading of the rules that proves no statement', () => {
  it('gives way to the trained reading it took in ("approved a resolution condemning …": what the resolution condemns)', () => {
    const t = "The Velda City Council approved a resolution condemning the mayor's plan to close the harbour to ferries.";
    const { doc, quotes } = run(t);
    const q = quotes.find((x) => words(t, x)?.includes('plan to close the harbour'));
    expect(q).toBeDefined();
    expect(doc.layers.entityIndex?.find((e) => e.id === q!.speaker)?.name).toBe('Velda City Council');
  });
});

describe('a quote that closes its own sentence', () => {
  it('is not signed by a verb after it with an object of its own ("“Okay, great!” Kell showed an awkward calm")', () => {
    const t = '“You got the names of everybody here?” Ana Oresk said. “Okay, great!” Kell showed an awkward but promising calm on the stage.';
    const { quotes } = run(t);
    expect(quotes.filter((q) => words(t, q.speakerSpan) === 'Kell')).toEqual([]);
  });

  it('is still signed by an inverted cue the parse may read with an object ("“…?” tweeted Prince Tomas, the mayor\'s nephew")', () => {
    const t = '“You base your statements on doctored pictures? I bailed you out twice!” tweeted Prince Tomas, the nephew of the late mayor, on Thursday.';
    const q = run(t).quotes.find((x) => words(t, x)?.includes('doctored pictures'));
    expect(words(t, q?.speakerSpan)).toContain('Prince Tomas');
  });
});

describe('a quote after a colon with no cue before it', () => {
  it('is not given to a day or a month named first in the sentence', () => {
    const t = 'But after Tuesday night’s rally, the commentator Jonah Brel of the Harbour Review imagined Ana Oresk was thinking: “My God, what have I done to the ferries?”';
    const q = run(t).quotes.find((x) => words(t, x)?.includes('what have I done'));
    expect(words(t, q?.speakerSpan)).not.toBe('Tuesday');
  });
});

describe('the dateline opening a paragraph', () => {
  it('is no speaker ("CORVEL, Aug 31 (Reuters) - …, saying …"); a name opening a paragraph still is', () => {
    const t = 'CORVEL, Aug 31 (Reuters) - Veskaria’s far-right Harbour Front party leader, Ana Oresk, voiced support for the Kell toll plan on Wednesday, saying the old bridge would bring hardship to the island.\n\nTOMAS KAGAN said on Monday that the tolls would ruin the island.';
    const { quotes } = run(t);
    expect(quotes.filter((q) => /CORVEL/.test(words(t, q.speakerSpan) ?? ''))).toEqual([]);
    const kagan = quotes.find((q) => words(t, q)?.includes('ruin the island'));
    expect(words(t, kagan?.speakerSpan)).toBe('TOMAS KAGAN');
  });
});

describe('introductory phrases before the subject of a participle\'s clause', () => {
  it('are all skipped, the state after a town among them ("At a rally in Portsmouth, N.H., on Tuesday, X endorsed Y, saying …")', () => {
    const t = 'At a rally in Portsmouth, N.H., on Tuesday, Senator Ilse Brandt of Veskaria endorsed Mrs. Oresk, saying that her former rival would make an outstanding mayor.';
    const q = run(t).quotes.find((x) => words(t, x)?.includes('outstanding mayor'));
    expect(words(t, q?.speakerSpan)).toBe('Senator Ilse Brandt of Veskaria');
  });
});

describe('a call on someone to do something', () => {
  it('reports who is called on and what to do ("the report called on officials to monitor …"), with "called on" for its cue', () => {
    const t = 'The moderate newspaper Daily Post noted in its report on February 19 that officials must be cautious of the deal, and the report called on officials to monitor the actions of the port in how it deals with the ferries.';
    const q = run(t).quotes.find((x) => words(t, x)?.startsWith('officials to monitor'));
    expect(words(t, q)).toBe('officials to monitor the actions of the port in how it deals with the ferries');
    expect(words(t, q?.cue)).toBe('called on');
    expect(words(t, q?.speakerSpan)).toBe('the report');
  });
});

describe('a quote after a headline in capitals, a dash and a name with a colon', () => {
  it('is the named author\'s, not the headline\'s ("RED HARBOURS OUTNUMBER BLUE HARBOURS - Ilse M. Brandt: “…”")', () => {
    const t = 'RED HARBOURS OUTNUMBER BLUE HARBOURS FOR THE FIRST TIME - Ilse M. Brandt: “Our analysis of harbour affiliation at the state level in 2030 finds that 20 harbours are solidly red, compared with 14 solidly blue.”';
    const q = run(t).quotes.find((x) => words(t, x)?.includes('solidly red'));
    expect(words(t, q?.speakerSpan)).toBe('Ilse M. Brandt');
  });
});
