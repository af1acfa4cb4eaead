/**
 * Closed word classes the reference stage reads: third-person pronouns, the
 * nouns news uses for people's roles and offices, the nouns that describe an
 * organisation or a place, and the verbs a government speaks or acts with.
 * General English, not any one story's words.
 */

export type Gender = 'male' | 'female';
/** What a pronoun can stand for: one person, one thing/organisation/place, or a plural (often an organisation or a country). */
export type PronounClass = 'person' | 'thing' | 'plural';
export type PronounCase = 'subject' | 'object' | 'possessive' | 'reflexive';

export interface PronounInfo {
  readonly cls: PronounClass;
  readonly gender?: Gender;
  readonly case: PronounCase;
}

export const PRONOUNS: ReadonlyMap<string, PronounInfo> = new Map([
  ['he', { cls: 'person', gender: 'male', case: 'subject' }],
  ['him', { cls: 'person', gender: 'male', case: 'object' }],
  ['his', { cls: 'person', gender: 'male', case: 'possessive' }],
  ['himself', { cls: 'person', gender: 'male', case: 'reflexive' }],
  ['she', { cls: 'person', gender: 'female', case: 'subject' }],
  ['her', { cls: 'person', gender: 'female', case: 'object' }],
  ['hers', { cls: 'person', gender: 'female', case: 'possessive' }],
  ['herself', { cls: 'person', gender: 'female', case: 'reflexive' }],
  ['it', { cls: 'thing', case: 'subject' }],
  ['its', { cls: 'thing', case: 'possessive' }],
  ['itself', { cls: 'thing', case: 'reflexive' }],
  ['they', { cls: 'plural', case: 'subject' }],
  ['them', { cls: 'plural', case: 'object' }],
  ['their', { cls: 'plural', case: 'possessive' }],
  ['theirs', { cls: 'plural', case: 'possessive' }],
  ['themselves', { cls: 'plural', case: 'reflexive' }],
] satisfies [string, PronounInfo][]);

/**
 * Role nouns of people, each with the class of office it belongs to: two roles of one
 * class can name the same person ("the foreign minister" … "the top diplomat").
 * A modifier can move a noun to another class ("prime minister", "foreign minister"): see `roleClass`.
 */
const PERSON_ROLE_LIST: Record<string, string> = {
  president: 'leader', premier: 'leader', chancellor: 'leader', king: 'leader', queen: 'leader', monarch: 'leader',
  emperor: 'leader', empress: 'leader', emir: 'leader', sultan: 'leader', shah: 'leader', pope: 'leader', leader: 'leader',
  ruler: 'leader', dictator: 'leader', prince: 'leader', princess: 'leader', tsar: 'leader', czar: 'leader', pharaoh: 'leader',
  diplomat: 'diplomat', ambassador: 'diplomat', envoy: 'diplomat', negotiator: 'diplomat', emissary: 'diplomat', consul: 'diplomat',
  minister: 'minister', secretary: 'minister',
  spokesman: 'spokesperson', spokeswoman: 'spokesperson', spokesperson: 'spokesperson',
  general: 'military', commander: 'military', admiral: 'military', colonel: 'military', marshal: 'military', captain: 'military',
  senator: 'legislator', lawmaker: 'legislator', legislator: 'legislator', congressman: 'legislator', congresswoman: 'legislator',
  mp: 'legislator', representative: 'legislator', deputy: 'legislator', speaker: 'legislator',
  judge: 'law', prosecutor: 'law', attorney: 'law', lawyer: 'law', justice: 'law',
  ceo: 'executive', executive: 'executive', chairman: 'executive', chairwoman: 'executive', chair: 'executive',
  director: 'executive', founder: 'executive', 'co-founder': 'executive', manager: 'executive', owner: 'executive', boss: 'executive',
  official: 'official', aide: 'official', adviser: 'official', advisor: 'official', administrator: 'official',
  governor: 'official', mayor: 'official', chief: 'official', head: 'official', commissioner: 'official', inspector: 'official',
  author: 'person', writer: 'person', poet: 'person', novelist: 'person', scientist: 'person', researcher: 'person',
  professor: 'person', scholar: 'person', linguist: 'person', artist: 'person', painter: 'person', actor: 'person', actress: 'person',
  singer: 'person', musician: 'person', composer: 'person', player: 'person', coach: 'person', striker: 'person',
  athlete: 'person', champion: 'person', candidate: 'person', activist: 'person', journalist: 'person', reporter: 'person',
  correspondent: 'person', editor: 'person', analyst: 'person', expert: 'person', doctor: 'person', physician: 'person',
  surgeon: 'person', victim: 'person', suspect: 'person', defendant: 'person', driver: 'person', pilot: 'person',
  astronaut: 'person', priest: 'person', cleric: 'person', bishop: 'person', rabbi: 'person', imam: 'person',
  inventor: 'person', engineer: 'person', entrepreneur: 'person', billionaire: 'person', businessman: 'person',
  businesswoman: 'person', politician: 'person', star: 'person', winner: 'person', teacher: 'person', student: 'person',
  economist: 'person', historian: 'person', philosopher: 'person', architect: 'person', designer: 'person', photographer: 'person',
  filmmaker: 'person', producer: 'person', officer: 'military', soldier: 'military',
};

