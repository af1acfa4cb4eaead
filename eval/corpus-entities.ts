/**
 * Named entities of the real corpora against their exhaustive gold `entities`
 * (../shared/corpus/iran-negotiations-2025 and realnews-dev-2025): every article
 * read and extracted by the real workflow (`readArticles`), annotated by the real
 * per-article pipeline, and scored inside the gold body (body_first … body_last,
 * minus the `not_body` furniture), as each corpus README says:
 *
 * - a name the pipeline finds whose text is no form of a gold entity (and not in
 *   `entities_ignore`, an `optional` entity, an EVENT, or an entity whose `scope`
 *   lies outside the body) is a false positive;
 * - a form given the wrong type, or merged into the entity of another gold entity,
 *   is wrong;
 * - recall is over the gold forms that occur in the scored text.
 *
 * Forms are compared without a possessive ’s and a leading "the", case-folded.
 * Scored per distinct form per article (a name repeated ten times counts once).
 * Also reported: capitals standing for their country (`stands_for` in the gold)
 * linked by the entity index's `standsFor`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readArticles } from '../src/workflow/index.js';
import { createArticlePipeline } from '../src/annotate/index.js';
import type { ArticleEntity, EntityMention } from '../src/annotate/entities/index.js';
import { CORPUS_DIR, missingData } from './paths.js';
import type { EvalResult, EvalTask } from './types.js';

const CORPORA = [
  { key: 'iran', dir: path.join(CORPUS_DIR, 'iran-negotiations-2025') },
  { key: 'realnews', dir: path.join(CORPUS_DIR, 'realnews-dev-2025') },
] as const;
const TYPES = ['PERSON', 'ORG', 'GPE', 'LOC'] as const;

interface GoldEntity {
  readonly name?: string;
  readonly canonical?: string;
  readonly type: string;
  readonly forms: readonly string[];
  readonly optional?: boolean;
  readonly scope?: string;
  readonly stands_for?: string;
}
interface GoldArticle {
  readonly id: string;
  readonly file: string;
  readonly body_first?: string;
  readonly body_last?: string;
  readonly not_body?: readonly string[];
  readonly entities?: readonly GoldEntity[];
  readonly entities_ignore?: readonly string[];
}

/** A form as compared: no possessive, no leading article, single spaces, case-folded. */
export function normaliseForm(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?:'s|’s|'|’)$/u, '')
    .replace(/^the /i, '')
    .toLowerCase();
}

/** The last word of a title printed before a name in a gold form ("Defence Minister", "Secretary of State", "Mayor"). */
const TITLE_WORD = /^(?:president|minister|mayor|secretary|state|chief|spokes(?:person|man|woman)|general|leader|ayatollah|seyyed|sheikh|prince|king|queen|senator|sen\.|governor|gov\.|ambassador|envoy|chairman|chairwoman|director|commander|premier|dr\.?|mr\.?|mrs\.?|ms\.?|prof\.?|sir|judge|pope|speaker|representative|rep\.|colonel|head|ceo|chancellor|emir|crown)$/;

const nameOf = (e: GoldEntity): string => e.name ?? e.canonical ?? '';

/** Where the scored text lies: the gold body, minus furniture strings inside it. */
function scoredRegion(text: string, g: GoldArticle): { start: number; end: number; holes: { start: number; end: number }[] } {
  const first = g.body_first ? text.indexOf(g.body_first) : -1;
  const start = first >= 0 ? first : 0;
  const lastAt = g.body_last ? text.indexOf(g.body_last, start) : -1;
  const end = lastAt >= 0 ? lastAt + g.body_last!.length : text.length;
  const holes: { start: number; end: number }[] = [];
  for (const furniture of g.not_body ?? []) {
    for (let at = text.indexOf(furniture, start); at >= 0 && at < end; at = text.indexOf(furniture, at + 1)) holes.push({ start: at, end: at + furniture.length });
  }
  return { start, end, holes };
}

/** True when `form` occurs in the scored text as whole words. */
function occursIn(text: string, region: ReturnType<typeof scoredRegion>, form: string): boolean {
  const escaped = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu');
  for (const m of text.slice(region.start, region.end).matchAll(pattern)) {
    const at = region.start + m.index;
    if (!region.holes.some((h) => h.start <= at && at < h.end)) return true;
  }
  return false;
}

interface Counts { predicted: number; correct: number; gold: number; found: number }
const zero = (): Counts => ({ predicted: 0, correct: 0, gold: 0, found: 0 });

