import type { LoadedTagger } from './model.js';
import { tagMentions, type TaggerToken } from './tag.js';
import { fixBoundaries } from './boundaries.js';
import { applyRules } from './rules.js';
import { propagateNames } from './propagate.js';
import type { RawMention } from './resolve.js';

/**
 * The name mentions of one document before resolution: the tagger's and the rules'
 * (titles, organisation patterns and nouns, acronym definitions), with their boundaries
 * fixed, and names the document repeats. `rules: false` gives the tagger's alone.
 */
export function findRawMentions(
  text: string, sentences: readonly (readonly TaggerToken[])[], tagger: LoadedTagger, options: { rules?: boolean } = {},
): RawMention[] {
  const tagged = tagMentions(text, sentences, tagger);
  if (options.rules === false) return tagged;
  const tokens = sentences.flat();
  return propagateNames(text, tokens, fixBoundaries(text, applyRules(text, tagged), tokens));
}
