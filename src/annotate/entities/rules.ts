import type { RawMention } from './resolve.js';

/** Capitalised titles that, written before a capitalised name, make it a person. */
const PERSON_TITLE = /(?:\b(?:President|Prime Minister|Minister|Foreign Minister|Chancellor|Senator|Sen\.|Rep\.|Gov\.|Governor|Mayor|Dr\.|Mr\.|Mrs\.|Ms\.|Gen\.|Ambassador|King|Queen|Prince|Pope|Ayatollah|Sheikh|Judge|Spokesman|Spokeswoman|Spokesperson)\s+)((?:\p{Lu}[\p{L}'’-]+\s+){0,2}\p{Lu}[\p{L}'’-]+)/gu;
/** "Ministry of Foreign Affairs", "Foreign Ministry", "the Atomic Energy Agency": organisation heads. */
const ORG_PATTERN = /\b(?:(?:Ministry|Department|Office|Council|Agency|Organi[sz]ation|Committee|Commission|Bank|University|Court|Parliament|Assembly|Party|Institute)\s+(?:of|for)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]*)(?:\s+(?:and\s+)?\p{Lu}[\p{L}'’-]*)*|(?:\p{Lu}[\p{L}'’-]+\s+){1,4}(?:Ministry|Agency|Council|Organi[sz]ation|Committee|Commission|Corporation|Company|Party|University|Institute|Guards?|Forces|Army|Navy|Parliament|Court))/gu;
/** Sentence-initial words that the ORG pattern would otherwise swallow. */
const NOT_NAME_START = /^(?:The|A|An|In|On|At|For|But|And|Its|His|Her|Their|This|That|When|After|Before|While)\s+/;

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
    if (SMALL_WORD.test(tail[0]![0])) continue;
    const initials = tail.filter((w) => !SMALL_WORD.test(w[0])).map((w) => w[0][0]).join('');
    if (initials === acronym) return { offset: tail[0]!.index, text: phrase.slice(tail[0]!.index) };
  }
  return undefined;
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
  // a person rule wins over an organisation rule on the same words
  const kept: RawMention[] = [];
  for (const r of ruled) if (!kept.some((k) => k.start < r.end && r.start < k.end)) kept.push(r);
  const out = mentions.filter((m) => !kept.some((k) => k.start < m.end && m.start < k.end));
  return [...out, ...kept].sort((a, b) => a.start - b.start);
}