interface ArticleScore {
  readonly byType: Record<string, Counts>;
  readonly wrongType: string[];
  readonly wrongMerge: string[];
  readonly falsePositives: string[];
  readonly missed: string[];
  readonly standsFor: { gold: number; right: number };
}

/** Score one article's entity layer against its gold entities. */
export function scoreArticle(text: string, mentions: readonly EntityMention[], index: readonly ArticleEntity[], g: GoldArticle): ArticleScore {
  const region = scoredRegion(text, g);
  const inRegion = (m: { start: number; end: number }): boolean =>
    m.start >= region.start && m.end <= region.end && !region.holes.some((h) => h.start < m.end && m.start < h.end);
  const golds = (g.entities ?? []).map((e, id) => ({ ...e, id, neutral: !!e.optional || !!e.scope || !TYPES.includes(e.type as never) }));
  const byForm = new Map<string, (typeof golds)[number][]>();
  const add = (key: string, e: (typeof golds)[number]): void => {
    if (!byForm.get(key)?.includes(e)) byForm.set(key, [...(byForm.get(key) ?? []), e]);
  };
  for (const e of golds) for (const f of e.forms) add(normaliseForm(f), e);
  // realnews prints titles into person forms ("US President Ana Example"): the name without its title is that form too
  const titled = new Map<string, string[]>();
  for (const e of golds) {
    if (e.type !== 'PERSON') continue;
    for (const f of e.forms) {
      const words = normaliseForm(f).split(' ');
      for (let k = 1; k < words.length; k++) {
        if (!TITLE_WORD.test(words[k - 1]!)) continue;
        const rest = words.slice(k).join(' ');
        if (byForm.has(rest) && !byForm.get(rest)!.includes(e)) continue;
        add(rest, e);
        titled.set(rest, [...(titled.get(rest) ?? []), normaliseForm(f)]);
      }
    }
  }
  const ignore = new Set((g.entities_ignore ?? []).map(normaliseForm));
  // distinct predicted names (form, entity): references such as titles and pronouns are not names
  const named = mentions.filter((m) => (m.form === 'name' || m.form === 'surname' || m.form === 'acronym') && inRegion(m));
  const predicted = new Map<string, { form: string; surface: string; type: string; entity: string }>();
  for (const m of named) {
    const surface = text.slice(m.start, m.end);
    const form = normaliseForm(surface);
    predicted.set(`${form}|${m.entity}`, { form, surface, type: m.type, entity: m.entity });
  }
  // each predicted entity stands for the gold entity most of its matched names belong to
  const votes = new Map<string, Map<number, number>>();
  for (const p of predicted.values()) {
    for (const e of byForm.get(p.form) ?? []) {
      const v = votes.get(p.entity) ?? new Map<number, number>();
      v.set(e.id, (v.get(e.id) ?? 0) + 1);
      votes.set(p.entity, v);
    }
  }
  const goldOf = (entity: string): number | undefined => {
    const v = votes.get(entity);
    return v ? [...v].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0] : undefined;
  };
  const byType = Object.fromEntries(TYPES.map((t) => [t, zero()])) as Record<string, Counts>;
  const score: ArticleScore = { byType, wrongType: [], wrongMerge: [], falsePositives: [], missed: [], standsFor: { gold: 0, right: 0 } };
  const foundGold = new Set<string>();
  for (const p of predicted.values()) {
    if (ignore.has(p.form)) continue;
    const candidates = byForm.get(p.form) ?? [];
    if (candidates.length && candidates.every((e) => e.neutral)) continue;
    const counts = byType[p.type];
    if (!counts) continue;
    counts.predicted++;
    const match = candidates.find((e) => !e.neutral && e.type === p.type);
    if (!match) {
      if (candidates.some((e) => !e.neutral)) score.wrongType.push(`${p.surface} (${p.type}, gold ${candidates.map((e) => e.type).join('/')})`);
      else score.falsePositives.push(`${p.surface} (${p.type})`);
      continue;
    }
    const owner = goldOf(p.entity);
    if (owner !== undefined && !candidates.some((e) => e.id === owner)) {
      score.wrongMerge.push(`${p.surface} (merged into ${nameOf(golds[owner]!)})`);
      continue;
    }
    counts.correct++;
    foundGold.add(`${match.id}|${p.form}`);
    for (const full of titled.get(p.form) ?? []) foundGold.add(`${match.id}|${full}`);
  }
  for (const e of golds) {
    if (e.neutral) continue;
    const forms = new Set<string>();
    for (const f of e.forms) if (occursIn(text, region, f)) forms.add(normaliseForm(f));
    for (const form of forms) {
      byType[e.type]!.gold++;
      if (foundGold.has(`${e.id}|${form}`)) byType[e.type]!.found++;
      else score.missed.push(`${form} (${e.type})`);
    }
    if (e.stands_for && forms.size) {
      score.standsFor.gold++;
      const target = golds.find((t) => nameOf(t) === e.stands_for || t.forms.includes(e.stands_for!));
      const ours = named.find((m) => forms.has(normaliseForm(text.slice(m.start, m.end))));
      const entity = ours && index.find((x) => x.id === ours.entity);
      const standsFor = entity?.standsFor ? index.find((x) => x.id === entity.standsFor) : undefined;
      if (target && standsFor && target.forms.some((f) => normaliseForm(f) === normaliseForm(standsFor.name))) score.standsFor.right++;
      else if (target && standsFor && named.some((m) => m.entity === standsFor.id && target.forms.some((f) => normaliseForm(f) === normaliseForm(text.slice(m.start, m.end))))) score.standsFor.right++;
    }
  }
  return score;
}

