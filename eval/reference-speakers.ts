/**
 * The reference stage on the words that name a quote's speaker in real news
 * (../shared/corpus: realnews-dev-2025 and iran-negotiations-2025, exhaustive quote
 * gold): where the speaker is named by a pronoun or a description ("he said",
 * "the minister said", "The president told …", "the ministry said"), is that
 * mention linked to the entity the gold names as the speaker (right), to another
 * (wrong), or left out (unlinked)? A title the entities stage itself resolved
 * ("The president" as a mention of its holder) counts as a link. A link on a speaker the gold leaves unnamed
 * ("The source", "unnamed officials") is wrong too. Also: of the capitals and
 * countries the stage takes as standing for their government, how many the gold
 * marks as standing for a state.
 *
 * The speaker's words are realnews' `speaker_mention` (the occurrence nearest the
 * quote), and on the Iran corpus, which has no such field, the pronoun inside a
 * cue ("she notes", "He argued"). Pages go through the product's own ingest,
 * extraction, tokens and entities stages.
 *
 * Run: npm run eval -- reference-speakers   (REFERENCE_DEBUG=1 lists each case with its context)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EvalResult, EvalTask } from './types.js';
import { CORPUS_DIR, missingData } from './paths.js';
import { readArticles } from '../src/workflow/index.js';
import { createPipeline, type Doc } from '../src/core/index.js';
import { tokens, entities, reference } from '../src/annotate/index.js';

interface GoldQuote { text: string; speaker: string; cue?: string | null; speaker_mention?: string | null }
interface GoldEntity { canonical?: string; name?: string; type?: string; forms?: string[]; stands_for?: string }
interface GoldArticle { id: string; file: string; quotes: GoldQuote[]; entities?: GoldEntity[] }
interface Gold { articles: GoldArticle[]; aliases?: { canonical: string; forms: string[] }[] }

const CORPORA = ['realnews-dev-2025', 'iran-negotiations-2025'] as const;
const PRONOUN = /^(?:he|she|it|they|him|her|them)$/i;

function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’']/g, "'").toLowerCase().replace(/^the\s+/, '').replace(/'s$/, '').trim();
}

/** Every form the gold gives the speaker: its canonical name, the article's forms, the corpus aliases. */
function speakerForms(speaker: string, article: GoldArticle, gold: Gold): string[] {
  const forms = new Set([fold(speaker)]);
  for (const e of article.entities ?? []) if ((e.canonical ?? e.name) === speaker) for (const f of e.forms ?? []) forms.add(fold(f));
  for (const a of gold.aliases ?? []) if (a.canonical === speaker) for (const f of a.forms) forms.add(fold(f));
  return [...forms];
}

/** True when one of our names for the entity is one of the gold's forms, or shares its last word (a surname, "ministry"). */
function sameEntity(ours: readonly string[], gold: readonly string[]): boolean {
  const last = (s: string): string => s.split(/\s+/).pop() ?? '';
  return ours.some((o) => gold.some((g) => o === g || (last(o).length >= 4 && last(o) === last(g))));
}

/** The occurrence of `needle` as whole words nearest to `at`. */
function nearest(text: string, needle: string, at: number): number {
  let best = -1;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) {
    const whole = !/[\p{L}\p{N}]/u.test(text[i - 1] ?? '') && !/[\p{L}\p{N}]/u.test(text[i + needle.length] ?? '');
    if (whole && (best === -1 || Math.abs(i - at) < Math.abs(best - at))) best = i;
  }
  return best;
}

/** The speaker's words of a gold quote in the text, when they are a pronoun or a description rather than a name. */
function speakerMention(text: string, q: GoldQuote): { start: number; end: number; pronoun: boolean } | undefined {
  const quoteAt = text.indexOf(q.text.slice(0, 60));
  if (quoteAt === -1) return undefined;
  if (q.speaker_mention) {
    const sm = q.speaker_mention;
    // a description is "the …" without a name in it ("the UN", "the Libyan Red Crescent" are the entities layer's business);
    // a bare plural ("residents", "many economists") is a collective the stage leaves to the quotes
    const pronoun = PRONOUN.test(sm);
    if (!pronoun && (!/^the\s/i.test(sm) || sm.split(/\s+/).slice(1).some((w) => /^\p{Lu}/u.test(w)))) return undefined;
    const at = nearest(text, sm, quoteAt);
    return at === -1 ? undefined : { start: at, end: at + sm.length, pronoun };
  }
  // the cue's own subject: "she notes", "He argued" (not "describing it as")
  const pronoun = q.cue?.split(/\s+/)[0];
  if (!q.cue || !pronoun || !PRONOUN.test(pronoun)) return undefined;
  const cueAt = nearest(text, q.cue, quoteAt);
  if (cueAt === -1) return undefined;
  const start = cueAt + q.cue.indexOf(pronoun);
  return { start, end: start + pronoun.length, pronoun: true };
}

