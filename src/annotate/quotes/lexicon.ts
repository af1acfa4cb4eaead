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

/**
 * Verbs of saying in general English, beyond those PolNeAR train has often enough to learn a rate
 * for: they introduce a quote or a "that" clause, never a bare clause on their own (rate
 * GENERAL_CUE_RATE, under BARE_CLAUSE_CUE_RATE). Base forms; inflections are derived.
 */
const GENERAL_SPEECH_VERBS = [
  'say', 'tell', 'state', 'add', 'note', 'stress', 'emphasize', 'emphasise', 'underline', 'underscore', 'assert', 'affirm',
  'proclaim', 'declare', 'announce', 'vow', 'pledge', 'promise', 'warn', 'caution', 'urge', 'insist', 'maintain', 'contend',
  'argue', 'claim', 'allege', 'admit', 'acknowledge', 'concede', 'confirm', 'deny', 'reject', 'dismiss', 'explain', 'remark',
  'comment', 'observe', 'point', 'reply', 'respond', 'retort', 'answer', 'ask', 'question', 'recall', 'reiterate', 'repeat',
  'stress', 'report', 'write', 'tweet', 'post', 'predict', 'forecast', 'estimate', 'suggest', 'propose', 'recommend',
  'advise', 'assure', 'reassure', 'inform', 'disclose', 'reveal', 'divulge', 'indicate', 'signal', 'hint', 'imply',
  'complain', 'lament', 'criticize', 'criticise', 'condemn', 'denounce', 'decry', 'blast', 'slam', 'praise', 'hail',
  'welcome', 'thank', 'accuse', 'blame', 'charge', 'threaten', 'demand', 'call', 'describe', 'brand', 'label', 'dub',
  'characterize', 'characterise', 'quip', 'joke', 'boast', 'concur', 'agree', 'disagree', 'counter', 'object', 'protest',
  'speculate', 'surmise', 'conclude', 'specify', 'clarify', 'elaborate', 'mention', 'cite', 'quote', 'testify', 'swear',
  'vouch', 'guarantee', 'announce', 'notify', 'brief', 'exclaim', 'shout', 'scream', 'whisper', 'mutter', 'sigh', 'cry',
  'plead', 'beg', 'implore', 'demand', 'order', 'instruct', 'command', 'stipulate', 'add', 'continue', 'conclude',
];
const IRREGULAR_FORMS: Readonly<Record<string, readonly string[]>> = {
  say: ['said', 'says', 'saying'], tell: ['told', 'tells', 'telling'], write: ['wrote', 'written', 'writes', 'writing'],
  swear: ['swore', 'sworn', 'swears', 'swearing'], speak: ['spoke', 'spoken', 'speaks', 'speaking'],
};
/**
 * Verbs whose object is itself what was said ("stressed the need for talks", "rejected the
 * proposal", "urged restraint", "refused to negotiate"): with them a noun phrase or an infinitive is
 * reported speech. After other cues ("unveiled a plan", "dubbed the day …", "outlined the scope")
 * a noun phrase is what someone did, not what they said. Base forms; inflections are derived.
 */
const OBJECT_IS_SAID_VERBS = [
  'say', 'state', 'stress', 'emphasize', 'emphasise', 'underline', 'underscore', 'reiterate', 'repeat', 'express', 'voice',
  'announce', 'note', 'point', 'highlight', 'mention', 'confirm', 'deny', 'reject', 'dismiss', 'acknowledge', 'admit',
  'demand', 'call', 'urge', 'propose', 'suggest', 'recommend', 'promise', 'pledge', 'vow', 'warn', 'predict', 'claim',
  'question', 'welcome', 'praise', 'hail', 'condemn', 'denounce', 'decry', 'criticize', 'criticise', 'oppose', 'advocate',
  'rule', 'refuse', 'insist', 'report', 'reveal', 'disclose', 'indicate', 'hint', 'threaten', 'ask', 'request', 'accuse',
  'blame', 'describe', 'cite', 'argue', 'affirm', 'assert', 'declare', 'proclaim', 'concede', 'tell', 'explain', 'recall',
  'agree', 'disagree', 'protest', 'complain', 'plead', 'beg', 'appeal', 'support', 'endorse', 'back', 'favor', 'favour',
];
/** Every form of those verbs. */
const OBJECT_IS_SAID: ReadonlySet<string> = new Set(OBJECT_IS_SAID_VERBS.flatMap((b) => [b, ...inflections(b)]));

/** Is `w` a form of a verb whose noun-phrase or infinitive object is what was said ("stressed the need …")? */
export const objectIsSaid = (w: string): boolean => OBJECT_IS_SAID.has(lower(w));

/** The cue rate given to a general speech verb that PolNeAR does not rate. */
const GENERAL_CUE_RATE = 0.5;

