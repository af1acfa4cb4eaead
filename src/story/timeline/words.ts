/** Content words of a sentence, for telling whether two sentences report the same thing. */
import { boundedMemo } from '../memo.js';

/** Function words and reporting verbs that say nothing about which event a sentence reports. */
const STOPWORDS = new Set(`a an the and or but if of in on at to from by with for about as into onto over under than then that this these those
is are was were be been being has have had do does did will would shall should can could may might must not no never
it its it's he him his she her they them their we our you your i me my who whom whose which what when where why how
said says say told tells stated states announced added noted also there here such so very more most some any all each
day days week month year today yesterday tomorrow following same later earlier after before during since while
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday`.split(/\s+/));

/** Distinct words whose stems are remembered (a story's vocabulary is some tens of thousands). */
const MAX_CACHED_STEMS = 100_000;

/** A crude stem: enough to equate "negotiate", "negotiations" and "negotiating". */
export const stem: (word: string) => string = boundedMemo(MAX_CACHED_STEMS, (word) => {
  let w = word.toLowerCase().replace(/[’']s$/, '');
  for (const suffix of ['ations', 'ation', 'ings', 'ing', 'ed', 'es', 's', 'e']) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) { w = w.slice(0, -suffix.length); break; }
  }
  return w;
});

/** Stemmed content words (letters only, no stopwords, no numbers). */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\p{L}[\p{L}’'-]*/gu)) {
    const w = m[0].toLowerCase().replace(/[’']s$/, '');
    if (w.length < 3 || STOPWORDS.has(w)) continue;
    out.add(stem(w));
  }
  return out;
}

/** Share of the smaller set found in the other (overlap coefficient), 0 when either is empty. */
export function wordOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size);
}
