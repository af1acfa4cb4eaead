/**
 * Time expressions against TempEval-3 training gold (TimeBank 1.2 + AQUAINT, TimeML):
 * strict and relaxed extraction F1, value F1 and type accuracy, per sub-corpus,
 * for Parallax, Parallax without chrono-node, and chrono-node alone.
 *
 * Run: npx tsx eval/timex.ts
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { EvalResult, EvalTask } from './types.js';
import { EVAL_DATA_DIR, missingData } from './paths.js';
import { findTimeExpressions, type Timex } from '../src/annotate/times/index.js';
import { chronoTimeExpressions } from '../src/annotate/times/chrono.js';

const DATA_DIR = path.join(EVAL_DATA_DIR, 'timex', 'TBAQ-cleaned');
const SUB_CORPORA = ['TimeBank', 'AQUAINT'] as const;

interface GoldTimex { readonly start: number; readonly end: number; readonly type: string; readonly value: string }
export interface GoldDoc { readonly id: string; readonly text: string; readonly reference: string | null; readonly timexes: GoldTimex[] }

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The CREATION_TIME value, wherever it sits in the file. */
function creationTime(xml: string): string | null {
  for (const m of xml.matchAll(/<TIMEX3\b([^>]*)>/g)) {
    if (/functionInDocument="CREATION_TIME"/.test(m[1]!)) return /value="([^"]*)"/.exec(m[1]!)?.[1] ?? null;
  }
  return null;
}

/** Strip tags from the TEXT element, keeping each TIMEX3's offsets in the stripped text. */
export function parseTml(xml: string, id: string): GoldDoc {
  const open = xml.indexOf('<TEXT>');
  const close = xml.indexOf('</TEXT>');
  const body = open >= 0 && close > open ? xml.slice(open + '<TEXT>'.length, close) : '';
  let text = '';
  const timexes: GoldTimex[] = [];
  const openTimex: { start: number; type: string; value: string }[] = [];
  const token = /<(\/?)([A-Za-z0-9]+)\b([^>]*?)(\/?)>|&(#x[0-9a-fA-F]+|#\d+|[a-z]+);|[^<&]+|[<&]/g;
  for (const m of body.matchAll(token)) {
    if (m[2]) {
      if (m[2] !== 'TIMEX3') continue;
      if (m[1]) {
        const t = openTimex.pop();
        if (t && text.length > t.start) timexes.push({ start: t.start, end: text.length, type: t.type, value: t.value });
      } else if (!m[4]) {
        openTimex.push({ start: text.length, type: /type="([^"]*)"/.exec(m[3]!)?.[1] ?? '', value: /value="([^"]*)"/.exec(m[3]!)?.[1] ?? '' });
      }
    } else if (m[5]) {
      const e = m[5];
      text += e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e] ?? `&${e};`;
    } else text += m[0];
  }
  return { id, text, reference: creationTime(xml), timexes };
}

export function loadGold(sub: string): GoldDoc[] {
  const dir = path.join(DATA_DIR, sub);
  return readdirSync(dir).filter((f) => f.endsWith('.tml')).sort()
    .map((f) => parseTml(readFileSync(path.join(dir, f), 'utf8'), f.replace(/\.tml$/, '')));
}

/** Values that say the same thing in two spellings: P1DE = P10Y, P1CE = P100Y, 198X = 198, 2000-W7 = 2000-W07. */
function normaliseValue(value: string | null): string {
  if (!value) return '';
  const v = value.toUpperCase();
  const de = /^P(\d+(?:\.\d+)?)DE$/.exec(v);
  if (de) return `P${Number(de[1]) * 10}Y`;
  const ce = /^P(\d+(?:\.\d+)?)CE$/.exec(v);
  if (ce) return `P${Number(ce[1]) * 100}Y`;
  // A decade or century written with or without its X placeholders: 198X = 198, 19XX = 19.
  const open = /^(\d{2,3})X*$/.exec(v);
  if (open) return open[1]!;
  // Week numbers with or without a leading zero: 2000-W7 = 2000-W07.
  return v.replace(/-W(\d)(?!\d)/, '-W0$1');
}

