import { describe, expect, it } from 'vitest';
import { createArticlePipeline } from '../index.js';
import { describeSpeakers } from './resolve.js';
import { isWritersImpersonalRemark } from './writer-voice.js';

// Fictional articles written for these tests; run through the whole article pipeline (parse, entities, references).
interface Said { readonly words: string; readonly speaker?: string; readonly speakerText?: string; readonly speakerWords?: string }

function quotesOf(text: string): Said[] {
  const doc = createArticlePipeline().run({ id: 'fiction', text, meta: {}, source: {}, layers: {}, messages: [] });
  const names = new Map((doc.layers.entityIndex ?? []).map((e) => [e.id, e.name]));
  return (doc.layers.quotes ?? []).map((q) => ({
    words: text.slice(q.start, q.end),
    ...(q.speaker ? { speaker: names.get(q.speaker) } : {}),
    ...(q.speakerText ? { speakerText: q.speakerText } : {}),
    ...(q.speakerSpan ? { speakerWords: text.slice(q.speakerSpan.start, q.speakerSpan.end) } : {}),
  }));
}
const find = (quotes: Said[], part: string): Said => {
  const q = quotes.find((x) => x.words.includes(part));
  expect(q, `a quote with "${part}"`).toBeDefined();
  return q!;
};

/**
 * The speaker entity the resolver gives a role alone (no parse, no references): the text opens with
 * the person "Tomas Brandt" (entity e1); its second sentence is reported up to ", <phrase> said".
 */
function speakerOfRole(text: string, phrase: string): string | undefined {
  const at = text.indexOf(`${phrase} said`);
  const second = text.indexOf('. ') + 2;
  const speaker = { start: at, end: at + phrase.length };
  const [q] = describeSpeakers(text, [{ start: second, end: text.lastIndexOf(',', at), direct: false, speaker: { span: speaker, core: speaker }, cue: { start: speaker.end + 1, end: speaker.end + 5 } }], {
    entities: [{ start: 0, end: 12, type: 'PERSON', entity: 'e1' }], entityIndex: [{ id: 'e1', type: 'PERSON' }], sentences: [{ start: 0, end: second - 1 }, { start: second, end: text.length }],
  });
  return q!.speaker;
}

describe('"I" and "we" in the article\'s own words', () => {
  it('are the writer: no one the article names speaks them', () => {
    const t = 'Mayor Ines Kovac opened the new ferry terminal in Tarnby on Monday. I asked her whether the fares would rise before winter. We reported last week that the harbour board will wait until the spring.';
    const quotes = quotesOf(t);
    for (const part of ['the fares would rise', 'the harbour board will wait']) {
      const q = find(quotes, part);
      expect(q.speaker).toBeUndefined();
      expect(q.speakerText).toBeUndefined();
    }
    for (const q of quotes) expect(q.speaker).not.toBe('Ines Kovac');
  });

  it('inside quote marks stay with the one quoted', () => {
    const t = '“We will not raise the fares this year,” Ines Kovac said.';
    expect(find(quotesOf(t), 'raise the fares').speaker).toBe('Ines Kovac');
  });
});

describe('"they"', () => {
  it('is the group of people the text just spoke of, not a person or a country named nearer', () => {
    const t = 'Analysts expect ferry traffic between Kell and Veskaria to double by 2030. They say the new terminal built by Orla Vennick will lift exports.';
    const q = find(quotesOf(t), 'the new terminal');
    expect(q.speaker).toBeUndefined();
    expect(q.speakerText).toBe('Analysts');
  });

  it('is never one person: with no group before it, it stays unresolved', () => {
    const t = 'Tomas Brandt met the ferry crews in Tarnby on Tuesday. They said the strike would go on until June.';
    const q = find(quotesOf(t), 'the strike would go on');
    expect(q.speaker).toBeUndefined();
    expect(q.speakerText).toBeUndefined();
  });
});

describe('a role held towards someone', () => {
  it('("the victim\'s mother") is not the person the text is about', () => {
    const t = 'Bram Hollis was sentenced to twelve years in prison on Friday for the attack in Tarnby. The victim\'s mother said the court had finally listened to her family.';
    const q = find(quotesOf(t), 'the court had finally listened');
    expect(q.speaker).toBeUndefined();
    expect(q.speakerText).toBe("victim's mother");
  });

  it('("the spokeswoman") takes the woman the text is about, not the man named last', () => {
    const t = 'Mira Dalen, who speaks for the harbour office, met Tomas Brandt on Monday. The spokeswoman said the ferries would run again on Friday.';
    expect(find(quotesOf(t), 'the ferries would run again').speaker).toBe('Mira Dalen');
  });
});

