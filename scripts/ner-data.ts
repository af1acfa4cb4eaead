/**
 * Labelled entity data for `scripts/train-ner.ts`, read from ../shared at training time
 * (never copied into the repository), as documents of sentences with gold BIO tags
 * over PER / ORG / LOC:
 *
 * - Universal NER v1 English-EWT and CoNLL-2003 (`*.jsonl`, one sentence a line with a
 *   document id); CoNLL's MISC becomes O, as Parallax has no such type.
 * - GUM (`en_gum-ud-*.conllu`): its entity layer (MISC `Entity=`) marks every mention
 *   of every entity with a type; a named entity is a person / organization / place
 *   mention whose head is a proper noun, cut to the run of proper nouns around that
 *   head ("the University of Portsmouth's library" → "University of Portsmouth") and,
 *   for people, without a leading title ("President Ana Oresk" → "Ana Oresk"), the
 *   CoNLL conventions.
 */
import { readFileSync } from 'node:fs';

/** One labelled sentence: its text (for the part-of-speech tagger), tokens with offsets, BIO tags. */
export interface LabelledSentence {
  readonly text: string;
  readonly tokens: readonly { readonly t: string; readonly start: number }[];
  readonly tags: readonly string[];
}

/** A document: its id and sentences in order. */
export interface LabelledDocument {
  readonly id: string;
  readonly sentences: LabelledSentence[];
}

const KEPT_TYPES = new Set(['PER', 'ORG', 'LOC']);

/** Sentences of a `*.jsonl` entity file grouped by document, tags outside PER/ORG/LOC mapped to O. */
export function readJsonl(file: string): LabelledDocument[] {
  const byDoc = new Map<string, LabelledSentence[]>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const r = JSON.parse(line) as { doc: string; text: string; tokens: { t: string; start: number }[]; tags: string[] };
    const tags = r.tags.map((t) => (t !== 'O' && KEPT_TYPES.has(t.slice(2)) ? t : 'O'));
    let list = byDoc.get(r.doc);
    if (!list) byDoc.set(r.doc, (list = []));
    list.push({ text: r.text, tokens: r.tokens, tags });
  }
  return [...byDoc].map(([id, sentences]) => ({ id, sentences }));
}

