/**
 * Reading the language layers of the "who said what" work when an earlier stage provides them:
 * the dependency parse (`syntax`, one head and relation per token) and resolved references
 * (`references`: pronouns, roles, capitals standing for governments). Their shapes are the ones
 * agreed between helpers (interfaces.md); both are optional, and every story stage works without
 * them, so they are read through this one accessor rather than declared here.
 */
import type { Doc, Span } from '../core/index.js';

/** One token's dependency: its head (token index, -1 for the root), UD relation and part of speech. */
export interface Dependency {
  readonly head: number;
  readonly rel: string;
  readonly upos: string;
}

/** A mention resolved to an entity of the article (`entityIndex` id). */
export interface Reference extends Span {
  readonly entity: string;
  readonly kind: 'pronoun' | 'role' | 'title' | 'metonym' | 'demonym' | 'relative';
  readonly score?: number;
}

/** The parse of the article, one dependency per token, when the syntax stage ran. */
export function syntaxOf(doc: Doc): readonly Dependency[] | undefined {
  const layer = (doc.layers as { syntax?: readonly Dependency[] }).syntax;
  return layer && layer.length === (doc.layers.tokens?.length ?? -1) ? layer : undefined;
}

/** The resolved references of the article, when the reference stage ran. */
export function referencesOf(doc: Doc): readonly Reference[] | undefined {
  return (doc.layers as { references?: readonly Reference[] }).references;
}

/** The token index holding a character offset, or -1 (read only when a parse is present, once per dated action). */
export function tokenAt(doc: Doc, at: number): number {
  return (doc.layers.tokens ?? []).findIndex((t) => t.start <= at && at < t.end);
}

/** Relations of a clause's subject; a passive's agent ("made by X") is found through `obl:agent`. */
const SUBJECT_RELS = new Set(['nsubj', 'csubj']);
const AGENT_RELS = new Set(['obl:agent']);

/** Each token's dependents, built once per parse: walking up a clause must not scan the whole article at every step. */
const childrenIndex = new WeakMap<readonly Dependency[], number[][]>();

function childrenIn(parse: readonly Dependency[], head: number): readonly number[] {
  let index = childrenIndex.get(parse);
  if (!index) {
    index = parse.map(() => []);
    parse.forEach((d, k) => { if (d.head >= 0) index![d.head]!.push(k); });
    childrenIndex.set(parse, index);
  }
  return index[head] ?? [];
}

/**
 * Who does what the token at `i` names, by the parse: the nearest verb or noun head above it, and
 * that head's subject (or a passive's agent, or a noun's possessor: "Brandt’s withdrawal"), climbing
 * through `xcomp`, `conj` and `acl` links to the clause that has one. Returns the token index of the
 * subject's head word, or undefined. `skip` leaves tokens out (the date itself is never its own doer:
 * "Tomorrow there will be a delegation…").
 */
export function doerOf(parse: readonly Dependency[], i: number, skip: (k: number) => boolean = () => false): number | undefined {
  let at = i;
  for (let steps = 0; at >= 0 && steps < 8; steps++) {
    const here = at;
    const children = childrenIn(parse, here).filter((k) => !skip(k));
    const agent = children.find((k) => AGENT_RELS.has(parse[k]!.rel) || (parse[k]!.rel === 'obl' && parse[k]!.upos === 'PROPN'));
    // A clause has one subject; when the parser gives two (a dateline's place and the real subject), the one nearest the verb.
    const subject = children.filter((k) => SUBJECT_RELS.has(parse[k]!.rel)).sort((a, b) => Math.abs(a - here) - Math.abs(b - here))[0];
    if (subject !== undefined) return subject;
    if (agent !== undefined && AGENT_RELS.has(parse[agent]!.rel)) return agent;
    if (parse[at]!.upos === 'NOUN') {
      const owner = children.find((k) => parse[k]!.rel === 'nmod:poss' || (parse[k]!.rel === 'compound' && parse[k]!.upos === 'PROPN'));
      if (owner !== undefined) return owner;
    }
    const head = parse[at]!.head;
    if (head < 0) return undefined;
    at = head;
  }
  return undefined;
}

/** True when the token at `i` has a subject or a passive's agent among its own dependents. */
export function hasOwnDoer(parse: readonly Dependency[], i: number): boolean {
  return childrenIn(parse, i).some((k) => SUBJECT_RELS.has(parse[k]!.rel) || AGENT_RELS.has(parse[k]!.rel) || parse[k]!.rel === 'nsubj:pass');
}