function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.predicted ? c.correct / c.predicted : 0;
  const r = c.gold ? c.found / c.gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

const fmt = (x: number): string => x.toFixed(3);

export const task: EvalTask = {
  name: 'corpus-entities',
  async run(): Promise<EvalResult> {
    const data = 'named entities of ../shared/corpus/{iran-negotiations-2025,realnews-dev-2025} (gold body, distinct forms per article)';
    const missing = CORPORA.map((c) => missingData(path.join(c.dir, 'gold.json'))).find(Boolean);
    if (missing) return { task: this.name, data, rows: [], metrics: {}, skipped: missing };
    const pipeline = createArticlePipeline();
    const rows: EvalResult['rows'][number][] = [];
    const metrics: Record<string, number> = {};
    const verbose = process.env.PARALLAX_EVAL_VERBOSE === '1';
    for (const corpus of CORPORA) {
      const gold = JSON.parse(readFileSync(path.join(corpus.dir, 'gold.json'), 'utf8')) as { articles: GoldArticle[] };
      const total = Object.fromEntries(TYPES.map((t) => [t, zero()])) as Record<string, Counts>;
      const standsFor = { gold: 0, right: 0 };
      let wrongType = 0, wrongMerge = 0;
      for await (const read of readArticles([path.join(corpus.dir, 'articles')])) {
        if (!read.ok) throw new Error(`${read.input}: ${read.error.message}`);
        const g = gold.articles.find((a) => read.doc.source.path?.endsWith(path.basename(a.file)));
        if (!g?.entities) continue;
        const doc = pipeline.run(read.doc);
        const s = scoreArticle(doc.text, doc.layers.entities ?? [], doc.layers.entityIndex ?? [], g);
        for (const t of TYPES) for (const k of ['predicted', 'correct', 'gold', 'found'] as const) total[t]![k] += s.byType[t]![k];
        standsFor.gold += s.standsFor.gold;
        standsFor.right += s.standsFor.right;
        wrongType += s.wrongType.length;
        wrongMerge += s.wrongMerge.length;
        if (verbose) {
          process.stdout.write(`\n[${corpus.key} ${g.id}]\n  wrong type: ${s.wrongType.join('; ')}\n  wrong merge: ${s.wrongMerge.join('; ')}\n` +
            `  false positives: ${s.falsePositives.join('; ')}\n  missed: ${s.missed.join('; ')}\n`);
        }
      }
      const all = TYPES.reduce((a, t) => ({ predicted: a.predicted + total[t]!.predicted, correct: a.correct + total[t]!.correct, gold: a.gold + total[t]!.gold, found: a.found + total[t]!.found }), zero());
      for (const [label, c] of [...TYPES.map((t) => [t, total[t]!] as const), ['all', all] as const]) {
        const s = prf(c);
        rows.push({ corpus: corpus.key, type: label, predicted: c.predicted, correct: c.correct, gold: c.gold, found: c.found, precision: fmt(s.p), recall: fmt(s.r), f1: fmt(s.f1) });
      }
      const s = prf(all);
      metrics[`${corpus.key}_precision`] = s.p;
      metrics[`${corpus.key}_recall`] = s.r;
      metrics[`${corpus.key}_f1`] = s.f1;
      metrics[`${corpus.key}_org_f1`] = prf(total.ORG!).f1;
      metrics[`${corpus.key}_wrong_type`] = wrongType;
      metrics[`${corpus.key}_wrong_merge`] = wrongMerge;
      metrics[`${corpus.key}_stands_for_right`] = standsFor.gold ? standsFor.right / standsFor.gold : 1;
    }
    return { task: this.name, data, rows, metrics };
  },
};
