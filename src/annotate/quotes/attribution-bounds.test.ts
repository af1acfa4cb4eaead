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
  ])('ends them %s', (_what, t, expected) => {
    const q = reported(t, run(t), expected.split(' ').slice(0, 3).join(' '));
    expect(q).toBeDefined();
    expect(words(t, q)).toBe(expected);
  });

  it('keeps a participle of the reported clause\'s own subject inside it ("issued warnings, notifying …")', () => {
    const t = 'The World Weather Body said earlier this week that the coastal bureau issued warnings 72 hours before the flooding, notifying all district councils by email and through the media.';
    const q = reported(t, run(t), 'the coastal bureau');
    expect(q).toBeDefined();
    expect(words(t, q)).toContain('notifying all district councils');
  });

});

describe('the speaker of a participle of saying after reported words', () => {
  it('gives “…” after "X emphasized that A is B, saying" to X, not to the subject of A', () => {
    const t = 'The Veskarian analyst Oren Pask wrote an essay for the Corvel Review, emphasizing that what matters now is changing the plan, not the people, saying, “We have repeated the same mistakes for forty years and we cannot go on like this.”';
    const q = run(t).find((x) => x.direct && words(t, x)?.startsWith('We have repeated'));
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
    const t = 'The long stalemate between Veskaria and Corvel suggests that resolving their differences will take years. Many families have left the coast, and all indicators suggest that hope for a quick return has faded. Yet the continued dialogue with the northern neighbours shows that the doors are still open.';
    expect(run(t).filter((q) => !q.direct)).toEqual([]);
  });

  it('keeps what a study or a story "suggests" as reported by that document', () => {
    const t = 'A new study by the Corvel Fisheries Institute suggests that the cod stocks will recover within a decade.';
    expect(run(t).some((q) => !q.direct && words(t, q)?.includes('cod stocks will recover'))).toBe(true);
  });
});

describe('a role speaker with a named appositive', () => {
  it('gives "stated by the head of the delegation, aide to the president Oren Pask" to Oren Pask', () => {
    const t = 'The talks ended with an exchange of 300 prisoners. This was stated by the head of the Veskarian delegation, aide to the President of Veskaria Oren Pask, expressing satisfaction with the results.';
    expect(speakerEntityForms(t, 'The talks ended')).toContain('Oren Pask');
  });
});

describe('a paragraph closed by a dash attribution', () => {
  it('is one direct quote of the speaker, its last sentence no reported record of its own', () => {
    const t = 'The talks in Corvel ended on Friday.\n\nWe are potentially preparing a meeting at the level of the ministers of the two countries. We talked about an exchange of 300 for 300. We are also working on other details of this exchange. First, we need to deal with the exchange of fishermen, and then we will inform you of our next steps - Oresk said.\n\nThe delegations left at noon.';
    const qs = run(t);
    const own = qs.filter((q) => q.start >= t.indexOf('We are potentially') && q.end <= t.indexOf(' - Oresk'));
    expect(own).toHaveLength(1);
    expect(own[0]!.direct).toBe(true);
    expect(words(t, own[0]!.speakerSpan)).toBe('Oresk');
  });
});

describe('the clause before a sentence-final attribution', () => {
  it('is reported by a speaker who "told reporters" after it', () => {
    const t = 'The Veskarian foreign minister Oren Pask started a meeting with a Corvel delegation in Varn, ministry spokesman Tomas Vell told reporters.';
    expect(reportedSpeaker(t, 'The Veskarian foreign minister')).toContain('Tomas Vell');
  });

  it('is reported by the source an outlet cites ("…, the Ledger reports citing Y.")', () => {
    const t = 'The death toll in the coastal city of Varn has soared to 1,300 as search efforts continue following a massive flood fed by the breaching of two dams in heavy rains, Al Mirat reports citing the Veskarian Red Cross.';
    expect(reportedSpeaker(t, 'The death toll')).toContain('Red Cross');
  });
});

describe('a topic is not a statement', () => {
  it('gives no record to "warned the public about the coming storm"', () => {
    const t = 'Officials in the northern province warned the public about the coming storm, and on Sunday, they ordered residents to leave the coast.';
    expect(run(t).filter((q) => !q.direct && words(t, q)?.startsWith('about'))).toEqual([]);
  });
});

describe('an echo of a quote under a cue that names no one', () => {
  it('gives "the response signals a readiness to “fight to the end”" to who said it in full before', () => {
    const t = 'Ministry spokesperson Lina Darv raised the stakes at a briefing, declaring, “If Corvel insists on a tariff war, Veskaria will fight to the end.”\n\nVeskaria’s sharp response signals a readiness to “fight to the end,” as trade tensions rise.';
    const q = run(t).find((x) => x.direct && words(t, x)?.startsWith('fight to the end') && x.start > t.indexOf('sharp response'));
    expect(q).toBeDefined();
    expect(words(t, q!.speakerSpan)).toContain('Lina Darv');
  });
});

describe('the subject of a cue read with its auxiliaries', () => {
  it('gives "Veskaria’s leaders have made it clear that …" to the whole subject, possessive included', () => {
    const t = "In a bold statement, Veskaria's leaders have made it clear that they will not engage in talks with Corvel if they feel threatened.";
    expect(reportedSpeaker(t, 'will not engage')).toBe("Veskaria's leaders");
  });
});

describe('"the latter" as a speaker', () => {
  it('is the entity named last before it, a possessive included', () => {
    const t = 'Veskaria fears a strike if the talks stall in response to Oren Pask’s call, especially after the latter announced in an interview on Monday that there are two options, a deal or a war.';
    expect(speakerEntityForms(t, 'two options')).toContain('Oren Pask');
  });
});

describe('reported words coordinated with ", and"', () => {
  it('run on to the sentence end when the parse hangs the rest on the cue', () => {
    const t = 'Oresk said Veskaria was constantly studying the new envoy’s behaviour, and that of his advisers, and had drawn useful lessons from it.';
    const q = reported(t, run(t), 'Veskaria was constantly');
    expect(q).toBeDefined();
    expect(words(t, q)).toContain('had drawn useful lessons from it');
  });
});
