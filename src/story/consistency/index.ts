import type { Contradiction, QuoteVariant, SingleSourceClaim, Stance, StoryContext, TimelineEntry } from '../types.js';
import { findOfficeHolderContradictions } from './office-holders.js';
import { findNumberContradictions } from './number-conflicts.js';
import { findAttributionContradictions } from './attribution-conflicts.js';
import { findDateContradictions } from './date-conflicts.js';
import { findWordingContradictions } from './wording-conflicts.js';
import { findGovernmentContradictions, findPositionContradictions } from './position-conflicts.js';
import { findAffiliationContradictions } from './affiliation-conflicts.js';
import { findScheduleContradictions } from './schedule-conflicts.js';
import { findQuoteVariantGroups } from './quote-variants.js';
import { findSingleSourceClaimList } from './single-source.js';

export { extractOfficeClaims, normaliseJurisdiction, type OfficeClaim, type OfficeClaimStatus } from './office-claims.js';
export { extractNumbers, type NumberMention } from './numbers.js';
export { findRoundedFigures } from './number-conflicts.js';
export { quoteSimilarity } from './quote-variants.js';
export { samePersonName } from './text.js';

/**
 * Where the story's sources disagree: who holds an office at the time of writing
 * (kind `office-holder`), different figures for the same quantity (`number`), one figure on the
 * authority of different sources (`attribution`), and, given the timeline and the quote
 * variants, one event dated differently (`date`) and one statement rendered as saying different
 * things (`who-said-what`); whether the date of one thing is fixed yet (`schedule`); given the stances, one actor given opposite positions at one time (`position`).
 * Each side lists its articles and the verbatim words.
 *
 * @example
 * const ctx = { docs, entities: mergeEntities(docs) };
 * for (const c of findContradictions(ctx)) console.log(c.kind, c.claim, c.sides.map((s) => s.value));
 */
export function findContradictions(ctx: StoryContext, story: { timeline?: readonly TimelineEntry[]; quoteVariants?: readonly QuoteVariant[]; stances?: readonly Stance[] } = {}): Contradiction[] {
  return [
    ...findOfficeHolderContradictions(ctx), ...findAffiliationContradictions(ctx), ...findNumberContradictions(ctx), ...findAttributionContradictions(ctx), ...findScheduleContradictions(ctx),
    ...findDateContradictions(story.timeline ?? []), ...findWordingContradictions(story.quoteVariants ?? []), ...findPositionContradictions(story.stances ?? []), ...findGovernmentContradictions(story.stances ?? []),
  ];
}

/** One statement rendered in different words by different outlets, grouped by speaker. */
export function findQuoteVariants(ctx: StoryContext): QuoteVariant[] {
  return findQuoteVariantGroups(ctx);
}

/** Statistics, dated events (given the timeline) and quotes that only one article carries, most specific first, a few per article. */
export function findSingleSourceClaims(ctx: StoryContext, timeline: readonly TimelineEntry[] = []): SingleSourceClaim[] {
  return findSingleSourceClaimList(ctx, timeline);
}
