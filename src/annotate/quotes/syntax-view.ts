import type { Span } from '../../core/index.js';

/**
 * A dependency parse as the syntax stage gives it (read structurally, so this stage runs without
 * it): one entry per token of the `tokens` layer, index-aligned; `head` -1 for a sentence root.
 */
export interface DependencyLike {
  readonly head: number;
  readonly rel: string;
  readonly upos?: string;
}

/** Relations whose subtrees are not part of the noun phrase a speaker is named by (clauses, appositives, punctuation). */
const NOT_CORE = /^(?:appos|acl|acl:relcl|punct|parataxis|conj|cc|advcl|dep)$/;
/** Relations of a subject. */
const SUBJECT = /^(?:nsubj|nsubj:pass|csubj)$/;
/** Relations that give a clause its subject, an expletive one included ("there is", "it is clear"). */
const SUBJECT_OR_EXPLETIVE = /^(?:nsubj|nsubj:pass|csubj|csubj:pass|expl)$/;

/**
 * The parse seen from character offsets: the syntax token at an offset, subjects and agents of a
 * verb, and the spans of subtrees. Built once per text.
 */
export class SyntaxView {
  private readonly children: number[][];
  private readonly starts: number[];

  constructor(readonly tokens: readonly Span[], readonly deps: readonly DependencyLike[]) {
    this.children = deps.map(() => []);
    deps.forEach((d, i) => { if (d.head >= 0 && d.head < deps.length) this.children[d.head]!.push(i); });
    this.starts = tokens.map((t) => t.start);
  }

  /** The syntax token covering character `pos`, or -1. */
  at(pos: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= pos) { best = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return best >= 0 && this.tokens[best]!.end > pos ? best : -1;
  }

  rel(i: number): string {
    return this.deps[i]?.rel ?? '';
  }

  head(i: number): number {
    return this.deps[i]?.head ?? -1;
  }

  childrenOf(i: number): readonly number[] {
    return this.children[i] ?? [];
  }

  /**
   * The subject of a verb: its own nsubj / nsubj:pass, else, for a verb chained to another
   * (xcomp "wants to say", conj "arrived and said", advcl "…, saying"), that verb's subject.
   */
  subjectOf(verb: number): number {
    for (let v = verb, n = 0; v >= 0 && n < 4; n++) {
      // A mis-parse can give a verb two subjects ("Amid reports …, the agency said"): the one nearest the verb speaks.
      // One right after a preposition ("X on Tuesday announced …") is an oblique read as a subject: another one speaks.
      const subjects = this.childrenOf(v).filter((c) => SUBJECT.test(this.rel(c)));
      const plain = subjects.filter((c) => !this.afterPreposition(c));
      const own = (plain.length > 0 ? plain : subjects).sort((a, b) => Math.abs(a - v) - Math.abs(b - v))[0];
      if (own !== undefined) return own;
      if (!/^(?:xcomp|conj|advcl|ccomp)$/.test(this.rel(v))) return -1;
      v = this.head(v);
    }
    return -1;
  }

  /** Does the phrase of `i` come right after a preposition (the word before its first word is an ADP)? */
  private afterPreposition(i: number): boolean {
    let first = i;
    for (const c of this.childrenOf(i)) if (c < first) first = c;
    return first > 0 && this.deps[first - 1]?.upos === 'ADP';
  }

  /** The agent of a passive cue: "stated by X" (obl:agent, or obl introduced by "by"). */
  agentOf(verb: number, text: string): number {
    // Only a passive verb has an agent: "told the agency by phone" is active, its "by" phrase a means.
    const kids = this.childrenOf(verb);
    const passive = kids.some((c) => /^(?:aux:pass|nsubj:pass)$/.test(this.rel(c))) || (!kids.some((c) => this.rel(c) === 'nsubj') && /^(?:acl|amod|advcl)$/.test(this.rel(verb)));
    if (!passive) return kids.find((c) => this.rel(c) === 'obl:agent') ?? -1;
    const byPhrase = (c: number): boolean => this.childrenOf(c).some((k) => this.rel(k) === 'case' && /^by$/i.test(this.word(text, k)));
    const direct = kids.find((c) => this.rel(c) === 'obl:agent' || (this.rel(c) === 'obl' && byPhrase(c)));
    if (direct !== undefined) return direct;
    // "was described as “reckless” by X": a parse may hang the "by" phrase on the "as" complement.
    for (const c of kids) {
      if (!/^(?:obl|xcomp|advcl)$/.test(this.rel(c)) || !this.childrenOf(c).some((k) => /^(?:case|mark)$/.test(this.rel(k)) && /^as$/i.test(this.word(text, k)))) continue;
      const agent = this.childrenOf(c).find((k) => /^(?:nmod|obl|obl:agent)$/.test(this.rel(k)) && byPhrase(k));
      if (agent !== undefined) return agent;
    }
    return -1;
  }

  /** The nominal a "according to" attaches to as its case marker. */
  caseHost(marker: number): number {
    return /^(?:case|mark|fixed)$/.test(this.rel(marker)) ? this.head(marker) : -1;
  }

  /** The clausal complement of a cue (what was said): ccomp, or a parataxis that opens with a quote or colon. */
  complementOf(verb: number): number {
    // A complement before the verb is fronted reported speech only when punctuation sets it off ("The plan
    // will fail, X said"); one running straight into the subject is a misparse ("White House press secretary X said").
    return this.childrenOf(verb).find((c) => this.rel(c) === 'ccomp' && (c > verb || this.punctuatedBefore(c, verb))) ?? -1;
  }