/** The inflected forms of a regular verb: -s, -ed, -ing, with the usual spelling changes. */
function inflections(base: string): string[] {
  const irregular = IRREGULAR_FORMS[base];
  if (irregular) return [...irregular];
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  const s = /(?:s|sh|ch|x|z)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  const ed = base.endsWith('e') ? `${base}d` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ied` : `${base}ed`;
  return [s, ed, `${stem}ing`];
}

/** Cue forms learned from PolNeAR train with their cue rates (what the tagger's features read). */
const LEARNED_CUE_VERBS: ReadonlyMap<string, number> = new Map(
    Object.entries(cues.verbs as Record<string, { cue: number; rate: number }>)
      .filter(([w]) => !NAMING_FORMS.has(w) && !NOT_VERB_FORMS.has(w))
      .map(([w, v]) => [w, v.rate] as const),
);
/** The learned cues and the general speech verbs: what the rules read. */
const CUE_VERBS: ReadonlyMap<string, number> = (() => {
  const learned = new Map(LEARNED_CUE_VERBS);
  // General speech verbs in their inflected forms (the base form is too often a noun: "a call", "a report").
  for (const base of GENERAL_SPEECH_VERBS) for (const form of inflections(base)) if (!learned.has(form) && !NAMING_FORMS.has(form)) learned.set(form, GENERAL_CUE_RATE);
  return learned;
})();

/** Cue rate at or above which a cue verb takes a bare clause ("X said the talks failed") without "that". */
export const BARE_CLAUSE_CUE_RATE = 0.7;

export const CUE_PHRASES: readonly string[][] = (cues.phrases as string[]).map((p) => p.split(' '));
const SOURCE_HEADS = new Set(cues.sourceHeads as string[]);

export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'whose']);
const PREPOSITIONS = new Set(['of', 'in', 'on', 'at', 'to', 'from', 'with', 'by', 'for', 'about', 'into', 'over', 'under', 'against', 'during', 'through', 'after', 'before', 'via', 'between', 'among', 'within', 'without', 'toward', 'towards', 'upon', 'since', 'per']);
const CLAUSE_WORDS = new Set(['and', 'or', 'but', 'nor', 'so', 'yet', 'that', 'which', 'who', 'whom', 'where', 'when', 'while', 'because', 'if', 'although', 'though', 'as', 'than', 'whether', 'since', 'unless', 'until', 'after', 'before', 'once']);
/** Auxiliaries and adverbs that sit between a speaker and the cue ("has said", "also noted"). */
const AUXILIARIES = new Set(['has', 'have', 'had', 'also', 'is', 'was', 'were', 'are', 'be', 'been', 'will', 'would', 'could', 'should', 'may', 'might', 'can', 'did', 'does', 'do', 'not', 'never', 'later', 'earlier', 'then', 'again', 'once', 'further', 'recently', 'previously', 'already', 'still', 'even', 'just', 'often', 'always', 'both', 'all', 'today', 'yesterday', 'tonight', 'now', 'too']);
const NAMING_MARKERS = new Set([...NAMING_FORMS, 'called', 'so-called', 'titles', 'entitled']);
const COPULAS = new Set(['be', 'is', 'was', 'were', 'are', 'been', 'being', 'become', 'became', 'remain', 'remains', 'seem', 'seems', 'sounded', 'as', 'called', 'calling', 'call', 'calls', 'described', 'describing', 'deemed', 'branded', 'labeled', 'termed']);

const lower = (w: string): string => w.toLowerCase();

/** Cue rate of a cue verb form, or 0 when the word is not a cue. */
export function cueRate(word: string): number {
  return isCueVerb(word) ? CUE_VERBS.get(lower(word)) ?? 0 : 0;
}
/** A cue form: a learned one in any case, a general speech verb only in lower case ("States" in "United States" is no cue). */
export const isCueVerb = (w: string): boolean => LEARNED_CUE_VERBS.has(lower(w)) || (CUE_VERBS.has(w) && w === lower(w));
/** Cue rate of a form as learned from PolNeAR alone, or 0: the tagger's features (its model was trained on these). */
export function learnedCueRate(word: string): number {
  return LEARNED_CUE_VERBS.get(lower(word)) ?? 0;
}
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
/** A finite auxiliary or modal: it makes the words around it a clause ("the ministry will …"), not a noun phrase. */
export const isFiniteAuxiliary = (w: string): boolean => /^(?:is|are|was|were|will|would|could|should|shall|must|may|might|can|has|have|had|does|did)$/i.test(w);
export const isAuxiliary = (w: string): boolean => AUXILIARIES.has(lower(w)) || (/^\p{Ll}.*ly$/u.test(w) && w.length > 4);
export const isNamingMarker = (w: string): boolean => NAMING_MARKERS.has(lower(w));
export const isCopulaOrAs = (w: string): boolean => COPULAS.has(lower(w));
export const isCapitalised = (w: string): boolean => /^\p{Lu}/u.test(w);
export const isWord = (w: string): boolean => /^[\p{L}\p{N}]/u.test(w);
/** Month and weekday names start capitalised but are never speakers. */
export const isCalendarWord = (w: string): boolean =>
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(w);

/** Words a phrase that only says when may be made of ("early Friday", "this month", "Monday night"). */
const TIME_PHRASE_WORD = /^(?:early|late|earlier|later|last|this|next|on|in|at|the|same|that|previous|following|morning|afternoon|evening|night|day|week|weekend|month|year|today|yesterday|tonight|tomorrow|\d{1,4}(?:st|nd|rd|th)?)$/i;

/** A phrase that only says when ("Monday", "early Friday", "this month"): a parse may take it for the subject of a cue. */
export const isTimePhrase = (phrase: string): boolean => {
  const words = phrase.trim().split(/[\s,]+/).filter(Boolean);
  return words.length > 0 && words.some((w) => isCalendarWord(w) || /^(?:today|yesterday|tonight|day|week|month|year|weekend)$/i.test(w))
    && words.every((w) => isCalendarWord(w) || TIME_PHRASE_WORD.test(w));
};
