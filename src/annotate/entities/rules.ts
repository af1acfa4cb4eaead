import type { RawMention } from './resolve.js';
import { countryNamed, isDemonym } from './countries.js';
import { isInitialismOf } from './acronym.js';

/** Capitalised titles that, written before a capitalised name, make it a person. */
const PERSON_TITLE = /(?:\b(?:President|Prime Minister|Minister|Foreign Minister|Chancellor|Senator|Sen\.|Rep\.|Gov\.|Governor|Mayor|Dr\.|Mr\.|Mrs\.|Ms\.|Gen\.|Ambassador|King|Queen|Prince|Pope|Ayatollah|Sheikh|Judge|Spokesman|Spokeswoman|Spokesperson)\s+)((?:\p{Lu}[\p{L}'’-]+\s+){0,2}\p{Lu}[\p{L}'’-]+)/gu;
/** Whitespace inside a name: spaces or one line break, never a blank line (a name does not run across paragraphs). */
const GAP = String.raw`(?:[^\S\n]|\n(?![^\S\n]*\n))+`;
/** Heads of organisation names written "<head> of <name>": "Ministry of Foreign Affairs", "Federation of Velda Clubs". */
const ORG_HEAD_OF = 'Ministry|Department|Office|Council|Agency|Organi[sz]ation|Committee|Commission|Bank|University|Court|Parliament|Assembly|Party|Institute|Federation|Association|Society|Bureau|Authority|Board|Directorate|Centre|Center|Academy|College|Foundation|Fund|Service';
/** Heads of organisation names written "<name> <head>": "Foreign Ministry", "Velda Times", "Kaspi Weather Service". */
const ORG_HEAD = 'Ministry|Agency|Council|Organi[sz]ation|Committee|Commission|Corporation|Company|Party|University|Institute|Guards?|Forces|Army|Navy|Parliament|Court|Authority|Bureau|Association|Societ(?:y|ies)|Foundation|Network|Group|Directorate|Command|Corps|Police';
/** "Ministry of Foreign Affairs", "Foreign Ministry", "the Atomic Energy Agency": organisation heads. */
const ORG_PATTERN = new RegExp(
  String.raw`\b(?:(?:\p{Lu}[\p{L}-]+${GAP}){0,3}(?:${ORG_HEAD_OF})${GAP}(?:of|for)${GAP}(?:the${GAP})?(?:\p{Lu}[\p{L}'’-]*)(?:${GAP}(?:and${GAP}|of${GAP}(?:the${GAP})?)?\p{Lu}[\p{L}'’-]*)*` +
    // a possessive ends a name rather than continuing it ("Velda’s Energy Agency")
    // ("National Security and Foreign Policy Committee": "and" inside the name, between capitalised words)
    String.raw`|(?:\p{Lu}[\p{L}'’-]+(?<!['’]s)${GAP}(?:and${GAP}(?=\p{Lu}))?){1,4}(?:${ORG_HEAD}))(?![\p{L}])`,
  'gu',
);
/** Sentence-initial words that the ORG pattern would otherwise swallow. */
const NOT_NAME_START = /^(?:The|A|An|In|On|At|For|But|And|Its|His|Her|Their|This|That|When|After|Before|While)\s+/;

/** A name: capitalised words ("Daily Ledger", "Al-Veska", "Channel 4"). */
const NAME = String.raw`(\p{Lu}[\p{L}\p{N}.&-]*(?:[ \t]+(?:\p{Lu}|\p{N})[\p{L}\p{N}.&-]*){0,4})`;
/** Lower-case nouns that say the name next to them is an organisation: outlets, agencies, parties. */
const ORG_NOUN = String.raw`(?:news\s+agency|press\s+agency|newspaper|daily|weekly|broadcaster|television|channel|radio|magazine|website|news\s+site|news\s+outlet|outlet|agency|party|movement|militia)`;
/** The nouns themselves, found first: the names around them are looked for only there. */
const ORG_NOUN_AT = new RegExp(String.raw`(?<![\p{L}])${ORG_NOUN}(?![\p{L}])`, 'gu');
/** "the Daily Ledger newspaper", "the Veska news agency", "the ruling Unity party": a name just before the noun. */
const NAME_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}])[“"‘]?${NAME}[”"’]?\s+$`, 'u');
/** "the reformist daily Daily Ledger", "state news agency VNA", "the party Unity": a name just after it. */
const NAME_AFTER = new RegExp(String.raw`^\s+[“"‘]?${NAME}`, 'u');
/** How far around a noun a name is looked for: five long words. */
const NAME_WINDOW = 80;
/** Capitalised words that follow such a noun without naming anything. */
const NOT_AN_ORG_NAME = /^(?:The|Mr|Mrs|Ms|Dr|A|An|On|In|At|As|And|But|Or|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|I|It|He|She|They|We|This|That|Last|Next)$/;

/**
 * The names an outlet, agency or party noun points at: "the Daily Ledger newspaper",
 * "the state news agency VNA", "the ruling Unity party". Demonyms and countries
 * ("the Veskarian newspaper") are not such names.
 */
function organisationsByNoun(text: string): RawMention[] {
  const out: RawMention[] = [];
  const push = (start: number, name: string): void => {
    // a full stop ends a sentence unless it ends an abbreviation ("U.S.", "Ltd.")
    const words = [...name.matchAll(/\S+/g)];
    let first = 0;
    // leading words that name no organisation: "The", a demonym, "Corvel-aligned"
    while (first < words.length && (NOT_AN_ORG_NAME.test(words[first]![0]) || isDemonym(words[first]![0]) || /-\p{Ll}/u.test(words[first]![0]))) first++;
    let last = first;
    while (last + 1 < words.length && !NOT_AN_ORG_NAME.test(words[last + 1]![0].replace(/\.$/, ''))) last++;
    if (first >= words.length) return;
    const from = words[first]!.index;
    let surface = name.slice(from, words[last]!.index + words[last]![0].length);
    // a full stop ends a sentence unless it ends an abbreviation ("U.S.", "Ltd.")
    if (/\.$/.test(surface) && !/(?:^|[\s.])\p{Lu}\.$|\b(?:Inc|Ltd|Co|Corp|Jr|Sr)\.$/u.test(surface)) surface = surface.slice(0, -1);
    const kept = surface.split(/\s+/);
    if (kept.every((w) => isDemonym(w) || countryNamed(w)) || countryNamed(surface) || /(?:'s|’s)$/.test(surface)) return;
    out.push({ start: start + from, end: start + from + surface.length, type: 'ORG' });
  };
  for (const noun of text.matchAll(ORG_NOUN_AT)) {
    const from = Math.max(0, noun.index - NAME_WINDOW);
    const before = NAME_BEFORE.exec(text.slice(from, noun.index));
    if (before) push(from + before.index + before[0].indexOf(before[1]!), before[1]!);
    const end = noun.index + noun[0].length;
    const after = NAME_AFTER.exec(text.slice(end, end + NAME_WINDOW));
    if (after) push(end + after[0].length - after[1]!.length, after[1]!);
  }
  return out;
}

/** Capitalised words of a place name: "Port Velan", "Nova Kasp" (up to three). */
const PLACE_NAME = String.raw`(\p{Lu}[\p{L}'’-]*(?<!['’]s)(?:\s+\p{Lu}[\p{L}'’-]*(?<!['’]s)){0,2})`;
/** "the port city of Velan", "the village of Oskel", "the province of Kasp": the name after such a noun is a place. */
const PLACE_OF = new RegExp(
  String.raw`\b(?:city|town|village|port|province|region|district|capital|municipality|county|governorate|prefecture|suburb|neighbou?rhood)\s+of\s+${PLACE_NAME}(?![\p{L}'’])`,
  'gu',
);
/** "in Velan, Veskaria": a name followed by a comma and a country is a place in it (the country is the gazetteer's). */
const PLACE_COMMA = new RegExp(String.raw`(?<=\b(?:in|at|from|near|outside)\s+)${PLACE_NAME},\s+(\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*)?)(?![\p{L}'’])`, 'gu');
/** Geographic features: "Wadi Oskel", "Mount Kasp", "Lake Velan", "the Oskel River". */
const FEATURE_BEFORE = String.raw`(?:Wadi|Mount|Mt\.|Lake|River|Gulf\s+of|Sea\s+of|Strait\s+of|Bay\s+of|Cape)`;
const FEATURE_AFTER = String.raw`(?:River|Valley|Mountains|Sea|Ocean|Desert|Strait|Gulf|Bay|Peninsula|Lake|Plateau|Gardens?|Square)`;
const FEATURE = new RegExp(String.raw`\b${FEATURE_BEFORE}\s+\p{Lu}[\p{L}'’-]*|\b\p{Lu}[\p{L}'’-]*(?<!['’]s)\s+${FEATURE_AFTER}\b`, 'gu');

/** Places named by the words around them: "the city of …", "… , <country>", "Wadi …", "… River". */
function placesByContext(text: string): RawMention[] {
  const out: RawMention[] = [];
  for (const m of text.matchAll(PLACE_OF)) {
    const start = m.index + m[0].length - m[1]!.length;
    out.push({ start, end: start + m[1]!.length, type: 'GPE', byRule: true });
  }
  for (const m of text.matchAll(PLACE_COMMA)) {
    if (!countryNamed(m[2]!) || countryNamed(m[1]!) || isDemonym(m[1]!)) continue;
    out.push({ start: m.index, end: m.index + m[1]!.length, type: 'GPE', byRule: true });
  }
  for (const m of text.matchAll(FEATURE)) out.push({ start: m.index, end: m.index + m[0].length, type: 'LOC', byRule: true });
  return out;
}

/** Words that name a storm before its name ("Storm Daniel") or describe one ("a strong storm"). */
const STORM_WORDS = ['Storm', 'Hurricane', 'Typhoon', 'Cyclone', 'Medicane'];
/** "Storm Daniel", "Hurricane Orla", "Tropical Storm Kell", "Typhoon …": a named storm (its name in group 1). */
const NAMED_STORM = new RegExp(String.raw`\b(?:(?:Tropical|Subtropical|Super|Severe)\s+)?(?:${STORM_WORDS.join('|')})\s+(\p{Lu}[\p{Ll}'’-]+)(?![\p{L}])`, 'gu');
/** "Daniel, an unusually strong Mediterranean storm,": a name described as a storm (its name in group 1). */
const STORM_APPOSITIVE = new RegExp(
  String.raw`(?<![\p{L}\p{N}'’-])(\p{Lu}\p{Ll}+),\s+(?:an?|the)\s+(?:[\p{L}\p{N}-]+\s+){0,4}(?:${STORM_WORDS.join('|').toLowerCase()})(?=[,.;:)])`,
  'gu',
);

/**
 * Named storms, which a tagger reads as people ("Storm Daniel", then "Daniel brought rain"): the storm's
 * whole name, and its bare name wherever it stands alone (not beside another capitalised word, which would
 * make a person's full name), are a name of no person, organisation or place.
 */
function namedStorms(text: string): RawMention[] {
  const out: RawMention[] = [];
  const names = new Set<string>();
  for (const m of text.matchAll(NAMED_STORM)) {
    out.push({ start: m.index, end: m.index + m[0].length, type: 'OTHER', byRule: true });
    names.add(m[1]!);
  }
  for (const m of text.matchAll(STORM_APPOSITIVE)) names.add(m[1]!);
  for (const name of names) {
    for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}\p{N}'’-])${name}(?![\p{L}\p{N}'’-])`, 'gu'))) {
      // (after a storm word it lies inside a storm's whole name, found above)
      if (out.some((o) => o.start <= m.index && m.index < o.end)) continue;
      const before = /\p{Lu}[\p{L}'’-]*[^\S\n]+$/u.test(text.slice(Math.max(0, m.index - 40), m.index));
      const after = /^[^\S\n]+\p{Lu}/u.test(text.slice(m.index + name.length, m.index + name.length + 3));
      if (!before && !after) out.push({ start: m.index, end: m.index + name.length, type: 'OTHER', byRule: true });
    }
  }
  return out;
}

/**
 * A title-case phrase that is the whole of a quotation ("“Liberation Week”", "'Operation Sand Owl'"): the name of an event,
 * an operation, a law or a campaign. Two to six words, every one capitalised but the small words between them.
 */
const QUOTED_NAME = /(?<=(?:^|[\s(])[“"‘'])(\p{Lu}[\p{L}\p{N}'’-]*(?:\s+(?:(?:of|the|and|for|on|in|to|a|an)\s+)?\p{Lu}[\p{L}\p{N}'’-]*){1,5})[.,!?]?(?=[”"’'])/gu;

/** A capitalised phrase defining a bracketed acronym: "Joint Plan of Action (JPA)". */
const ACRONYM_DEFINITION = /((?:\p{Lu}[\p{L}'’-]*\s+)(?:(?:of|the|and|for|on|to)\s+|\p{Lu}[\p{L}'’-]*\s+)*\p{Lu}[\p{L}'’-]*)\s*\((\p{Lu}{2,8})\)/gu;
const SMALL_WORD = /^(?:of|the|and|for|on|to)$/;
/** Every acronym definition holds one: a text without it is not searched with the costlier pattern. */
const BRACKETED_ACRONYM = /\(\p{Lu}{2,8}\)/u;

/** The shortest tail of the phrase whose initials spell the acronym, or undefined. */
function definedLongForm(phrase: string, acronym: string): { offset: number; text: string } | undefined {
  const words = [...phrase.matchAll(/\S+/g)];
  for (let i = 0; i < words.length; i++) {
    const tail = words.slice(i);
    if (SMALL_WORD.test(tail[0]![0].toLowerCase())) continue;
    // "Joint Plan of Action" is JPA or JPOA: a small word may give its letter or none
    if (isInitialismOf(acronym, tail.map((w) => w[0]).join(' '))) return { offset: tail[0]!.index, text: phrase.slice(tail[0]!.index) };
  }
  return undefined;
}

/** "(… – Ed.)", "[Ed.]": the editor's mark on an insertion, no person named Ed. */
function isEditorsMark(text: string, m: RawMention): boolean {
  return text.slice(m.start, m.end) === 'Ed' && /^\.\s*[)\]]/.test(text.slice(m.end, m.end + 3)) && /(?:[–—-]|[([])\s*$/.test(text.slice(Math.max(0, m.start - 3), m.start));
}

/**
 * Patterns that measurably help the tagger on news: a title before a name
 * makes a person; "Ministry of …" and "… Agency" make an organisation. A rule
 * mention replaces the tagger's mentions it overlaps.
 */
export function applyRules(text: string, mentions: readonly RawMention[]): RawMention[] {
  const ruled: RawMention[] = [];
  for (const m of text.matchAll(PERSON_TITLE)) {
    const start = m.index + m[0].length - m[1]!.length;
    ruled.push({ start, end: start + m[1]!.length, type: 'PERSON' });
  }
  for (const m of text.matchAll(ORG_PATTERN)) {
    let start = m.index;
    let surface = m[0];
    const lead = NOT_NAME_START.exec(surface);
    if (lead) {
      start += lead[0].length;
      surface = surface.slice(lead[0].length);
    }
    ruled.push({ start, end: start + surface.length, type: 'ORG' });
  }
  for (const m of BRACKETED_ACRONYM.test(text) ? text.matchAll(ACRONYM_DEFINITION) : []) {
    const long = definedLongForm(m[1]!, m[2]!);
    if (!long) continue;
    const start = m.index + long.offset;
    const tagged = mentions.find((t) => t.start === start && t.end === start + long.text.length);
    ruled.push({ start, end: start + long.text.length, type: tagged?.type ?? 'ORG' });
  }
  ruled.push(...organisationsByNoun(text));
  ruled.push(...namedStorms(text));
  // a place found by its context yields to a longer name the tagger found around it ("Green Bay Packers", "Salt Lake City")
  ruled.push(...placesByContext(text).filter((r) => !mentions.some((t) => t.start < r.end && r.start < t.end && (t.start < r.start || t.end > r.end))));
  // a quoted title-case phrase is a name of its own only where the tagger saw none in it
  for (const m of text.matchAll(QUOTED_NAME)) {
    const end = m.index + m[1]!.length;
    if (!mentions.some((t) => t.start < end && m.index < t.end)) ruled.push({ start: m.index, end, type: 'OTHER', byRule: true });
  }
  // an organisation pattern runs on into a person the tagger found ("… of the General Staff Ana Oresk"): it stops before them
  for (let k = 0; k < ruled.length; k++) {
    const r = ruled[k]!;
    if (r.type !== 'ORG') continue;
    const person = mentions.find((m) => m.type === 'PERSON' && m.start > r.start && m.start < r.end && m.end >= r.end);
    if (person) ruled[k] = { ...r, end: r.start + text.slice(r.start, person.start).trimEnd().length };
  }
  // a person rule wins over an organisation rule on the same words
  const kept: RawMention[] = [];
  for (const r of ruled) if (!kept.some((k) => k.start < r.end && r.start < k.end)) kept.push(r);
  const out = mentions.filter((m) => !kept.some((k) => k.start < m.end && m.start < k.end) && !isEditorsMark(text, m));
  return [...out, ...kept].sort((a, b) => a.start - b.start);
}
