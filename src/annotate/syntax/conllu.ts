/**
 * A reader for CoNLL-U treebanks (Universal Dependencies): the syntactic
 * words of each sentence with their gold part of speech, head and relation,
 * and where each word sits in the sentence's `# text`, so that the project's
 * own tokenisation can be aligned with the gold words.
 */
import { IngestError, type Span } from '../../core/index.js';

/** One gold sentence. Word indices are 0-based; a head of -1 is the root. */
export interface TreebankSentence {
  readonly id: string;
  /** The `# newdoc id` of the document it belongs to. */
  readonly doc: string;
  readonly text: string;
  readonly forms: readonly string[];
  readonly upos: readonly string[];
  readonly heads: Int32Array;
  readonly rels: readonly string[];
  /**
   * Each word's place in `text`; undefined for the parts of a contraction whose
   * written form is not the plain concatenation of its words.
   */
  readonly spans: readonly (Span | undefined)[];
}

/**
 * Read the sentences of a CoNLL-U file. Multiword tokens ("don't" = "do" +
 * "n't") give their syntactic words; empty nodes (enhanced graphs) are skipped.
 *
 * @param source names the input in error messages
 */
export function readConllu(content: string, source = 'CoNLL-U input'): TreebankSentence[] {
  const out: TreebankSentence[] = [];
  let doc = '';
  let id = '';
  let text = '';
  let rows: string[][] = [];
  let lineNumber = 0;
  const flush = (): void => {
    if (rows.length > 0) out.push(sentenceFrom(rows, { id, doc, text }, source, lineNumber));
    rows = [];
    id = '';
    text = '';
  };
  for (const line of content.split('\n')) {
    lineNumber++;
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (line.startsWith('#')) {
      const m = /^#\s*(newdoc id|sent_id|text)\s*=\s?(.*)$/.exec(line);
      if (m?.[1] === 'newdoc id') doc = m[2]!.trim();
      else if (m?.[1] === 'sent_id') id = m[2]!.trim();
      else if (m?.[1] === 'text') text = m[2]!;
      continue;
    }
    const cols = line.split('\t');
    if (cols.length !== 10) throw new IngestError('E_CONLLU', `${source}:${lineNumber}: expected 10 tab-separated columns, found ${cols.length}`);
    rows.push(cols);
  }
  flush();
  return out;
}

function sentenceFrom(rows: string[][], head: { id: string; doc: string; text: string }, source: string, endLine: number): TreebankSentence {
  const forms: string[] = [];
  const upos: string[] = [];
  const heads: number[] = [];
  const rels: string[] = [];
  /** Surface tokens: a multiword range or a plain word, with the indices of its words. */
  const surface: { form: string; words: number[] }[] = [];
  let range: { form: string; last: number; words: number[] } | undefined;
  for (const cols of rows) {
    const [idCol, form, , tag, , , headCol, rel] = cols as [string, string, string, string, string, string, string, string];
    if (idCol.includes('.')) continue; // empty node of an enhanced graph
    const multi = /^(\d+)-(\d+)$/.exec(idCol);
    if (multi) {
      range = { form, last: Number(multi[2]), words: [] };
      surface.push(range);
      continue;
    }
    const index = Number(idCol) - 1;
    if (!Number.isInteger(index) || index !== forms.length) {
      throw new IngestError('E_CONLLU', `${source}: sentence ${head.id || `ending at line ${endLine}`}: word id ${idCol} out of order`);
    }
    forms.push(form);
    upos.push(tag);
    heads.push(Number(headCol) - 1);
    rels.push(rel);
    if (range && index + 1 <= range.last) range.words.push(index);
    else surface.push({ form, words: [index] });
    if (range && index + 1 >= range.last) range = undefined;
  }
  for (const h of heads) {
    if (!Number.isInteger(h) || h < -1 || h >= forms.length) {
      throw new IngestError('E_CONLLU', `${source}: sentence ${head.id}: head ${h + 1} is not a word of the sentence`);
    }
  }
  const text = head.text || surface.map((s) => s.form).join(' ');
  return { ...head, text, forms, upos, heads: Int32Array.from(heads), rels, spans: locate(text, surface, forms) };
}

/** Where each word is in the text: surface tokens are found in order; a contraction's words split its span when they spell it. */
function locate(text: string, surface: readonly { form: string; words: number[] }[], forms: readonly string[]): (Span | undefined)[] {
  const spans: (Span | undefined)[] = new Array(forms.length).fill(undefined);
  let cursor = 0;
  for (const token of surface) {
    const at = text.indexOf(token.form, cursor);
    if (at === -1) continue;
    cursor = at + token.form.length;
    if (token.words.length === 1) {
      spans[token.words[0]!] = { start: at, end: cursor };
      continue;
    }
    if (token.words.map((w) => forms[w]).join('') !== token.form) continue;
    let start = at;
    for (const w of token.words) {
      spans[w] = { start, end: start + forms[w]!.length };
      start += forms[w]!.length;
    }
  }
  return spans;
}
