import { describe, expect, it } from 'vitest';
import { createArticlePipeline } from '../index.js';
import type { Quote } from './index.js';

// Fictional sentences written for these tests; run through the whole article pipeline (parse, entities, references).
function run(text: string): Quote[] {
  const doc = createArticlePipeline().run({ id: 'fiction', text, meta: {}, source: {}, layers: {}, messages: [] });
  return doc.layers.quotes ?? [];
}
const words = (text: string, s: { start: number; end: number } | undefined): string | undefined => (s ? text.slice(s.start, s.end) : undefined);
const reported = (t: string, qs: readonly Quote[], start: string): Quote | undefined => qs.find((q) => !q.direct && words(t, q)?.startsWith(start));
/** The written forms of the entity the record of `t` holding `part` is given to, joined. */
function speakerEntityForms(t: string, part: string): string {
  const doc = createArticlePipeline().run({ id: 'fiction', text: t, meta: {}, source: {}, layers: {}, messages: [] });
  const q = (doc.layers.quotes ?? []).find((x) => words(t, x)?.includes(part));
  expect(q?.speaker, part).toBeDefined();
  return (doc.layers.entities ?? []).filter((m) => m.entity === q!.speaker).map((m) => t.slice(m.start, m.end)).join(' ');
}

/** The speaker as written of the reported record of `t` holding `part` (the test fails when there is none). */
function reportedSpeaker(t: string, part: string): string | undefined {
  const q = run(t).find((x) => !x.direct && words(t, x)?.includes(part));
  expect(q, part).toBeDefined();
  return words(t, q!.speakerSpan);
}

describe('where reported words end', () => {
  it.each([
    ['where the speaker goes on with a participle of saying (", saying …")',
      'In this context, the economist Mira Dalen stressed that the new customs union is a rare chance to rebuild the Veskarian fleet, saying the ports must double their capacity within five years.',
      'the new customs union is a rare chance to rebuild the Veskarian fleet'],
    ['where another clause with its own verb of saying starts (", and the editorial called on …")',
      'The weekly Corvel Herald noted in its editorial on Friday that the harbour officials must be wary of the new tariff deal, and the editorial called on the council to publish every contract.',
      'the harbour officials must be wary of the new tariff deal'],
    ['before the attribution that closes them, not over it to the writer\'s participle after it (", the agency said, overshadowing …")',
      'The death toll from the floods in the valley surged past 300 people in the town alone, the agency said, overshadowing hopes of finding hundreds of others missing after the storm.',
      'The death toll from the floods in the valley surged past 300 people in the town alone'],
    ['before an attribution that says only when, and no clause is read from that time (", X said Friday afternoon, as …")',
      'The council\'s long feud with the harbour is an insult to all fishermen, union leaders said Friday afternoon, as they bristled at the questions about the port.',
      'The council\'s long feud with the harbour is an insult to all fishermen'],
    ['from the sentence start before a closing ", according to X", not from a word in marks the parse took for a clause',
      'More than 3,000 people joined a harbour “sit-in” at 40 quays in 12 towns, according to the Kell Dockers Union.',
      'More than 3,000 people joined a harbour “sit-in” at 40 quays in 12 towns'],
    ['where the writer adds a consequence of what was reported (", which raised fears …")',
      'Port officials said the harbour board had voted to close the north quay for repairs, which raised fears among traders that the summer fair would move.',
      'the harbour board had voted to close the north quay for repairs'],
  ])('ends them %s', (_what, t, expected) => {
    const q = reported(t, run(t), expected.split(' ').slice(0, 3).join(' '));
    expect(q).toBeDefined();
    expect(words(t, q)).toBe(expected);
  });

  it('keeps a participle of the reported clause\'s own subject inside it ("issued warnings, notifying …")', () => {
    const t = 'The regional flood agency said on Tuesday that the river office sent alerts two days before the water rose, warning every village council by text message and on local radio.';
    const q = reported(t, run(t), 'the river office');
    expect(q).toBeDefined();
    expect(words(t, q)).toContain('warning every village council');
  });

});

describe('two reports joined by ", and"', () => {
  it('keeps each clause with its own speaker: no conjunction in the second speaker, no second clause in the first record', () => {
    const t = 'Ilse Brandt emphasized that the harbour reforms were not complete, and human rights groups warned that the council was relinquishing critical leverage over the owners.';
    const qs = run(t);
    const first = reported(t, qs, 'the harbour reforms');
    expect(words(t, first)).toBe('the harbour reforms were not complete');
    expect(words(t, first!.content ?? first)).toBe('the harbour reforms were not complete');
    expect(words(t, reported(t, qs, 'the council')?.speakerSpan)).toBe('human rights groups');
  });

  it('ends the words after a cue before ", but X said …", and gives no quote to a cue that only takes an object', () => {
    const t = 'The inspectors did not show the damaged hull to reporters, but Ilse Brandt said divers had found two cracks near the keel.';
    expect(run(t).map((q) => words(t, q))).toEqual(['divers had found two cracks near the keel']);
  });

  it('ends the first clause before a second subject with a plural possessive ("dock workers\' groups warned")', () => {
    const t = 'Ana Oresk stressed that the harbour reforms were not finished, and dock workers\' groups warned that the council was losing critical leverage over the owners.';
    const qs = run(t);
    expect(words(t, reported(t, qs, 'the harbour reforms'))).toBe('the harbour reforms were not finished');
    expect(words(t, reported(t, qs, 'the council')?.speakerSpan)).toBe('dock workers\' groups');
  });
});

