import type { Span } from '../../core/index.js';
import { tokenize, type Token } from '../tokens/index.js';
import { findEntities, type ArticleEntity, type EntityMention, type EntityType } from '../entities/index.js';
import type { DependencyLike } from './context.js';
import type { Candidate } from './mentions.js';
import { wordAt, type GumDocument, type GumMention } from './gum.js';

/**
 * GUM documents turned into the reference stage's input, as an article would
 * reach it: the text through the tokens stage, entities either from GUM's own
 * named mentions (to train and score the resolver alone) or from the entities
 * stage (to score the whole chain), and the gold trees mapped onto the tokens
 * as a `syntax` layer. Each case knows the right entity of any candidate.
 */

/** GUM's entity types that the entities stage finds. */
const NAMED_TYPES: Readonly<Record<string, EntityType>> = { person: 'PERSON', organization: 'ORG', place: 'GPE' };

export interface GumCase {
  readonly doc: GumDocument;
  readonly layers: {
    readonly sentences: readonly Span[];
    readonly tokens: readonly Token[];
    readonly entities: readonly EntityMention[];
    readonly entityIndex: readonly ArticleEntity[];
    readonly syntax: readonly DependencyLike[];
  };
  /** The GUM chain each entity id stands for (undefined: an entity GUM does not have). */
  readonly chainOf: ReadonlyMap<string, number>;
  /** The gold mention a candidate stands for (same head word), if GUM has one. */
  goldMention(c: Candidate): GumMention | undefined;
  /** The right entity of a candidate: an entity of its chain, or null when the chain has no named entity. */
  goldEntity(c: Candidate): string | null;
}

/** True for a mention GUM gives a proper-noun head, of a type the entities stage tags. */
export function isNamedMention(doc: GumDocument, m: GumMention): boolean {
  return doc.words[m.head]!.upos === 'PROPN' && NAMED_TYPES[m.type] !== undefined;
}

/** GUM's named mentions as an entities layer: the proper-noun run around the head, inner names cut out of outer ones. */
function goldEntities(doc: GumDocument): { entities: EntityMention[]; index: ArticleEntity[]; chainOf: Map<string, number> } {
  const named = doc.mentions.filter((m) => isNamedMention(doc, m));
  const spans: { first: number; last: number; chain: number; type: EntityType }[] = [];
  for (const m of named) {
    let first = m.head;
    let last = m.head;
    while (first - 1 >= m.first && doc.words[first - 1]!.upos === 'PROPN') first--;
    while (last + 1 <= m.last && doc.words[last + 1]!.upos === 'PROPN') last++;
    spans.push({ first, last, chain: m.chain, type: NAMED_TYPES[m.type]! });
  }
  // a name nested in another ("NASA" in "NASA Administrator Charles Bolden") is cut out of the outer run
  spans.sort((a, b) => a.first - b.first || b.last - a.last);
  const kept: typeof spans = [];
  for (const s of spans) {
    const prev = kept[kept.length - 1];
    if (prev && s.first <= prev.last) {
      if (prev.chain === s.chain) continue;
      if (prev.first === s.first && s.last < prev.last) {
        kept[kept.length - 1] = { ...prev, first: s.last + 1 };
        kept.splice(kept.length - 1, 0, s);
      }
      continue;
    }
    kept.push(s);
  }
  const ids = new Map<number, string>();
  const chainOf = new Map<string, number>();
  const index: ArticleEntity[] = [];
  const entities: EntityMention[] = kept.filter((s) => s.first <= s.last).map((s) => {
    let id = ids.get(s.chain);
    const name = doc.text.slice(doc.words[s.first]!.start, doc.words[s.last]!.end);
    if (!id) {
      id = `e${ids.size + 1}`;
      ids.set(s.chain, id);
      chainOf.set(id, s.chain);
      index.push({ id, name, type: s.type });
    }
    return { start: doc.words[s.first]!.start, end: doc.words[s.last]!.end, type: s.type, entity: id, form: 'name' as const };
  });
  return { entities, index, chainOf };
}

