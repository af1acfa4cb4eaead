/**
 * The reference stage against GUM test (../shared/eval-data/coref, 26 documents,
 * 2 of them news): for each pronoun, role and title mention whose GUM chain
 * names an entity earlier in the text, is it linked to that entity (accuracy),
 * and how often is a link the stage makes right (precision, over every link it
 * makes, also where GUM's chain names no entity); the share of those mentions
 * left unlinked. Categories are GUM's mentions: a third-person pronoun; a
 * definite description ("the …") headed by an office one person holds (title)
 * or by another noun (role, which covers "the agency", "the country").
 *
 * Settings: the entities layer from GUM's named mentions (the resolver alone)
 * or from the entities stage (the whole chain); grammar from word order (what
 * runs without a parse) or from GUM's gold trees. The CoNLL average (MUC, B³,
 * CEAF-e) is computed over the mentions this task is about: GUM's named
 * mentions of people, organisations and places and the pronouns and
 * definite descriptions of their chains, against the entities plus references
 * the stage outputs; it is not comparable with OntoNotes figures.
 *
 * Run: npm run eval -- reference
 */
import path from 'node:path';
import type { EvalResult, EvalTask } from './types.js';
import { EVAL_DATA_DIR, missingData } from './paths.js';
import { bcubed, ceafe, emptyTally, muc, prf, type Tally } from './metrics/coref.js';
import { readGumSplit, gumGenre, wordAt, type GumDocument } from '../src/annotate/reference/gum.js';
import { gumCase, isNamedMention, type GumCase } from '../src/annotate/reference/gum-cases.js';
import { annotateReferences, type Annotation } from '../src/annotate/reference/annotate.js';
import { addCounts, categoryOf, rates, scoreCase, CATEGORIES, type CategoryCounts } from '../src/annotate/reference/gum-score.js';
import { loadModel } from '../src/annotate/reference/index.js';

interface Setting {
  readonly key: string;
  readonly label: string;
  readonly entities: 'gold' | 'predicted';
  readonly grammar: 'word order' | 'gold trees';
}

const SETTINGS: readonly Setting[] = [
  { key: '', label: 'GUM entities, word order', entities: 'gold', grammar: 'word order' },
  { key: 'trees_', label: 'GUM entities, gold trees', entities: 'gold', grammar: 'gold trees' },
  { key: 'e2e_', label: 'entities stage, word order', entities: 'predicted', grammar: 'word order' },
];

/** Gold and system clusters over head words, for the CoNLL metrics. */
function clusters(c: GumCase, a: Annotation): { key: string[][]; response: string[][] } {
  const doc = c.doc;
  const named = new Set(doc.mentions.filter((m) => isNamedMention(doc, m)).map((m) => m.chain));
  const key = new Map<number, Set<string>>();
  for (const m of doc.mentions) {
    if (!named.has(m.chain) || (!isNamedMention(doc, m) && categoryOf(c, m) === 'other')) continue;
    (key.get(m.chain) ?? key.set(m.chain, new Set()).get(m.chain)!).add(`w${m.head}`);
  }
  const response = new Map<string, Set<string>>();
  const add = (entity: string, offset: number): void => {
    (response.get(entity) ?? response.set(entity, new Set()).get(entity)!).add(`w${wordAt(doc, offset)}`);
  };
  // a name's key is its head word in GUM's tree, as for GUM's own mentions ("Thomas" of "Thomas Sam")
  for (const e of c.layers.entities) {
    const first = wordAt(doc, e.start);
    const last = wordAt(doc, e.end - 1);
    let head = last;
    for (let w = first; w <= last; w++) {
      const h = doc.words[w]!.head;
      if (h < first || h > last) {
        head = w;
        break;
      }
    }
    add(e.entity, doc.words[head]!.start);
  }
  for (const l of a.links) add(l.entity, a.tokens[l.candidate.head]!.start);
  return { key: [...key.values()].map((s) => [...s]), response: [...response.values()].map((s) => [...s]) };
}

