/** The tense a clause speaks in, to resolve "on Tuesday" or "on March 8" to the past or the future. */
import { IRREGULAR_PAST } from '../shared/irregular-past.js';

export type Tense = 'past' | 'future' | 'present';

const FUTURE_CUE = /\b(?:will|shall|won't|'ll|going to|plans? to|planned to|planning|intends? to|expected|expects? to|scheduled|set to|due|would|payable|effective|upcoming|(?:is|are) to|ready to|about to)\b/gi;
/** Regular past forms; adjectives in un-…-ed ("unspecified") and words that only end like one are not. */
const REGULAR_PAST = /\b(?!un)(?!(?:need|indeed|speed|seed|feed|proceed|succeed|exceed|hundred|red|bed|shed)\b)[a-z]{2,}(?:[^e\W]ed|eed)\b/g;
const WORD = /\b[a-z]+\b/g;
const PRESENT_CUE = /\b(?:says|is|are|has|have|does|tells)\b/gi;
/** A day named as the owner of something ("Thursday's closing price") is a day that has been, unless the words look ahead. */
const POSSESSIVE_AFTER = /^['’]s\b/;
const LOOKING_AHEAD = /\b(?:ahead of|before|until|till|for|awaiting|await)\s+$/i;
/** A preposition right before a date that points forward: "by Jan. 14", "until Friday". */
const FORWARD_PREPOSITION = /\b(?:by|until|till|through|as (?:soon|early) as)\s+$/i;
/** "had been due to", "had planned to": a plan seen from after it, so the day it names has passed. */
const PAST_PERFECT_BEFORE = /\bhad\s+(?:been\s+)?$/i;
/** "had not called", "had been": the past perfect, which looks back from a past already told. */
const PAST_PERFECT = /\bhad\s+(?:not\s+|never\s+)?(?:been|[a-z]{2,}(?:ed|en|wn|un|ught|t))\b/i;

/** "be" or "being" (and an adverb) right before a participle: "will be held", "being quickly sold". */
const PASSIVE_BE_BEFORE = /\b(?:be|being)\s+(?:[a-z]+ly\s+)?$/i;

interface Cue { readonly tense: Tense; readonly start: number; readonly end: number }

/** The sentence whose cues were found last: several expressions of one sentence ask in a row. */
let cached: { sentence: string; cues: Cue[] } | null = null;

function cues(sentence: string): Cue[] {
  if (cached?.sentence === sentence) return cached.cues;
  const found: Cue[] = [];
  for (const [re, tense] of [[FUTURE_CUE, 'future'], [REGULAR_PAST, 'past'], [PRESENT_CUE, 'present']] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      // "will be held", "would be paid": a passive participle takes its tense from the auxiliary before it.
      if (tense === 'past' && PASSIVE_BE_BEFORE.test(sentence.slice(Math.max(0, m.index - 20), m.index))) continue;
      const seenFromAfter = tense === 'future' && PAST_PERFECT_BEFORE.test(sentence.slice(Math.max(0, m.index - 12), m.index));
      found.push({ tense: seenFromAfter ? 'past' : tense, start: m.index, end: m.index + m[0].length });
    }
  }
  WORD.lastIndex = 0;
  for (let m = WORD.exec(sentence); m; m = WORD.exec(sentence)) {
    if (IRREGULAR_PAST.has(m[0]) && !PASSIVE_BE_BEFORE.test(sentence.slice(Math.max(0, m.index - 20), m.index))) found.push({ tense: 'past', start: m.index, end: m.index + m[0].length });
  }
  cached = { sentence, cues: found };
  return found;
}

/**
 * The tense governing the expression at [at, at + length) in `sentence`: the nearest cue before it
 * (English puts the verb first: "rolled into Iraq on Tuesday"), else the nearest after it. "By",
 * "until" and "through" point forward unless a past verb comes before them ("had bought through
 * Sept. 29" speaks of the past, "as soon as Friday, she said" of the future).
 */
export function tenseAround(sentence: string, at: number, length: number): Tense {
  if (POSSESSIVE_AFTER.test(sentence.slice(at + length, at + length + 3)) && !LOOKING_AHEAD.test(sentence.slice(Math.max(0, at - 16), at))) return 'past';
  const all = cues(sentence);
  if (FORWARD_PREPOSITION.test(sentence.slice(Math.max(0, at - 16), at)) && !all.some((c) => c.tense === 'past' && c.end <= at) && !PAST_PERFECT.test(sentence)) return 'future';
  let before: Cue | null = null;
  let after: Cue | null = null;
  for (const c of all) {
    if (c.end <= at && (!before || c.end > before.end)) before = c;
    if (c.start >= at + length && (!after || c.start < after.start)) after = c;
  }
  return before?.tense ?? after?.tense ?? 'present';
}