  /** Whether a punctuation token stands between the subtree of `c` (before `verb`) and `verb`. */
  private punctuatedBefore(c: number, verb: number): boolean {
    const end = this.subtree(c).end;
    for (let i = c + 1; i < verb; i++) if (this.tokens[i]!.start >= end - 1 && this.upos(i) === 'PUNCT') return true;
    return false;
  }

  word(text: string, i: number): string {
    const t = this.tokens[i];
    return t ? text.slice(t.start, t.end) : '';
  }

  /** The character span of the subtree of `i`, leaving out children whose relation matches `skip`. */
  subtree(i: number, skip?: RegExp): Span {
    let start = this.tokens[i]!.start;
    let end = this.tokens[i]!.end;
    const stack = [i];
    while (stack.length > 0) {
      const k = stack.pop()!;
      const t = this.tokens[k]!;
      if (t.start < start) start = t.start;
      if (t.end > end) end = t.end;
      for (const c of this.childrenOf(k)) if (!skip || !skip.test(this.rel(c))) stack.push(c);
    }
    return { start, end };
  }

  /**
   * Is the span a clause: one of its top words (those whose head lies outside it) has a subject
   * ("the talks would resume", "what X says [are unfair practices]"), or a word inside it has its
   * subject inside it? A noun phrase or a bare infinitive is not.
   */
  holdsClause(span: Span): boolean {
    for (let i = Math.max(0, this.at(span.start)); i < this.tokens.length && this.tokens[i]!.start < span.end; i++) {
      const h = this.head(i);
      const top = h < 0 || this.tokens[h]!.start < span.start || this.tokens[h]!.end > span.end;
      if (top && this.childrenOf(i).some((c) => SUBJECT_OR_EXPLETIVE.test(this.rel(c)))) return true;
      if (!top && SUBJECT_OR_EXPLETIVE.test(this.rel(i)) && this.tokens[i]!.start >= span.start) return true;
    }
    return false;
  }

  upos(i: number): string {
    return this.deps[i]?.upos ?? '';
  }

  /** The first word of `span` whose head lies outside it (the root of the phrase over it), or -1. */
  topWord(span: Span): number {
    for (let i = Math.max(0, this.at(span.start)); i < this.tokens.length && this.tokens[i]!.start < span.end; i++) {
      const h = this.head(i);
      if (h < 0 || this.tokens[h]!.start < span.start || this.tokens[h]!.end > span.end) return i;
    }
    return -1;
  }

  /** Is the span a clause of its own: one of its top words has a subject ("the talks would resume")? */
  holdsOwnClause(span: Span): boolean {
    for (let i = Math.max(0, this.at(span.start)); i < this.tokens.length && this.tokens[i]!.start < span.end; i++) {
      const h = this.head(i);
      const top = h < 0 || this.tokens[h]!.start < span.start || this.tokens[h]!.end > span.end;
      if (top && this.childrenOf(i).some((c) => SUBJECT_OR_EXPLETIVE.test(this.rel(c)))) return true;
    }
    return false;
  }

  /** Is the phrase over `span` a dependent of token `head` (its root's head is `head`)? */
  governedBy(span: Span, head: number): boolean {
    for (let i = Math.max(0, this.at(span.start)); i < this.tokens.length && this.tokens[i]!.start < span.end; i++) {
      const h = this.head(i);
      const inside = h >= 0 && this.tokens[h]!.start >= span.start && this.tokens[h]!.end <= span.end;
      if (!inside) return h === head;
    }
    return false;
  }

  /** The end of the last word before `pos` that is not punctuation. */
  private lastEndBefore(pos: number): number {
    let k = this.at(pos) - 1;
    while (k > 0 && this.rel(k) === 'punct') k--;
    return k >= 0 ? this.tokens[k]!.end : pos;
  }

  /** A speaker named by token `i`: the whole phrase with its appositive, and its core without clauses and appositives. */
  speakerPhrase(i: number): { span: Span; core: Span } {
    const core = this.subtree(i, NOT_CORE);
    // The source as PolNeAR delimits it: the subject's whole phrase, coordinated names and relative clauses
    // included, except a relative clause on the subject that is an attribution of its own ("X, who said that …").
    // A conjunction the parse hangs on the subject ("…, and [human rights groups] warned") joins clauses, not speakers.
    const joiner = this.childrenOf(i).find((c) => c < i && this.rel(c) === 'cc');
    let span = this.subtree(i, /^(?:punct|parataxis|advcl|dep)$/);
    if (joiner !== undefined && this.tokens[joiner]!.start === span.start) span = { start: this.tokens[joiner + 1]!.start, end: span.end };
    const saying = this.childrenOf(i).find((c) => this.rel(c) === 'acl:relcl' && this.childrenOf(c).some((k) => this.rel(k) === 'ccomp'));
    if (saying !== undefined) {
      const rel = this.subtree(saying);
      if (rel.end >= span.end && rel.start > span.start) span = { start: span.start, end: this.lastEndBefore(rel.start) };
    }
    // "Stein spokeswoman Melezia Figueroa": a parse may split a role and the name after it into two subjects
    // of one verb; the role written right before the name belongs to the speaker's phrase.
    const h = this.head(i);
    for (const sib of h >= 0 ? this.childrenOf(h) : []) {
      if (sib >= i || this.rel(sib) !== this.rel(i)) continue;
      const role = this.subtree(sib, /^(?:punct|parataxis|advcl|dep|acl:relcl)$/);
      // The token right after the role's words (a short walk: the role ends before `i`) must open the name's phrase.
      let next = sib + 1;
      while (next < i && this.tokens[next]!.start < role.end) next++;
      if (this.tokens[next]!.start === span.start && this.upos(sib) === 'NOUN') span = { start: role.start, end: span.end };
    }
    return { span: { start: Math.min(span.start, core.start), end: Math.max(span.end, core.end) }, core };
  }
}
