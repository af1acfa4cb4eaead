import type { Span } from '../../core/index.js';
import type { Token } from './segment.js';
import type { SpeakerFound } from './speaker.js';
import { paragraphUnits, tokenFacts, type TaggerText, type TokenFacts } from './tagger-features.js';
import { tagTokens, type TaggerWeights } from './tagger.js';

/** An attribution read from the tagger's labels: content, with the cue and source that go with it. */
export interface TaggedQuote extends Span {
  readonly direct: boolean;
  readonly speaker?: SpeakerFound;
  readonly cue?: Span;
}

/** Token distance a sentence boundary is worth when pairing a content or source with a cue (the same sentence wins). */
const SENTENCE_GAP_TOKENS = 25;
/** Share of content tokens inside quote marks from which the content counts as direct. */
const DIRECT_SHARE = 0.5;

interface Run { readonly label: string; readonly from: number; readonly to: number }

/** Labelled runs [from, to) of one paragraph's tags. */
function runsOf(tags: readonly string[], from: number, to: number): Run[] {
  const out: Run[] = [];
  let start = -1;
  let label = '';
  for (let i = from; i <= to; i++) {
    const tag = i < to ? tags[i]! : 'O';
    const continues = tag.startsWith('I-') && tag.slice(2) === label;
    if (start >= 0 && !continues) { out.push({ label, from: start, to: i }); start = -1; }
    if (tag !== 'O' && !continues) { start = i; label = tag.slice(2); }
  }
  return out;
}

/** Tokens between two runs, plus a penalty per sentence boundary between them. */
function distance(a: Run, b: Run, sentence: Int32Array): number {
  const [left, right] = a.from <= b.from ? [a, b] : [b, a];
  const gap = Math.max(0, right.from - left.to);
  return gap + SENTENCE_GAP_TOKENS * Math.abs(sentence[right.from]! - sentence[Math.max(left.from, left.to - 1)]!);
}

function nearest(run: Run, cues: readonly Run[], sentence: Int32Array): number {
  let best = -1;
  let bestDistance = Infinity;
  cues.forEach((c, k) => {
    const d = distance(run, c, sentence);
    if (d < bestDistance) { best = k; bestDistance = d; }
  });
  return best;
}

/** Does the run start on a quote mark or right after one (a quotation going on from the sentence before)? */
function startsAfterMark(facts: TokenFacts, i: number): boolean {
  return facts.quoted[i]! > 0 || (i > 0 && facts.quoted[i - 1]! > 0);
}

const TRAILING_JOINER = /^(?:and|but|or|while|whereas)$/i;
const isMark = (w: string): boolean => /^["“”‘’«»']$/.test(w);

/** The content's character span without enclosing marks and edge punctuation, as the rules give it. */
function contentSpan(text: string, toks: readonly Token[], run: Run): Span {
  let from = run.from;
  let to = run.to;
  while (from < to - 1 && (isMark(toks[from]!.text) || /^[,:;—–-]$/.test(toks[from]!.text))) from++;
  // A trailing coordinator ("…would stay open, but") joins the next clause, not this content.
  while (to - 1 > from && (isMark(toks[to - 1]!.text) || /^[,;:—–-]$/.test(toks[to - 1]!.text) || TRAILING_JOINER.test(toks[to - 1]!.text))) to--;
  return { start: toks[from]!.start, end: toks[to - 1]!.end };
}

/** Determiners that open a source phrase the tagger may have started one word late ("the union", "his spokesman"). */
const SOURCE_DETERMINER = /^(?:the|a|an|this|these|those|its|his|her|their|our)$/i;

function speakerOf(text: string, toks: readonly Token[], run: Run, sentence: Int32Array): SpeakerFound {
  // The speaker phrase as written includes its determiner, as the rules' speakers do.
  const from = run.from > 0 && SOURCE_DETERMINER.test(toks[run.from - 1]!.text) && sentence[run.from - 1] === sentence[run.from] ? run.from - 1 : run.from;
  const span = { start: toks[from]!.start, end: toks[run.to - 1]!.end };
  // The core stops before an appositive ("Lee, a member of the board").
  const comma = toks.slice(from, run.to).findIndex((t) => t.text === ',');
  const core = comma > 0 ? { start: span.start, end: toks[from + comma - 1]!.end } : span;
  return { span, core };
}

/**
 * Tag the text and group each paragraph's labelled runs into quotes: every
 * content run goes with the nearest cue run (the same sentence first), and
 * every source run with its nearest cue; a content run with no cue in its
 * paragraph is left out.
 */
export function taggedQuotes(weights: TaggerWeights, input: TaggerText): TaggedQuote[] {
  const { text, toks } = input;
  const facts = tokenFacts(input);
  const tags = tagTokens(weights, input, facts);
  const out: TaggedQuote[] = [];
  for (const [from, to] of paragraphUnits(text, toks)) {
    const runs = runsOf(tags, from, to);
    const cues = runs.filter((r) => r.label === 'CUE');
    if (cues.length === 0) continue;
    const sources = new Map<number, Run>();
    for (const r of runs) {
      if (r.label !== 'SRC') continue;
      const k = nearest(r, cues, facts.sentence);
      const had = sources.get(k);
      if (!had || distance(r, cues[k]!, facts.sentence) < distance(had, cues[k]!, facts.sentence)) sources.set(k, r);
    }
    for (const r of runs) {
      if (r.label !== 'CON') continue;
      const k = nearest(r, cues, facts.sentence);
      const cue = cues[k]!;
      // Content that starts inside a later sentence than its cue ("…, described as “…”. It came after his
      // announcement that …") answers a cue of its own sentence the tagger missed, not this one.
      if (facts.sentence[r.from]! > facts.sentence[cue.to - 1]! && facts.sentenceFirst[r.from] !== r.from && !startsAfterMark(facts, r.from)) continue;
      const source = sources.get(k);
      let quoted = 0;
      for (let i = r.from; i < r.to; i++) if (facts.quoted[i]! > 0) quoted++;
      out.push({
        ...contentSpan(text, toks, r),
        direct: quoted >= DIRECT_SHARE * (r.to - r.from),
        cue: { start: toks[cue.from]!.start, end: toks[cue.to - 1]!.end },
        ...(source ? { speaker: speakerOf(text, toks, source, facts.sentence) } : {}),
      });
    }
  }
  return out;
}
