import type { Doc, Span } from '../../core/index.js';
import { fold, sentenceAt } from './text.js';

/** What an article says about someone holding an office. */
export type OfficeClaimStatus =
  /** "the current president, X", "X's country's current president is X": holds it now (at the article's time). */
  | 'current'
  /** "President X" used as a title: holds it at the time of the sentence, usually now. */
  | 'title'
  /** "X, who took office in July 2024": holds it since a date. */
  | 'since'
  /** "former President X", or the predecessor in "who succeeded X": does not hold it now. */
  | 'former';

/** One (office, holder, time, evidence) claim read from an article. */
export interface OfficeClaim {
  readonly article: string;
  /** Normalised role, lower case: "president", "foreign minister". */
  readonly title: string;
  /** Country or organisation the office belongs to when the text states it ("Norway"), as written or resolved from a demonym. */
  readonly jurisdiction: string | null;
  /** In-article entity id of the holder. */
  readonly holder: string;
  /** The holder's name as the article gives it (fullest form). */
  readonly holderName: string;
  readonly status: OfficeClaimStatus;
  /** For `since`: the start date (TimeML value); for `former` from a succession: the end date. */
  readonly date: string | null;
  /** The words that carry the claim. */
  readonly evidence: Span;
}

/** A word matched with either case of its first letter ("President" / "president"), so names stay case-sensitive. */
function anyCase(words: string): string {
  return words.replace(/\b(\p{L})/gu, (ch) => `[${ch.toUpperCase()}${ch.toLowerCase()}]`);
}
/** Office titles recognised before or after a name. Ministers take one qualifying word ("Foreign Minister"). */
const TITLES = ['president', 'prime minister', 'premier', 'chancellor', 'supreme leader', 'king', 'queen', 'emir', 'governor', 'mayor', 'secretary of state'];
const TITLE = String.raw`(?:(?:${anyCase('vice')}|${anyCase('deputy')})\s+)?(?:${TITLES.map(anyCase).join('|').replace(/ /g, String.raw`\s+`)}|${anyCase('secretary')}[-\s]${anyCase('general')}|\p{L}+\s+${anyCase('minister')})`;
/** How every title of TITLE ends: its last word but the first letter (either case there). */
const TITLE_ENDINGS = [...TITLES, 'secretary general', 'minister'].map((t) => t.split(' ').pop()!.slice(1));
/** Words before "minister" that are not a portfolio. */
const NOT_PORTFOLIO = new Set(['the', 'a', 'an', 'former', 'then', 'current', 'new', 'his', 'her', 'its', 'their', 'our', 'whose', 'of', 'and', 'as', 'late', 'acting', 'sitting', 'incumbent', 'interim', 'outgoing', 'why', 'that', 'when', 'while']);
const STATUS = `(?:${['former', 'current', 'incumbent', 'sitting', 'then', 'ex', 'late', 'outgoing', 'acting', 'interim', 'new'].map(anyCase).join('|')})`;
/** A jurisdiction written before the title: a possessive name ("Norway's"), a demonym or an abbreviation ("Kenyan", "U.S."). */
const JURIS = String.raw`(?:(?<poss>\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,2})['’]s|(?<adj>\p{Lu}\p{Ll}+(?:an|ian|ese|i|ish|ch)|\p{Lu}\.?\p{Lu}\.?(?:\p{Lu}\.?)?))`;
const NAME_AFTER_OF = String.raw`(?:the\s+)?\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*){0,2}`;