describe('a video or evidence', () => {
  it('speaks for no body that spoke before it', () => {
    const t = 'The Tarnby Police Department confirmed that two officers were hurt. The video shows that officers rammed the door before dawn.';
    const quotes = quotesOf(t);
    const video = find(quotes, 'rammed the door');
    expect(video.speaker).toBeUndefined();
    expect(video.speakerText).toBe('video');
  });
});

describe('a passive cue with its agent after the quote', () => {
  it('("was described as “reckless” by X") is X\'s, not the subject\'s', () => {
    const q = find(quotesOf('The harbour plan was described as “reckless” by Tomas Brandt, the port minister.'), 'reckless');
    expect(q.speaker).toBe('Tomas Brandt');
  });

  it('("by those parties") is the two sides of the talks the text just named', () => {
    const t = 'It is worth noting that Kell officials have held more than one round of talks with officials from the Veskar League in Tarnby in recent weeks, '
      + 'to discuss the disputes between the parties, chiefly the harbour, and that round was described as “good” by those parties.';
    const q = find(quotesOf(t), 'good');
    expect(q.speaker).toBeUndefined();
    expect(q.speakerText).toBe('Kell officials and officials from the Veskar League');
  });
});

describe('"what X says are …"', () => {
  it('reports the words after the cue as X\'s', () => {
    const t = 'The levy is a response to what Ines Kovac says are unfair harbour fees.';
    const q = find(quotesOf(t), 'unfair harbour fees');
    expect(q.words).toBe('unfair harbour fees');
    expect(q.speaker).toBe('Ines Kovac');
  });

  it('gives a quote after "what X described as" to X, not to "what"', () => {
    const t = 'Ana Oresk was voted off the show in what host Tomas Brandt described as the “hardest verdict so far this season.”';
    const q = find(quotesOf(t), 'hardest verdict');
    expect(q.speakerWords).toBe('host Tomas Brandt');
    expect(q.speaker).toBe('Tomas Brandt');
  });
});

describe('words the tagger reads as reported in a later sentence than its cue', () => {
  it('are not given that cue when they start inside their own sentence', () => {
    const t = 'Jon Oresk was eliminated in what host Tomas Brandt described as the “hardest verdict so far this season.” The elimination came after his announcement that his wife had been ill.';
    const quotes = quotesOf(t);
    expect(quotes.map((q) => q.words)).toEqual(['hardest verdict so far this season.']);
  });
});

describe('a role that is not definite', () => {
  it('(a bare "official" left of "one West Virginia official") is not the person the text is about', () => {
    const t = 'Tomas Brandt bought the mine in May. It has met every standard, one West Virginia official said.';
    expect(speakerOfRole(t, 'official')).toBeUndefined();
    // The same role made definite ("the official") stands for him.
    expect(speakerOfRole(t.replace('one West Virginia official', 'the official'), 'the official')).toBe('e1');
  });
});

describe('"it\'s obvious that …"', () => {
  it('is the writer\'s own remark, nobody\'s statement', () => {
    const t = 'At this juncture, it’s obvious that the board is wasting its breath.';
    const k = t.indexOf('it’s');
    expect(isWritersImpersonalRemark(t, { start: k, end: k + 2 })).toBe(true);
  });
});

describe('a definite role guessed only from its ending', () => {
  it('("the consumer") is not the person the text is about; a known role ("the singer") is', () => {
    expect(speakerOfRole('Tomas Brandt runs the ferry line. The fares are too high, the consumer said.', 'the consumer')).toBeUndefined();
    expect(speakerOfRole('Tomas Brandt runs the ferry line. The fares are too high, the singer said.', 'the singer')).toBe('e1');
  });
});

describe('"he" with no person named before it', () => {
  it('is not the capitalised word that qualifies a role ("The Kell president")', () => {
    const t = 'The Kell president faced criticism due to his statement, in which he opposed negotiations with the league in support of the council’s stance.';
    const q = find(quotesOf(t), 'negotiations with the league');
    expect(q.speakerText).not.toBe('Kell');
  });
});

