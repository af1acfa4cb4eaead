/**
 * Derive the quote cue list from PolNeAR train (../shared/eval-data/quotes/polnear-train.json)
 * and write src/annotate/quotes/cues.json.
 *
 * A cue form is kept when it is frequent as a cue AND, when it occurs in running text,
 * it is a cue often enough (cue rate): that keeps "said" and "told" and drops words
 * such as "in" or "for" that annotators sometimes marked but that are rarely cues.
 * Run: npx tsx scripts/derive-quote-cues.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TRAIN = path.resolve(ROOT, '../shared/eval-data/quotes/polnear-train.json');
const OUT = path.join(ROOT, 'src/annotate/quotes/cues.json');

/** A form seen fewer times as a cue is noise for rules (one annotator's choice). */
const MIN_CUE_COUNT = 8;
/** Share of a form's occurrences in text that are cues: below this it fires more often wrongly than rightly. */
const MIN_CUE_RATE = 0.15;
/** A multi-word phrase cue ("according to") must be this frequent. */
const MIN_PHRASE_COUNT = 8;
/** Role nouns heading gold sources ("the official", "a spokesman"): kept when this frequent. */
const MIN_SOURCE_HEAD_COUNT = 4;

/** Words that accompany a cue verb without being its head ("has said", "also said"). */
const AUXILIARIES = new Set(['has', 'have', 'had', 'also', 'is', 'was', 'were', 'are', 'be', 'been', 'will', 'would', 'later', 'then', 'previously', 'had', 'did', 'does', 'do', 'not', 'never', 'repeatedly', 'publicly', 'once', 'further', 'again']);

interface SpanJ { start: number; end: number; text: string }
interface Attribution { cue: SpanJ[]; sources: SpanJ[]; contents: SpanJ[]; kind: string }
interface Article { text: string; attributions: Attribution[] }

/** Pronouns, determiners, numbers and time words that end gold sources without naming a role. */
const NOT_ROLE_NOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'you', 'i', 'me', 'us', 'him', 'her', 'them', 'his', 'its', 'their', 'my', 'our', 'your', 'who', 'whom', 'whose', 'which', 'that', 'this', 'those', 'these', 'some', 'one', 'ones', 'both', 'two', 'three', 'four', 'five', 'half', 'most', 'many', 'others', 'another', 'everyone', 'self', 'himself', 'herself', 'and', 'or', 'said', 'here', 'there', 'left', 'percent', 'week', 'month', 'year', 'years', 'night', 'time', 'spot', 'side', 'sides', 'all', 'each', 'few', 'several']);

const WORD = /[a-z]+(?:-[a-z]+)*/g;

function cueHead(cue: string): { head: string | null; phrase: string | null } {
  const words = cue.toLowerCase().match(WORD) ?? [];
  // Adverbs ("widely reported") modify the cue; "quick to say" has its cue after "to".
  let content = words.filter((w) => !AUXILIARIES.has(w) && !w.endsWith('ly'));
  if (content.length > 2 && content[1] === 'to') content = content.slice(2);
  if (content.length === 0) return { head: null, phrase: null };
  if (content.length === 2 && ['to', 'with', 'by'].includes(content[1]!)) return { head: null, phrase: content.join(' ') };
  return { head: content[0]!, phrase: null };
}

const articles = JSON.parse(readFileSync(TRAIN, 'utf8')) as Article[];
const asCue = new Map<string, number>();
const phrases = new Map<string, number>();
const heads = new Map<string, number>();
for (const a of articles) {
  for (const at of a.attributions) {
    for (const c of at.cue) {
      const { head, phrase } = cueHead(c.text);
      if (head) asCue.set(head, (asCue.get(head) ?? 0) + 1);
      if (phrase) phrases.set(phrase, (phrases.get(phrase) ?? 0) + 1);
    }
    for (const s of at.sources) {
      const first = s.text.split(/[,(]/)[0]!.trim();
      const last = first.split(/\s+/).pop() ?? '';
      if (/^[a-z]+$/.test(last) && !NOT_ROLE_NOUNS.has(last)) heads.set(last, (heads.get(last) ?? 0) + 1);
    }
  }
}
const inText = new Map<string, number>();
for (const a of articles) for (const w of a.text.toLowerCase().match(WORD) ?? []) if (asCue.has(w)) inText.set(w, (inText.get(w) ?? 0) + 1);

const verbs: Record<string, { cue: number; rate: number }> = {};
for (const [form, n] of [...asCue].sort((x, y) => y[1] - x[1])) {
  const rate = n / Math.max(1, inText.get(form) ?? 0);
  if (n >= MIN_CUE_COUNT && rate >= MIN_CUE_RATE) verbs[form] = { cue: n, rate: Math.round(rate * 100) / 100 };
}
const keptPhrases = [...phrases].filter(([, n]) => n >= MIN_PHRASE_COUNT).sort((x, y) => y[1] - x[1]).map(([p]) => p);
const sourceHeads = [...heads].filter(([, n]) => n >= MIN_SOURCE_HEAD_COUNT).sort((x, y) => y[1] - x[1]).map(([h]) => h);

writeFileSync(OUT, JSON.stringify({
  derivedFrom: '../shared/eval-data/quotes/polnear-train.json (scripts/derive-quote-cues.ts)',
  minCueCount: MIN_CUE_COUNT, minCueRate: MIN_CUE_RATE,
  verbs, phrases: keptPhrases, sourceHeads,
}, null, 1) + '\n');
console.log(`${Object.keys(verbs).length} cue verbs, ${keptPhrases.length} phrases, ${sourceHeads.length} source heads -> ${path.relative(ROOT, OUT)}`);