describe('the speaker of a participle of saying after reported words', () => {
  it('gives “…” after "X emphasized that A is B, saying" to X, not to the subject of A', () => {
    const t = 'The Veskarian historian Oren Pask wrote a column for the Corvel Review, arguing that what counts today is rebuilding trust, not new treaties, saying, “We keep making the same promises and nobody believes them any more.”';
    const q = run(t).find((x) => x.direct && words(t, x)?.startsWith('We keep making'));
    expect(q).toBeDefined();
    expect(words(t, q!.speakerSpan)).toContain('Oren Pask');
  });
});

describe('a list of points introduced by a speaker', () => {
  const t = [
    'The talks in Corvel ended after two hours.',
    'The head of the Veskarian delegation, Ana Oresk, named three results of the meeting:',
    '→ in the "next few weeks" both sides will free 500 detained fishermen;',
    '→ the other side "asked for" a meeting of the two presidents, and Veskaria "took note of the request";',
    'The delegations left the palace at noon.',
  ].join('\n\n');
  const qs = run(t);

  it('gives each list item to the speaker who introduced the list, as reported speech', () => {
    const item = qs.find((q) => !q.direct && words(t, q)?.includes('both sides will free 500'));
    expect(item).toBeDefined();
    expect(words(t, item!.speakerSpan)).toContain('Ana Oresk');
  });

  it('gives the words in marks inside the items to that speaker too', () => {
    for (const quoted of ['next few weeks', 'asked for', 'took note of the request']) {
      const q = qs.find((x) => x.direct && words(t, x) === quoted);
      expect(q, quoted).toBeDefined();
      expect(words(t, q!.speakerSpan)).toContain('Ana Oresk');
    }
  });

  it('stops at the first paragraph that is not a list item', () => {
    expect(qs.some((q) => words(t, q)?.includes('left the palace'))).toBe(false);
  });
});

describe('conjecture in the writer\'s voice', () => {
  it('gives no record to "the stalemate suggests that …", "all indicators suggest that …", "the dialogue shows that …" (no one spoke)', () => {
    const t = 'Months of deadlock between Veskaria and Corvel suggest that any settlement is still far away. Shops along the border have closed, and all indicators suggest that trade will not come back soon. Still, the quiet exchanges between the two ports show that neither side wants a rupture.';
    expect(run(t).filter((q) => !q.direct)).toEqual([]);
  });

  it('keeps what a study or a story "suggests" as reported by that document', () => {
    const t = 'A new study by the Corvel Fisheries Institute suggests that the cod stocks will recover within a decade.';
    expect(run(t).some((q) => !q.direct && words(t, q)?.includes('cod stocks will recover'))).toBe(true);
  });
});

describe('a role speaker with a named appositive', () => {
  it('gives "stated by the head of the delegation, aide to the president Oren Pask" to Oren Pask', () => {
    const t = 'The first round closed with a swap of 300 detainees. This was stated by the head of the Veskarian delegation, aide to the President of Veskaria Oren Pask, expressing satisfaction with the outcome.';
    expect(speakerEntityForms(t, 'The first round closed')).toContain('Oren Pask');
  });
});

describe('a paragraph closed by a dash attribution', () => {
  it('is one direct quote of the speaker, its last sentence no reported record of its own', () => {
    const t = 'The meeting in Corvel ended on Friday.\n\nWe may soon arrange a meeting of the two prime ministers. We discussed a swap of 300 for 300. We are still settling the practical side of the swap. First the fishermen come home, and after that we will tell you what comes next - Oresk said.\n\nThe delegations left at noon.';
    const qs = run(t);
    const own = qs.filter((q) => q.start >= t.indexOf('We may soon') && q.end <= t.indexOf(' - Oresk'));
    expect(own).toHaveLength(1);
    expect(own[0]!.direct).toBe(true);
    expect(words(t, own[0]!.speakerSpan)).toBe('Oresk');
  });
});

describe('the clause before a sentence-final attribution', () => {
  it('is reported by a speaker who "told reporters" after it', () => {
    const t = 'The Veskarian trade minister Oren Pask started a meeting with a Corvel delegation in Varn, ministry spokesman Tomas Vell told reporters.';
    expect(reportedSpeaker(t, 'The Veskarian trade minister')).toContain('Tomas Vell');
  });

  it('is reported by the source an outlet cites ("…, the Ledger reports citing Y.")', () => {
    const t = 'The number of people missing in the river town of Varn has climbed to 1,300 while divers keep searching the flooded streets, Al Mirat reports citing the Veskarian Red Cross.';
    expect(reportedSpeaker(t, 'The number of people missing')).toContain('Red Cross');
  });
});

