import { describe, expect, it } from 'vitest';
import { createPipeline, type Doc } from '../../core/index.js';
import { findTimeExpressions, times, type Timex } from './index.js';

/** Published on a Wednesday. */
const REF = '2025-03-05';

function find(text: string, referenceDate: string | null = REF): Timex[] {
  return findTimeExpressions(text, { referenceDate });
}

/** The expression whose words are exactly `words`, or the one containing them. */
function expr(text: string, words: string, referenceDate: string | null = REF): Timex {
  const all = find(text, referenceDate);
  const at = text.indexOf(words);
  const exact = all.find((t) => t.start === at && t.end === at + words.length);
  const hit = exact ?? all.find((t) => t.start <= at && t.end >= at + words.length);
  if (!hit) throw new Error(`no time expression for "${words}" in: ${all.map((t) => text.slice(t.start, t.end)).join(' | ')}`);
  return hit;
}

const valueOf = (text: string, words: string, referenceDate: string | null = REF): string | null => expr(text, words, referenceDate).value;

describe('absolute dates', () => {
  it.each([
    ['The treaty was signed on March 2, 2025, in Oslo.', 'March 2, 2025', '2025-03-02'],
    ['The treaty was signed on 2 March 2025 in Oslo.', '2 March 2025', '2025-03-02'],
    ['The file is dated 2025-03-02 and stamped.', '2025-03-02', '2025-03-02'],
    ['The form reads 03/02/2025 at the top.', '03/02/2025', '2025-03-02'],
    ['The mayor resigned in March 2025 after the vote.', 'March 2025', '2025-03'],
    ['The bridge opened on Monday, Oct. 23, 1989, to traffic.', 'Monday, Oct. 23, 1989', '1989-10-23'],
  ])('%s', (text, words, value) => {
    const t = expr(text, words);
    expect(text.slice(t.start, t.end)).toBe(words);
    expect(t.type).toBe('DATE');
    expect(t.value).toBe(value);
    expect(t.anchor).toBe('absolute');
  });

  it('reads an abbreviated month with its period and resolves its year from the publication date', () => {
    expect(valueOf('The council met on Mar. 2 to vote.', 'Mar. 2')).toBe('2025-03-02');
  });

  it('reads both years of a range', () => {
    expect(find('The fleet grew between 1985 and 1987, and again from 1991 to 1997.').map((t) => t.value)).toEqual(['1985', '1987', '1991', '1997']);
    expect(find('The mill cut 1990 to 2100 jobs.').map((t) => t.value)).toEqual([]);
  });

  it('takes a bare year in a date context and leaves counts and money alone', () => {
    const text = 'The port closed in 2018 under the 2015 trade pact, when 2,000 troops and $2015 in cash arrived with 2015 soldiers.';
    const found = find(text).map((t) => text.slice(t.start, t.end));
    expect(valueOf(text, '2018')).toBe('2018');
    expect(valueOf(text, '2015')).toBe('2015');
    expect(found).not.toContain('2,000');
    expect(found.filter((w) => w.includes('2015'))).toHaveLength(1);
  });

  it('normalises decades, centuries, quarters, halves, seasons and weeks', () => {
    expect(valueOf('Rents doubled in the 1980s across the valley.', 'the 1980s')).toBe('198X');
    expect(valueOf("The band was famous in the '90s before it split.", "the '90s")).toBe('199X');
    expect(valueOf('Canals were dug in the 19th century by hand.', 'the 19th century')).toBe('18');
    expect(valueOf('Sales rose in the first quarter of 2024 at the mill.', 'the first quarter of 2024')).toBe('2024-Q1');
    expect(valueOf('Profits fell in the second half of 2023 at the mill.', 'the second half of 2023')).toBe('2023-H2');
    expect(valueOf('The lake froze in the winter of 2021 completely.', 'winter of 2021')).toBe('2021-WI');
    expect(valueOf('Farmers said the harvest failed last summer in the hills.', 'last summer')).toBe('2024-SU');
    expect(valueOf('The ferry stays docked this week for repairs.', 'this week')).toBe('2025-W10');
  });
});