/** "[status] [jurisdiction] [status] Title[,]" ending right before a name. */
const TITLE_BEFORE_NAME = new RegExp(
  String.raw`(?:\b(?<s1>${STATUS})[-\s]+)?(?:${JURIS}\s+)?(?:(?<s2>${STATUS})[-\s]+)?(?<![\p{L}])(?<title>${TITLE})(?<comma>\s*,)?\s*$`,
  'u',
);
/** "[jurisdiction's] current Title [of C] is" ending right before a name. */
const COPULA_BEFORE_NAME = new RegExp(
  String.raw`(?:${JURIS}\s+|\b[Tt]he\s+)(?:(?<s2>current|incumbent|sitting)\s+)?(?<title>${TITLE})(?:\s+of\s+(?<of>${NAME_AFTER_OF}))?\s+(?:is|remains)\s+(?:now\s+)?$`,
  'u',
);
/** ", [the] [status] [jurisdiction] Title [of C]" right after a name. */
const TITLE_AFTER_NAME = new RegExp(
  String.raw`^\s*,\s*(?:(?:the|a)\s+)?(?:(?<s1>${STATUS})[-\s]+)?(?:${JURIS}\s+)?(?:(?<s2>${STATUS})[-\s]+)?(?<title>${TITLE})(?:\s+of\s+(?<of>${NAME_AFTER_OF}))?(?![\p{L}])`,
  'u',
);
/*
 * The two patterns that end right before a name are tried from every point of the words before
 * it, for every name of the article: most of the time these, on the end of the words alone, say
 * they cannot match. (String trimming removes what \s matches.)
 */
/** Words that may end in a title, and a comma, before a name (TITLE_BEFORE_NAME). */
function mayEndInTitle(left: string): boolean {
  const end = left.trimEnd();
  const title = end.endsWith(',') ? end.slice(0, -1).trimEnd() : end;
  return TITLE_ENDINGS.some((e) => title.endsWith(e));
}
/** Words that may end in "is", "remains" or "is now" before a name (COPULA_BEFORE_NAME). */
function mayEndInCopula(left: string): boolean {
  const end = left.trimEnd();
  return end.endsWith('is') || end.endsWith('remains') || end.endsWith('now');
}
/** "who took office in …", "became prime minister in …", "who succeeded Y in …" after a name (and its appositive). */
const TOOK_OFFICE = /^(?:\s*,[^,.;]{0,80})?\s*,?\s*(?:who\s+)?(?<verb>took office|assumed office|came to power|was (?:elected|sworn in|inaugurated|appointed)|became|succeeded|replaced)\b/u;

/** The longest time between a clause start and its date that still reads as one clause. */
const MAX_SINCE_CLAUSE = 90;

export interface ExtractOfficeOptions {
  /** Names of places in the story, in tiers tried in order (places first, then other names), to read demonyms against. */
  readonly jurisdictions?: readonly (readonly string[])[];
}

function normaliseTitle(title: string): string | null {
  const t = fold(title).replace(/[\s-]+/g, ' ').trim();
  const m = /^(\p{L}+) minister$/u.exec(t);
  if (m && m[1] !== 'prime' && NOT_PORTFOLIO.has(m[1]!)) return null;
  return t;
}

function statusOf(word: string | undefined, fallback: OfficeClaimStatus): OfficeClaimStatus | null {
  if (!word) return fallback;
  const w = word.toLowerCase();
  if (w === 'current' || w === 'incumbent' || w === 'sitting') return 'current';
  if (w === 'former' || w === 'ex' || w === 'late' || w === 'outgoing') return 'former';
  // "then-President X" dates the title to a past event and says nothing about now.
  if (w === 'then') return null;
  return fallback;
}

/** Well-known abbreviations and demonyms whose country name is not their stem. */
const JURISDICTION_ALIASES: Readonly<Record<string, string>> = {
  us: 'United States', usa: 'United States', america: 'United States', american: 'United States', 'united states': 'United States',
  uk: 'United Kingdom', britain: 'United Kingdom', british: 'United Kingdom', 'great britain': 'United Kingdom', 'united kingdom': 'United Kingdom',
  french: 'France', dutch: 'Netherlands', swiss: 'Switzerland', greek: 'Greece', turkish: 'Turkey', turkiye: 'Turkey',
  eu: 'European Union', un: 'United Nations',
};