/** GUM entity types kept, as the tagger's types. */
const GUM_TYPES: Record<string, string> = { person: 'PER', organization: 'ORG', place: 'LOC' };
/** Words that may join the proper nouns of one name: "Bank of England", "Marks & Spencer". */
const NAME_JOINER = /^(?:of|and|&|de|du|del|la|le|von|van|der|the|for|-|'s)$/i;
/** Titles written before a person's name that CoNLL leaves outside the name. */
const TITLE =
  /^(?:president|vice|prime|minister|secretary|senator|sen\.|governor|gov\.|mayor|dr\.?|mr\.?|mrs\.?|ms\.?|miss|prof\.?|professor|general|gen\.|lt\.?|col\.?|colonel|captain|capt\.?|sgt\.?|sergeant|admiral|king|queen|prince|princess|pope|sir|lord|lady|dame|judge|justice|chancellor|ambassador|rep\.?|representative|chairman|coach|archbishop|bishop|rabbi|father|reverend|rev\.?|emperor|empress|duke|duchess|chief|officer|detective|agent|saint|st\.?|president-elect|senior|junior|foreign|defen[cs]e|deputy|former|lieutenant|major|commander|sheikh|ayatollah|imam|pastor|cardinal|uncle|aunt|grandma|grandpa|mom|dad|doctor|nurse|inspector|sheriff|ceo|director|head|founder)$/i;

interface GumToken {
  readonly form: string;
  readonly start: number;
  readonly head: number;
  readonly proper: boolean;
  readonly entity: string;
}

/** Mentions in GUM's `Entity=` notation: "(6-person-new-…" opens entity 6, "6)" closes it, "(5-object-…)" is one token. */
function mentionsOf(tokens: readonly GumToken[]): { start: number; end: number; type: string }[] {
  const open: { id: string; type: string; start: number }[] = [];
  const out: { start: number; end: number; type: string }[] = [];
  tokens.forEach((tok, i) => {
    const s = tok.entity;
    let k = 0;
    while (k < s.length) {
      if (s[k] === '(') {
        let j = k + 1;
        while (j < s.length && s[j] !== '(' && s[j] !== ')') j++;
        const [id, type] = s.slice(k + 1, j).split('-');
        if (s[j] === ')') {
          out.push({ start: i, end: i + 1, type: type! });
          j++;
        } else open.push({ id: id!, type: type!, start: i });
        k = j;
      } else if (/\d/.test(s[k]!)) {
        let j = k;
        while (j < s.length && /\d/.test(s[j]!)) j++;
        const id = s.slice(k, j);
        const at = open.map((o) => o.id).lastIndexOf(id);
        if (at >= 0) {
          const [m] = open.splice(at, 1);
          out.push({ start: m!.start, end: i + 1, type: m!.type });
        }
        k = j + (s[j] === ')' ? 1 : 0);
      } else k++;
    }
  });
  return out;
}

/** The name inside a GUM mention, as a token range, or undefined when its head is not a proper noun. */
function nameOfMention(tokens: readonly GumToken[], m: { start: number; end: number; type: string }): { start: number; end: number } | undefined {
  let head = -1;
  for (let i = m.start; i < m.end; i++) {
    const h = tokens[i]!.head;
    if (h < m.start || h >= m.end) {
      head = i;
      break;
    }
  }
  if (head < 0 || !tokens[head]!.proper) return undefined;
  let start = head;
  let end = head + 1;
  for (;;) {
    if (start > m.start && tokens[start - 1]!.proper) start--;
    else if (start - 1 > m.start && NAME_JOINER.test(tokens[start - 1]!.form) && tokens[start - 2]!.proper && tokens[start - 1]!.form.toLowerCase() !== 'the') start -= 2;
    else break;
  }
  for (;;) {
    if (end < m.end && tokens[end]!.proper) end++;
    else if (end + 1 < m.end && NAME_JOINER.test(tokens[end]!.form) && tokens[end + 1]!.proper) end += 2;
    else if (end + 2 < m.end && tokens[end]!.form.toLowerCase() === 'of' && tokens[end + 1]!.form.toLowerCase() === 'the' && tokens[end + 2]!.proper) end += 3;
    else break;
  }
  if (m.type === 'person') while (end - start > 1 && TITLE.test(tokens[start]!.form)) start++;
  while (end - start > 1 && NAME_JOINER.test(tokens[start]!.form)) start++;
  // a name starts with a capital ("of Russia" left by a dropped title is none)
  if (!/^\p{Lu}/u.test(tokens[start]!.form) || !tokens[start]!.proper) return undefined;
  return { start, end };
}

/** GUM documents of a CoNLL-U file with PER / ORG / LOC names from its entity layer. */
export function readGum(file: string): LabelledDocument[] {
  const docs: LabelledDocument[] = [];
  let doc: LabelledDocument | undefined;
  let text = '';
  let tokens: GumToken[] = [];
  const flush = (): void => {
    if (tokens.length === 0) return;
    const tags = tokens.map(() => 'O');
    const names = mentionsOf(tokens)
      .filter((m) => GUM_TYPES[m.type])
      .flatMap((m) => {
        const name = nameOfMention(tokens, m);
        return name ? [{ ...name, type: GUM_TYPES[m.type]! }] : [];
      })
      // the outermost name wins, as in CoNLL ("University of Portsmouth" over "Portsmouth")
      .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    for (const n of names) {
      let free = true;
      for (let i = n.start; i < n.end; i++) if (tags[i] !== 'O') free = false;
      if (!free) continue;
      for (let i = n.start; i < n.end; i++) tags[i] = (i === n.start ? 'B-' : 'I-') + n.type;
    }
    doc?.sentences.push({ text, tokens: tokens.map((t) => ({ t: t.form, start: t.start })), tags });
    tokens = [];
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('# newdoc id')) {
      flush();
      doc = { id: line.split('=')[1]!.trim(), sentences: [] };
      docs.push(doc);
    } else if (line.startsWith('# text = ')) {
      text = line.slice('# text = '.length);
    } else if (line === '') {
      flush();
    } else if (!line.startsWith('#')) {
      const cols = line.split('\t');
      if (!/^\d+$/.test(cols[0]!)) continue;
      const form = cols[1]!;
      // offsets into the sentence text: tokens appear in order
      const previous = tokens[tokens.length - 1];
      const from = previous ? previous.start + previous.form.length : 0;
      const at = text.indexOf(form, from);
      const entity = /(?:^|\|)Entity=([^|]*)/.exec(cols[9]!)?.[1] ?? '';
      tokens.push({ form, start: at >= 0 ? at : from, head: Number(cols[6]) - 1, proper: cols[3] === 'PROPN' || cols[4] === 'NNP' || cols[4] === 'NNPS', entity });
    }
  }
  flush();
  return docs;
}
