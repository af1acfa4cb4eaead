/** The tense a clause speaks in, to resolve "on Tuesday" or "on March 8" to the past or the future. */
export type Tense = 'past' | 'future' | 'present';

const FUTURE_CUE = /\b(?:will|shall|won't|'ll|going to|plans? to|intends? to|expected to|expects? to|scheduled|set to|due|would|payable|effective|upcoming)\b/gi;
/** Past-tense verbs: reporting verbs and regular -ed forms, plus common irregular ones. */
const PAST_CUE = /\b(?:said|was|were|had|did|told|went|came|took|made|met|gave|saw|began|left|held|won|lost|fell|rose|sent|signed|announced|\w{3,}ed)\b/gi;
const PRESENT_CUE = /\b(?:says|is|are|has|have|does|tells)\b/gi;
/** A preposition right before a date that points forward: "by Jan. 14", "until Friday". */
const FORWARD_PREPOSITION = /\b(?:by|until|till|before|through)\s+$/i;

interface Cue { readonly tense: Tense; readonly start: number; readonly end: number }

function cues(sentence: string): Cue[] {
  const found: Cue[] = [];
  for (const [re, tense] of [[FUTURE_CUE, 'future'], [PAST_CUE, 'past'], [PRESENT_CUE, 'present']] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) found.push({ tense, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/**
 * The tense governing the expression at [at, at + length) in `sentence`: the nearest cue before it
 * (English puts the verb first: "rolled into Iraq on Tuesday"), else the nearest after it.
 */
export function tenseAround(sentence: string, at: number, length: number): Tense {
  if (FORWARD_PREPOSITION.test(sentence.slice(Math.max(0, at - 10), at))) return 'future';
  const all = cues(sentence);
  let before: Cue | null = null;
  let after: Cue | null = null;
  for (const c of all) {
    if (c.end <= at && (!before || c.end > before.end)) before = c;
    if (c.start >= at + length && (!after || c.start < after.start)) after = c;
  }
  return before?.tense ?? after?.tense ?? 'present';
}
