/**
 * What one article may cost the language stages. Several of them compare
 * mentions, quotes or dates pairwise across the whole article, so their cost
 * grows faster than the text: a 1 MB text took minutes. The budget analyses
 * a prefix of the article — cut at a paragraph or sentence end — and says on
 * the article what was left out, so nothing is cut silently. The text itself
 * is kept whole.
 */
import type { Doc, Message, Pipeline, StageContext } from '../core/index.js';
import { runStage } from '../core/index.js';

export interface AnalysisBudget {
  /** Characters of text analysed per article. */
  readonly maxChars: number;
  /** Sentences analysed per article. */
  readonly maxSentences: number;
  /** Entity mentions per article. */
  readonly maxMentions: number;
}

/**
 * 200,000 characters is about 30,000 words: four times the longest long-read
 * an outlet publishes, and where the stages' per-character cost is still within
 * 1.5× of an 800-word article's (measured: 6.4 µs/char at 5 KB, 8.7 at 200 KB,
 * 43 at 600 KB before the budget). The sentence and mention caps are what such
 * a text holds at most in ordinary prose (~2,000 sentences, ~2,700 mentions),
 * doubled; they bite only on text that is all short fragments or all names.
 */
export const DEFAULT_ANALYSIS_BUDGET: AnalysisBudget = { maxChars: 200_000, maxSentences: 5_000, maxMentions: 6_000 };

/** The code of the message an article carries when the budget cut its analysis. */
export const ANALYSIS_CAPPED = 'W_ANALYSIS_CAPPED';

interface Cut {
  /** Offset where the analysed text ends. */
  readonly end: number;
  /** Which cap cut it, in words. */
  readonly limit: string;
}

/** Attempts at most: each re-run is on a strictly shorter prefix; the last one is kept whatever it counts. */
const MAX_ATTEMPTS = 3;

/**
 * Wrap the per-article pipeline so that an article over budget is analysed
 * only up to the budget: every layer points into the analysed prefix, and a
 * `W_ANALYSIS_CAPPED` warning (placed on the part left out) says how much was
 * analysed and which cap cut it. Articles within budget run exactly as before.
 */
export function withBudget(pipeline: Pipeline, budget: AnalysisBudget = DEFAULT_ANALYSIS_BUDGET): Pipeline {
  return {
    stages: pipeline.stages,
    run(doc: Doc, ctx: StageContext = {}): Doc {
      let cut: Cut | null = doc.text.length > budget.maxChars
        ? { end: cutBefore(doc.text, budget.maxChars), limit: `${formatCount(budget.maxChars)} characters` }
        : null;
      for (let attempt = 1; ; attempt++) {
        const part: Doc = cut ? { ...doc, text: doc.text.slice(0, cut.end) } : doc;
        let current = part;
        let over: Cut | null = null;
        for (const stage of pipeline.stages) {
          current = runStage(stage, current, ctx);
          over = attempt < MAX_ATTEMPTS ? overBudget(current, budget) : null;
          if (over) break;
        }
        if (over && over.end < (cut?.end ?? doc.text.length)) {
          cut = over;
          continue;
        }
        const layers = { ...doc.layers, ...current.layers };
        return cut ? { ...doc, layers, messages: [...doc.messages, cappedMessage(doc.text.length, cut)] } : { ...doc, layers };
      }
    },
  };
}

/** The first cap the layers so far exceed, as the offset to cut at (the end of the last sentence within it). */
function overBudget(doc: Doc, budget: AnalysisBudget): Cut | null {
  const sentences = doc.layers.sentences;
  if (!sentences) return null;
  if (sentences.length > budget.maxSentences) {
    return { end: sentences[budget.maxSentences - 1]!.end, limit: `${formatCount(budget.maxSentences)} sentences` };
  }
  const mentions = doc.layers.entities;
  if (mentions && mentions.length > budget.maxMentions) {
    const at = mentions[budget.maxMentions - 1]!.start;
    // The sentence holding the last mention allowed ends the analysed text, or the sentence before it when that one holds more.
    const i = sentenceBefore(sentences, at);
    if (i >= 0) return { end: sentences[i]!.end, limit: `${formatCount(budget.maxMentions)} entity mentions` };
  }
  return null;
}

/** Index of the last sentence that ends at or before `offset`, or -1. */
function sentenceBefore(sentences: readonly { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.end <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Where to end a prefix of at most `max` characters: after the last paragraph
 * in it, else after its last sentence, else at its last space; never inside a
 * surrogate pair. Looks back at most half the window, so a text without
 * breaks is still cut near `max`.
 */
export function cutBefore(text: string, max: number): number {
  if (text.length <= max) return text.length;
  const floor = Math.floor(max / 2);
  const window = text.slice(floor, max);
  const paragraph = window.lastIndexOf('\n\n');
  if (paragraph !== -1) return floor + paragraph;
  const sentence = lastMatchEnd(window, /[.!?…]["'”’)\]]*\s/g);
  if (sentence !== -1) return floor + sentence - 1;
  const space = window.search(/\s\S*$/);
  if (space > 0) return floor + space;
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

function lastMatchEnd(text: string, pattern: RegExp): number {
  let end = -1;
  for (const m of text.matchAll(pattern)) end = m.index + m[0].length;
  return end;
}

function cappedMessage(length: number, cut: Cut): Message {
  return {
    level: 'warning',
    code: ANALYSIS_CAPPED,
    reason: `only the first ${formatCount(cut.end)} of ${formatCount(length)} characters were analysed (the limit per article is ${cut.limit}): entities, quotes, dates and events after that point are not marked`,
    place: { start: cut.end, end: length },
    stage: 'annotate',
  };
}

function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

/**
 * The part of an article its layers cover: the analysed prefix when the
 * budget cut the analysis, else the whole doc. Story-wide stages read this,
 * so text nobody analysed never costs them time or yields evidence.
 */
export function analysedPart(doc: Doc): Doc {
  const capped = doc.messages.find((m) => m.code === ANALYSIS_CAPPED && m.place);
  return capped?.place && capped.place.start < doc.text.length ? { ...doc, text: doc.text.slice(0, capped.place.start) } : doc;
}
