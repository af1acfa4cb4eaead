import type { Span } from '../../core/index.js';
import type { Token } from '../tokens/index.js';
import type { ArticleEntity, EntityMention } from '../entities/index.js';
import { buildContext, type DependencyLike } from './context.js';
import { findCandidates, type Candidate } from './mentions.js';
import { buildProfiles } from './profiles.js';
import { findMetonyms } from './metonymy.js';
import { resolveCandidates, type Link, type TrainingInstance } from './resolve.js';
import type { ReferenceModel } from './model.js';

export interface ReferenceLayers {
  readonly sentences: readonly Span[];
  readonly tokens: readonly Token[];
  readonly entities: readonly EntityMention[];
  readonly entityIndex: readonly ArticleEntity[];
  readonly syntax?: readonly DependencyLike[];
}

export interface AnnotateOptions {
  readonly model: ReferenceModel;
  /** Read grammar from word order even when a `syntax` layer is given. */
  readonly ignoreSyntax?: boolean;
  /** Training: the right entity of each candidate; the resolver then records its decisions instead of making them. */
  readonly oracle?: (c: Candidate) => string | null;
  readonly record?: (instance: TrainingInstance) => void;
  /** Training: the history follows the model's links rather than the gold (see ResolveOptions). */
  readonly predictedHistory?: boolean;
}

export interface Annotation {
  readonly links: Link[];
  /** Named mentions standing for their government: span, and the entity they stand for. */
  readonly metonyms: { span: Span; entity: string }[];
  readonly candidates: Candidate[];
  readonly tokens: readonly Token[];
}

/** The whole reference step over one text: context, entity profiles, metonyms, candidates, resolution. */
export function annotateReferences(text: string, layers: ReferenceLayers, options: AnnotateOptions): Annotation {
  const ctx = buildContext(text, { ...layers, syntax: options.ignoreSyntax ? undefined : layers.syntax });
  const profiles = buildProfiles(ctx, layers.entityIndex);
  const metonyms = findMetonyms(ctx, profiles);
  const candidates = findCandidates(ctx);
  const links = resolveCandidates(ctx, profiles, candidates, {
    model: options.model[ctx.syntax ? 'parsed' : 'unparsed'],
    metonyms,
    oracle: options.oracle,
    record: options.record,
    predictedHistory: options.predictedHistory,
  });
  return {
    links,
    metonyms: [...metonyms].map(([i, entity]) => ({ span: { start: ctx.named[i]!.start, end: ctx.named[i]!.end }, entity })),
    candidates,
    tokens: ctx.tokens,
  };
}
