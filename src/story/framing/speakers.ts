import type { Doc } from '../../core/index.js';
import type { Quote } from '../../annotate/index.js';
import type { StoryContext } from '../types.js';
import { countryNamed } from '../entities/countries.js';

export type SpeakerKind = 'official' | 'analyst' | 'anonymous' | 'other';

/** One quoted source of an article. */
export interface QuotedSpeaker {
  /** Canonical story entity name, or a short description when nobody is named ("unnamed political analyst"). */
  readonly name: string;
  readonly kind: SpeakerKind;
  /** The country or organisation the speaker speaks for or works at, when the text says. */
  readonly side: string | null;
  /** Whether a named entity is the source. */
  readonly named: boolean;
  readonly quotes: number;
  /** How the article introduces the speaker: "Foreign Ministry spokesperson …", "a senior fellow at …". */
  readonly description: string;
}

/** Roles that speak for a government, party or public body. */
const OFFICIAL = /\b(?:president|vice[- ]president|prime minister|premier|minister|ministry|spokes(?:person|man|woman)|secretary|leader|chancellor|king|queen|emir|sultan|crown prince|ayatollah|ambassador|envoy|diplomat|governor|mayor|senator|congress(?:man|woman)|lawmaker|legislator|parliament(?:arian)?|deputy|mp|commander|general|chief of staff|cabinet|government|official|authorit(?:y|ies)|department|administration|white house|kremlin|council|commission(?:er)?|head of|chair(?:man|woman|person)?|director[- ]general|negotiator|delegation)\b/i;

/** Roles that comment from outside government: experts, scholars, think tanks. */
const ANALYST = /\b(?:analysts?|experts?|researchers?|research (?:fellow|director)|professor|lecturer|scholar|academic|fellow|economist|political scientist|think[- ]tank|institute|university|college|cent(?:er|re) for|foundation|observers?|commentator|columnist|consultant|strategist)\b/i;

/** Adjectives of nationality whose country name is not a prefix of them (Kenyan → Kenya is found by prefix). */
const DEMONYMS: Readonly<Record<string, string>> = {
  american: 'United States', us: 'United States', 'u.s.': 'United States', british: 'United Kingdom', uk: 'United Kingdom', french: 'France',
  dutch: 'Netherlands', swiss: 'Switzerland', swedish: 'Sweden', danish: 'Denmark', finnish: 'Finland', polish: 'Poland', spanish: 'Spain',
  turkish: 'Turkey', greek: 'Greece', irish: 'Ireland', welsh: 'Wales', scottish: 'Scotland', thai: 'Thailand', philippine: 'Philippines', filipino: 'Philippines',
  saudi: 'Saudi Arabia', emirati: 'United Arab Emirates', israeli: 'Israel', chinese: 'China', japanese: 'Japan', vietnamese: 'Vietnam', portuguese: 'Portugal',
  lebanese: 'Lebanon', sudanese: 'Sudan', norwegian: 'Norway', peruvian: 'Peru', belgian: 'Belgium', iraqi: 'Iraq', pakistani: 'Pakistan', afghan: 'Afghanistan',
};

/** How far around a speaker's name to look for a role or an affiliation, in characters. */
const DESCRIPTION_WINDOW = 90;

function speakerSpanText(doc: Doc, q: Quote): string {
  return q.speakerSpan ? doc.text.slice(q.speakerSpan.start, q.speakerSpan.end) : '';
}

/** The words around the first naming mention of a local entity: "Dr. X, a senior fellow at Y," or "Y's foreign minister X". */
function contextOfEntity(doc: Doc, localId: string): string {
  const mention = (doc.layers.entities ?? []).find((m) => m.entity === localId && m.form === 'name') ?? (doc.layers.entities ?? []).find((m) => m.entity === localId);
  if (!mention) return '';
  const sentence = (doc.layers.sentences ?? []).find((s) => s.start <= mention.start && mention.end <= s.end);
  const from = Math.max(sentence?.start ?? 0, mention.start - DESCRIPTION_WINDOW);
  const to = Math.min(sentence?.end ?? doc.text.length, mention.end + DESCRIPTION_WINDOW);
  return doc.text.slice(from, to);
}

/**
 * Classify a source from its titles and the words that introduce it. Own titles
 * decide first (an entity titled "foreign minister" is official even when the
 * sentence mentions an analyst); then the words that introduce it.
 */