interface SettingResult {
  readonly all: Record<string, CategoryCounts>;
  readonly news: Record<string, CategoryCounts>;
  readonly conll: { muc: Tally; b3: Tally; ceafe: Tally };
  readonly milliseconds: number;
}

function runSetting(docs: readonly GumDocument[], setting: Setting): SettingResult {
  const model = loadModel();
  const all: Record<string, CategoryCounts> = {};
  const news: Record<string, CategoryCounts> = {};
  const conll = { muc: emptyTally(), b3: emptyTally(), ceafe: emptyTally() };
  let milliseconds = 0;
  for (const doc of docs) {
    const c = gumCase(doc, { entities: setting.entities });
    // CPU time, not wall time: the machine the evaluations run on is shared
    const started = process.cpuUsage();
    const a = annotateReferences(doc.text, c.layers, { model, ignoreSyntax: setting.grammar === 'word order' });
    const spent = process.cpuUsage(started);
    milliseconds += (spent.user + spent.system) / 1000;
    const counts = scoreCase(c, a);
    addCounts(all, counts);
    if (gumGenre(doc.name) === 'news') addCounts(news, counts);
    const { key, response } = clusters(c, a);
    muc(key, response, conll.muc);
    bcubed(key, response, conll.b3);
    ceafe(key, response, conll.ceafe);
  }
  return { all, news, conll, milliseconds };
}

const fmt = (x: number): string => x.toFixed(3);

export const task: EvalTask = {
  name: 'reference',
  async run(): Promise<EvalResult> {
    const missing = missingData(path.join(EVAL_DATA_DIR, 'coref', 'test')) ?? missingData(path.join(EVAL_DATA_DIR, 'syntax', 'en_gum-ud-test.conllu'));
    if (missing) return { task: 'reference', data: '', rows: [], metrics: {}, skipped: missing };
    const docs = readGumSplit(EVAL_DATA_DIR, 'test');
    const rows: Record<string, string | number | null>[] = [];
    const metrics: Record<string, number> = {};
    for (const setting of SETTINGS) {
      const r = runSetting(docs, setting);
      for (const [scope, counts] of [['all genres', r.all], ['news', r.news]] as const) {
        for (const cat of CATEGORIES) {
          const c = counts[cat];
          // GUM test has no mention of some categories in some scopes (no title at all): nothing to print or pin
          if (!c || c.linkable + c.right + c.wrong + c.spurious === 0) continue;
          const x = rates(c);
          rows.push({ setting: setting.label, scope, mentions: cat, linkable: c.linkable, right: c.right, wrong: c.wrong, spurious: c.spurious, accuracy: fmt(x.accuracy), precision: x.links ? fmt(x.precision) : null, unlinked: fmt(x.unlinked) });
          const prefix = `${setting.key}${scope === 'news' ? 'news_' : ''}${cat}`;
          metrics[`${prefix}_accuracy`] = x.accuracy;
          metrics[`${prefix}_precision`] = x.precision;
          metrics[`${prefix}_unlinked`] = x.unlinked;
        }
      }
      const m = prf(r.conll.muc);
      const b = prf(r.conll.b3);
      const e = prf(r.conll.ceafe);
      const avg = (m.f1 + b.f1 + e.f1) / 3;
      rows.push({ setting: setting.label, scope: 'all genres', mentions: 'CoNLL F1 (MUC / B³ / CEAF-e → avg)', accuracy: `${fmt(m.f1)} / ${fmt(b.f1)} / ${fmt(e.f1)} → ${fmt(avg)}`, precision: null, unlinked: `${(r.milliseconds / docs.length).toFixed(2)} CPU ms/doc` });
      metrics[`${setting.key}conll_f1`] = avg;
    }
    return {
      task: 'reference',
      data: `${docs.length} documents of GUM test (../shared/eval-data/coref/test, ${docs.filter((d) => gumGenre(d.name) === 'news').length} news)`,
      rows,
      metrics,
    };
  },
};
