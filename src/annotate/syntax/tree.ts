/**
 * Questions asked of a parse, by token index: children, the subject of a verb
 * (through auxiliaries, control and coordination), its object and agent, the
 * appositions of a noun, the clause a token belongs to, the words a subtree
 * covers. Relations are Universal Dependencies'.
 */
import type { Span } from '../../core/index.js';
import type { Token } from '../tokens/index.js';

/** The parse of one token (see `syntax()`). */
export interface Dependency {
  /** Index into the `tokens` layer of the head; -1 for the sentence root. Heads never cross sentences. */
  readonly head: number;
  /** Universal Dependencies relation: 'nsubj', 'nsubj:pass', 'obj', 'appos', 'ccomp', 'parataxis', 'compound', 'root' … */
  readonly rel: string;
  /** Universal POS the parser used (its own tagger's). */
  readonly upos: string;
}

/** Children of every token in one flat array (compressed rows), built once per parse. */
interface ChildIndex {
  readonly start: Int32Array;
  readonly children: Int32Array;
}

const indexes = new WeakMap<readonly Dependency[], ChildIndex>();

function childIndex(syntax: readonly Dependency[]): ChildIndex {
  let index = indexes.get(syntax);
  if (index) return index;
  const n = syntax.length;
  const start = new Int32Array(n + 1);
  for (const d of syntax) if (d.head >= 0) start[d.head + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const children = new Int32Array(start[n]!);
  for (let i = 0; i < n; i++) {
    const h = syntax[i]!.head;
    if (h >= 0) children[fill[h]!++] = i;
  }
  index = { start, children };
  indexes.set(syntax, index);
  return index;
}

/** The dependents of token `i`, left to right. */
export function childrenOf(syntax: readonly Dependency[], i: number): number[] {
  const { start, children } = childIndex(syntax);
  return Array.from(children.subarray(start[i]!, start[i + 1]!));
}

/** The first child of `i` whose relation is one of `rels`. */
function childWith(syntax: readonly Dependency[], i: number, rels: ReadonlySet<string>): number | undefined {
  const { start, children } = childIndex(syntax);
  for (let k = start[i]!; k < start[i + 1]!; k++) if (rels.has(syntax[children[k]!]!.rel)) return children[k]!;
  return undefined;
}

const SUBJECTS = new Set(['nsubj', 'nsubj:pass', 'nsubj:outer', 'csubj', 'csubj:pass', 'csubj:outer']);
const OBJECTS = new Set(['obj']);
const INDIRECT_OBJECTS = new Set(['iobj']);
const AGENTS = new Set(['obl:agent']);
const APPOSITIONS = new Set(['appos']);
const CASE = new Set(['case']);
/** Function words that hang off the predicate whose subject is asked for. */
const PREDICATE_HELPERS = new Set(['aux', 'aux:pass', 'cop']);
/**
 * Clauses without a subject of their own that take it from their head:
 * coordinated verbs ("arrived and said"), controlled complements ("wants to
 * say"), non-finite adverbial clauses ("quoted as saying", "speaking to
 * reporters, she said") and participles modifying a noun ("an official
 * speaking on condition of anonymity").
 */
const SUBJECT_FROM_HEAD = new Set(['conj', 'xcomp', 'advcl', 'acl']);
/** Relations that always head a clause of their own. */
const CLAUSAL = new Set(['root', 'ccomp', 'xcomp', 'advcl', 'advcl:relcl', 'acl', 'acl:relcl', 'csubj', 'csubj:pass', 'csubj:outer', 'parataxis']);
const MAX_CHAIN = 50;

/**
 * The subject of a verb (or any predicate): its nsubj, nsubj:pass or csubj;
 * from an auxiliary or copula, that of its predicate; failing one of its own,
 * that of the clause it depends on through `conj`, `xcomp`, `advcl` or `acl`
 * ("was quoted as saying" → the subject of "quoted"); an `xcomp` whose head
 * has an object takes that object ("urged the envoy to leave" → "envoy"), and
 * a participle modifying a noun takes the noun. A relative pronoun is
 * returned as it is (see `relativeAntecedentOf`).
 */
export function subjectOf(syntax: readonly Dependency[], verb: number): number | undefined {
  let v = verb;
  if (PREDICATE_HELPERS.has(syntax[v]?.rel ?? '') && syntax[v]!.head >= 0) v = syntax[v]!.head;
  for (let step = 0; step < MAX_CHAIN && v >= 0 && v < syntax.length; step++) {
    const subject = childWith(syntax, v, SUBJECTS);
    if (subject !== undefined) return subject;
    const { rel, head } = syntax[v]!;
    if (head < 0 || !SUBJECT_FROM_HEAD.has(rel)) return undefined;
    if (rel === 'xcomp') {
      const controller = childWith(syntax, head, OBJECTS) ?? childWith(syntax, head, INDIRECT_OBJECTS);
      if (controller !== undefined) return controller;
    }
    if (rel === 'acl') return head;
    v = head;
  }
  return undefined;
}

/** The direct object of a verb ("told reporters" → reporters), else its indirect object. */
export function objectOf(syntax: readonly Dependency[], verb: number): number | undefined {
  return childWith(syntax, verb, OBJECTS) ?? childWith(syntax, verb, INDIRECT_OBJECTS);
}

/** The agent of a passive verb: the noun of its "by" phrase ("was told by the minister" → minister). */
export function agentOf(syntax: readonly Dependency[], verb: number): number | undefined {
  return childWith(syntax, verb, AGENTS);
}

/** The case marker of a noun: its preposition, or "according" in "according to the ministry". */
export function caseOf(syntax: readonly Dependency[], noun: number): number | undefined {
  return childWith(syntax, noun, CASE);
}

/**
 * The tokens in apposition with `i`: its own appositions ("Ana Oresk, the
 * foreign minister" → minister) and, when `i` is itself an apposition, the
 * noun it renames and that noun's other appositions. Sorted.
 */
export function appositionsOf(syntax: readonly Dependency[], i: number): number[] {
  const out = new Set<number>();
  const { start, children } = childIndex(syntax);
  const collect = (noun: number): void => {
    for (let k = start[noun]!; k < start[noun + 1]!; k++) if (APPOSITIONS.has(syntax[children[k]!]!.rel)) out.add(children[k]!);
  };
  collect(i);
  const own = syntax[i];
  if (own && APPOSITIONS.has(own.rel) && own.head >= 0) {
    out.add(own.head);
    collect(own.head);
  }
  out.delete(i);
  return [...out].sort((a, b) => a - b);
}

/** The noun a relative pronoun stands for: "the minister, who said" → minister (for "who"). */
export function relativeAntecedentOf(syntax: readonly Dependency[], i: number): number | undefined {
  const verb = syntax[i]?.head ?? -1;
  if (verb < 0) return undefined;
  const rel = syntax[verb]!.rel;
  if (rel !== 'acl:relcl' && rel !== 'advcl:relcl') return undefined;
  const { start, children } = childIndex(syntax);
  // the pronoun comes first in its clause: nothing of the clause precedes it but punctuation or a preposition
  for (let k = start[verb]!; k < start[verb + 1]!; k++) {
    const c = children[k]!;
    if (c === i) break;
    if (c < i && syntax[c]!.upos !== 'PUNCT' && syntax[c]!.rel !== 'case') return undefined;
  }
  if (!['PRON', 'DET', 'ADV', 'SCONJ'].includes(syntax[i]!.upos)) return undefined;
  return syntax[verb]!.head >= 0 ? syntax[verb]!.head : undefined;
}

function headsClause(syntax: readonly Dependency[], i: number): boolean {
  const d = syntax[i]!;
  if (d.head < 0 || CLAUSAL.has(d.rel)) return true;
  if (d.rel === 'conj' || d.rel === 'list') {
    if (d.upos === 'VERB') return true;
    return childWith(syntax, i, SUBJECTS) !== undefined || childWith(syntax, i, PREDICATE_HELPERS) !== undefined;
  }
  return false;
}

/**
 * The head of the clause token `i` belongs to: the nearest of itself and its
 * ancestors that heads a clause (the root, a complement, an adverbial or
 * relative clause, a parataxis, a coordinated verb).
 */
export function clauseOf(syntax: readonly Dependency[], i: number): number {
  let v = i;
  for (let step = 0; step < syntax.length && v >= 0; step++) {
    if (headsClause(syntax, v)) return v;
    v = syntax[v]!.head;
  }
  return i;
}

/**
 * The text span of token `i` and all its descendants, without punctuation at
 * its edges ("Ana Oresk, the foreign minister," → "Ana Oresk, the foreign minister").
 */
export function subtreeSpan(tokens: readonly Token[], syntax: readonly Dependency[], i: number): Span {
  const { start, children } = childIndex(syntax);
  const members: number[] = [];
  const stack = [i];
  while (stack.length > 0) {
    const x = stack.pop()!;
    members.push(x);
    for (let k = start[x]!; k < start[x + 1]!; k++) stack.push(children[k]!);
  }
  members.sort((a, b) => a - b);
  let first = 0;
  let last = members.length - 1;
  while (first < last && syntax[members[first]!]!.upos === 'PUNCT' && members[first] !== i) first++;
  while (last > first && syntax[members[last]!]!.upos === 'PUNCT' && members[last] !== i) last--;
  return { start: tokens[members[first]!]!.start, end: tokens[members[last]!]!.end };
}
