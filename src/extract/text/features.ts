import { normaliseForMatch, type PageLine } from './lines.js';

/** Sparse features of one line: name → value (indicators are 1). */
export type LineFeatures = Map<string, number>;

/** Words of page furniture, each group one feature: evidence for the model, never a rule on its own. */
const FURNITURE_WORDS: ReadonlyArray<readonly [string, RegExp]> = [
  ['share', /\b(share|shares|tweet|facebook|whatsapp|linkedin|pinterest|telegram|print|e-?mail this)\b/i],
  ['more', /\b(read more|see more|more from|most read|most popular|related|recommended|trending|latest|also read|you may also|top stories|more stories|further reading|read next|up next)\b/i],
  ['comment', /\b(comments?|reply|replies|leave a|your email|required fields|post a comment|log ?in to|sign ?in|sign ?up|register)\b/i],
  ['subscribe', /\b(subscribe|subscription|newsletter|premium|paywall|membership|support us|donate)\b/i],
  ['legal', /(©|\(c\)|\ball rights reserved\b|\bprivacy\b|\bcookies?\b|\bterms (of|and) (use|service|conditions)\b|\bcopyright\b|\bpowered by\b)/i],
  ['media', /\b(photo|photograph|image|video|getty|reuters|afp|ap photo|credit|file photo|illustration|caption|gallery|watch|listen)\b/i],
  ['nav', /\b(home|menu|search|skip to|back to top|contact us|about us|advertise|careers|sitemap|site map|faq|jobs|close|open|toggle|next|previous)\b/i],
  ['time', /\b(min(ute)?s? read|read time|\d+\s*(min|mins|minutes|hours?|days?) ago|updated|published|posted)\b/i],
  ['byline', /^(by|written by|author:?|words by|reporting by)\s/i],
  ['tags', /^(tags?|topics?|filed under|categories)\b:?/i],
  ['ad', /\b(advertisement|sponsored|promoted|ad choices|partner content)\b/i],
];