const PERSON_ROLES: ReadonlyMap<string, string> = new Map(Object.entries(PERSON_ROLE_LIST));

/** Modifiers that move a role noun into another class: a prime minister leads, a foreign minister is a diplomat. */
const CLASS_BY_MODIFIER: Record<string, Record<string, string>> = {
  minister: { prime: 'leader', foreign: 'diplomat' },
  secretary: { foreign: 'diplomat', state: 'diplomat', general: 'leader' },
  leader: { opposition: 'legislator', party: 'legislator' },
};

/** Words that name a minister's portfolio: two roles with different ones are two people ("defence minister", "foreign minister"). */
export const PORTFOLIOS = new Set([
  'foreign', 'defence', 'defense', 'finance', 'interior', 'home', 'health', 'justice', 'economy', 'economic', 'trade', 'commerce',
  'energy', 'oil', 'education', 'agriculture', 'labour', 'labor', 'culture', 'transport', 'environment', 'industry', 'war',
  'treasury', 'security', 'intelligence', 'information', 'communications', 'housing', 'tourism', 'sports', 'science', 'digital',
]);

/** Classes of office that act for a government: "the official" or "the spokesman" can be one of these people. */
export const GOVERNMENT_CLASSES = new Set(['leader', 'diplomat', 'minister', 'deputy', 'spokesperson', 'military', 'legislator', 'official']);

/** Roles that say a person's gender. */
export const ROLE_GENDER: ReadonlyMap<string, Gender> = new Map([
  ['king', 'male'], ['queen', 'female'], ['prince', 'male'], ['princess', 'female'], ['emperor', 'male'], ['empress', 'female'],
  ['spokesman', 'male'], ['spokeswoman', 'female'], ['chairman', 'male'], ['chairwoman', 'female'], ['congressman', 'male'],
  ['congresswoman', 'female'], ['actor', 'male'], ['actress', 'female'], ['businessman', 'male'], ['businesswoman', 'female'],
  ['tsar', 'male'], ['czar', 'male'], ['sultan', 'male'], ['shah', 'male'], ['pope', 'male'],
]);

/** Common nouns for a person that name no office: a pronoun after one often means that person, not a named one. */
const PEOPLE_NOUNS: ReadonlyMap<string, Gender | undefined> = new Map<string, Gender | undefined>([
  ['man', 'male'], ['boy', 'male'], ['father', 'male'], ['dad', 'male'], ['son', 'male'], ['husband', 'male'], ['brother', 'male'],
  ['uncle', 'male'], ['grandfather', 'male'], ['boyfriend', 'male'], ['nephew', 'male'], ['grandson', 'male'], ['gentleman', 'male'],
  ['woman', 'female'], ['girl', 'female'], ['mother', 'female'], ['mom', 'female'], ['mum', 'female'], ['daughter', 'female'],
  ['wife', 'female'], ['sister', 'female'], ['aunt', 'female'], ['grandmother', 'female'], ['girlfriend', 'female'], ['niece', 'female'],
  ['granddaughter', 'female'], ['lady', 'female'],
  ['child', undefined], ['kid', undefined], ['baby', undefined], ['friend', undefined], ['person', undefined], ['guy', undefined],
  ['neighbour', undefined], ['neighbor', undefined], ['resident', undefined], ['witness', undefined], ['passenger', undefined],
  ['patient', undefined], ['customer', undefined], ['worker', undefined], ['employee', undefined], ['colleague', undefined],
  ['partner', undefined], ['fan', undefined], ['member', undefined], ['citizen', undefined], ['teenager', undefined],
  ['stranger', undefined], ['individual', undefined], ['parent', undefined], ['cousin', undefined], ['spouse', undefined],
  ['sibling', undefined], ['visitor', undefined], ['tourist', undefined], ['farmer', undefined], ['user', undefined],
]);