/**
 * A jurisdiction as one key: aliases ("U.S." → United States), demonyms matched against the
 * story's place names ("Kenyan" → Kenya: the demonym starts with the name less a final vowel),
 * else the name itself.
 */
export function normaliseJurisdiction(raw: string, known: readonly (readonly string[])[]): string {
  const cleaned = raw.replace(/^the\s+/i, '').replace(/['’]s$/, '').trim();
  const key = fold(cleaned).replace(/\./g, '');
  const alias = JURISDICTION_ALIASES[key];
  if (alias) return alias;
  // A demonym reads as the place whose name it starts with ("Kenyan" → Kenya), in preference to itself.
  let exact: string | null = null;
  for (const tier of tierIndexes(known)) {
    exact ??= tier.exact.get(key) ?? null;
    let best: string | null = null;
    for (const { name, k, stemLen } of tier.byPrefix.get(key.slice(0, MIN_DEMONYM_STEM)) ?? []) {
      if (k.length < key.length && key.startsWith(k.slice(0, stemLen)) && (!best || name.length > best.length)) best = name;
    }
    if (best) return JURISDICTION_ALIASES[fold(best)] ?? best;
  }
  return exact ?? cleaned;
}

/** A demonym shares at least this many letters with its place's name ("Keny-an"). */
const MIN_DEMONYM_STEM = 4;

interface TierIndex {
  /** The first name of the tier with each key. */
  readonly exact: ReadonlyMap<string, string>;
  /** Names a demonym may stem from, by their first letters, in tier order. */
  readonly byPrefix: ReadonlyMap<string, readonly { name: string; k: string; stemLen: number }[]>;
}

/** Each tier's names indexed once per list of tiers (one per story), not scanned for every title. */
const tierCache = new WeakMap<readonly (readonly string[])[], readonly TierIndex[]>();

function tierIndexes(known: readonly (readonly string[])[]): readonly TierIndex[] {
  let tiers = tierCache.get(known);
  if (tiers) return tiers;
  tiers = known.map((tier) => {
    const exact = new Map<string, string>();
    const byPrefix = new Map<string, { name: string; k: string; stemLen: number }[]>();
    for (const name of tier) {
      const k = fold(name).replace(/\./g, '');
      if (!exact.has(k)) exact.set(k, name);
      const stemLen = /[aeiouy]$/.test(k) && k.length > 4 ? k.length - 1 : k.length;
      if (stemLen < MIN_DEMONYM_STEM) continue;
      const prefix = k.slice(0, MIN_DEMONYM_STEM);
      (byPrefix.get(prefix) ?? byPrefix.set(prefix, []).get(prefix)!).push({ name, k, stemLen });
    }
    return { exact, byPrefix };
  });
  tierCache.set(known, tiers);
  return tiers;
}

function jurisdictionOf(groups: Record<string, string | undefined>, known: readonly (readonly string[])[]): string | null {
  const raw = groups.of ?? groups.poss ?? groups.adj;
  // The patterns run case-insensitively for the titles, so a lower-case word can land here: not a name.
  const name = raw?.replace(/^the\s+/i, '');
  return name && /^\p{Lu}/u.test(name) ? normaliseJurisdiction(name, known) : null;
}

/** A time value that starts inside [start, end). */
function timeIn(doc: Doc, start: number, end: number): string | null {
  const t = (doc.layers.times ?? []).find((x) => x.start >= start && x.start < end && x.value && /^\d{4}/.test(x.value));
  return t?.value ?? null;
}

/**
 * Read office-holder claims from one article: titles before names ("Kenyan President X",
 * "former President Y", "the foreign minister, Z"), appositives after names ("X, the foreign
 * minister"), "the current president is X", and "X, who took office in July 2024" /
 * "who succeeded Y in March 2023" (Y then holds the same office no longer).
 */
export function extractOfficeClaims(doc: Doc, options: ExtractOfficeOptions = {}): OfficeClaim[] {
  const known = options.jurisdictions ?? [];
  const names = new Map((doc.layers.entityIndex ?? []).map((e) => [e.id, e.name]));
  // Any mention type: a title in front of a name says it is a person even when the tagger said otherwise.
  const persons = (doc.layers.entities ?? []).filter((m) => m.type !== 'GPE');
  const claims: OfficeClaim[] = [];
  const add = (c: Omit<OfficeClaim, 'article' | 'holderName'>): void => {
    claims.push({ ...c, article: doc.id, holderName: names.get(c.holder) ?? doc.text.slice(c.evidence.start, c.evidence.end) });
  };

  for (const m of persons) {
    const sentence = sentenceAt(doc, m.start);
    const left = doc.text.slice(sentence.start, m.start);
    const right = doc.text.slice(m.end, sentence.end);
    let title: string | null = null;
    let jurisdiction: string | null = null;

    const copula = mayEndInCopula(left) ? COPULA_BEFORE_NAME.exec(left) : null;
    const before = copula || !mayEndInTitle(left) ? null : TITLE_BEFORE_NAME.exec(left);
    if (copula) {
      title = normaliseTitle(copula.groups!.title!);
      jurisdiction = jurisdictionOf(copula.groups!, known);
      if (title) add({ title, jurisdiction, holder: m.entity, status: 'current', date: null, evidence: { start: sentence.start + copula.index, end: m.end } });
    } else if (before) {
      const g = before.groups!;
      title = normaliseTitle(g.title!);
      jurisdiction = jurisdictionOf(g, known);
      const status = statusOf(g.s1 ?? g.s2, 'title');
      if (title && status) add({ title, jurisdiction, holder: m.entity, status, date: null, evidence: { start: sentence.start + before.index, end: m.end } });
    }

    // An appositive after a place or organisation is usually the next item of a list, not its title.
    const after = m.type === 'PERSON' ? TITLE_AFTER_NAME.exec(right) : null;
    if (after) {
      const g = after.groups!;
      const t = normaliseTitle(g.title!);
      const status = statusOf(g.s1 ?? g.s2, 'title');
      if (t && status) {
        title ??= t;
        jurisdiction ??= jurisdictionOf(g, known);
        add({ title: t, jurisdiction: jurisdictionOf(g, known), holder: m.entity, status, date: null, evidence: { start: m.start, end: m.end + after.index + after[0].length } });
      }
    }

    const took = TOOK_OFFICE.exec(right);
    if (took) {
      const verbAt = m.end + took.index + took[0].length - took.groups!.verb!.length;
      const clauseEnd = Math.min(sentence.end, verbAt + MAX_SINCE_CLAUSE, ...[',', ';'].map((c) => { const i = doc.text.indexOf(c, verbAt); return i < 0 ? Infinity : i; }));
      const date = timeIn(doc, verbAt, clauseEnd);
      const verb = took.groups!.verb!.toLowerCase();
      const inVerb = new RegExp(String.raw`^(?:${JURIS}\s+)?(?<title>${TITLE})`, 'u').exec(doc.text.slice(verbAt + verb.length, clauseEnd).trimStart());
      const t = inVerb ? normaliseTitle(inVerb.groups!.title!) : title;
      const j = inVerb ? jurisdictionOf(inVerb.groups!, known) ?? jurisdiction : jurisdiction;
      if (t && date) {
        const evidenceStart = before ? sentence.start + before.index : m.start;
        add({ title: t, jurisdiction: j, holder: m.entity, status: 'since', date, evidence: { start: evidenceStart, end: clauseEnd } });
        if (verb === 'succeeded' || verb === 'replaced') {
          const predecessor = persons.find((p) => p.start >= verbAt && p.end <= clauseEnd && p.entity !== m.entity);
          if (predecessor) add({ title: t, jurisdiction: j, holder: predecessor.entity, status: 'former', date, evidence: { start: evidenceStart, end: clauseEnd } });
        }
      }
    }
  }
  return claims;
}
