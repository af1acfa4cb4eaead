import type { Span } from '../../core/index.js';
import { MAX_TITLE_WORDS, normaliseTitle, roleNoun } from './titles.js';
import { countriesDescribedAs, countriesWithCapital, countryNamed, isDemonym } from './countries.js';

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'OTHER';
export type MentionForm = 'name' | 'surname' | 'acronym' | 'title' | 'pronoun';

/** A mention found by the tagger, before resolution. */
export interface RawMention extends Span {
  readonly type: EntityType;
  /** Found by a pattern that says what kind of name it is ("the city of …"), not by the tagger's guess. */
  readonly byRule?: boolean;
}

export interface ResolvedMention extends Span {
  readonly type: EntityType;
  readonly entity: string;
  readonly form: MentionForm;
}

export interface ResolvedEntity {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  readonly titles?: string[];
  /** On a capital: the id of the article's entity for its country (see `ArticleEntity.standsFor`). */
  readonly standsFor?: string;
}

/** Honorifics dropped when comparing person names: "Dr. Ali Example" is "Ali Example". */
const HONORIFIC = /^(?:mr|mrs|ms|miss|dr|prof|sir|dame|gen|lt|col|maj|capt|sgt|adm|sen|rep|gov|rev|president|minister|sheikh|ayatollah|king|queen|prince|princess)\.?$/i;
/** Small words skipped when reading an initialism from a long name ("Joint Plan of Action" → JPA). */
const INITIALISM_SKIP = /^(?:of|the|and|for|on|in|to|de|&)$/i;
/** A short form that can stand for a long one: capitals, optionally dotted ("U.S.", "JPA", "UN"). */
const SHORT_FORM = /^(?:[A-Z]\.?){2,8}$/;

interface Cluster {
  id: string;
  type: EntityType;
  /** Name tokens of the fullest name seen. */
  nameTokens: string[];
  name: string;
  titles: Set<string>;
  /** Order of the last mention, so a surname goes to the person named most recently. */
  lastSeen: number;
  /** The country code (`world-countries` cca3) when the entity is a country. */
  country?: string;
}

