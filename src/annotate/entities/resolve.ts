import type { Span } from '../../core/index.js';
import { MAX_TITLE_WORDS, normaliseTitle, roleNoun } from './titles.js';

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'OTHER';
export type MentionForm = 'name' | 'surname' | 'acronym' | 'title' | 'pronoun';

/** A mention found by the tagger, before resolution. */
export interface RawMention extends Span {
  readonly type: EntityType;
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
    } else {
      const key = surface.toLowerCase();
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
      if (!cluster) {
        cluster = newCluster(m.type, surface.split(/\s+/));
        cluster.name = surface;
        byKey.set(key, cluster);
      }
      // "Joint Plan of Action (JPA)": the bracketed short form names the same entity from here on
      const bracket = /^\s*\(([A-Z][A-Za-z.&]{1,9})\)/.exec(text.slice(m.end, m.end + 16));
      if (bracket && SHORT_FORM.test(bracket[1]!.replace(/[a-z&]/g, '')) && form !== 'acronym') {
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
  linkTitles(text, assigned);
  addTitleMentions(text, assigned);

  // number the entities in order of first mention, after merges
  assigned.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const ids = new Map<Cluster, string>();
  for (const a of assigned) if (!ids.has(a.cluster)) ids.set(a.cluster, `e${ids.size + 1}`);
  const mentions = assigned.map((a) => ({ start: a.span.start, end: a.span.end, type: a.cluster.type, entity: ids.get(a.cluster)!, form: a.form }));
  const entities = [...ids].map(([c, id]) => ({ id, name: c.name, type: c.type, ...(c.titles.size ? { titles: [...c.titles] } : {}) }));
  return { mentions, entities };
}

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

/** "the foreign minister", "Iran's president": a title mention of the one person the article gave that title. */
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