describe('relative to the publication date', () => {
  it.each([
    ['The minister spoke today in the chamber.', 'today', '2025-03-05'],
    ['The minister spoke yesterday in the chamber.', 'yesterday', '2025-03-04'],
    ['The minister will speak tomorrow in the chamber.', 'tomorrow', '2025-03-06'],
    ['Exports fell last month at the port.', 'last month', '2025-02'],
    ['The museum will reopen next year after repairs.', 'next year', '2026'],
    ['The mayor said earlier this year that taxes would rise.', 'earlier this year', '2025'],
    ['The plant closed two weeks ago without notice.', 'two weeks ago', '2025-W08'],
    ['The town recently built a school.', 'recently', 'PAST_REF'],
    ['The school is now open to all.', 'now', 'PRESENT_REF'],
    ['The school currently has 200 pupils.', 'currently', 'PRESENT_REF'],
  ])('%s', (text, words, value) => {
    expect(valueOf(text, words)).toBe(value);
  });

  it('resolves a weekday to the past in a past-tense sentence and to the future with "will"', () => {
    expect(valueOf('The envoy said on Tuesday that talks had stalled.', 'Tuesday')).toBe('2025-03-04');
    expect(valueOf('The envoy arrived on Monday with a letter.', 'Monday')).toBe('2025-03-03');
    expect(valueOf('The envoy will arrive on Friday with a letter.', 'Friday')).toBe('2025-03-07');
    expect(valueOf('The envoy will return on Tuesday with an answer.', 'Tuesday')).toBe('2025-03-11');
  });

  it('takes "the weekend" told in the past on a weekday as the weekend just gone, and the coming one otherwise', () => {
    expect(valueOf('Over the weekend, the ferry operators agreed to a new timetable.', 'the weekend')).toBe('2025-W09-WE');
    expect(valueOf('The ferry operators will meet over the weekend.', 'the weekend')).toBe('2025-W10-WE');
  });

  it('reads a plan told in the past perfect, or a day before the past perfect, as a day gone by', () => {
    expect(valueOf('The offer had been due to expire on Friday evening.', 'Friday')).toBe('2025-02-28TEV');
    expect(valueOf('Until Monday, the harbour board had not named a new chair.', 'Monday')).toBe('2025-03-03');
    expect(valueOf('The offer is due to expire on Friday evening.', 'Friday')).toBe('2025-03-07TEV');
  });

  it('marks what it resolved from the publication date', () => {
    expect(expr('The envoy left yesterday.', 'yesterday').anchor).toBe('publication');
  });

  it('gives "the past decade" as a duration', () => {
    const t = expr('Prices have tripled over the past decade in the city.', 'the past decade');
    expect(t.type).toBe('DURATION');
    expect(t.value).toBe('P1DE');
  });

  it('reads "13:30 p.m." as a 24-hour clock time with a redundant marker', () => {
    expect(valueOf('The talks began at 13:30 p.m. local time.', '13:30 p.m.')).toBe('2025-03-05T13:30');
  });

  it('joins a weekday and its clock time into one TIME, in either order', () => {
    const text = 'The vote will take place on Friday at 3 p.m. in the hall.';
    const t = expr(text, 'Friday at 3 p.m.');
    expect(t.type).toBe('TIME');
    expect(t.value).toBe('2025-03-07T15:00');
    expect(expr('The ferry leaves until 9 a.m. Friday for the island.', '9 a.m. Friday')).toMatchObject({ type: 'TIME', value: '2025-03-07T09:00' });
    expect(valueOf('The ferry will leave at 4 in the morning for the island.', '4 in the morning')).toBe('2025-03-05T04:00');
  });

  it('puts a clock time on the day the text spoke of last, passing over a month named since', () => {
    expect(valueOf('The mayor was shot on Sunday. He died at 10 p.m. in hospital.', '10 p.m.')).toBe('2025-03-02T22:00');
    const text = 'On May 16, 2029, the first talks since March 2022 ended. The talks began at 13:30 local time.';
    expect(valueOf(text, '13:30', null)).toBe('2029-05-16T13:30');
  });

  it('tells the tense from irregular verbs, and not from words that only end in -ed', () => {
    expect(valueOf('The fund bought the mill on Friday for a song.', 'Friday')).toBe('2025-02-28');
    expect(valueOf('The father would be traveling to the United States Friday with his wife.', 'Friday')).toBe('2025-03-07');
    expect(valueOf('The fund had bought 400 shares through Sunday, its filing shows.', 'Sunday')).toBe('2025-03-02');
    expect(valueOf('The crew could leave as soon as Friday, the captain said.', 'Friday')).toBe('2025-03-07');
    // A day named as an owner is a day that has been: "Thursday's closing price".
    expect(valueOf('The bid will carry a premium over Thursday\'s closing price.', 'Thursday')).toBe('2025-02-27');
  });

  it('reads a month with its year named relatively, and the last half of a year', () => {
    expect(valueOf('The mill closed in July last year after a fire.', 'July last year')).toBe('2024-07');
    expect(valueOf('Profits will fall in the last half of 2025 at the mill.', 'the last half of 2025')).toBe('2025-H2');
    expect(valueOf('Sales will rise in the current fiscal year at the mill.', 'current fiscal year')).toBe('2025');
  });

  it('gives vague amounts back or later no date', () => {
    expect(expr('The mill closed several years ago after a fire.', 'several years ago')).toMatchObject({ type: 'DATE', value: 'PAST_REF' });
    expect(expr('The mill closed in May. A few days later, the owner left.', 'A few days later')).toMatchObject({ type: 'DURATION', value: 'PXD' });
  });

  it('reads a passive with "will be" or "would be" as future, not as a past participle', () => {
    expect(valueOf('The ferry talks will be held on Tuesday in Varn.', 'Tuesday')).toBe('2025-03-11');
    expect(valueOf('The harbour vote is expected to be completed in January.', 'January', '2025-11-05')).toBe('2026-01');
    expect(valueOf('The harbour vote was completed on Tuesday.', 'Tuesday')).toBe('2025-03-04');
  });

  it('takes "the year" the text is in, and a reported year ended on a date as a year long', () => {
    expect(valueOf('Ferry traffic fell 4% for the year, the port said.', 'the year')).toBe('2025');
    expect(valueOf('The dredging ran late earlier in the year.', 'the year')).toBe('2025');
    expect(expr('The port earned $3 million in the year ended June 30.', 'the year')).toMatchObject({ type: 'DURATION', value: 'P1Y' });
    expect(find('She was named ferry captain of the year.').map((t) => t.value)).toEqual([]);
  });

  it('gives "recent years" as a stretch of unstated length', () => {
    expect(expr('Ferry fares have doubled in recent years.', 'recent years')).toMatchObject({ type: 'DURATION', value: 'PXY' });
  });
});