function nameTokens(text: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  while (words.length > 1 && HONORIFIC.test(words[0]!)) words.shift();
  return words.map((w) => w.replace(/(?:'s|’s)$/, ''));
}

function stripArticle(text: string): string {
  return text.replace(/^the\s+/i, '').replace(/\s+/g, ' ').trim();
}

function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w && !INITIALISM_SKIP.test(w) && /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

function lettersOf(short: string): string {
  return short.replace(/\./g, '');
}

/**
 * The bracketed capitals can abbreviate the name: they start with its first letter and their letters come in its
 * order ("Joint Plan of Action (JPA)"), unlike an agency's mark after a dateline ("WASHINGTON (AP)").
 */
function abbreviates(acronym: string, name: string): boolean {
  const letters = acronym.replace(/[^A-Za-z]/g, '').toLowerCase();
  const words = name.toLowerCase();
  if (letters[0] !== words[0]) return false;
  let at = 0;
  for (const c of letters) {
    at = words.indexOf(c, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** The name is written in capitals only, and `other` is the same name in ordinary case ("WASHINGTON", "Washington"). */
const isCapsOf = (name: string, other: string): boolean =>
  name !== other && name === name.toUpperCase() && /\p{Ll}/u.test(other) && other !== other.toUpperCase() && name.toLowerCase() === other.toLowerCase() && !SHORT_FORM.test(other);

/**
 * Resolve mentions to in-article entities: full name then surname, acronyms
 * introduced in brackets or formed from a long name, "the United States" /
 * "U.S." variants, and title mentions ("the foreign minister") of a named holder.
 * Two people sharing a first name are never merged.
 */
export function resolveEntities(text: string, raw: readonly RawMention[]): { mentions: ResolvedMention[]; entities: ResolvedEntity[] } {
  const clusters: Cluster[] = [];
  const byKey = new Map<string, Cluster>();
  const assigned: { span: RawMention; cluster: Cluster; form: MentionForm }[] = [];
  const newCluster = (type: EntityType, tokens: string[]): Cluster => {
    const c: Cluster = { id: `e${clusters.length + 1}`, type, nameTokens: tokens, name: tokens.join(' '), titles: new Set(), lastSeen: 0 };
    clusters.push(c);
    return c;
  };
  const acronyms = new Map<string, Cluster>();
  const sorted = [...raw].sort((a, b) => a.start - b.start || b.end - a.end);
  const covered = (s: Span): boolean => sorted.some((m) => m.start < s.end && s.start < m.end);
  const extra: RawMention[] = [];

  sorted.forEach((m, order) => {
    const surface = stripArticle(text.slice(m.start, m.end));
    let cluster: Cluster | undefined;
    let form: MentionForm = 'name';
    if (m.type === 'PERSON') {
      const tokens = nameTokens(surface);
      const persons = clusters.filter((c) => c.type === 'PERSON');
      const key = tokens.join(' ').toLowerCase();
      cluster = persons.find((c) => c.nameTokens.join(' ').toLowerCase() === key);
      if (!cluster && tokens.length === 1) {
        const bySurname = persons
          .filter((c) => c.nameTokens.length > 1 && c.nameTokens[c.nameTokens.length - 1]!.toLowerCase() === key)
          .sort((a, b) => b.lastSeen - a.lastSeen);
        cluster = bySurname[0];
        if (cluster) form = 'surname';
      }
      if (!cluster && tokens.length > 1) {
        // a surname met first ("Example said …", then "Ali Example") or a name inside a longer one
        cluster = persons.find((c) => c.nameTokens.length === 1 && c.nameTokens[0]!.toLowerCase() === tokens[tokens.length - 1]!.toLowerCase());
        cluster ??= persons.find((c) => c.nameTokens.length > 1 && key.endsWith(' ' + c.nameTokens.join(' ').toLowerCase()));
        if (cluster && tokens.length > cluster.nameTokens.length) {
          cluster.nameTokens = tokens;
          cluster.name = tokens.join(' ');
        }
      }
      cluster ??= newCluster('PERSON', tokens);
      if (isCapsOf(cluster.name, tokens.join(' '))) {
        // "By JANE HOLT" above the article: the name as the text writes it elsewhere
        cluster.nameTokens = tokens;
        cluster.name = tokens.join(' ');
      }
    } else {
      // "US", "U.S.", "the United States" and "United States of America" are one country
      const country = m.type === 'GPE' || m.type === 'LOC' ? countryNamed(surface) : undefined;
      const key = country ? 'country:' + country : surface.toLowerCase();
      cluster = acronyms.get(surface) ?? byKey.get(key);
      if (cluster && acronyms.get(surface) === cluster) form = 'acronym';
      // a lone word that is the surname of a person already named is that person, whatever the tagger said
      if (!cluster && !surface.includes(' ')) {
        const person = clusters
          .filter((c) => c.type === 'PERSON' && c.nameTokens.length > 1 && c.nameTokens[c.nameTokens.length - 1] === surface)
          .sort((a, b) => b.lastSeen - a.lastSeen)[0];
        if (person) {
          cluster = person;
          form = 'surname';
        }
      }
      // "the Chinese Commerce Ministry", then "the Commerce Ministry": the body named without its country is the one
      // body of the article named with it (two countries' ministries leave the bare name apart)
      if (!cluster && m.type === 'ORG' && surface.includes(' ')) {
        const qualified = clusters.filter((c) => c.type === 'ORG' && c.name.toLowerCase().endsWith(` ${surface.toLowerCase()}`)
          && isCountryWord(c.name.slice(0, c.name.length - surface.length).trim()));
        if (qualified.length === 1) cluster = qualified[0];
      }
      // "Storm Daniel", then "Daniel": a lone word ending a name of no person, place or body already named is that name
      if (!cluster && m.type === 'OTHER' && !surface.includes(' ')) {
        cluster = clusters
          .filter((c) => c.type === 'OTHER' && c.nameTokens.length > 1 && c.nameTokens[c.nameTokens.length - 1] === surface)
          .sort((a, b) => b.lastSeen - a.lastSeen)[0];
      }
      if (!cluster) {
        cluster = newCluster(country ? 'GPE' : m.type, surface.split(/\s+/));
        cluster.name = surface;
        if (country) cluster.country = country;
        byKey.set(key, cluster);
      } else if (country && surface.length > cluster.name.length && !SHORT_FORM.test(surface)) {
        // the fullest written name names the entity ("United States" over "US")
        cluster.name = surface;
      } else if (isCapsOf(cluster.name, surface)) {
        // a dateline's "WASHINGTON" is named as the text writes it elsewhere: "Washington"
        cluster.name = surface;
        cluster.nameTokens = surface.split(/\s+/);
      }
      // "Joint Plan of Action (JPA)": the bracketed short form names the same entity from here on
      const bracket = /^\s*\(([A-Z][A-Za-z.&]{1,9})\)/.exec(text.slice(m.end, m.end + 16));
      if (bracket && SHORT_FORM.test(bracket[1]!.replace(/[a-z&]/g, '')) && form !== 'acronym' && abbreviates(bracket[1]!, surface)) {
        acronyms.set(bracket[1]!, cluster);
        const start = m.end + bracket[0].indexOf(bracket[1]!);
        const span = { start, end: start + bracket[1]!.length, type: cluster.type };
        if (!covered(span)) extra.push(span);
      }
    }
    cluster.lastSeen = order;
    assigned.push({ span: m, cluster, form });
  });

  // later uses of a bracketed acronym the tagger missed
  for (const [acronym, cluster] of acronyms) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${acronym.replace(/[.&]/g, (c) => '\\' + c)}(?![\\p{L}\\p{N}])`, 'gu');
    for (const match of text.matchAll(pattern)) {
      const span = { start: match.index, end: match.index + acronym.length, type: cluster.type };
      if (!covered(span) && !extra.some((e) => e.start === span.start)) extra.push(span);
    }
  }
  for (const span of extra) {
    const cluster = acronyms.get(text.slice(span.start, span.end))!;
    assigned.push({ span, cluster, form: 'acronym' });
  }

  mergeInitialisms(text, clusters, assigned);
  linkStateNames(text, clusters, assigned);
  linkTitles(text, assigned);
  addTitleMentions(text, assigned);

  // number the entities in order of first mention, after merges
  assigned.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const ids = new Map<Cluster, string>();
  for (const a of assigned) if (!ids.has(a.cluster)) ids.set(a.cluster, `e${ids.size + 1}`);
  const mentions = assigned.map((a) => ({ start: a.span.start, end: a.span.end, type: a.cluster.type, entity: ids.get(a.cluster)!, form: a.form }));
  const capitals = capitalLinks([...ids.keys()]);
  const entities = [...ids].map(([c, id]) => {
    const country = capitals.get(c);
    return { id, name: c.name, type: c.type, ...(c.titles.size ? { titles: [...c.titles] } : {}), ...(country ? { standsFor: ids.get(country)! } : {}) };
  });
  return { mentions, entities };
}

/** A demonym or a country's name (possessive allowed): "Chinese", "China's", "the United States'". */
function isCountryWord(words: string): boolean {
  const bare = words.replace(/['’]s?$/, '');
  return isDemonym(bare) || countryNamed(bare) !== undefined;
}

/**
 * A capital (GPE) and the country it is the capital of, when the article names both:
 * the capital may stand for that country's government ("Corvel said …").
 */
function capitalLinks(clusters: readonly Cluster[]): Map<Cluster, Cluster> {
  const byCountry = new Map<string, Cluster>();
  for (const c of clusters) if (c.country && !byCountry.has(c.country)) byCountry.set(c.country, c);
  const links = new Map<Cluster, Cluster>();
  for (const c of clusters) {
    if (c.type !== 'GPE' || c.country) continue;
    const country = countriesWithCapital(c.name).map((code) => byCountry.get(code)).find(Boolean);
    if (country) links.set(c, country);
  }
  return links;
}

/** "the Islamic Republic", "the Kingdom": a state's descriptive name, written without its country. */
const STATE_NAME = /(?<![\p{L}])(?:[Tt]he\s+)((?:\p{Lu}[\p{L}'’-]+\s+){0,2}(?:Republic|Kingdom|Federation|Emirates|Sultanate|Principality|Commonwealth|Confederation|Jamahiriya))(?![\p{L}])(?!\s+(?:of\b|\p{Lu}))/gu;

/**
 * A state's descriptive name standing for a country the article names: "the Islamic
 * Republic" for the country whose official name is "Islamic Republic of …", "the Kingdom"
 * for the one kingdom named. It joins that country's entity (the most recently named one
 * when several fit), whether the tagger found it (with any type) or not.
 */
function linkStateNames(text: string, clusters: Cluster[], assigned: { span: RawMention; cluster: Cluster; form: MentionForm }[]): void {
  const countries = clusters.filter((c) => c.country);
  if (countries.length === 0 || !STATE_FORM_WORD.test(text)) return;
  const countryBefore = (codes: readonly string[], at: number): Cluster | undefined => {
    let best: { cluster: Cluster; at: number } | undefined;
    for (const a of assigned) {
      const code = a.cluster.country;
      if (!code || !codes.includes(code)) continue;
      // the country named last before the phrase, else the first named after it
      const key = a.span.start <= at ? at - a.span.start : 1e9 + a.span.start;
      if (!best || key < best.at) best = { cluster: a.cluster, at: key };
    }
    return best?.cluster;
  };
  for (const a of assigned) {
    if (a.cluster.country || a.cluster.type === 'PERSON') continue;
    const surface = stripArticle(text.slice(a.span.start, a.span.end));
    const codes = countriesDescribedAs(surface);
    const country = codes.length ? countryBefore(codes, a.span.start) : undefined;
    if (!country) continue;
    a.cluster = country;
    a.span = { ...a.span, start: a.span.end - surface.length, type: 'GPE' };
  }
  for (const m of text.matchAll(STATE_NAME)) {
    const start = m.index + m[0].length - m[1]!.length;
    const end = m.index + m[0].length;
    if (assigned.some((a) => a.span.start < end && start < a.span.end)) continue;
    const codes = countriesDescribedAs(m[1]!);
    const country = codes.length ? countryBefore(codes, start) : undefined;
    if (country) assigned.push({ span: { start, end, type: 'GPE' }, cluster: country, form: 'name' });
  }
}
const STATE_FORM_WORD = /Republic|Kingdom|Federation|Emirates|Sultanate|Principality|Commonwealth|Confederation|Jamahiriya/;

/** "U.S." / "US" joins "United States"; "JPA" joins "Joint Plan of Action": the short form is the long one's initialism. */
function mergeInitialisms(text: string, clusters: Cluster[], assigned: { span: RawMention; cluster: Cluster; form: MentionForm }[]): void {
  const longs = clusters.filter((c) => c.type !== 'PERSON' && c.name.includes(' '));
  for (const short of clusters) {
    if (short.type === 'PERSON' || !SHORT_FORM.test(short.name)) continue;
    const letters = lettersOf(short.name);
    const long = longs.find((l) => l !== short && initialsOf(l.name) === letters);
    if (!long) continue;
    for (const a of assigned) {
      if (a.cluster !== short) continue;
      a.cluster = long;
      a.form = 'acronym';
    }
  }
  void text;
}

/** Titles the article gives a named person: "Foreign Minister Ali Example", "Ali Example, the foreign minister". */
function linkTitles(text: string, assigned: { span: RawMention; cluster: Cluster; form: MentionForm }[]): void {
  for (const a of assigned) {
    if (a.cluster.type !== 'PERSON' || a.form !== 'name') continue;
    const before = text.slice(Math.max(0, a.span.start - 80), a.span.start).replace(/,\s*$/, '');
    const beforeWords = before.split(/\s+/).filter(Boolean);
    for (let n = Math.min(MAX_TITLE_WORDS, beforeWords.length); n >= 1; n--) {
      const words = beforeWords.slice(-n);
      if (/[.;:!?"“”]$/.test(words[0]!) || /(?:'s|’s)$/.test(words[0]!)) continue;
      const title = words.join(' ');
      if (roleNoun(title) && !/[.;:!?]/.test(title)) {
        a.cluster.titles.add(normaliseTitle(title));
        break;
      }
    }
    const after = /^\s*,\s*(?:the\s+|an?\s+|[\p{Lu}][\p{L}.-]*(?:'s|’s)\s+)((?:[\p{L}-]+\s+){0,3}[\p{L}-]+)/u.exec(text.slice(a.span.end, a.span.end + 80));
    if (after) {
      const words = after[1]!.split(/\s+/);
      for (let n = words.length; n >= 1; n--) {
        const title = words.slice(0, n).join(' ');
        if (roleNoun(title)) {
          a.cluster.titles.add(normaliseTitle(title));
          break;
        }
      }
    }
  }
}

/** "the foreign minister", "Kell's president": a title mention of the one person the article gave that title. */
function addTitleMentions(text: string, assigned: { span: RawMention; cluster: Cluster; form: MentionForm }[]): void {
  const holders = new Map<string, Set<Cluster>>();
  for (const a of assigned) for (const t of a.cluster.titles) holders.set(t, (holders.get(t) ?? new Set()).add(a.cluster));
  if (holders.size === 0) return;
  const taken = assigned.map((a) => a.span);
  const pattern = /(?<![\p{L}])(?:the|[\p{Lu}][\p{L}.-]*(?:'s|’s))\s+((?:[\p{L}-]+\s+){0,3}[\p{L}-]+)/giu;
  const found: { span: RawMention; cluster: Cluster; form: MentionForm }[] = [];
  for (const m of text.matchAll(pattern)) {
    const words = m[1]!.split(/\s+/);
    for (let n = words.length; n >= 1; n--) {
      const title = normaliseTitle(words.slice(0, n).join(' '));
      const who = holders.get(title);
      if (!who || who.size !== 1 || !roleNoun(title)) continue;
      const prefixEnd = m[0].length - m[1]!.length;
      const end = m.index + prefixEnd + words.slice(0, n).join(' ').length;
      // a title written into the name itself ("Foreign Minister Ali Example") is not a separate mention
      const next = text.slice(end).match(/^\s+(\p{Lu})/u);
      const span = { start: m.index, end, type: 'PERSON' as const };
      if (!next && !taken.some((s) => s.start < span.end && span.start < s.end)) {
        found.push({ span, cluster: [...who][0]!, form: 'title' });
      }
      break;
    }
  }
  assigned.push(...found);
}
