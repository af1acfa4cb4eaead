/**
 * Cross-source entities: the people, organisations and places of a story, each merged
 * from the in-article entities of every article, with the reason for every merge.
 */
export { mergeEntities, canonicalName, type MergeOptions } from './merge.js';
export { nameKey, nameWords } from './names.js';
export { phoneticKey, phoneticDistance, jaroWinkler, type PhoneticSymbol } from './phonetic.js';
export { matchWord, matchPersonNames, type NameMatch, type Strictness } from './match.js';
export { isInitialismOf } from '../../annotate/entities/acronym.js';
export { scoreAliasGroups, type AliasGroup, type AliasGroupResult, type AliasScore } from './alias-score.js';
