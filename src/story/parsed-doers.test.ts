import { describe, expect, it } from 'vitest';
import type { Doc } from '../core/index.js';
import { createArticlePipeline } from '../annotate/index.js';
import { mergeEntities } from './entities/index.js';
import { buildTimeline } from './timeline/index.js';

/** Fictional articles run through the real article pipeline (tokens, parse, entities, references, times, events). */
function timelineOf(...texts: string[]) {
  return timelinePublished('2031-09-15', ...texts);
}

function timelinePublished(published: string, ...texts: string[]) {
  const pipeline = createArticlePipeline();
  const docs: Doc[] = texts.map((text, i) => pipeline.run({
    id: `a${i}`, text, meta: { published: { value: published, evidence: { source: 'line', at: 'line 1' } } }, source: {}, layers: {}, messages: [],
  } as Doc));
  return buildTimeline({ docs, entities: mergeEntities(docs) });
}

const entryOf = (timeline: ReturnType<typeof buildTimeline>, words: string) => timeline.find((t) => t.sources.some((s) => s.evidence.includes(words)));

describe('timeline doers named by a common noun, from the parse', () => {
  it('gives a group described by its function the act ("officials … they ordered"), not nobody', () => {
    const timeline = timelineOf('Officials in northern Veskaria warned the public about the rains, and on 10 September 2031, they ordered residents to leave the coast.');
    expect(entryOf(timeline, 'they ordered')?.actors[0]).toBe('Officials in northern Veskaria');
  });

  it('reads "the storm" as the one storm the story names', () => {
    const timeline = timelineOf(
      'Storm Orlena reached the coast of Veskaria late on Saturday. Rescue teams searched the port all week.',
      'The storm pounded the coast on 11 September 2031, and the harbour wall gave way.',
    );
    expect(entryOf(timeline, 'The storm pounded')?.actors[0]).toBe('Storm Orlena');
  });

  it('gives "both delegations" to the two parties named together before, not to the word "delegations"', () => {
    const timeline = timelineOf('Officials say Estavia and Norland are weighing a swap of detainees, as both delegations met in Lorvik on 12 September 2031 for their first direct talks in two years.');
    expect(entryOf(timeline, 'both delegations')?.actors[0]).toBe('Estavia and Norland');
  });

  it('gives a list of delegations the act, not the leader of the first one', () => {
    const timeline = timelineOf('"Tomorrow in Lorvik there will be a Veskarian delegation led by Foreign Minister Ana Oresk, a Dornish delegation headed by the defence minister and a Corvelian delegation," the spokesman Ivo Marten said.');
    const actor = entryOf(timeline, 'Tomorrow in Lorvik')?.actors[0];
    expect(actor).toMatch(/^Veskarian, Dornish and Corvelian delegations$/);
  });

  it('gives what a state\'s ministry pledges to the state, as another outlet writes it', () => {
    const timeline = timelineOf('Dornland’s Trade Ministry condemned the levies as “blackmail”, pledging to defend its interests with countermeasures set to begin on 20 September 2031.');
    expect(entryOf(timeline, 'set to begin')?.actors[0]).toBe('Dornland');
  });
});

/** A fictional two-article story on negotiating with Corvel, the second article's middle sentences given. */
async function storyWith(sentences: string) {
  const { buildStoryWithEntities } = await import('./index.js');
  const pipeline = createArticlePipeline();
  const texts = [
    'Veskaria will not negotiate with Corvel under pressure, President Ana Oresk said on Monday. The talks with Corvel stalled in May.',
    `Negotiations with Corvel divide the capital. ${sentences} President Ana Oresk said she is ready to negotiate with Corvel.`,
  ];
  const docs = texts.map((text, i) => pipeline.run({ id: `s${i}`, text, meta: {}, source: {}, layers: {}, messages: [] } as Doc));
  return buildStoryWithEntities(docs).story;
}

/** Its stances. */
const stancesWith = async (sentences: string) => (await storyWith(sentences)).stances;

describe('stance holders named by the parse', () => {
  it('gives a group named by a plural noun its position when no name is the subject', async () => {
    const stances = await stancesWith('The modernists currently reject negotiations with Corvel due to a lack of leverage.');
    expect(stances.find((s) => s.actor === 'modernists')?.position).toBe('against');
  });

  it('gives a group the position a newspaper reports it holds ("want to force the cabinet to negotiate"), not the newspaper', async () => {
    const stances = await stancesWith('The daily Morning Bell emphasized in its report that the modernists want to force the cabinet to negotiate with Corvel.');
    expect(stances.filter((s) => s.evidence.includes('want to force')).map((s) => [s.actor, s.position])).toEqual([['modernists', 'for']]);
  });
});