interface Counts { gold: number; system: number; strict: number; relaxed: number; value: number; type: number }
const emptyCounts = (): Counts => ({ gold: 0, system: 0, strict: 0, relaxed: 0, value: 0, type: 0 });

/** TempEval-3 matching: each gold expression pairs with at most one overlapping system expression. */
export function scoreDoc(gold: readonly GoldTimex[], system: readonly Timex[], counts: Counts): void {
  counts.gold += gold.length;
  counts.system += system.length;
  const used = new Set<number>();
  for (const g of gold) {
    let best = -1;
    for (let i = 0; i < system.length; i++) {
      const s = system[i]!;
      if (used.has(i) || !(s.start < g.end && g.start < s.end)) continue;
      if (best < 0 || (s.start === g.start && s.end === g.end)) best = i;
    }
    if (best < 0) continue;
    used.add(best);
    const s = system[best]!;
    counts.relaxed++;
    if (s.start === g.start && s.end === g.end) counts.strict++;
    if (normaliseValue(s.value) === normaliseValue(g.value)) counts.value++;
    if (s.type === g.type) counts.type++;
  }
}

const f1 = (hits: number, system: number, gold: number): number => {
  const p = system ? hits / system : 0;
  const r = gold ? hits / gold : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
};
const round = (x: number): number => Math.round(x * 1000) / 1000;

function summary(c: Counts): { relaxed_p: number; relaxed_r: number; relaxed_f1: number; strict_f1: number; value_f1: number; type_accuracy: number } {
  return {
    relaxed_p: round(c.system ? c.relaxed / c.system : 0),
    relaxed_r: round(c.gold ? c.relaxed / c.gold : 0),
    relaxed_f1: round(f1(c.relaxed, c.system, c.gold)),
    strict_f1: round(f1(c.strict, c.system, c.gold)),
    value_f1: round(f1(c.value, c.system, c.gold)),
    type_accuracy: round(c.relaxed ? c.type / c.relaxed : 0),
  };
}

type System = (doc: GoldDoc) => Timex[];
const SYSTEMS: ReadonlyArray<readonly [string, System]> = [
  ['parallax', (d) => findTimeExpressions(d.text, { referenceDate: d.reference })],
  ['parallax+chrono', (d) => findTimeExpressions(d.text, { referenceDate: d.reference, chrono: true })],
  ['chrono-node', (d) => chronoTimeExpressions(d.text, d.reference)],
];

export const task: EvalTask = {
  name: 'timex',
  async run(): Promise<EvalResult> {
    const missing = missingData(DATA_DIR);
    if (missing) return { task: 'timex', data: DATA_DIR, rows: [], metrics: {}, skipped: missing };
    const corpora = SUB_CORPORA.map((sub) => ({ sub, docs: loadGold(sub) }));
    const rows: Record<string, string | number | null>[] = [];
    let metrics: Record<string, number> = {};
    for (const [name, system] of SYSTEMS) {
      const overall = emptyCounts();
      let chars = 0;
      let ms = 0;
      for (const { sub, docs } of corpora) {
        const counts = emptyCounts();
        for (const doc of docs) {
          const t0 = performance.now();
          const found = system(doc);
          ms += performance.now() - t0;
          chars += doc.text.length;
          scoreDoc(doc.timexes, found, counts);
          scoreDoc(doc.timexes, found, overall);
        }
        rows.push({ system: name, corpus: sub, gold: counts.gold, found: counts.system, ...summary(counts) });
      }
      const all = summary(overall);
      rows.push({ system: name, corpus: 'overall', gold: overall.gold, found: overall.system, ...all, chars_per_s: Math.round(chars / (ms / 1000)) });
      if (name === 'parallax') metrics = { relaxed_f1: all.relaxed_f1, strict_f1: all.strict_f1, value_f1: all.value_f1, type_accuracy: all.type_accuracy };
    }
    const docs = corpora.reduce((n, c) => n + c.docs.length, 0);
    return { task: 'timex', data: `${docs} TimeML documents of ../shared/eval-data/timex (TimeBank, AQUAINT)`, rows, metrics };
  },
};
