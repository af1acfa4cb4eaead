import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Span } from '../../core/index.js';

/**
 * Reading GUM (the Georgetown University Multilayer corpus) for training and
 * scoring the reference stage: the coreference CoNLL files give the chains, the
 * UD CoNLL-U files of the same documents give the sentence texts, paragraphs
 * and gold trees. Nothing of the corpus is stored in the repository: scripts and
 * evaluations read `../shared/eval-data/` at run time.
 */

/** One word of a UD sentence, placed in the rebuilt document text. */
export interface GumWord extends Span {
  readonly form: string;
  readonly upos: string;
  /** Index (in the document's word list) of the head word; -1 for a root. */
  readonly head: number;
  readonly rel: string;
  readonly sentence: number;
}

/** One coreference mention: words [first, last] of the document, and its chain. */
export interface GumMention extends Span {
  readonly first: number;
  readonly last: number;
  /** Chain number, unique within the document. */
  readonly chain: number;
  /** GUM entity type: person, place, organization, object, event, abstract, time, … */
  readonly type: string;
  /** The mention's head word (the word whose head lies outside the mention). */
  readonly head: number;
}

export interface GumDocument {
  readonly name: string;
  /** The document text: sentences on their own lines, paragraphs separated by a blank line. */
  readonly text: string;
  readonly words: readonly GumWord[];
  readonly sentences: readonly Span[];
  readonly mentions: readonly GumMention[];
}

interface UdSentence {
  readonly text: string;
  readonly newPar: boolean;
  readonly words: { form: string; upos: string; head: number; rel: string }[];
}

/** UD documents of a CoNLL-U file, by `# newdoc id`. */
function readConllu(file: string): Map<string, UdSentence[]> {
  const docs = new Map<string, UdSentence[]>();
  let current: UdSentence[] = [];
  let text = '';
  let newPar = false;
  let words: UdSentence['words'] = [];
  const flush = (): void => {
    if (words.length) current.push({ text, newPar, words });
    words = [];
    newPar = false;
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('# newdoc id = ')) {
      flush();
      current = [];
      docs.set(line.slice('# newdoc id = '.length).trim(), current);
      newPar = true;
    } else if (line.startsWith('# newpar')) newPar = true;
    else if (line.startsWith('# text = ')) text = line.slice('# text = '.length);
    else if (line === '') flush();
    else if (!line.startsWith('#')) {
      const cols = line.split('\t');
      if (!/^\d+$/.test(cols[0]!)) continue; // multiword ranges and empty nodes
      words.push({ form: cols[1]!, upos: cols[3]!, head: Number(cols[6]), rel: cols[7]! });
    }
  }
  flush();
  return docs;
}

/** Mentions of a coreference CoNLL document, as word ranges with their chain and type. */
function readCorefConll(file: string): { name: string; forms: string[]; mentions: { first: number; last: number; chain: number; type: string }[] } {
  const lines = readFileSync(file, 'utf8').split('\n');
  const name = lines[0]!.replace('# begin document ', '').trim();
  const forms: string[] = [];
  const mentions: { first: number; last: number; chain: number; type: string }[] = [];
  const open = new Map<number, { first: number; type: string }[]>();
  for (const line of lines.slice(1)) {
    if (!line || line.startsWith('#')) continue;
    const [, form, column] = line.split('\t');
    const at = forms.length;
    forms.push(form!);
    if (!column || column === '_') continue;
    // "(person-10-Name(organization-1)" opens two; "event-2)event-3)" closes two; names never hold brackets
    for (const part of column.match(/\(?[a-z]+-\d+(?:-[^()]*)?\)?/g) ?? []) {
      const m = /^(\()?([a-z]+)-(\d+)(?:-[^()]*)?(\))?$/.exec(part);
      if (!m) continue;
      const chain = Number(m[3]);
      if (m[1]) {
        if (m[4]) mentions.push({ first: at, last: at, chain, type: m[2]! });
        else open.set(chain, [...(open.get(chain) ?? []), { first: at, type: m[2]! }]);
      } else {
        const stack = open.get(chain);
        const opened = stack?.pop();
        if (opened) mentions.push({ first: opened.first, last: at, chain, type: opened.type });
      }
    }
  }
  return { name, forms, mentions };
}

