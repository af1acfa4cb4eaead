import type { DocWith, Span, Stage } from '../../core/index.js';
import type { Token } from '../tokens/index.js';
import { loadTagger, DEFAULT_MODEL_PATH } from './model.js';
import { findRawMentions } from './mentions.js';
import { resolveEntities, type EntityType, type MentionForm } from './resolve.js';

export type { EntityType, MentionForm } from './resolve.js';
export { scoreMentions, runsFromBio, type PRF, type ScoredMention } from './bio.js';
export { loadTagger, DEFAULT_MODEL_PATH } from './model.js';
export { tagMentions } from './tag.js';

/** One mention of an entity in the text. */
export interface EntityMention extends Span {
  readonly type: EntityType;
  /** In-article entity id 'e1', 'e2'…, shared by every mention of one entity. */
  readonly entity: string;
  readonly form: MentionForm;
}

/** One entity of the article, with the fullest name it is given. */
export interface ArticleEntity {
  readonly id: string;
  /** Fullest form, e.g. "Ali Example". */
  readonly name: string;
  readonly type: EntityType;
  /** Roles the article gives: "foreign minister". */
  readonly titles?: string[];
  /**
   * On a capital (GPE): the id of the article's entity for the country it is the capital of,
   * which it may stand for ("Corvel said" for the Veskarian government). Whether one mention
   * is metonymic is the reference stage's call; this only says which entity it would be.
   */
  readonly standsFor?: string;
}

declare module '../../core/layers.js' {
  interface LayerMap {
    entities: EntityMention[];
    entityIndex: ArticleEntity[];
  }
}

export interface EntitiesOptions {
  /** Path of a perceptron model file; defaults to the shipped `models/ner-perceptron.json`. */
  readonly modelPath?: string;
}

/** Find and resolve the entity mentions of a text already split into sentences and tokens. */
export function findEntities(
  text: string,
  layers: { sentences: readonly Span[]; tokens: readonly Token[] },
  options: EntitiesOptions = {},
): { entities: EntityMention[]; entityIndex: ArticleEntity[] } {
  const tagger = loadTagger(options.modelPath ?? DEFAULT_MODEL_PATH);
  const bySentence: Token[][] = layers.sentences.map(() => []);
  for (const t of layers.tokens) bySentence[t.sentence]?.push(t);
  const raw = findRawMentions(text, bySentence, tagger);
  const { mentions, entities } = resolveEntities(text, raw);
  return { entities: mentions, entityIndex: entities };
}

/**
 * The named-entity stage: an averaged-perceptron tagger (PERSON, ORG, GPE, LOC)
 * with gazetteer features, a few rules, and in-article resolution (surnames,
 * acronyms, initialisms, titles).
 *
 * @example
 * const pipeline = createPipeline([tokens(), entities()]);
 * const doc2 = pipeline.run(doc);
 * doc2.layers.entityIndex; // [{ id: 'e1', name: 'Ali Example', type: 'PERSON', titles: ['foreign minister'] }, …]
 */
export function entities(options: EntitiesOptions = {}): Stage<'sentences' | 'tokens', 'entities' | 'entityIndex'> {
  return {
    name: 'entities',
    requires: ['sentences', 'tokens'],
    provides: ['entities', 'entityIndex'],
    run(doc: DocWith<'sentences' | 'tokens'>) {
      return findEntities(doc.text, doc.layers, options);
    },
  };
}

/** The entity id of the mention that covers `span` (or that `span` covers), if any. */
export function resolveMention(doc: DocWith<'entities'>, span: Span): string | undefined {
  const hit =
    doc.layers.entities.find((m) => m.start <= span.start && m.end >= span.end) ??
    doc.layers.entities.find((m) => span.start <= m.start && span.end >= m.end);
  return hit?.entity;
}
