import type { DocWith, Span, Stage } from '../../core/index.js';
import type { Candidate } from './mentions.js';
import { annotateReferences, type ReferenceLayers } from './annotate.js';
import { loadModel, DEFAULT_MODEL_PATH, type ReferenceModel } from './model.js';

export { loadModel, DEFAULT_MODEL_PATH, type ReferenceModel } from './model.js';
export type { DependencyLike } from './context.js';
export type { ReferenceLayers } from './annotate.js';

/** A mention that refers to a named entity of the article without naming it (or a place standing for its government). */
export interface Reference extends Span {
  /** The `entityIndex` id ('e3') this mention refers to. */
  readonly entity: string;
  /**
   * 'pronoun' (he, she, it, they; also "the latter"), 'role' (the minister, the top diplomat, the Leader, the agency),
   * 'title' (an office one person holds: the president, the prime minister), 'metonym' (a capital or country as the
   * subject of a verb of speech or decision: "Corvel said"), 'demonym' (the Veskarian side), 'relative' (who, which).
   */
  readonly kind: 'pronoun' | 'role' | 'title' | 'metonym' | 'demonym' | 'relative';
  /** The model's probability for a learned link; 1 for a link made by rule. */
  readonly score?: number;
}

declare module '../../core/layers.js' {
  interface LayerMap {
    references: Reference[];
  }
}

export interface ReferenceOptions {
  /** Path of a model file; defaults to the shipped `models/reference.json`. */
  readonly modelPath?: string;
  /** A model already loaded (tests, training); wins over `modelPath`. */
  readonly model?: ReferenceModel;
  /** Ignore the `syntax` layer even when present (to measure what the parse brings). */
  readonly ignoreSyntax?: boolean;
}

function kindOf(c: Candidate): Reference['kind'] {
  switch (c.kind) {
    case 'pronoun':
    case 'ordinal':
      return 'pronoun';
    case 'role':
      return c.description!.title ? 'title' : 'role';
    case 'description':
      return 'role';
    case 'demonym':
      return 'demonym';
    case 'relative':
      return 'relative';
  }
}

/**
 * The references of one text: pronouns, roles, titles, demonym descriptions,
 * relative pronouns and metonymic places linked to the article's entities.
 * A mention the resolver cannot link confidently is left out.
 *
 * @example
 * const refs = findReferences(doc.text, doc.layers);
 * refs.map((r) => `${doc.text.slice(r.start, r.end)} → ${r.entity}`); // ["she → e1", "the minister → e1", "Corvel → e4"]
 */
export function findReferences(text: string, layers: ReferenceLayers, options: ReferenceOptions = {}): Reference[] {
  const model = options.model ?? loadModel(options.modelPath ?? DEFAULT_MODEL_PATH);
  const { links, metonyms, tokens } = annotateReferences(text, layers, { model, ignoreSyntax: options.ignoreSyntax });
  const out: Reference[] = links.map((l) => ({
    start: tokens[l.candidate.first]!.start,
    end: tokens[l.candidate.last]!.end,
    entity: l.entity,
    kind: kindOf(l.candidate),
    score: Number(l.score.toFixed(3)),
  }));
  for (const m of metonyms) out.push({ ...m.span, entity: m.entity, kind: 'metonym', score: 1 });
  return out.sort((a, b) => a.start - b.start);
}

/**
 * The reference stage: links pronouns, roles ("the minister"), titles ("the
 * president"), demonym descriptions ("the Veskarian side"), relative pronouns
 * and capitals or countries that speak for their government to the article's
 * named entities, by a mention-ranking model trained on GUM (see models/README.md).
 * Reads the `syntax` layer when an earlier stage provided it.
 *
 * @example
 * const pipeline = createPipeline([tokens(), entities(), reference()]);
 * pipeline.run(doc).layers.references; // [{ start, end, entity: 'e1', kind: 'pronoun', score: 0.93 }, …]
 */
export function reference(options: ReferenceOptions = {}): Stage<'sentences' | 'tokens' | 'entities' | 'entityIndex', 'references'> {
  return {
    name: 'reference',
    requires: ['sentences', 'tokens', 'entities', 'entityIndex'],
    provides: ['references'],
    run(doc: DocWith<'sentences' | 'tokens' | 'entities' | 'entityIndex'>) {
      const layers = doc.layers as ReferenceLayers;
      return { references: findReferences(doc.text, layers, options) };
    },
  };
}