/** Sentences within a paragraph each start a line (the tokens stage never joins lines across a capital). */
const SENTENCE_JOIN = '\n';
const PARAGRAPH_JOIN = '\n\n';

/** Rebuild one document: its text from the UD sentence texts, words placed by offset, mentions with heads. */
function buildDocument(coref: ReturnType<typeof readCorefConll>, ud: UdSentence[]): GumDocument {
  let text = '';
  const words: GumWord[] = [];
  const sentences: Span[] = [];
  ud.forEach((s, si) => {
    if (si > 0) text += s.newPar ? PARAGRAPH_JOIN : SENTENCE_JOIN;
    const offset = text.length;
    text += s.text;
    const base = words.length;
    let cursor = 0;
    for (const w of s.words) {
      const found = s.text.indexOf(w.form, cursor);
      // a form the sentence text spells otherwise (rare): placed at the cursor, one character wide
      const at = found === -1 ? Math.min(cursor, s.text.length - 1) : found;
      const end = found === -1 ? at + 1 : found + w.form.length;
      words.push({ start: offset + at, end: offset + end, form: w.form, upos: w.upos, head: w.head === 0 ? -1 : base + w.head - 1, rel: w.rel, sentence: si });
      cursor = end;
    }
    sentences.push({ start: offset, end: offset + s.text.length });
  });
  if (words.length !== coref.forms.length) {
    throw new Error(`GUM document ${coref.name}: ${coref.forms.length} coreference tokens but ${words.length} UD words`);
  }
  const mentions = coref.mentions
    .map((m) => ({ ...m, start: words[m.first]!.start, end: words[m.last]!.end, head: headOf(words, m.first, m.last) }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  return { name: coref.name, text, words, sentences, mentions };
}

/** The word of [first, last] whose head lies outside the range (the first such word). */
function headOf(words: readonly GumWord[], first: number, last: number): number {
  for (let i = first; i <= last; i++) {
    const h = words[i]!.head;
    if (h < first || h > last) return i;
  }
  return first;
}

/**
 * The GUM documents of one split (`train`, `dev`, `test`), each rebuilt from
 * `coref/<split>/*.conll` and `syntax/en_gum-ud-<split>.conllu`.
 */
export function readGumSplit(evalDataDir: string, split: 'train' | 'dev' | 'test'): GumDocument[] {
  const corefDir = path.join(evalDataDir, 'coref', split);
  const udFile = path.join(evalDataDir, 'syntax', `en_gum-ud-${split}.conllu`);
  if (!existsSync(corefDir) || !existsSync(udFile)) throw new Error(`GUM ${split} split not found under ${evalDataDir} (coref/${split}/, syntax/en_gum-ud-${split}.conllu)`);
  const ud = readConllu(udFile);
  return readdirSync(corefDir)
    .filter((f) => f.endsWith('.conll'))
    .sort()
    .map((f) => {
      const coref = readCorefConll(path.join(corefDir, f));
      const sentences = ud.get(coref.name);
      if (!sentences) throw new Error(`GUM document ${coref.name} has no UD sentences in ${udFile}`);
      return buildDocument(coref, sentences);
    });
}

/** The index of the word of a GUM document that contains (or last starts before) a text offset. */
export function wordAt(doc: Pick<GumDocument, 'words'>, offset: number): number {
  let lo = 0;
  let hi = doc.words.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.words[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** GUM's genre, from the document name ("GUM_news_nasa" → "news"). */
export function gumGenre(name: string): string {
  return name.split('_')[1] ?? '';
}