describe('two attributions joined by ", and" in one sentence', () => {
  it('ends the first reported clause where a second subject with its own appositive takes the floor', () => {
    const t = "The mayor of Kell, Lena Voss, announced that the old bridge would reopen in May, and the head of the city's transport office, Piet Arnd, said on Friday that buses would keep their detour until then.";
    const qs = run(t);
    expect(words(t, reported(t, qs, 'the old bridge'))).toBe('the old bridge would reopen in May');
    expect(reportedSpeaker(t, 'buses would keep')).toContain('Piet Arnd');
  });

  it('gives the second clause to its own subject when the parse hangs that subject inside the first clause', () => {
    const t = "The harbour master, Ilse Brandt, confirmed that the ferry had left Kell on time, and the operator's press officer, Jonas Wiel, indicated the next morning that the crossing would be repeated daily.";
    expect(reportedSpeaker(t, 'the crossing would be repeated')).toContain('Jonas Wiel');
    expect(words(t, reported(t, run(t), 'the ferry had left'))).toBe('the ferry had left Kell on time');
  });
});

describe('a statement named by a noun', () => {
  it('gives "a statement from X that …" to X, and "This is backed by …" does not make X the speaker of the sentence before', () => {
    const t = 'Ferry fares will fall before the summer. This is backed by a statement from Harbour Minister Lena Voss that her office proposed during the talks in Kell to cut port fees.';
    const qs = run(t);
    expect(reportedSpeaker(t, 'her office proposed')).toContain('Lena Voss');
    expect(qs.some((q) => words(t, q)?.startsWith('Ferry fares'))).toBe(false);
  });
});

describe('a passive verb of saying', () => {
  it('makes no speaker of its subject: "…, they should be addressed within the treaty" is one record, the first speaker\'s', () => {
    const t = 'Vesk confirmed that if there are any disputes over the harbour, they should be addressed within the framework of the treaty.';
    const qs = run(t);
    expect(qs).toHaveLength(1);
    expect(words(t, qs[0]!.speakerSpan)).toBe('Vesk');
  });
});

describe('a word pointing back at what was said', () => {
  it('is no quote: "X expressed this in a statement to …" shows who spoke, not what', () => {
    const t = 'Ferry fares should fall before the summer. The harbour economist Lena Voss expressed this in an interview with the Kell Courier, adding that the ferry operator had cut its costs.';
    const qs = run(t);
    expect(qs.some((q) => words(t, q)?.startsWith('this'))).toBe(false);
    expect(reportedSpeaker(t, 'the ferry operator had cut')).toContain('Lena Voss');
  });
});

describe('a topic is not a statement', () => {
  it('gives no record to "warned the public about the coming storm"', () => {
    const t = 'Officials in the northern province warned the public about the coming frost, and on Monday, they ordered farmers to move their herds.';
    expect(run(t).filter((q) => !q.direct && words(t, q)?.startsWith('about'))).toEqual([]);
  });
});

describe('an echo of a quote under a cue that names no one', () => {
  it('gives "the response signals a readiness to “fight to the end”" to who said it in full before', () => {
    const t = 'Ministry spokesperson Lina Darv hardened the tone at a briefing, declaring, “If Corvel keeps raising duties, Veskaria will answer every step.”\n\nVeskaria’s firm reply signals a resolve to “answer every step,” as the quarrel over duties grows.';
    const q = run(t).find((x) => x.direct && words(t, x)?.startsWith('answer every step') && x.start > t.indexOf('firm reply'));
    expect(q).toBeDefined();
    expect(words(t, q!.speakerSpan)).toContain('Lina Darv');
  });
});

describe('the subject of a cue read with its auxiliaries', () => {
  it('gives "Veskaria’s leaders have made it clear that …" to the whole subject, possessive included', () => {
    const t = "In a joint letter, Veskaria's leaders have made it clear that they will not sign any pact with Corvel while its warships stay in the bay.";
    expect(reportedSpeaker(t, 'will not sign')).toBe("Veskaria's leaders");
  });
});

describe('"the latter" as a speaker', () => {
  it('is the entity named last before it, a possessive included', () => {
    const t = 'Veskaria expects new sanctions if the summit fails, following Oren Pask’s warning, especially after the latter declared in a radio interview on Monday that only two paths remain, a treaty or a blockade.';
    expect(speakerEntityForms(t, 'only two paths')).toContain('Oren Pask');
  });
});

describe('reported words coordinated with ", and"', () => {
  it('run on to the sentence end when the parse hangs the rest on the cue', () => {
    const t = 'Oresk said Veskaria was constantly studying the new governor’s conduct, and that of his aides, and had drawn useful lessons from it.';
    const q = reported(t, run(t), 'Veskaria was constantly');
    expect(q).toBeDefined();
    expect(words(t, q)).toContain('had drawn useful lessons from it');
  });
});
