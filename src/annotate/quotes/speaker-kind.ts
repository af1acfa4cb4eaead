import type { Span } from '../../core/index.js';
import { isCapitalised, isSourceHead } from './lexicon.js';
import type { EntityMentionLike } from './types.js';

/**
 * What a speaker phrase is, read from its head word (the last word before any "of …" / "in …"
 * tail): a name (an entity mention heads it), a pronoun, a relative ("who"), an anaphor ("the
 * latter"), a role of one person ("the minister"), a collective ("officials", "state media"), a
 * document that stands for its author ("the statement"), or junk ("this perspective", "all
 * indicators") that can speak for no one. A bare quantifier ("Some", "Others") is an unnamed source
 * with nothing to describe it by.
 */
export type SpeakerKind = 'name' | 'pronoun' | 'relative' | 'anaphor' | 'role' | 'collective' | 'document' | 'unnamed' | 'junk';

export interface SpeakerPhrase {
  readonly kind: SpeakerKind;
  /** The mention heading the phrase, for a name. */
  readonly mention?: EntityMentionLike;
  /** The head word, lower-cased. */
  readonly head: string;
  /** Where the head word stands in the text. */
  readonly headSpan?: Span;
  /** The phrase starts with "a", "an", "one", "some": an unnamed source, never resolved to a name. */
  readonly indefinite: boolean;
  /** The head is plural (a group). */
  readonly plural: boolean;
}

/**
 * Nouns that name one person by what they do (general English, beyond the PolNeAR source heads of
 * cues.json): a definite one ("the minister") refers to someone the article names.
 */
const ROLE_NOUNS = new Set([
  'minister', 'secretary', 'spokesperson', 'spokesman', 'spokeswoman', 'mayor', 'governor', 'president', 'premier',
  'chancellor', 'ambassador', 'envoy', 'diplomat', 'official', 'head', 'chief', 'chair', 'chairman', 'chairwoman',
  'director', 'leader', 'commander', 'general', 'officer', 'adviser', 'advisor', 'aide', 'analyst', 'expert',
  'professor', 'scholar', 'researcher', 'economist', 'scientist', 'lawyer', 'attorney', 'judge', 'prosecutor',
  'senator', 'lawmaker', 'legislator', 'deputy', 'mp', 'congressman', 'congresswoman', 'representative', 'member',
  'worker', 'resident', 'witness', 'survivor', 'doctor', 'nurse', 'activist', 'campaigner', 'candidate', 'nominee',
  'founder', 'executive', 'ceo', 'boss', 'manager', 'owner', 'negotiator', 'mediator', 'king', 'queen', 'prince', 'emperor',
  'monarch', 'dictator', 'republican', 'democrat', 'conservative', 'liberal', 'source', 'insider', 'commentator',
  'observer', 'journalist', 'reporter', 'correspondent', 'editor', 'columnist', 'writer', 'author', 'veteran',
  'student', 'teacher', 'farmer', 'driver', 'victim', 'relative', 'neighbour', 'neighbor', 'friend', 'colleague',
  'man', 'woman', 'person', 'citizen', 'voter', 'supporter', 'critic', 'opponent', 'rival', 'ally', 'strategist',
  'pollster', 'historian', 'engineer', 'specialist', 'consultant', 'coordinator', 'representative', 'delegate',
  'secretary-general', 'prime', 'cleric', 'ayatollah', 'imam', 'bishop', 'pope', 'captain', 'coach', 'player',
  'singer', 'guitarist', 'drummer', 'musician', 'artist', 'actor', 'actress', 'star', 'athlete', 'rapper', 'comedian',
  'host', 'anchor', 'presenter', 'filmmaker', 'novelist', 'poet', 'chef', 'pilot', 'soldier', 'firefighter', 'paramedic',
  'quarterback', 'pitcher', 'striker', 'goalkeeper', 'champion', 'entrepreneur', 'investor', 'designer', 'architect',
]);