describe('a role the article gave someone else in another rank or kind of office', () => {
  it('("the president") is not the vice president or the senator named before it', () => {
    const t = 'Vice President Ilse Brandt met the harbour board on Monday. Senator Tomas Hollis left early. The president said on Tuesday that the ferries would run again.';
    const q = find(quotesOf(t), 'the ferries would run again');
    expect(q.speaker).toBeUndefined();
    expect(q.speakerText).toBe('president');
  });

  it('("the vice president") is the vice president, and "the president" the president', () => {
    const t = 'President Aurel Dravomir and Vice President Ilse Brandt visited Tarnby on Monday. The vice president said the ferries would run again. The president said the fares would not rise.';
    const quotes = quotesOf(t);
    expect(find(quotes, 'the ferries would run again').speaker).toBe('Ilse Brandt');
    expect(find(quotes, 'the fares would not rise').speaker).toBe('Aurel Dravomir');
  });
});

describe('an unnamed speaker described by the words of its phrase', () => {
  /** The speaker text shown for the phrase `core` of a reported clause `said` that follows it in `text`. */
  function shown(text: string, core: string): string | undefined {
    const at = text.indexOf(core);
    const span = { start: at, end: at + core.length };
    const cue = text.indexOf(' said', span.end) + 1;
    const [q] = describeSpeakers(text, [{ start: cue + 5, end: text.length - 1, direct: false, speaker: { span, core: span }, cue: { start: cue, end: cue + 4 } }], {
      entities: [], entityIndex: [], sentences: [{ start: 0, end: text.length }],
    });
    return q!.speakerText;
  }

  it('leaves out the conjunction or the relative word opening the clause ("even though most mayors", "that prosecutors")', () => {
    expect(shown('The ferries stopped, even though most mayors said the fares were fair.', 'even though most mayors')).toBe('most mayors');
    expect(shown('The charity in Velda that prosecutors said was a front closed.', 'that prosecutors')).toBe('prosecutors');
  });

  it('names no one for a relative clause without its noun ("who have been the strongest opponents")', () => {
    expect(shown('Leaders who have been the strongest opponents said the toll would fall.', 'who have been the strongest opponents')).toBeUndefined();
  });
});

describe('a speaker set off by dashes', () => {
  it('is the name before a dash aside ("Tomas Kagan — who ran the ferries for a decade — said"), not the aside', () => {
    const t = 'Tomas Kagan — who ran the ferries for a decade — said the tolls would ruin the island.';
    expect(find(quotesOf(t), 'ruin the island').speaker).toBe('Tomas Kagan');
  });

  it('is described without its dash aside ("Liberal economists - including a minority of the board itself -")', () => {
    const t = 'Liberal economists - including a minority of the harbour board itself - have argued that the tolls could undermine growth.';
    expect(find(quotesOf(t), 'undermine growth').speakerText).toBe('Liberal economists');
  });
});

describe('"who" after a place that closes a person\'s appositive', () => {
  it('is the person ("Tomas Hollis, a teacher from Hilton Head, South Carolina, who …"), not the place', () => {
    const t = 'Tomas Hollis, a 59-year-old teacher from Hilton Head, South Carolina, who already cast a ballot for the ferry plan. “Every time she opens her mouth, I think she is lying about the tolls.”';
    expect(find(quotesOf(t), 'lying about the tolls').speaker).toBe('Tomas Hollis');
  });
});

describe('a document given to an outlet', () => {
  it('speaks for the one interviewed, not the outlet ("according to an interview with The Harbour Times")', () => {
    const t = 'In 1999, Tomas Brandt said the mayor had been treated unfairly. His criticism, according to an interview with The Harbour Times at the time, was the choice of ferry: “It was the old one! I mean, terrible choice.”';
    expect(find(quotesOf(t), 'choice of ferry').speaker).toBe('Tomas Brandt');
  });
});

describe('a quote signed on the line below ("- Ana Oresk.")', () => {
  it('is that person\'s, as fact-checks print them', () => {
    const t = 'The Harbour Post asked the campaign twice.\n\n"I went to the port before the storm. I was the one saying the wall would fail."\n\n- Ana Oresk.\n\nOresk tends to overstate her visit.';
    expect(find(quotesOf(t), 'the wall would fail').speaker).toBe('Ana Oresk');
  });
});

describe('a document an outlet obtained', () => {
  it('speaks for who wrote it, not the outlet ("A letter from X obtained by The Associated Press warns …")', () => {
    const t = 'The Kell Veterans Association has twice complained to the mayor since Jan. 22 about the use of its emblem. A Feb. 1 letter from the Kell Veterans Association obtained by The Associated Press warns that "any further communication about it will be through our trademark attorney in the appropriate forum."';
    expect(find(quotesOf(t), 'trademark attorney').speaker).toBe('Kell Veterans Association');
  });
});
