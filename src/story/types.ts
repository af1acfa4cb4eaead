import type { Doc } from '../core/index.js';
import type { EntityType } from '../annotate/index.js';

/** Why two names were taken for one entity: kept so the analyst can check and undo each merge. */
export interface MergeReason {
  /** The alias that joined the entity, as written in the article. */
  readonly alias: string;
  /** The entity's name at the time of the merge. */
  readonly into: string;
  /** The rule that matched. */
  readonly rule: 'same-name' | 'in-article' | 'surname' | 'transliteration' | 'given-name-variant' | 'acronym' | 'initialism' | 'title'
    | 'country-name' | 'metonymy' | 'qualified-name' | 'word-order' | 'short-name';
  /** A human-readable explanation, e.g. "Bazhenov ~ Pazhenov: b/p transliteration". */
  readonly detail: string;
  readonly articles: readonly string[];
}

/** One person, organisation or place across all articles of a story. */
export interface StoryEntity {
  /** Stable id derived from the canonical name and type, e.g. `ent_3f2a…`. */
  readonly id: string;
  /** Canonical name: the fullest, most frequent form. */
  readonly name: string;
  readonly type: EntityType;
  /** Every distinct form seen, the canonical name included. */
  readonly aliases: readonly string[];
  /** Article ids that mention it. */
  readonly articles: readonly string[];
  /** Roles the articles give it ("foreign minister", "president"). */
  readonly titles: readonly string[];
  readonly merges: readonly MergeReason[];
  /** How many mentions across the story (for ranking "main actors"). */
  readonly mentionCount: number;
}

/** The cross-source entity table and the map from each article's local entity ids to it. */
export interface EntityResolution {
  readonly entities: readonly StoryEntity[];
  /** Story entity id of an article's in-article entity (`entityIndex` id), if any. */
  resolve(articleId: string, localEntityId: string): string | undefined;
  /** The story entity with this id. */
  get(storyEntityId: string): StoryEntity | undefined;
}

/** A user's correction of the automatic merging: keep these two names apart. */
export interface UnmergeRule {
  readonly a: string;
  readonly b: string;
}

/** Everything a story stage reads: the annotated articles of one story and their merged entities. */
export interface StoryContext {
  /** Annotated docs (layers: sentences, tokens, entities, entityIndex, times, quotes, events). */
  readonly docs: readonly Doc[];
  readonly entities: EntityResolution;
}

/** Evidence from one article: the exact words and where they are. */
export interface SourceEvidence {
  readonly article: string;
  readonly evidence: string;
  readonly start: number;
  readonly end: number;
}

export interface TimelineEntry {
  /** When it happened (ISO at the precision known). */
  readonly date: string;
  /** Canonical entity names. */
  readonly actors: readonly string[];
  readonly action: string;
  readonly summary: string;
  readonly sources: readonly (SourceEvidence & { readonly reported: string | null; readonly date: string })[];
  /** Set when sources give different dates for what looks like the same event. */
  readonly conflictingDates?: readonly { readonly date: string; readonly articles: readonly string[] }[];
}

export type StancePosition = 'for' | 'against' | 'open' | 'conditional' | 'neutral';

export interface StanceTopic {
  readonly id: string;
  /** A short noun phrase, e.g. "negotiating with the United States". */
  readonly label: string;
  /** How the topic was found: the key terms and how many articles carry them. */
  readonly terms: readonly string[];
  readonly articles: readonly string[];
}

export interface Stance {
  readonly actor: string;
  readonly topic: string;
  readonly position: StancePosition;
  readonly date: string | null;
  readonly article: string;
  readonly evidence: string;
  readonly start: number;
  readonly end: number;
  /** e.g. "initially held another view", "only if sanctions are lifted". */
  readonly note?: string;
  /** `text` when the article's words date the statement, `published` when only its publication date does. */
  readonly dateFrom?: 'text' | 'published';
  /** A neutral position that is a question under study, no decision taken yet: it keeps the question open. */
  readonly undecided?: boolean;
  /** The country whose government the holder speaks for, when the text gives them an office of it ("the Veskarian foreign minister"). */
  readonly speaksFor?: string;
}

export interface ContradictionSide {
  readonly value: string;
  readonly articles: readonly string[];
  readonly evidence: string;
  readonly evidenceByArticle?: readonly SourceEvidence[];
}

export interface Contradiction {
  /** `office-holder`, `affiliation`, `number`, `attribution`, `date`, `schedule` (whether a date is fixed yet), `who-said-what`, `position`. */
  readonly kind: string;
  readonly claim: string;
  readonly sides: readonly ContradictionSide[];
}

/** A stretch of a quote's wording against the group's fullest rendering. */
export interface WordingPiece {
  readonly op: 'same' | 'added' | 'dropped';
  readonly text: string;
}

export interface QuoteVariant {
  readonly speaker: string;
  /** Each rendering; `wording` marks the words it adds to or drops from the fullest rendering (the reference has none marked). */
  readonly forms: readonly (SourceEvidence & { readonly text: string; readonly wording?: readonly WordingPiece[] })[];
  /** Share of words alike between the least alike rendering and the reference (1 only when the words are the same). */
  readonly similarity: number;
  /** Set when the forms were grouped although their speakers differ or one is unresolved. */
  readonly note?: string;
}

export interface SingleSourceClaim {
  readonly article: string;
  readonly claim: string;
  readonly evidence: string;
  readonly start: number;
  readonly end: number;
  /** `statistic`, `quote`, `claim`. */
  readonly kind: string;
}

export interface Framing {
  readonly article: string;
  readonly kind: string;
  readonly kindEvidence: string;
  readonly loadedTerms: readonly string[];
  readonly scareQuotes: readonly string[];
  /** Share of sentences attributed to a named source (0–1). */
  readonly attributedShare: number;
  readonly quotedSpeakers: readonly string[];
  /** Quoted speakers by kind: official, analyst, anonymous, other. */
  readonly speakerKinds: Readonly<Record<string, number>>;
  /** Main actors and events of the story this article does not mention. */
  readonly omits: readonly string[];
  readonly notes: readonly string[];
}

/** One line of the story's summary, with the words of the articles it rests on. */
export interface SummaryLine {
  readonly text: string;
  readonly evidence: readonly SourceEvidence[];
}

/** CONTRACT.md's Story, plus fields the UI uses. */
export interface Story {
  readonly id: string;
  /** A neutral title composed from the findings (the story's question and main actor), else the most shared headline. */
  readonly title: string;
  /** 5–10 plain lines built from the findings, each with its evidence (absent on stories stored before it existed). */
  readonly summary?: readonly SummaryLine[];
  readonly articles: readonly string[];
  readonly entities: readonly StoryEntity[];
  readonly timeline: readonly TimelineEntry[];
  readonly topics: readonly StanceTopic[];
  readonly stances: readonly Stance[];
  readonly contradictions: readonly Contradiction[];
  /** One figure written at different precision by different sources ("44%" and "44.2%"): rounding, not a conflict (kind `rounding`; absent on stories stored before it existed). */
  readonly roundings?: readonly Contradiction[];
  readonly quoteVariants: readonly QuoteVariant[];
  readonly singleSource: readonly SingleSourceClaim[];
  readonly framing: readonly Framing[];
}