/** Nouns of bodies and groups that speak as one ("the ministry", "the delegation", "authorities"). */
const BODY_NOUNS = new Set([
  'ministry', 'department', 'government', 'administration', 'agency', 'office', 'committee', 'council', 'commission',
  'parliament', 'congress', 'senate', 'court', 'army', 'military', 'police', 'authorities', 'authority', 'delegation',
  'mission', 'embassy', 'party', 'parties', 'side', 'camp', 'campaign', 'group', 'organisation', 'organization',
  'union', 'company', 'firm', 'bank', 'board', 'team', 'media', 'press', 'newspaper', 'paper', 'broadcaster',
  'channel', 'network', 'outlet', 'website', 'service', 'ministries', 'powers', 'nations', 'countries', 'states',
  'circles', 'forces', 'troops', 'crowd', 'public', 'people', 'community', 'movement', 'coalition', 'alliance',
  'bloc', 'cabinet', 'presidency', 'kremlin', 'leadership', 'establishment', 'institute', 'foundation', 'center',
  'centre', 'association', 'federation', 'society', 'council', 'secretariat', 'regulator', 'watchdog', 'charity',
  'trends', 'economists', 'analysts', 'experts', 'observers', 'commentators', 'critics', 'residents',
])

/** Nouns of texts that speak for their author ("the statement said", "a report by X"). */
const DOCUMENT_NOUNS = new Set([
  'statement', 'statements', 'report', 'reports', 'release', 'communique', 'letter', 'memo', 'tweet', 'post', 'message',
  'article', 'editorial', 'column', 'study', 'survey', 'poll', 'polls', 'document', 'documents', 'filing', 'filings',
  'ruling', 'order', 'decree', 'resolution', 'declaration', 'transcript', 'readout', 'notice', 'bulletin', 'announcement',
  'analysis', 'review', 'research', 'data', 'records', 'figures', 'statistics', 'numbers', 'estimates', 'estimate', 'website', 'ad', 'video', 'book', 'speech', 'interview',
  'story', 'footage', 'evidence', 'photo', 'photos', 'image', 'images', 'email', 'emails', 'results', 'findings', 'testimony', 'slide', 'slides', 'chart', 'charts', 'graph', 'graphs', 'map', 'maps',
]);

/** Heads that count or quantify a group: the speaker is the group after "of" ("25 percent of voters"). */
const QUANTITY = /^(?:percent|per|majority|minority|half|third|quarter|number|plurality|share|most|some|many|all|none|one|two|three|four|five|several|few|dozens|hundreds|thousands|group|handful|lot|lots|bunch)$/;
/** Agent nouns of people ("developer", "physicist", "questioner") beyond the lists; some common non-persons excluded. */
const AGENT_SUFFIX = /(?:er|or|ist|ian|ant|ent|ee|ess|ive|ary)s?$/;
const NOT_AGENT = /^(?:number|order|matter|earlier|later|water|paper|center|centre|under|after|other|others|over|power|powers|quarter|letter|letters|chapter|factor|sector|error|major|minor|prior|former|latter|further|rather|whether|never|ever|however|moment|event|percent|government|management|agreement|statement|comment|element|argument|document|development|investment|environment|department|parliament|content|extent|intent|current|recent|present|accident|incident|evident|event|plant|giant|grant|tenant|summary|library|salary|boundary|territory|history|story|military|dictionary|objective|initiative|incentive|alternative|narrative|perspective|directive|detective|relative|native|talent|indicator|factor|sector|error|behavior|behaviour|motor|monitor|vector|corridor|mirror|horror|terror|honor|honour|labor|labour|color|colour|favor|favour|rumor|rumour|humor|tumor|vapor|meteor|tractor|elevator|calculator|escalator|radiator|generator|anchorage|boundary|dignitary|ordinary|contrary|primary|secondary|necessary|temporary|voluntary|military|commentary|documentary|budgetary|monetary|sanctuary|library|glossary|diary)$/;
/** Nationality nouns in the plural ("Veskarians", "Corvelians"): a group. */
const DEMONYM_PLURAL = /^\p{Lu}\p{Ll}{2,}(?:ans|ians|eans|ese|is)$/u;
/** Indefinite pronouns of people: an unnamed source. */
const SOMEONE = /^(?:someone|somebody|everyone|everybody|anyone|anybody|nobody|people)$/;

const PRONOUN = /^(?:he|she|they|it|we|i)$/;
const RELATIVE = /^(?:who|which|that)$/;
const ANAPHOR = /^(?:latter|former)$/;
const INDEFINITE = /^(?:a|an|one|some|several|many|most|two|three|four|five|few|other|others|various|numerous|certain)$/;
/** Quantifiers with no noun after them ("Some", "Others"): no description to give. */
const BARE_QUANTIFIER = /^(?:some|others|many|most|several|few|all|both|each|one)$/;
/** Words that end a noun phrase's head part: its prepositional or relative tail. */
const TAIL = /^(?:of|in|at|from|for|with|on|to|who|which|that|including|like|such|close|familiar|based)$/;