const MONTH = /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?\b/i;
const NUMERIC_DATE = /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b/;
const CLOCK = /\b\d{1,2}:\d{2}\b/;
const YEAR = /\b(19|20)\d{2}\b/;
const SENTENCE_END = /[.!?…。！？]["'”’)\]」』]*$/u;
const SENTENCE_BREAK = /[.!?]["'”’)]?\s+["'“‘(]?\p{Lu}/gu;
const URL = /https?:\/\/|www\.|\.(com|org|net)\b/i;

/** Lines with at least this many words look like prose paragraphs. */
const LONG_LINE_WORDS = 20;
/** Lines with at most this many words look like menu items, labels or titles. */
const SHORT_LINE_WORDS = 4;
/** Furniture words and dates count as evidence only in lines up to this long. */
const KEYWORD_MAX_WORDS = 15;
/** Neighbourhood radius for block features (menus are runs of short lines). */
const WINDOW = 4;

function wordBucket(words: number): string {
  if (words === 0) return '0';
  if (words <= 2) return '1-2';
  if (words <= 4) return '3-4';
  if (words <= 7) return '5-7';
  if (words <= 12) return '8-12';
  if (words <= 20) return '13-20';
  if (words <= 35) return '21-35';
  if (words <= 60) return '36-60';
  return '61+';
}

interface LineShape {
  readonly bucket: string;
  readonly ends: boolean;
  readonly long: boolean;
  readonly short: boolean;
}

function shapeOf(line: PageLine): LineShape {
  return {
    bucket: wordBucket(line.words),
    ends: SENTENCE_END.test(line.text),
    long: line.words >= LONG_LINE_WORDS && SENTENCE_END.test(line.text),
    short: line.words <= SHORT_LINE_WORDS,
  };
}

function capitalisedRatio(text: string): number {
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  if (!words.length) return 0;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length;
}

/**
 * Features of every line of a page, each line seen with its neighbours and its place in the page.
 * The same function serves training and extraction, so the model sees identical inputs.
 */
export function pageFeatures(lines: readonly PageLine[]): LineFeatures[] {
  const shapes = lines.map(shapeOf);
  const counts = new Map<string, number>();
  const norms = lines.map((l) => normaliseForMatch(l.text));
  for (const k of norms) counts.set(k, (counts.get(k) ?? 0) + 1);
  const longIdx = shapes.flatMap((s, i) => (s.long ? [i] : []));
  const coreStart = longIdx[0] ?? -1;
  const coreEnd = longIdx[longIdx.length - 1] ?? -1;
  const maxWords = Math.max(1, ...lines.map((l) => l.words));
  const total = lines.length;

  return lines.map((line, i) => {
    const f: LineFeatures = new Map();
    const s = shapes[i]!;
    const set = (name: string, value = 1): void => {
      f.set(name, value);
    };
    set('bias');
    set(`w:${s.bucket}`);
    set(`w:${s.bucket}|end:${s.ends}`);
    if (s.ends) set('end');
    const text = line.text;
    set('logChars', Math.log1p(text.length) / 7);
    set('relWords', line.words / maxWords);
    const breaks = (text.match(SENTENCE_BREAK) ?? []).length;
    set(`sent:${Math.min(3, breaks + (s.ends ? 1 : 0))}`);
    const commas = (text.match(/,/g) ?? []).length;
    set('commaRate', Math.min(1, commas / Math.max(1, line.words / 8)));
    const cap = capitalisedRatio(text);
    set('capRatio', cap);
    if (line.words >= 3 && cap > 0.7) set(`titleCase|end:${s.ends}`);
    if (/^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u.test(text) && line.words >= 1) set('allCaps');
    if (line.bullet) set('bullet');
    if (line.indent > 0) set('indented');
    if (/^\d+[.)-]\s/.test(text)) set('numbered');
    if (/:$/.test(text)) set('endsColon');
    if (/^[“"‘']/.test(text)) set('startsQuote');
    if (/^\p{Ll}/u.test(text)) set('startsLower');
    const digits = (text.match(/\d/g) ?? []).length;
    set('digitRate', digits / Math.max(1, text.length));
    if (/^\d+$/.test(text)) set('onlyNumber');
    // Words and dates mark furniture only in short lines: prose mentions years and "comments" freely.
    if (line.words <= KEYWORD_MAX_WORDS) {
      if (MONTH.test(text) && /\d/.test(text)) set('date');
      if (NUMERIC_DATE.test(text)) set('numericDate');
      if (CLOCK.test(text)) set('clock');
      if (YEAR.test(text)) set('year');
      if ((MONTH.test(text) || NUMERIC_DATE.test(text)) && line.words <= 8) set('dateLine');
      if (/[|›»]/.test(text)) set('separator');
      for (const [name, re] of FURNITURE_WORDS) if (re.test(text)) set(`kw:${name}`);
    }
    if (URL.test(text)) set(`url|short:${s.short}`);
    const dup = counts.get(norms[i]!) ?? 1;
    if (dup > 1) set(`dup|short:${s.short}`);

    // No absolute page position: dumps differ in how much furniture surrounds the text,
    // and a short dump that ends with its last paragraph must not be penalised for it.
    if (coreStart < 0) set('core:none');
    else if (i < coreStart) set(`core:before|w:${s.bucket}`);
    else if (i > coreEnd) set(`core:after|w:${s.bucket}`);
    else set(`core:in|w:${s.bucket}`);
    if (coreStart >= 0) {
      const dist = i < coreStart ? coreStart - i : i > coreEnd ? i - coreEnd : 0;
      set(`coreDist:${dist === 0 ? 0 : dist <= 2 ? 2 : dist <= 5 ? 5 : dist <= 15 ? 15 : 'far'}`);
    }

    const prev = shapes[i - 1];
    const next = shapes[i + 1];
    set(`p:${prev ? prev.bucket : 'none'}`);
    set(`n:${next ? next.bucket : 'none'}`);
    if (prev?.long) set('p:long');
    if (next?.long) set('n:long');
    if (prev?.long && next?.long) set(`between-long|w:${s.bucket}`);
    if (lines[i - 1]?.bullet) set('p:bullet');
    if (lines[i + 1]?.bullet) set('n:bullet');

    let shortN = 0;
    let longN = 0;
    let bulletN = 0;
    let seen = 0;
    for (let j = Math.max(0, i - WINDOW); j <= Math.min(total - 1, i + WINDOW); j++) {
      if (j === i) continue;
      seen++;
      if (shapes[j]!.short) shortN++;
      if (shapes[j]!.long) longN++;
      if (lines[j]!.bullet) bulletN++;
    }
    if (seen) {
      set('win:short', shortN / seen);
      set('win:long', longN / seen);
      set('win:bullet', bulletN / seen);
      if (shortN / seen > 0.7) set(`shortRun|w:${s.bucket}`);
      if (longN / seen > 0.4) set(`proseRun|w:${s.bucket}`);
    }
    return f;
  });
}

/** Logit, clipped: a first-pass score as a feature on a comparable scale. */
function logit(p: number): number {
  const q = Math.min(0.999, Math.max(0.001, p));
  return Math.log(q / (1 - q)) / 7;
}

function meanAround(p: readonly number[], i: number, radius: number): number {
  let sum = 0;
  let n = 0;
  for (let j = Math.max(0, i - radius); j <= Math.min(p.length - 1, i + radius); j++) {
    if (j === i) continue;
    sum += p[j]!;
    n++;
  }
  return n ? sum / n : 0;
}

/**
 * Second-pass features: the line's own features plus what the first pass thought of its
 * neighbourhood (auto-context), so a paragraph among paragraphs is lifted and a lone long
 * line among menus is lowered.
 */
export function contextFeatures(
  base: readonly LineFeatures[],
  firstPass: readonly number[],
  strongest: readonly boolean[],
): LineFeatures[] {
  const maxP = Math.max(1e-6, ...firstPass);
  const firstConfident = firstPass.findIndex((p) => p >= 0.5);
  let lastConfident = -1;
  firstPass.forEach((p, i) => {
    if (p >= 0.5) lastConfident = i;
  });
  return base.map((f, i) => {
    const out: LineFeatures = new Map(f);
    const p = firstPass[i]!;
    out.set('ctx:self', logit(p));
    out.set('ctx:rel', p / maxP);
    out.set('ctx:m1', meanAround(firstPass, i, 1));
    out.set('ctx:m3', meanAround(firstPass, i, 3));
    out.set('ctx:m8', meanAround(firstPass, i, 8));
    out.set('ctx:prev', firstPass[i - 1] ?? 0);
    out.set('ctx:next', firstPass[i + 1] ?? 0);
    if (strongest[i]) out.set('ctx:strongest', 1);
    if (firstConfident < 0) out.set('ctx:noConfident', 1);
    else if (i < firstConfident) out.set('ctx:beforeConfident', 1);
    else if (i > lastConfident) out.set('ctx:afterConfident', 1);
    else out.set('ctx:withinConfident', 1);
    return out;
  });
}