const PERSON_NOUN_GENDER: ReadonlyMap<string, Gender | null> = new Map<string, Gender | null>([
  ...[...PEOPLE_NOUNS].map(([w, g]) => [w, g ?? null] as [string, Gender | null]),
  ...[...PERSON_ROLES.keys()].map((w) => [w, ROLE_GENDER.get(w) ?? null] as [string, Gender | null]),
]);

/**
 * The gender of a common noun for a person ("wife" → female), null for a person
 * noun without one ("friend", "minister"), undefined for a noun that is no person.
 */
export function personNounGender(word: string): Gender | null | undefined {
  return PERSON_NOUN_GENDER.get(word);
}

/** Offices held by one person at a time: a definite mention of one is a title ("the president"), other roles are roles. */
export const TITLE_CLASSES = new Set(['leader']);

/** Nouns that describe an organisation ("the ministry", "the company"). */
export const ORG_NOUNS = new Set([
  'company', 'firm', 'corporation', 'business', 'group', 'agency', 'organisation', 'organization', 'ministry', 'department',
  'party', 'team', 'club', 'bank', 'university', 'college', 'school', 'court', 'council', 'committee', 'union', 'alliance',
  'coalition', 'network', 'channel', 'newspaper', 'broadcaster', 'website', 'foundation', 'institute', 'government',
  'administration', 'regime', 'movement', 'militia', 'army', 'military', 'navy', 'police', 'parliament', 'assembly',
  'commission', 'board', 'authority', 'airline', 'carrier', 'manufacturer', 'maker', 'retailer', 'publisher', 'studio',
  'band', 'charity', 'church', 'museum', 'hospital', 'office', 'bureau', 'service', 'society', 'association', 'federation',
  'league', 'senate', 'congress', 'cabinet', 'embassy', 'consortium', 'conglomerate', 'startup', 'insurer', 'lender',
]);

/** Nouns that describe a place; `country` nouns describe a state, `city` nouns a town. */
export const PLACE_NOUNS: ReadonlyMap<string, 'country' | 'city' | 'place'> = new Map([
  ['country', 'country'], ['nation', 'country'], ['kingdom', 'country'], ['republic', 'country'], ['state', 'country'],
  ['city', 'city'], ['capital', 'city'], ['town', 'city'], ['village', 'city'], ['metropolis', 'city'],
  ['island', 'place'], ['islands', 'place'], ['region', 'place'], ['province', 'place'], ['territory', 'place'],
  ['mainland', 'place'], ['district', 'place'], ['county', 'place'], ['archipelago', 'place'], ['peninsula', 'place'],
]);

/** What a demonym describes when it stands for the state: "the Veskarian side", "the Veskarian government". */
export const GOVERNMENT_NOUNS = new Set(['side', 'government', 'authorities', 'administration', 'regime', 'leadership', 'delegation', 'state']);

/**
 * Verbs of speech and of decision by which a capital or a country stands for its government
 * ("Corvel said", "Veskaria rejected the offer"). Inflected forms, matched lower-cased.
 */