interface Counts { cases: number; linkable: number; right: number; wrong: number; spurious: number }
const empty = (): Counts => ({ cases: 0, linkable: 0, right: 0, wrong: 0, spurious: 0 });

async function annotate(dir: string): Promise<Map<string, Doc>> {
  const pipeline = createPipeline([tokens(), entities(), reference()]);
  const docs = new Map<string, Doc>();
  for await (const r of readArticles([path.join(dir, 'articles')])) if (r.ok) docs.set(path.basename(r.input), pipeline.run(r.doc));
  return docs;
}

export const task: EvalTask = {
  name: 'reference-speakers',
  async run(): Promise<EvalResult> {
    const missing = missingData(path.join(CORPUS_DIR, CORPORA[0]));
    if (missing) return { task: 'reference-speakers', data: '', rows: [], metrics: {}, skipped: missing };
    const rows: Record<string, string | number | null>[] = [];
    const metrics: Record<string, number> = {};
    const all = { pronoun: empty(), description: empty() };
    let metonyms = 0;
    let metonymsRight = 0;
    for (const corpus of CORPORA) {
      const dir = path.join(CORPUS_DIR, corpus);
      if (missingData(dir)) continue;
      const gold = JSON.parse(readFileSync(path.join(dir, 'gold.json'), 'utf8')) as Gold;
      const docs = await annotate(dir);
      const counts = { pronoun: empty(), description: empty() };
      for (const g of gold.articles) {
        const doc = docs.get(path.basename(g.file));
        if (!doc) continue;
        const index = doc.layers.entityIndex ?? [];
        const refs = doc.layers.references ?? [];
        const namesOf = (id: string): string[] => [
          ...index.filter((e) => e.id === id).map((e) => fold(e.name)),
          ...(doc.layers.entities ?? []).filter((m) => m.entity === id).map((m) => fold(doc.text.slice(m.start, m.end))),
        ];
        for (const q of g.quotes) {
          const forms = speakerForms(q.speaker, g, gold);
          const m = speakerMention(doc.text, q);
          if (!m) continue;
          const c = counts[m.pronoun ? 'pronoun' : 'description'];
          const linkable = !/^unnamed\b/i.test(q.speaker);
          c.cases++;
          if (linkable) c.linkable++;
          // the references layer, or a title the entities stage resolved itself ("The president" as a mention of its holder)
          // the link must hold the words' last word (their head): "the country" in "the country's news agency" is not the speaker
          const holdsHead = (x: { start: number; end: number }): boolean => x.start < m.end && x.end >= m.end;
          const r = refs.find((x) => holdsHead(x) && x.kind !== 'metonym') ?? (doc.layers.entities ?? []).find(holdsHead);
          if (process.env.REFERENCE_DEBUG) console.log(`${g.id} | ${doc.text.slice(Math.max(0, m.start - 100), m.start).replace(/\s+/g, ' ')} [[${doc.text.slice(m.start, m.end)}]] → ${r ? namesOf(r.entity)[0] : '-'} | gold ${q.speaker}`);
          if (!r) continue;
          if (!linkable) c.spurious++;
          else if (sameEntity(namesOf(r.entity), forms)) c.right++;
          else c.wrong++;
        }
        // metonyms: the place must be a state, or one the gold says stands for a state
        const states = new Set((g.entities ?? []).filter((e) => e.stands_for || e.type === 'GPE').flatMap((e) => [...(e.forms ?? []), e.canonical ?? e.name ?? ''].map(fold)));
        for (const r of refs.filter((x) => x.kind === 'metonym')) {
          metonyms++;
          if (states.has(fold(doc.text.slice(r.start, r.end)))) metonymsRight++;
        }
      }
      for (const [kind, c] of Object.entries(counts)) {
        rows.push({ corpus, mentions: kind, cases: c.cases, linkable: c.linkable, right: c.right, wrong: c.wrong, spurious: c.spurious });
        const a = all[kind as 'pronoun' | 'description'];
        for (const k of Object.keys(a) as (keyof Counts)[]) a[k] += c[k];
      }
    }
    for (const [kind, c] of Object.entries(all)) {
      const links = c.right + c.wrong + c.spurious;
      rows.push({ corpus: 'both', mentions: kind, cases: c.cases, linkable: c.linkable, right: c.right, wrong: c.wrong, spurious: c.spurious, accuracy: c.linkable ? (c.right / c.linkable).toFixed(3) : null, precision: links ? (c.right / links).toFixed(3) : null });
      metrics[`${kind}_speaker_accuracy`] = c.linkable ? c.right / c.linkable : 0;
      metrics[`${kind}_speaker_precision`] = links ? c.right / links : 1;
    }
    rows.push({ corpus: 'both', mentions: 'metonyms on a state or a place the gold says stands for one', cases: metonyms, right: metonymsRight });
    metrics.metonym_precision = metonyms ? metonymsRight / metonyms : 1;
    return { task: 'reference-speakers', data: `speaker words of the quotes of ../shared/corpus/{${CORPORA.join(',')}}`, rows, metrics };
  },
};