describe('yearless dates', () => {
  it('takes the nearest such date when it is within two months of publication, whatever the tense', () => {
    expect(valueOf('The offer was extended to Apr. 16 by the board.', 'Apr. 16')).toBe('2025-04-16');
    expect(valueOf('The fund had bought shares through Feb. 27 at the exchange.', 'Feb. 27')).toBe('2025-02-27');
    expect(valueOf('The shipyard was bought in September by a rival.', 'September')).toBe('2024-09');
  });

  it('takes the year from the publication date, in the past for a past-tense sentence', () => {
    expect(valueOf('The strike began on March 8 at the docks.', 'March 8', '2025-03-12')).toBe('2025-03-08');
    expect(valueOf('The strike began on November 8 at the docks.', 'November 8', '2025-03-12')).toBe('2024-11-08');
    expect(valueOf('The strike will begin on November 8 at the docks.', 'November 8', '2025-03-12')).toBe('2025-11-08');
    expect(valueOf('The talks will resume on January 20 in Geneva.', 'January 20', '2025-11-12')).toBe('2026-01-20');
  });

  it('keeps "mid-January" at month precision with a MID modifier', () => {
    const t = expr('The last round was held in mid-January in Vienna.', 'mid-January');
    expect(t.value).toBe('2025-01');
    expect(t.mod).toBe('MID');
  });

  it('takes the year of the date mentioned before when there is no publication date', () => {
    const text = 'The dam was finished on June 3, 2019. On August 12, the first turbine turned.';
    const t = expr(text, 'August 12', null);
    expect(t.value).toBe('2019-08-12');
    expect(t.anchor).toBe('previous');
  });

  it('anchors a weekday on the date the text gave before, or else after, when there is no publication date', () => {
    const before = 'The talks opened on May 16, 2029 in the port. The delegates had met on Friday to prepare.';
    expect(expr(before, 'Friday', null)).toMatchObject({ value: '2029-05-11', anchor: 'previous' });
    const after = 'The mayor announced the plan on Wednesday.\nThe mayor at the event on April 4, 2029, in the town hall.';
    expect(expr(after, 'Wednesday', null)).toMatchObject({ value: '2029-04-04', anchor: 'previous' });
    expect(valueOf('The mayor announced the plan on Wednesday.', 'Wednesday', null)).toBe('XXXX-WXX-3');
  });

  it('leaves the year open when nothing gives it', () => {
    expect(valueOf('The festival opens on July 4 each summer.', 'July 4', null)).toBe('XXXX-07-04');
  });
});

describe('dates relative to a date the text gave before', () => {
  it.each([
    ['The ship docked on February 5, 2024. Two days later, the crew left.', 'Two days later', '2024-02-07'],
    ['The ship docked on February 5, 2024. The following day, the crew left.', 'The following day', '2024-02-06'],
    ['The ship docked on February 5, 2024. The next day, the crew left.', 'The next day', '2024-02-06'],
    ['The ship docked on February 5, 2024. On the same day, the crew left.', 'the same day', '2024-02-05'],
    ['The ship docked on February 5, 2024. A week later, the crew left.', 'A week later', '2024-02-12'],
    ['The ship docked on February 5, 2024, and the crew had arrived the day before.', 'the day before', '2024-02-04'],
  ])('%s', (text, words, value) => {
    const t = expr(text, words);
    expect(t.value).toBe(value);
    expect(t.anchor).toBe('previous');
  });

  it('chains: "the following day" after "the same day" lands one day after the date given', () => {
    const text = 'The mayor spoke on April 10, 2023. On the same day, the council met, and the governor replied the following day.';
    expect(valueOf(text, 'the following day', null)).toBe('2023-04-11');
  });

  it('falls back to the publication date when the text gave no date before', () => {
    expect(expr('Two days later, the crew left.', 'Two days later').anchor).toBe('publication');
  });
});