describe('timeline doers written right before their verb', () => {
  it('gives the act to the body or name just before a verb, not to a subject the parse climbs to', () => {
    const timeline = timelineOf(
      'While President Ana Oresk rejected statements made by Prime Minister Tavo Lindqvist on 8 March 2031, in which he announced sending a letter to Veskaria calling for talks on a new accord, the Veskarian mission to the United Nations affirmed the following day, through a post on its account, that Veskaria does not rule out talks.',
      'On the same day, Foreign Minister Ilse Varga confirmed that Corvel had received the letter, and the spokesperson for the Corvelian Foreign Ministry, Piet Marlo, indicated the following day that the letter was being studied.',
    );
    expect(timeline.find((t) => t.date === '2031-03-09' && t.sources.some((s) => s.evidence.includes('affirmed')))?.actors[0]).toBe('Veskarian mission to the United Nations');
    expect(timeline.find((t) => t.summary.includes('indicated'))?.actors[0]).toBe('Piet Marlo');
  });

  it('labels a passive whose agent is the doer in the active voice: who did what, the name said once', () => {
    const timeline = timelineOf(
      'While President Ana Oresk rejected statements made by Prime Minister Tavo Lindqvist on 8 March 2031, in which he announced sending a letter to Veskaria calling for talks on a new accord, the Veskarian mission affirmed the following day that Veskaria does not rule out talks.',
    );
    const entry = timeline.find((t) => t.date === '2031-03-08');
    expect(entry?.summary).toMatch(/^Tavo Lindqvist announced sending a letter/);
  });
});

describe('one disaster told twice on one day', () => {
  it('is one entry with the named storm as its doer, and a rival date keeps the storm\'s own words as evidence', () => {
    const timeline = timelineOf(
      'Storm Orlena reached Veskaria at the weekend. The flooding swept away entire streets in Port Adel on 11 September 2031 and cut the coast road. As the storm pounded the coast on 11 September 2031, residents said they heard the harbour wall give way.',
      'The city was flooded after a storm which hit Veskaria on 10 September 2031.',
    );
    const monday = timeline.filter((t) => t.date === '2031-09-11');
    expect(monday).toHaveLength(1);
    expect(monday[0]!.actors[0]).toBe('Storm Orlena');
    expect(monday[0]!.sources).toHaveLength(2);
    expect(monday[0]!.conflictingDates?.map((d) => d.date)).toEqual(['2031-09-10', '2031-09-11']);
    expect(monday[0]!.sources[0]!.evidence).toContain('the storm pounded the coast');
  });
});

describe('wire datelines', () => {
  it('do not date what the dispatch says was done by then, and their place is no doer', () => {
    const timeline = timelinePublished('2031-05-03',
      'Lindberg, May 3, 2031 – Veskaria has vowed to answer the new port fees. Spokesman Aron Vell said at a Thursday briefing that Veskaria would not back down.',
      'Lindberg, May 3 (VNA) Veskaria on Thursday said it would answer the port fees.',
    );
    expect(timeline.some((t) => t.sources.some((s) => s.evidence.includes('has vowed')))).toBe(false);
    const said = timeline.filter((t) => t.sources.some((s) => s.evidence.includes('on Thursday said')));
    expect(said.length).toBeGreaterThan(0);
    for (const t of said) expect(t.actors[0]).toBe('Veskaria');
  });
});

describe('one gathering on one day', () => {
  it('is one entry however it is told ("negotiations … concluded", "at talks on …", "the talks began at 13:30"), a party\'s statement about it apart', () => {
    const timeline = timelineOf(
      'Negotiations between the Veskarian delegation, headed by Defence Minister Ana Oresk, and the Corvelian delegation, headed by envoy Piet Marlo, concluded in Lindberg on 16 May 2031.',
      'At talks in Lindberg on 16 May 2031, Veskaria and Corvel discussed a ceasefire and an exchange of prisoners.',
      'The talks began at 13:30 on 16 May 2031. Ana Oresk confirmed on 16 May 2031 that the two sides had discussed an exchange of prisoners at the talks.',
    );
    const talks = timeline.filter((t) => t.sources.some((s) => /Negotiations between|At talks|talks began/.test(s.evidence)));
    expect(talks).toHaveLength(1);
    expect(talks[0]!.sources).toHaveLength(3);
    expect(talks[0]!.actors).not.toContain('talks');
    expect(timeline.find((t) => t.sources.some((s) => s.evidence.includes('Oresk confirmed')))).not.toBe(talks[0]);
  });
});

describe('a thing dated where it is named', () => {
  it('is one entry with no doer taken from elsewhere ("the accord (MRA), signed in 2029", "they … particularly the 2029 accord")', () => {
    const [accord, ...restatements] = timelineOf(
      'President Tavo Lindqvist spoke on Monday. Veskaria has learned from its dealings with Corvel and the Northern League that they are not reliable, particularly the 2029 river accord (MRA).',
      'Ana Oresk stressed that talks between Veskaria and Corvel could be one of the few signs of Lindberg’s continued commitment to the Marrow River Accord (MRA), signed in 2029, despite Lindqvist’s withdrawal from it after three years.',
    ).filter((t) => t.date === '2029');
    expect(restatements).toEqual([]);
    expect(accord?.sources.map((s) => s.article).sort()).toEqual(['a0', 'a1']);
    expect(accord?.actors.filter((a) => a === 'Ana Oresk' || a === 'Tavo Lindqvist')).toEqual([]);
  });
});

