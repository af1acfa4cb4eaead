/**
 * Named entities against Universal NER v1 English-EWT (test split) and CoNLL-2003
 * (dev split, Reuters news): exact span and type, P/R/F1 per type and micro over
 * PER/ORG/LOC, for Parallax's perceptron tagger (with its rules) and, on UNER, for
 * compromise's people/organizations/places. CoNLL's MISC is not scored: a name found
 * inside a gold MISC span is neither right nor wrong (Parallax has no such type).
 *
 * Run: npm run eval -- ner
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import nlp from 'compromise';
import type { EvalResult, EvalTask } from './types.js';
import { EVAL_DATA_DIR, missingData } from './paths.js';
import { evaluateNerFile, evaluateUner } from '../src/annotate/entities/uner.js';
import { scoreMentions, type PRF, type ScoredMention } from '../src/annotate/entities/index.js';

const DATA_DIR = path.join(EVAL_DATA_DIR, 'ner');
const TEST_FILE = path.join(DATA_DIR, 'test.jsonl');
const CONLL_DEV_FILE = path.join(DATA_DIR, 'conll2003', 'dev.jsonl');
const TYPES = ['PER', 'ORG', 'LOC'] as const;

interface Record_ {
  readonly text: string;
  readonly tokens: readonly unknown[];
  readonly entities: readonly ScoredMention[];
}

type CompromiseView = { json(options: object): { offset: { start: number; length: number } }[] };

/** compromise on each sentence: .people() → PER, .organizations() → ORG, .places() → LOC. */
function compromiseScores(records: readonly Record_[]): { micro: PRF; byType: Record<string, PRF>; tokensPerSecond: number } {
  const started = performance.now();
  let tokens = 0;
  const pairs = records.map((r) => {
    tokens += r.tokens.length;
    const doc = nlp(r.text) as unknown as { people(): CompromiseView; organizations(): CompromiseView; places(): CompromiseView };
    const predicted: ScoredMention[] = [];
    const add = (view: CompromiseView, type: string): void => {
      for (const m of view.json({ offset: true })) {
        let start = m.offset.start;
        let end = start + m.offset.length;
        // compromise's match can carry surrounding punctuation; gold spans never do
        while (end > start && /[\s.,;:!?"'()]/.test(r.text[end - 1]!)) end--;
        while (start < end && /[\s"'(]/.test(r.text[start]!)) start++;
        predicted.push({ start, end, type });
      }
    };
    add(doc.people(), 'PER');
    add(doc.organizations(), 'ORG');
    add(doc.places(), 'LOC');
    return { gold: r.entities, predicted };
  });
  const seconds = (performance.now() - started) / 1000;
  return { ...scoreMentions(pairs, TYPES), tokensPerSecond: Math.round(tokens / seconds) };
}

function row(system: string, s: { micro: PRF; byType: Record<string, PRF> }, tokensPerSecond: number): Record<string, string | number> {
  const r: Record<string, string | number> = { system };
  for (const t of TYPES) r[`${t.toLowerCase()}_p/r/f1`] = `${fmt(s.byType[t]!.precision)}/${fmt(s.byType[t]!.recall)}/${fmt(s.byType[t]!.f1)}`;
  return { ...r, micro_p: fmt(s.micro.precision), micro_r: fmt(s.micro.recall), micro_f1: fmt(s.micro.f1), tokens_per_s: tokensPerSecond };
}

function fmt(x: number): string {
  return x.toFixed(3);
}

export const task: EvalTask = {
  name: 'ner',
  async run(): Promise<EvalResult> {
    const missing = missingData(TEST_FILE);
    if (missing) return { task: 'ner', data: '', rows: [], metrics: {}, skipped: missing };
    const jsonl = readFileSync(TEST_FILE, 'utf8');
    const records = jsonl.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record_);
    const parallax = evaluateUner(jsonl);
    const compromise = compromiseScores(records);
    const rows = [
      { set: 'UNER EWT test', ...row('parallax (BILOU perceptron + classes + rules)', parallax, Math.round(parallax.tokens / (parallax.milliseconds / 1000))) },
      { set: 'UNER EWT test', ...row('compromise', compromise, compromise.tokensPerSecond) },
    ];
    const metrics: Record<string, number> = {
      f1: parallax.micro.f1,
      per_f1: parallax.byType.PER!.f1,
      org_f1: parallax.byType.ORG!.f1,
      loc_f1: parallax.byType.LOC!.f1,
    };
    let data = `${parallax.sentences} sentences of ../shared/eval-data/ner/test.jsonl (UNER v1 English-EWT)`;
    if (!missingData(CONLL_DEV_FILE)) {
      const conll = evaluateNerFile(readFileSync(CONLL_DEV_FILE, 'utf8'), { ignoreTypes: ['MISC'] });
      rows.push({ set: 'CoNLL-2003 dev', ...row('parallax (BILOU perceptron + classes + rules)', conll, Math.round(conll.tokens / (conll.milliseconds / 1000))) });
      metrics.conll_dev_f1 = conll.micro.f1;
      metrics.conll_dev_per_f1 = conll.byType.PER!.f1;
      metrics.conll_dev_org_f1 = conll.byType.ORG!.f1;
      metrics.conll_dev_loc_f1 = conll.byType.LOC!.f1;
      data += ` and ${conll.sentences} of ../shared/eval-data/ner/conll2003/dev.jsonl (MISC not scored)`;
    }
    return { task: 'ner', data, rows, metrics };
  },
};