describe('holidays set by weekday', () => {
  it('finds the day of Thanksgiving, Labor Day or Election Day in the year the publication date gives, or the year printed', () => {
    expect(valueOf('The parade will pass the mill on Thanksgiving Day.', 'Thanksgiving Day', '2024-11-20')).toBe('2024-11-28');
    expect(valueOf('The mill closed on Memorial Day.', 'Memorial Day', '2024-06-10')).toBe('2024-05-27');
    expect(valueOf('Voters chose a mayor on Election Day 2026.', 'Election Day 2026')).toBe('2026-11-03');
  });
});

describe('years said aloud', () => {
  it('reads years in words, and not counts', () => {
    expect(valueOf('The dam burst in nineteen ninety-six after the rains.', 'nineteen ninety-six')).toBe('1996');
    expect(valueOf('The plan was drawn up for the year two thousand and one.', 'the year two thousand and one')).toBe('2001');
    expect(find('Nineteen seventy-nine people signed it.').length).toBe(0);
  });
});

describe('durations and sets', () => {
  it.each([
    ['The siege lasted two days in all.', 'two days', 'P2D'],
    ['She served three years on the board.', 'three years', 'P3Y'],
    ['The dispute has gone on for decades in the valley.', 'decades', 'PXDE'],
    ['The refugees lived in camps for 2 1/2 years.', '2 1/2 years', 'P2Y6M'],
    ['The meeting lasted an hour and a half.', 'an hour and a half', 'PT1H30M'],
    ['The storm raged for 24 hours over the coast.', '24 hours', 'PT24H'],
    ['The project took several months to finish.', 'several months', 'PXM'],
  ])('%s', (text, words, value) => {
    const t = expr(text, words);
    expect(t.type).toBe('DURATION');
    expect(t.value).toBe(value);
  });

  it('reads plural weekdays as sets', () => {
    expect(expr('The ferry sails on Mondays.', 'Mondays')).toMatchObject({ type: 'SET', value: 'XXXX-WXX-1' });
    expect(expr('The market opens on Tuesday nights.', 'Tuesday nights')).toMatchObject({ type: 'SET', value: 'XXXX-WXX-2TNI' });
  });

  it('reads "every week" as a set', () => {
    const t = expr('The committee meets every week in the library.', 'every week');
    expect(t.type).toBe('SET');
    expect(t.value).toBe('P1W');
  });

  it('does not take a rate for a duration', () => {
    const text = 'The plant saves $500 million a year and runs four shifts a week, but it closed for a year.';
    const found = find(text).map((t) => text.slice(t.start, t.end));
    expect(found).toEqual(['a year']);
    expect(find(text)[0]!.start).toBe(text.lastIndexOf('a year'));
  });

  it('does not take an age for a duration', () => {
    const text = 'A 6-year-old boy and his 52-year-old father were rescued.';
    expect(find(text)).toEqual([]);
  });
});

describe('times stage', () => {
  const doc = (text: string, published?: string): Doc => ({
    id: 'doc_test',
    text,
    meta: published ? { published: { value: published, evidence: { source: 'meta', at: 'article:published_time' } } } : {},
    source: {},
    layers: {},
    messages: [],
  });

  it('resolves from the article published date before the pipeline reference date', () => {
    const out = createPipeline([times()]).run(doc('The port reopened yesterday.', '2025-03-05'), { referenceDate: '2020-01-01' });
    expect(out.layers.times?.map((t) => t.value)).toEqual(['2025-03-04']);
  });

  it('uses the pipeline reference date when the article has none', () => {
    const out = createPipeline([times()]).run(doc('The port reopened yesterday.'), { referenceDate: '2020-01-02' });
    expect(out.layers.times?.map((t) => t.value)).toEqual(['2020-01-01']);
  });

  it('returns spans inside the text, sorted and not overlapping', () => {
    const text = 'On March 2, 2025, two days after the 2015 accord lapsed, the envoy said talks would resume next week.';
    const found = find(text);
    expect(found.length).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < found.length; i++) {
      expect(found[i]!.start).toBeGreaterThanOrEqual(0);
      expect(found[i]!.end).toBeLessThanOrEqual(text.length);
      if (i > 0) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
    }
  });
});
