import cues from './cues.json' with { type: 'json' };

/**
 * Word classes the rules use. The cue verbs, cue phrases and role nouns are
 * learned from PolNeAR train (scripts/derive-quote-cues.ts → cues.json); the
 * rest are closed classes of English function words.
 */

/** Forms learned as cues that name or title things rather than report speech ("titled", "named", "known as"). */
const NAMING_FORMS = new Set(['titled', 'entitled', 'named', 'known', 'dubbed', 'headlined', 'labeled', 'labelled']);
/** Learned cue forms that are not verbs (adjectives of "quick to say"). */
const NOT_VERB_FORMS = new Set(['eager', 'quick', 'expected', 'seemed', 'seems', 'appears', 'appeared', 'sounded']);

const CUE_VERBS: ReadonlyMap<string, number> = new Map(
  Object.entries(cues.verbs as Record<string, { cue: number; rate: number }>)
    .filter(([w]) => !NAMING_FORMS.has(w) && !NOT_VERB_FORMS.has(w))
    .map(([w, v]) => [w, v.rate]),
);
/** Cue rate at or above which a cue verb takes a bare clause ("X said the talks failed") without "that". */
export const BARE_CLAUSE_CUE_RATE = 0.7;

export const CUE_PHRASES: readonly string[][] = (cues.phrases as string[]).map((p) => p.split(' '));
const SOURCE_HEADS = new Set(cues.sourceHeads as string[]);

export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'whose']);
const PREPOSITIONS = new Set(['of', 'in', 'on', 'at', 'to', 'from', 'with', 'by', 'for', 'about', 'into', 'over', 'under', 'against', 'during', 'through', 'after', 'before', 'via', 'between', 'among', 'within', 'without', 'toward', 'towards', 'upon', 'since', 'per']);
const CLAUSE_WORDS = new Set(['and', 'or', 'but', 'nor', 'so', 'yet', 'that', 'which', 'who', 'whom', 'where', 'when', 'while', 'because', 'if', 'although', 'though', 'as', 'than', 'whether', 'since', 'unless', 'until', 'after', 'before', 'once']);
/** Auxiliaries and adverbs that sit between a speaker and the cue ("has said", "also noted"). */
const AUXILIARIES = new Set(['has', 'have', 'had', 'also', 'is', 'was', 'were', 'are', 'be', 'been', 'will', 'would', 'could', 'should', 'may', 'might', 'can', 'did', 'does', 'do', 'not', 'never', 'later', 'then', 'again', 'once', 'further', 'recently', 'previously', 'already', 'still', 'even', 'just', 'often', 'always', 'both', 'all']);
const NAMING_MARKERS = new Set([...NAMING_FORMS, 'called', 'so-called', 'titles', 'entitled']);
const COPULAS = new Set(['be', 'is', 'was', 'were', 'are', 'been', 'being', 'become', 'became', 'remain', 'remains', 'seem', 'seems', 'sounded', 'as', 'called', 'calling', 'call', 'calls', 'described', 'describing', 'deemed', 'branded', 'labeled', 'termed']);

const lower = (w: string): string => w.toLowerCase();

/** Cue rate of a cue verb form, or 0 when the word is not a cue. */
export function cueRate(word: string): number {
  return CUE_VERBS.get(lower(word)) ?? 0;
}
export const isCueVerb = (w: string): boolean => CUE_VERBS.has(lower(w));
/** Role nouns, singular or plural ("analyst" learned as "analysts" counts). */
export const isSourceHead = (w: string): boolean => {
  const l = lower(w);
  return SOURCE_HEADS.has(l) || SOURCE_HEADS.has(`${l}s`) || (l.endsWith('s') && SOURCE_HEADS.has(l.slice(0, -1)))
    || (l.endsWith('y') && SOURCE_HEADS.has(`${l.slice(0, -1)}ies`));
};
export const isPronoun = (w: string): boolean => PRONOUNS.has(lower(w));
export const isDeterminer = (w: string): boolean => DETERMINERS.has(lower(w));
export const isPreposition = (w: string): boolean => PREPOSITIONS.has(lower(w));
export const isClauseWord = (w: string): boolean => CLAUSE_WORDS.has(lower(w));
export const isAuxiliary = (w: string): boolean => AUXILIARIES.has(lower(w)) || (/^\p{Ll}.*ly$/u.test(w) && w.length > 4);
export const isNamingMarker = (w: string): boolean => NAMING_MARKERS.has(lower(w));
export const isCopulaOrAs = (w: string): boolean => COPULAS.has(lower(w));
export const isCapitalised = (w: string): boolean => /^\p{Lu}/u.test(w);
export const isWord = (w: string): boolean => /^[\p{L}\p{N}]/u.test(w);
/** Month and weekday names start capitalised but are never speakers. */
export const isCalendarWord = (w: string): boolean =>
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(w);