export const GOVERNMENT_VERBS = new Set(
  [
    'say', 'says', 'said', 'tell', 'tells', 'told', 'announce', 'announces', 'announced', 'state', 'states', 'stated',
    'declare', 'declares', 'declared', 'warn', 'warns', 'warned', 'insist', 'insists', 'insisted', 'deny', 'denies', 'denied',
    'reject', 'rejects', 'rejected', 'accept', 'accepts', 'accepted', 'agree', 'agrees', 'agreed', 'refuse', 'refuses', 'refused',
    'decide', 'decides', 'decided', 'vow', 'vows', 'vowed', 'pledge', 'pledges', 'pledged', 'threaten', 'threatens', 'threatened',
    'urge', 'urges', 'urged', 'demand', 'demands', 'demanded', 'accuse', 'accuses', 'accused', 'confirm', 'confirms', 'confirmed',
    'claim', 'claims', 'claimed', 'argue', 'argues', 'argued', 'respond', 'responds', 'responded', 'reply', 'replies', 'replied',
    'condemn', 'condemns', 'condemned', 'welcome', 'welcomes', 'welcomed', 'criticise', 'criticises', 'criticised', 'criticize',
    'criticizes', 'criticized', 'dismiss', 'dismisses', 'dismissed', 'propose', 'proposes', 'proposed', 'offer', 'offers', 'offered',
    'sign', 'signs', 'signed', 'approve', 'approves', 'approved', 'order', 'orders', 'ordered', 'impose', 'imposes', 'imposed',
    'sanction', 'sanctions', 'sanctioned', 'recall', 'recalls', 'recalled', 'expel', 'expels', 'expelled', 'suspend', 'suspends',
    'suspended', 'launch', 'launches', 'launched', 'retaliate', 'retaliates', 'retaliated', 'protest', 'protests', 'protested',
    'summon', 'summons', 'summoned', 'call', 'calls', 'called', 'ask', 'asks', 'asked', 'request', 'requests', 'requested',
    'negotiate', 'negotiates', 'negotiated', 'vote', 'votes', 'voted', 'veto', 'vetoes', 'vetoed', 'recognise', 'recognises',
    'recognised', 'recognize', 'recognizes', 'recognized', 'invade', 'invades', 'invaded', 'attack', 'attacks', 'attacked',
    'withdraw', 'withdraws', 'withdrew', 'deploy', 'deploys', 'deployed', 'ban', 'bans', 'banned', 'blame', 'blames', 'blamed',
    'acknowledge', 'acknowledges', 'acknowledged', 'admit', 'admits', 'admitted', 'maintain', 'maintains', 'maintained',
    'signal', 'signals', 'signalled', 'signaled', 'indicate', 'indicates', 'indicated', 'hope', 'hopes', 'hoped', 'want', 'wants',
    'wanted', 'seek', 'seeks', 'sought', 'plan', 'plans', 'planned', 'intend', 'intends', 'intended', 'oppose', 'opposes',
    'opposed', 'support', 'supports', 'supported', 'back', 'backs', 'backed', 'reiterate', 'reiterates', 'reiterated',
  ],
);

/** Words that may sit between a subject and its verb ("Corvel has repeatedly said", "Corvel on Monday said"). */
export const VERB_GAP_WORDS = new Set([
  'has', 'have', 'had', 'is', 'was', 'will', 'would', 'could', 'should', 'may', 'might', 'can', 'did', 'does', 'also', 'not',
  'never', 'later', 'then', 'again', 'already', 'still', 'now', 'swiftly', 'quickly', 'immediately', 'repeatedly', 'publicly',
  'officially', 'formally', 'previously', 'recently', 'further', 'even', 'just', 'on', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'earlier', 'late', 'last', 'week', 'this',
]);

/** Determiners that open a definite description. */
export const DEFINITE = new Set(['the']);
/** Modifiers that make a description someone other than the one named before ("another minister", "a former president"). */
export const NEW_REFERENT_MODIFIERS = new Set(['another', 'other', 'new', 'next', 'previous', 'former', 'late', 'then', 'incoming', 'outgoing', 'first', 'second', 'third', 'same']);
/** Anaphors that pick one of the last two named: "the former", "the latter". */
export const ORDINAL_ANAPHORS = new Set(['former', 'latter']);

/** Modifiers of a lower rank: a vice president or a deputy minister holds another office than the president or the minister. */
const LOWER_RANKS = new Set(['vice', 'deputy', 'assistant', 'associate', 'under', 'junior']);

/**
 * The office a role names, for matching one role mention to another: its head noun
 * ("president"), or the head with its rank ("vice president") when a lower rank qualifies it,
 * so "the president" is never the vice president.
 */
export function officeOf(head: string, modifiers: readonly string[]): string {
  const rank = modifiers.find((m) => LOWER_RANKS.has(m));
  return rank ? `${rank} ${head}` : head;
}

/** The class of a role ("foreign minister" → diplomat, "deputy minister" → deputy), or undefined for a noun that names no role. */
export function roleClass(head: string, modifiers: readonly string[]): string | undefined {
  const base = PERSON_ROLES.get(head);
  if (base === undefined) return undefined;
  if (modifiers.some((m) => LOWER_RANKS.has(m))) return 'deputy';
  const shift = CLASS_BY_MODIFIER[head];
  if (shift) for (const m of modifiers) if (shift[m]) return shift[m];
  return base;
}

/** True when the noun names a role of a person. */
export const isRoleNoun = (w: string): boolean => PERSON_ROLES.has(w);

const KNOWN_HEADS: ReadonlySet<string> = new Set([...PERSON_ROLES.keys(), ...ORG_NOUNS, ...GOVERNMENT_NOUNS, ...PLACE_NOUNS.keys()]);

/** A noun the resolver knows as a role, an organisation or a place (a description's head). */
export const knownHead = (word: string): boolean => KNOWN_HEADS.has(word);