describe('an earlier gathering named by "since"', () => {
  it('is one entry whether the clause names the gathering ("since talks collapsed in March 2029") or hangs on it ("the first negotiations … since March 2029 ended")', () => {
    const entries = timelineOf(
      'The high-stakes discussions mark the first formal diplomatic contact between the two countries since peace negotiations collapsed in March 2029.',
      'On 16 May 2031, the first direct negotiations between the delegations of Veskaria and Corvel since March 2029 ended in the Amber Palace in Lindberg.',
    ).filter((t) => t.date === '2029-03');
    expect(entries.map((t) => t.sources.map((s) => s.article))).toEqual([['a0', 'a1']]);
  });
});

const held = (stances: Awaited<ReturnType<typeof stancesWith>>, words: string) => stances.filter((s) => s.evidence.includes(words)).map((s) => [s.actor, s.position]);

describe('stances that are neutral, conditional or inferred', () => {
  // Each: what the case is, the sentence, words of the sentence, and the [holder, position] pairs expected for it.
  it.each([
    ['reads confirming that a letter was received as neutral, for the one who confirmed it and not for the state that received it',
      'Foreign Minister Ivo Marten confirmed that Veskaria had received the letter from Corvel.', 'had received', [['Ivo Marten', 'neutral']]],
    ['gives "the latter" the one named last, and reads a deal offered as the only way out of force as wanting a deal',
      'Minister Pell Arno met Dara Holm on Friday, and the latter declared that Corvel faces a choice: either sanctions or a deal on the border.', 'the latter declared', [['Dara Holm', 'for']]],
    ['gives no position to a call for something other than the question ("called for a change of leadership before any talks")',
      'The modernists called for a change of leadership before any talks with Corvel.', 'change of leadership', []],
    ['reads setting the question aside ("what matters is …, not talks") as neutral, for the speaker and not the outlet quoted by name',
      'The economist Mira Dalen spoke to the “Harbour Post” daily, stressing that what matters now is rebuilding the ports, not talks with Corvel.', 'what matters', [['Mira Dalen', 'neutral']]],
    ['gives terms proposed by people the text leaves unnamed ("Some have suggested") to unnamed commentators',
      'Some have suggested that the old border accord should be the starting point for negotiations with Corvel.', 'Some have suggested', [['unnamed commentators', 'conditional']]],
    ['gives a statement named by a noun to its speaker ("a statement from X that …"), and a proposal to build on an accord as a condition',
      'This matches a statement from Foreign Minister Tova Rinn that her country proposed during the talks with Corvel to build on the old border accord.', 'proposed during', [['Tova Rinn', 'conditional']]],
  ] as const)('%s', async (_what, sentence, words, expected) => {
    expect(held(await stancesWith(sentence), words)).toEqual(expected);
  });

  it('reads terms set on any deal as a condition, and an unnamed group ("some analysts") as unnamed', async () => {
    const stances = await stancesWith('Minister Pell Arno has emphasized that any deal must come with guarantees against a new walkout. Some analysts advocate engaging with Corvel through backchannel diplomacy, away from formal negotiations.');
    expect(held(stances, 'must come with')).toEqual([['Pell Arno', 'conditional']]);
    expect(held(stances, 'backchannel')).toEqual([['unnamed analysts', 'conditional']]);
  });

  it('gives a government named after its leader its own position, and a threat if talks fail to the one who makes it', async () => {
    const stances = await stancesWith('While the hardliners reject negotiations with Corvel, the reformist government of Ana Oresk aims to reach an agreement with Corvel soon. Dornland has threatened new tariffs if the negotiations fail.');
    expect(held(stances, 'aims to reach')).toContainEqual(['Oresk government', 'for']);
    expect(held(stances, 'if the negotiations fail')).toEqual([['Dornland', 'for']]);
  });

  it('shows a view held before aligning with a leader as the other side, undated, and no contradiction', async () => {
    const story = await storyWith('On 3 June 2031, Premier Lio Sand said he was committed to the position outlined by President Ana Oresk regarding negotiations with Corvel, though his own view had initially been different.');
    const sand = story.stances.filter((s) => s.actor === 'Lio Sand');
    expect(sand.map((s) => s.date === null)).toEqual([false, true]);
    expect(sand[1]!.position).toBe(sand[0]!.position === 'against' ? 'for' : 'against');
    expect(story.contradictions.filter((c) => c.kind === 'position' && c.claim.includes('Lio Sand'))).toEqual([]);
  });
});
