import type { Span } from '../../core/index.js';

/** One quote: the content span (what was said), without the quote marks. */
export interface Quote extends Span {
  /** Inside quote marks (direct or mixed) rather than reported speech. */
  readonly direct: boolean;
  /** In-article entity id of the speaker, when resolved from the entities layer. */
  readonly speaker?: string;
  /** The source as written: "Baker", "he", "the official", "a prominent political analyst". */
  readonly speakerSpan?: Span;
  /**
   * A short text for the speaker when no entity id is resolved: the antecedent
   * name of a pronoun, or a description such as "unnamed political analyst".
   */
  readonly speakerText?: string;
  /** The cue: "said", "told", "according to", "stating", ":". */
  readonly cue?: Span;
  /**
   * The attributed content as PolNeAR delimits it, when it differs from the main
   * span: for a partial quote inside reported speech, the whole attributed clause
   * (marks included); for reported speech, the clause as the tagger trims it.
   * The main span keeps the product's conventions (the marked words only, no "that").
   */
  readonly content?: Span;
  /**
   * An act attributed to someone rather than a statement: a cue verb whose only complement is a noun
   * phrase ("announced new tariffs", "signed a memorandum that …"). The attribution layer
   * ({@link findQuotes}) keeps it, as PolNeAR annotates it; the product's `quotes` layer, what readers
   * call quotes (someone said, stated or claimed something), leaves it out.
   */
  readonly act?: true;
}

/** The shape of an entity mention this stage reads (the entities layer, structurally). */
export interface EntityMentionLike extends Span {
  readonly type: string;
  readonly entity: string;
}

/** The shape of an entity of the article this stage reads (the entityIndex layer, structurally). */
export interface ArticleEntityLike {
  readonly id: string;
  readonly type: string;
  /** Roles the article gives the entity ("foreign minister"): a role speaker resolves to its holder. */
  readonly titles?: readonly string[];
  /** On a capital: the entity of the country whose government it stands for ("Corvel said"). */
  readonly standsFor?: string;
}

/** A pronoun, role, title or capital resolved to an entity (the references layer, structurally). */
export interface ReferenceLike extends Span {
  readonly entity: string;
  readonly kind?: string;
}