export function classifySpeaker(args: { named: boolean; entityType?: string; titles: readonly string[]; description: string }): SpeakerKind {
  const titles = args.titles.join('; ');
  // A source the article does not name is anonymous whatever its role ("a prominent analyst", "officials").
  if (!args.named) return 'anonymous';
  if (titles && OFFICIAL.test(titles) && !ANALYST.test(titles)) return 'official';
  if (titles && ANALYST.test(titles)) return 'analyst';
  if (args.entityType === 'GPE') return 'official';
  if (ANALYST.test(args.description)) return 'analyst';
  if (OFFICIAL.test(args.description)) return 'official';
  if (args.entityType === 'ORG' && /\b(?:ministry|government|council|commission|agency|department|parliament|army|forces|police)\b/i.test(args.description)) return 'official';
  return 'other';
}

/** The GPE or ORG a speaker is attached to, from the entity mentions in its description or a nationality adjective. */
function findSide(doc: Doc, ctx: StoryContext, args: { localId?: string; entityType?: string; name: string; descriptionSpans: readonly { start: number; end: number }[]; description: string }): string | null {
  if (args.localId && (args.entityType === 'GPE' || args.entityType === 'ORG')) return args.name;
  for (const span of args.descriptionSpans) {
    const attached = (doc.layers.entities ?? []).find(
      (m) => (m.type === 'GPE' || m.type === 'ORG') && m.entity !== args.localId && m.start >= span.start && m.end <= span.end,
    );
    if (attached) return storyName(doc, ctx, attached.entity) ?? doc.text.slice(attached.start, attached.end);
  }
  const places = placesOf(ctx);
  for (const word of args.description.match(/\b\p{Lu}[\p{L}.]+/gu) ?? []) {
    const lower = word.toLowerCase().replace(/['’]s$/, '');
    if (DEMONYMS[lower]) return DEMONYMS[lower]!;
    // "Kenyan" is a demonym of Kenya: the place is the word less an ending; the first such place in story order wins.
    let byPrefix: { at: number; name: string } | undefined;
    for (let cut = lower.length - DEMONYM_ENDING_MAX; cut < lower.length; cut++) {
      for (const g of places.get(lower.slice(0, Math.max(0, cut))) ?? []) {
        if (g.name.length >= 4 && lower.length > g.name.length && lower.startsWith(g.name.toLowerCase()) && DEMONYM_ENDING.test(lower.slice(g.name.length)) && (!byPrefix || g.at < byPrefix.at)) byPrefix = g;
      }
    }
    if (byPrefix) return byPrefix.name;
  }
  return null;
}

/** Endings that make a demonym of a place name ("Kenya-n", "Sudan-ese"), and the longest of them. */
const DEMONYM_ENDING = /^(?:i?an|n|i|ese|ish)$/;
const DEMONYM_ENDING_MAX = 3;

/** The story's distinct place names by lower-case form, with their order: built once per entity table, not per speaker. */
const placeIndex = new WeakMap<StoryContext['entities'], ReadonlyMap<string, readonly { at: number; name: string }[]>>();

function placesOf(ctx: StoryContext): ReadonlyMap<string, readonly { at: number; name: string }[]> {
  let index = placeIndex.get(ctx.entities);
  if (!index) {
    const names = [...new Set(ctx.entities.entities.filter((e) => e.type === 'GPE' || e.type === 'LOC').map((e) => e.name))];
    const byLower = new Map<string, { at: number; name: string }[]>();
    names.forEach((name, at) => {
      const key = name.toLowerCase();
      (byLower.get(key) ?? byLower.set(key, []).get(key)!).push({ at, name });
    });
    placeIndex.set(ctx.entities, (index = byLower));
  }
  return index;
}

function storyName(doc: Doc, ctx: StoryContext, localId: string): string | undefined {
  const id = ctx.entities.resolve(doc.id, localId);
  const e = id ? ctx.entities.get(id) : undefined;
  return e?.name ?? doc.layers.entityIndex?.find((x) => x.id === localId)?.name;
}

/** A description of people (not a document, a country group or a stray phrase): "a source", "officials", "some analysts", "others". */
const HUMAN_SOURCE = /\b(?:sources?|officials?|analysts?|experts?|observers?|diplomats?|aides?|insiders?|person|persons|people|users?|residents?|witnesses?|members?|figures?|activists?|commentators?|critics?|supporters?|opponents?|spokes(?:person|man|woman)|ministers?|leaders?|lawmakers?|legislators?|economists?|researchers?|scholars?|academics?|advisers?|advisors?|negotiators?|staff|employees?|workers?|someone|somebody|others|some|many|camp|circles?|trends?|currents?|factions?|authorities|government|ministry|administration)\b/i;

/** "the country's official news agency", "official figures": "official" describing a document or an outlet, not a person. */
const OFFICIAL_AS_ADJECTIVE = /\bofficial\s+(?:news|media|agency|statement|figures?|data|website|account|channel|tally|toll|count|reports?|estimates?|statistics|results?)\b/i;

/** Nouns that end a description of unnamed people; a second one joined by "and" stays ("analysts and activists" are not "analysts"). */
const PEOPLE_HEAD = String.raw`(?:officials?|sources?|analysts?|experts?|diplomats?|authorities|residents?|ministers?|leaders?|people|users?|observers?|activists?|commentators?|economists?|researchers?|critics?|spokes\w+)`;
const UNNAMED_HEAD = new RegExp(String.raw`^((?:\S+\s+){0,3}?${PEOPLE_HEAD}(?:\s+(?:and|or)\s+(?:\S+\s+)?${PEOPLE_HEAD})?)\b.*$`, 'i');

/** Writings nobody is named as the author of, given without a definite article: "recent studies", "some official statistics". */
const UNNAMED_WRITINGS = /^(?:unnamed\s+)?(?:(?:some|several|many|recent|new|other|various|numerous|two|three|a|an)\s+)+(?:[\p{L}-]+\s+){0,2}?(?:studies|study|statistics|surveys?|polls?|estimates)$/iu;

/** People at large with only a quantifier ("many people", "some people"): a sentiment, not a source. */
const PEOPLE_AT_LARGE = /^(?:many|some|most|few|a few|several|other)\s+people$/i;

/**
 * The words that describe an unnamed speaker: the quote finder's short description, or the
 * article's own words when they say more that counts ("some analysts and activists", "some
 * official statistics").
 */
function describedAs(given: string | undefined, written: string): string {
  if (!given) return written;
  const w = written.trim();
  if (UNNAMED_WRITINGS.test(w) || new RegExp(String.raw`^(?:\S+\s+){0,3}?${PEOPLE_HEAD}\s+(?:and|or)\s+(?:\S+\s+)?${PEOPLE_HEAD}\b`, 'i').test(w)) return w;
  return given;
}

/** Whether a description the article gives of an unnamed speaker is a source: a person or group of people, or writings without an author. */
function unnamedSource(text: string): boolean {
  const t = text.trim();
  if (UNNAMED_WRITINGS.test(t)) return true;
  return HUMAN_SOURCE.test(t) && !OFFICIAL_AS_ADJECTIVE.test(t) && !PEOPLE_AT_LARGE.test(t);
}

/** A short description for a source nobody names: "unnamed political analyst", "unnamed Velmari officials". */
function describeUnnamed(text: string, doc: Doc): string {
  // The description ends at its first verb ("officials rule out talks" → "officials").
  const plain = text.replace(/\s+/g, ' ').replace(/^(?:unnamed|anonymous)\s+/i, '').replace(/,.*$/, '');
  // Writings keep their noun ("official statistics" are not "official").
  const cleaned = (UNNAMED_WRITINGS.test(plain.trim()) ? plain : plain.replace(UNNAMED_HEAD, '$1')).trim();
  if (/^(?:some|others|many|several|a few)$/i.test(cleaned)) return 'unnamed sources';
  const phrase = cleaned.replace(/^(?:a|an|one|the|some|several|two|three|many|other|these|those)\s+/i, '');
  if (!phrase) return 'unnamed source';
  // Lower-case the first word unless the article capitalises it mid-sentence too (a nationality, a name).
  const first = phrase.split(' ')[0]!;
  // a short form in capitals ("UN official") keeps its capitals
  const proper = /^\p{Lu}{2,}/u.test(first) || new RegExp(`[\\p{Ll},;] ${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'u').test(doc.text);
  return `unnamed ${proper ? phrase : phrase.charAt(0).toLowerCase() + phrase.slice(1)}`;
}

/** "Veskaria's leaders", "the country's government" written before the quote: a state's leadership as one speaker. */
const STATE_COLLECTIVE = /((?:\p{Lu}[\p{L}.]*[ \t]+){0,2}\p{Lu}[\p{L}.]*)['’]s\s+(leaders|leadership|government|rulers)\s*$/u;

function stateCollective(doc: Doc, q: Quote, text: string): string | undefined {
  const written = q.speakerSpan ? doc.text.slice(Math.max(0, q.speakerSpan.start - 40), q.speakerSpan.end) : '';
  for (const candidate of [written, text]) {
    const m = STATE_COLLECTIVE.exec(candidate.trim());
    if (!m) continue;
    // the state's name is the last words before the possessive ("… Negotiations Velda's leaders" is Velda's)
    const words = m[1]!.split(/[ \t]+/);
    for (let k = 0; k < words.length; k++) {
      const state = words.slice(k).join(' ');
      if (countryNamed(state)) return `${state}'s ${m[2]}`;
    }
  }
  return undefined;
}

/** The person a definite role ("the minister", "the spokesman") stands for: the one the article gives that title, when only one. */
function roleHolder(doc: Doc, text: string): { id: string; name: string } | undefined {
  const role = /^\s*the\s+(?:[\p{L}-]+\s+){0,2}?(minister|spokes\w+|president|mayor|governor|chief|head|director|secretary|ambassador|envoy|leader)\b/iu.exec(text)?.[1]?.toLowerCase();
  if (!role) return undefined;
  const holders = (doc.layers.entityIndex ?? []).filter((e) => e.type === 'PERSON' && (e.titles ?? []).some((t) => t.toLowerCase().includes(role)));
  return holders.length === 1 ? { id: holders[0]!.id, name: holders[0]!.name } : undefined;
}

/** Group an article's quotes by source and say who each source is. */
export function describeSpeakers(doc: Doc, ctx: StoryContext): QuotedSpeaker[] {
  const bySource = new Map<string, { name: string; localId?: string; entityType?: string; named: boolean; quotes: Quote[] }>();
  for (const q of doc.layers.quotes ?? []) {
    let key: string;
    let name: string;
    let named = false;
    let entityType: string | undefined;
    if (q.speaker) {
      name = storyName(doc, ctx, q.speaker) ?? q.speaker;
      entityType = doc.layers.entityIndex?.find((x) => x.id === q.speaker)?.type;
      named = true;
      key = `e:${name}`;
    } else {
      const text = describedAs(q.speakerText, speakerSpanText(doc, q));
      // An unresolved pronoun says nothing about who the source is.
      if (!text || /^(?:he|she|they|it|we|i|him|her|them)$/i.test(text.trim())) continue;
      // A document, a collective or a stray phrase ("the report", "European countries") is not a person quoted.
      if (!unnamedSource(text)) continue;
      // "the minister" when the article names its minister is that person, not an anonymous source.
      const holder = roleHolder(doc, text);
      const collective = holder ? undefined : stateCollective(doc, q, text);
      if (collective) {
        // "Kell's leaders": a state's leadership speaking as one, named by its state, not an unnamed source.
        name = collective;
        entityType = 'GPE';
        named = true;
        key = `c:${collective.toLowerCase()}`;
      } else if (holder) {
        name = storyName(doc, ctx, holder.id) ?? holder.name;
        entityType = 'PERSON';
        named = true;
        key = `e:${name}`;
      } else {
        name = describeUnnamed(text, doc);
        // One group whether the article says "official" or "officials".
        key = `u:${name.replace(/s$/, '')}`;
      }
    }
    const entry = bySource.get(key) ?? { name, localId: q.speaker, entityType, named, quotes: [] };
    entry.quotes.push(q);
    bySource.set(key, entry);
  }
  const result: QuotedSpeaker[] = [];
  for (const s of bySource.values()) {
    const spans = s.quotes.flatMap((q) => (q.speakerSpan ? [q.speakerSpan] : []));
    const spanTexts = spans.map((sp) => doc.text.slice(sp.start, sp.end));
    const nameContext = s.localId ? contextOfEntity(doc, s.localId) : '';
    const description = [...new Set([...spanTexts, ...(s.quotes.map((q) => q.speakerText ?? '')), nameContext])].filter(Boolean).join(' | ');
    const titles = s.localId ? titlesOf(doc, ctx, s.localId) : [];
    const kind = classifySpeaker({ named: s.named, entityType: s.entityType, titles, description: s.named ? description : [...spanTexts, s.name].join(' | ') });
    const side = findSide(doc, ctx, { localId: s.localId, entityType: s.entityType, name: s.name, descriptionSpans: spans, description });
    result.push({ name: s.name, kind, side, named: s.named, quotes: s.quotes.length, description: spanTexts.find((t) => t.length > s.name.length) ?? spanTexts[0] ?? s.name });
  }
  return result;
}

function titlesOf(doc: Doc, ctx: StoryContext, localId: string): string[] {
  const local = doc.layers.entityIndex?.find((x) => x.id === localId)?.titles ?? [];
  const id = ctx.entities.resolve(doc.id, localId);
  const story = id ? ctx.entities.get(id)?.titles ?? [] : [];
  return [...new Set([...local, ...story])];
}