/** Adjectives of nationality, capitalised but never a name on their own. */
const DEMONYM = /^\p{Lu}\p{Ll}+(?:an|ian|ean|ese|ish|i|ic)$/u;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}’'\-.]*/gu;

function singular(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) return w.slice(0, -1);
  return w;
}

/** Is `w` (lower-cased) a noun of a person's role, singular or plural? */
export function isRoleNoun(w: string): boolean {
  return ROLE_NOUNS.has(w) || ROLE_NOUNS.has(singular(w));
}

/** Is `w` a noun of a text that speaks for its author ("statement", "report")? */
export const isDocumentNoun = (w: string): boolean => DOCUMENT_NOUNS.has(w.toLowerCase());

/** Can `w` head a speaker phrase: a role, a body, a document or a PolNeAR source head ("delegation", "minister", "statement")? */
export function canHeadSpeaker(w: string): boolean {
  const l = w.toLowerCase();
  return isRoleNoun(l) || BODY_NOUNS.has(l) || BODY_NOUNS.has(singular(l)) || DOCUMENT_NOUNS.has(l) || isSourceHead(l);
}

/** The words of a phrase with their offsets. */
function words(text: string, span: Span): Array<{ w: string; start: number; end: number }> {
  const out: Array<{ w: string; start: number; end: number }> = [];
  for (const m of text.slice(span.start, span.end).matchAll(WORD)) {
    const w = m[0].replace(/[’']s$/, '').replace(/\.$/, '');
    out.push({ w, start: span.start + m.index, end: span.start + m.index + w.length });
  }
  return out;
}

/**
 * Classify a speaker phrase. `mentions` are the entity mentions overlapping it (in text order).
 *
 * @example
 * classifySpeaker('A Corvish official in the city of Velmar', { start: 0, end: 40 }, [velmar]) // → role, indefinite, head 'official'
 */
export function classifySpeaker(text: string, core: Span, mentions: readonly EntityMentionLike[], parsedHead?: Span): SpeakerPhrase {
  const ws = words(text, core);
  if (ws.length === 0) return { kind: 'junk', head: '', indefinite: false, plural: false };
  const first = ws[0]!.w.toLowerCase();
  const indefinite = INDEFINITE.test(first);
  // The head part: up to the first prepositional or relative tail ("the head of the delegation" → "the head").
  let end = ws.length;
  for (let i = 1; i < ws.length; i++) if (TAIL.test(ws[i]!.w.toLowerCase())) { end = i; break; }
  // "25 percent of voters", "a majority of Republicans": the group counted is the head.
  if (end < ws.length && ws[end]!.w.toLowerCase() === 'of' && QUANTITY.test(ws[end - 1]!.w.toLowerCase())) {
    let next = ws.length;
    for (let i = end + 1; i < ws.length; i++) if (TAIL.test(ws[i]!.w.toLowerCase())) { next = i; break; }
    if (next > end + 1) end = next;
  }
  // The parse's head word, when it gave one inside the core ("Marie Ruiz, the group's secretary-general": Marie), else the rules' head.
  const parsed = parsedHead ? ws.findIndex((w) => w.start <= parsedHead.start && w.end >= parsedHead.end - 1) : -1;
  if (parsed >= 0 && !QUANTITY.test(ws[parsed]!.w.toLowerCase())) end = parsed + 1;
  const headWord = ws[end - 1]!;
  const head = headWord.w.toLowerCase();
  const plural = head !== singular(head) || /^(?:media|police|people|authorities|public|press|military|leadership)$/.test(head);
  const base = { head, headSpan: { start: headWord.start, end: headWord.end }, indefinite, plural };
  if (ws.length === 1 && PRONOUN.test(head)) return { kind: 'pronoun', ...base };
  if (ws.length === 1 && RELATIVE.test(head)) return { kind: 'relative', ...base };
  if (ANAPHOR.test(head)) return { kind: 'anaphor', ...base };
  if (ws.length === 1 && BARE_QUANTIFIER.test(head)) return { kind: 'unnamed', ...base };
  const heading = mentions.find((m) => m.start <= headWord.start && m.end >= headWord.end);
  // A title and the name after it ("Leader of the Revolution Ali Example", "the head of the delegation Ana Oresk").
  const last = ws[ws.length - 1]!;
  // Not a place the phrase's tail names ("an official in the city of Corvel").
  const closing = mentions.find((m) => m.type === 'PERSON' && m.start <= last.start && m.end >= last.end && m.start > headWord.start && !/\b(?:in|at|from|of|for|on|with|near|to)\s+(?:the\s+)?$/i.test(text.slice(Math.max(core.start, m.start - 20), m.start)));
  // "Senate Leader Ana Oresk": a parse may head a run of proper nouns at its first word; the body whose
  // title the person holds does not speak, the person named at the end does.
  if (heading && !(closing && heading.type !== 'PERSON' && heading.end < closing.start)) return { kind: 'name', mention: heading, ...base };
  if (closing) return { kind: 'name', mention: closing, ...base };
  if (isRoleNoun(head)) return { kind: plural ? 'collective' : 'role', ...base };
  // "Twelve percent said …": a share of the people asked.
  if (head === 'percent' && end > 1) return { kind: 'collective', ...base, plural: true };
  // A capitalised head the entity tagger missed reads as a name ("the Daily Post", "the agency APP");
  // a lone capitalised plural ("Floods", at a sentence start) or a demonym ("… European") does not.
  const named = isCapitalised(headWord.w) && (end > 1 || /^\p{Lu}.*\p{Lu}/u.test(headWord.w) || !/s$/.test(headWord.w)) && !(end > 1 && DEMONYM.test(headWord.w) && !isCapitalised(ws[end - 2]!.w));
  if (named) return { kind: 'name', ...base };
  if (DOCUMENT_NOUNS.has(head) || DOCUMENT_NOUNS.has(singular(head))) return { kind: 'document', ...base };
  if (BODY_NOUNS.has(head) || BODY_NOUNS.has(singular(head))) return { kind: 'collective', ...base };
  if (isSourceHead(head)) return { kind: plural ? 'collective' : 'role', ...base };
  if (SOMEONE.test(head)) return { kind: 'unnamed', ...base };
  if (DEMONYM_PLURAL.test(headWord.w)) return { kind: 'collective', ...base };
  if (AGENT_SUFFIX.test(head) && head.length > 4 && !NOT_AGENT.test(head) && !NOT_AGENT.test(singular(head))) return { kind: plural ? 'collective' : 'role', ...base };
  return { kind: 'junk', ...base };
}

/** Nouns of kin and of ties to another person: "the mother", "his lawyer" is someone else than the one the text is about. */
const RELATION_NOUN = /^(?:mother|father|parent|parents|wife|husband|son|daughter|brother|sister|sibling|child|children|uncle|aunt|cousin|nephew|niece|grandmother|grandfather|grandson|granddaughter|widow|widower|fianc[eé]e?|partner|girlfriend|boyfriend|relative|relatives|family|friend|friends|neighbor|neighbour|lawyer|lawyers|attorney|attorneys|victim|victims|mom|dad)$/;
const FEMALE_ROLE = /^(?:mother|wife|daughter|sister|aunt|niece|grandmother|granddaughter|widow|girlfriend|mom|woman|queen|princess|spokeswoman|chairwoman|congresswoman|businesswoman|actress|duchess|empress)$/;
const MALE_ROLE = /^(?:father|husband|son|brother|uncle|nephew|grandfather|grandson|widower|boyfriend|dad|man|king|prince|spokesman|chairman|congressman|businessman|actor|duke|emperor)$/;

/** The gender a role noun states ("the spokeswoman", "the king"), if any. */
export function roleGender(head: string): 'female' | 'male' | undefined {
  return FEMALE_ROLE.test(head) ? 'female' : MALE_ROLE.test(head) ? 'male' : undefined;
}

/** A role held towards someone: a noun of kin or of a tie, or a role phrase with a possessive before its head ("the victim's mother", "his aide"). */
export function isRelationalRole(text: string, core: Span, phrase: SpeakerPhrase): boolean {
  if (RELATION_NOUN.test(phrase.head)) return true;
  // "his country", "its government" is the state or body itself, not a tie to another person.
  if (!isRoleNoun(phrase.head)) return false;
  const beforeHead = text.slice(core.start, phrase.headSpan ? phrase.headSpan.start : core.end);
  return /(?:^|\s)(?:his|her|their|its|my|our|your)\s/i.test(` ${beforeHead}`) || /\p{L}[’']s?\s/u.test(beforeHead);
}