/** The entities stage's output, each entity mapped to the GUM chain most of its mentions' heads belong to. */
function predictedEntities(doc: GumDocument, layers: { sentences: readonly Span[]; tokens: readonly Token[] }): { entities: EntityMention[]; index: ArticleEntity[]; chainOf: Map<string, number> } {
  const found = findEntities(doc.text, layers);
  const votes = new Map<string, Map<number, number>>();
  const typed = doc.mentions.filter((m) => NAMED_TYPES[m.type]);
  for (const e of found.entities) {
    // the GUM mention meant is the tightest one whose head word lies inside the name ("Thomas" of "Thomas Sam")
    let gold: GumMention | undefined;
    for (const m of typed) {
      const head = doc.words[m.head]!;
      if (head.start < e.start || head.start >= e.end) continue;
      if (!gold || m.end - m.start < gold.end - gold.start) gold = m;
    }
    if (!gold) continue;
    const v = votes.get(e.entity) ?? new Map<number, number>();
    v.set(gold.chain, (v.get(gold.chain) ?? 0) + 1);
    votes.set(e.entity, v);
  }
  const chainOf = new Map<string, number>();
  for (const [id, v] of votes) chainOf.set(id, [...v].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0]);
  return { entities: found.entities, index: found.entityIndex, chainOf };
}

/** The gold trees on the tokens of the tokens stage: each token takes the word that starts where it starts (or covers it). */
function goldSyntax(doc: GumDocument, tokens: readonly Token[]): DependencyLike[] {
  const tokenOfWord = new Map<number, number>();
  const wordOfToken = tokens.map((t, i) => {
    const w = wordAt(doc, t.start);
    if (!tokenOfWord.has(w)) tokenOfWord.set(w, i);
    return w;
  });
  const tokenFor = (w: number): number => {
    for (let x = w; x >= 0; x--) {
      const t = tokenOfWord.get(x);
      if (t !== undefined) return t;
    }
    return -1;
  };
  return tokens.map((_, i) => {
    const w = wordOfToken[i]!;
    const word = doc.words[w]!;
    if (tokenOfWord.get(w) !== i) return { head: tokenOfWord.get(w)!, rel: 'goeswith', upos: word.upos };
    const head = word.head === -1 ? -1 : tokenFor(word.head);
    return { head: head === i ? -1 : head, rel: word.head === -1 ? 'root' : word.rel, upos: word.upos };
  });
}

/**
 * One GUM document as a reference-stage case. `entities: 'gold'` takes GUM's
 * named mentions as the entities layer; `'predicted'` runs the entities stage.
 */
export function gumCase(doc: GumDocument, options: { entities: 'gold' | 'predicted' }): GumCase {
  const { sentences, tokens } = tokenize(doc.text);
  const ents = options.entities === 'gold' ? goldEntities(doc) : predictedEntities(doc, { sentences, tokens });
  const syntax = goldSyntax(doc, tokens);
  const mentionsByHead = new Map<number, GumMention[]>();
  for (const m of doc.mentions) {
    const key = doc.words[m.head]!.start;
    mentionsByHead.set(key, [...(mentionsByHead.get(key) ?? []), m]);
  }
  const entityOfChain = new Map<number, string[]>();
  for (const [id, chain] of ents.chainOf) entityOfChain.set(chain, [...(entityOfChain.get(chain) ?? []), id]);
  const goldMention = (c: Candidate): GumMention | undefined => {
    const head = tokens[c.head]!;
    const start = tokens[c.first]!.start;
    return (mentionsByHead.get(head.start) ?? []).sort((a, b) => Math.abs(a.start - start) - Math.abs(b.start - start) || a.end - b.end)[0];
  };
  return {
    doc,
    layers: { sentences, tokens, entities: ents.entities, entityIndex: ents.index, syntax },
    chainOf: ents.chainOf,
    goldMention,
    goldEntity(c) {
      const m = goldMention(c);
      if (!m) return null;
      const ids = entityOfChain.get(m.chain);
      if (!ids) return null;
      // of the entities split from one chain, the one mentioned last before the candidate
      const before = ents.entities.filter((e) => ids.includes(e.entity) && e.end <= tokens[c.first]!.start);
      return before.length ? before[before.length - 1]!.entity : null;
    },
  };
}
