import type { ArticleEntity, EntityType } from '../entities/index.js';
import { firstNameGender } from '../shared/first-names.js';
import type { TextContext } from './context.js';
import { capitalOf, countryKey, demonymKey, isKnownCapital, isKnownCountry } from './countries.js';
import { endsPhrase, isModifier, readDescription, type Description } from './mentions.js';
import { DEFINITE, PLACE_NOUNS, ROLE_GENDER, knownHead, officeOf, roleClass, type Gender } from './lexicon.js';

/**
 * What the article says of each named entity: the roles it gives a person
 * ("Foreign Minister Ana Oresk", "Ana Oresk, the foreign minister,"), the
 * country it ties them to ("Veskarian", "Veskaria's"), the gender its names,
 * titles and pronouns show, and whether a place is a country or a city.
 * Role and title mentions are matched against this.
 */
export interface EntityProfile {
  readonly id: string;
  readonly type: EntityType;
  /** Lower-cased words of every name the entity is given ("ministry", "foreign", "affairs"). */
  readonly nameWords: Set<string>;
  /** The offices of its roles ("president", "vice president": see `officeOf`). */
  readonly roleHeads: Set<string>;
  readonly roleClasses: Set<string>;
  /** Every word of the roles given ("foreign", "minister", "top"). */
  readonly roleWords: Set<string>;
  /** Country keys tied to the entity: a person's demonym or owner, a country's own key, a capital's country. */
  readonly countries: Set<string>;
  gender?: Gender;
  /** Gendered pronouns resolved to the entity so far: [male, female]. */
  readonly pronounVotes: [number, number];
  isCountry: boolean;
  isCity: boolean;
}

const HONORIFIC_GENDER: ReadonlyMap<string, Gender> = new Map([
  ['mr', 'male'], ['mr.', 'male'], ['sir', 'male'], ['lord', 'male'], ['mrs', 'female'], ['mrs.', 'female'], ['ms', 'female'],
  ['ms.', 'female'], ['miss', 'female'], ['madam', 'female'], ['dame', 'female'], ['lady', 'female'],
]);
const OWNER_MARKS = new Set(["'s", '’s']);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their']);

function newProfile(id: string, type: EntityType): EntityProfile {
  return {
    id, type, nameWords: new Set(), roleHeads: new Set(), roleClasses: new Set(), roleWords: new Set(), countries: new Set(),
    pronounVotes: [0, 0], isCountry: false, isCity: false,
  };
}

/** Add a description the article gives the entity (a role, a place noun) to its profile. */
export function addDescription(p: EntityProfile, d: Description): void {
  if (d.roleClass !== undefined) {
    p.roleHeads.add(officeOf(d.head, d.modifiers));
    p.roleClasses.add(d.roleClass);
    const g = ROLE_GENDER.get(d.head);
    if (g && !p.gender) p.gender = g;
  }
  if (d.placeKind === 'country') p.isCountry = true;
  if (d.placeKind === 'city') p.isCity = true;
  p.roleWords.add(d.head);
  for (const m of d.modifiers) p.roleWords.add(m);
  for (const c of d.countries) p.countries.add(c);
}

/** A title read from words [from, to] before a name ("Veskarian Foreign Minister"), as a description. */
function titleBefore(ctx: TextContext, first: number): Description | undefined {
  const { tokens, lower, namedAt } = ctx;
  const sentence = tokens[first]!.sentence;
  let from = first;
  while (from - 1 >= 0 && first - from < 5 && tokens[from - 1]!.sentence === sentence && namedAt[from - 1] === -1 && isModifier(ctx, from - 1) && !DETERMINERS.has(lower[from - 1]!)) from--;
  if (from === first || !knownHead(lower[first - 1]!)) return undefined;
  const owners: string[] = [];
  const countries: string[] = [];
  // "Veskaria's foreign minister Ana Oresk": the owner before the title
  if (from >= 2 && OWNER_MARKS.has(lower[from - 1]!) && namedAt[from - 2] !== -1) {
    const owner = ctx.named[namedAt[from - 2]!]!;
    owners.push(owner.entity);
    if (owner.type === 'GPE' || owner.type === 'LOC') countries.push(countryKey(ctx.text.slice(owner.start, owner.end)));
  }
  return readTitleWords(ctx, from, first - 1, owners, countries);
}

/** A description from words [from, head] whose last word is a known head. */
function readTitleWords(ctx: TextContext, from: number, head: number, owners: string[], countries: string[]): Description | undefined {
  const { lower, words } = ctx;
  const modifiers: string[] = [];
  for (let i = from; i < head; i++) {
    modifiers.push(lower[i]!);
    const demonym = /^\p{Lu}/u.test(words[i]!) ? demonymKey(words[i]!) : undefined;
    if (demonym) countries.push(demonym);
  }
  const w = lower[head]!;
  const cls = roleClass(w, modifiers);
  return {
    head: w, modifiers, roleClass: cls, target: cls !== undefined ? 'person' : 'org', placeKind: PLACE_NOUNS.get(w), countries, owners,
    capitalised: true, title: false,
  };
}

/** A title mention of the entities layer ("the U.S. president", "Veskaria's foreign minister") read as a description. */
function titleMention(ctx: TextContext, first: number, last: number): Description | undefined {
  if (!knownHead(ctx.lower[last]!)) return undefined;
  let from = first;
  const owners: string[] = [];
  const countries: string[] = [];
  if (DETERMINERS.has(ctx.lower[from]!)) from++;
  for (let i = from; i < last; i++) {
    if (OWNER_MARKS.has(ctx.lower[i + 1] ?? '')) {
      const key = demonymKey(ctx.words[i]!) ?? countryKey(ctx.words[i]!);
      countries.push(key);
      from = i + 2;
    }
  }
  return from <= last ? readTitleWords(ctx, from, last, owners, countries) : undefined;
}

/** "Ana Oresk, the foreign minister," / "Corvel, the Veskarian capital,": the description after a name. */
function appositionAfter(ctx: TextContext, last: number): Description | undefined {
  const { tokens, lower } = ctx;
  const comma = last + 1;
  if (comma + 1 >= tokens.length || lower[comma] !== ',' || tokens[comma + 1]!.sentence !== tokens[last]!.sentence) return undefined;
  let from = comma + 1;
  const owners: string[] = [];
  const countries: string[] = [];
  if (DETERMINERS.has(lower[from]!)) from++;
  else if (ctx.namedAt[from] !== -1 && OWNER_MARKS.has(lower[ctx.named[ctx.namedAt[from]!]!.last + 1] ?? '')) {
    const owner = ctx.named[ctx.namedAt[from]!]!;
    owners.push(owner.entity);
    if (owner.type === 'GPE' || owner.type === 'LOC') countries.push(countryKey(ctx.text.slice(owner.start, owner.end)));
    from = owner.last + 2;
  }
  if (from >= tokens.length) return undefined;
  const read = readDescription(ctx, from, owners, countries);
  return read && endsPhrase(ctx, read.last) ? read.desc : undefined;
}

/** "her Dravian counterpart, Tomas Bellin": the description before a name and its comma. */
function appositionBefore(ctx: TextContext, first: number): Description | undefined {
  const { tokens, lower } = ctx;
  const head = first - 2;
  if (head < 0 || lower[first - 1] !== ',' || tokens[head]!.sentence !== tokens[first]!.sentence || !knownHead(lower[head]!) || ctx.namedAt[head] !== -1) return undefined;
  let from = head;
  while (from - 1 >= 0 && head - from < 5 && tokens[from - 1]!.sentence === tokens[head]!.sentence && ctx.namedAt[from - 1] === -1 && isModifier(ctx, from - 1)) from--;
  if (from - 1 < 0 || !(DETERMINERS.has(lower[from - 1]!) || OWNER_MARKS.has(lower[from - 1]!))) return undefined;
  return readTitleWords(ctx, from, head, [], []);
}

/** The words of a title the entities stage recorded ("foreign minister"). */
function titleFromIndex(title: string): Description | undefined {
  const words = title.toLowerCase().split(/\s+/).filter((w) => w && !DEFINITE.has(w));
  const head = words[words.length - 1];
  if (!head) return undefined;
  const modifiers = words.slice(0, -1);
  const cls = roleClass(head, modifiers);
  if (cls === undefined) return undefined;
  return { head, modifiers, roleClass: cls, target: 'person', countries: [], owners: [], capitalised: false, title: false };
}

/**
 * Profiles of every entity of the article, from its named mentions and the
 * words around them, and from the titles the entity index records.
 */
export function buildProfiles(ctx: TextContext, index: readonly ArticleEntity[]): Map<string, EntityProfile> {
  const profiles = new Map<string, EntityProfile>();
  for (const e of index) {
    const p = newProfile(e.id, e.type);
    for (const t of e.titles ?? []) {
      const d = titleFromIndex(t);
      if (d) addDescription(p, d);
    }
    profiles.set(e.id, p);
  }
  for (const m of ctx.named) {
    let p = profiles.get(m.entity);
    if (!p) {
      p = newProfile(m.entity, m.type);
      profiles.set(m.entity, p);
    }
    const name = ctx.text.slice(m.start, m.end);
    if (m.form === 'title' || m.form === 'pronoun') {
      // a title the entities stage resolved ("the U.S. president") describes its holder
      const d = titleMention(ctx, m.first, m.last);
      if (d) addDescription(p, d);
      continue;
    }
    let nameFirst = m.first;
    // a title the entity tagger kept inside the name ("President Ana Oresk")
    while (nameFirst < m.last && knownHead(ctx.lower[nameFirst]!)) nameFirst++;
    if (nameFirst > m.first) {
      const d = readTitleWords(ctx, m.first, nameFirst - 1, [], []);
      if (d) addDescription(p, d);
    }
    for (let i = nameFirst; i <= m.last; i++) p.nameWords.add(ctx.lower[i]!);
    for (const d of [titleBefore(ctx, m.first), appositionAfter(ctx, m.last), appositionBefore(ctx, m.first)]) if (d) addDescription(p, d);
    if (p.type === 'PERSON' && !p.gender) {
      const honorific = m.first > 0 ? HONORIFIC_GENDER.get(ctx.lower[m.first - 1]!) : undefined;
      p.gender = honorific ?? (m.last > nameFirst ? firstNameGender(ctx.words[nameFirst]!) : undefined);
    }
    if (p.type === 'GPE' || p.type === 'LOC') {
      if (isKnownCountry(name)) {
        p.isCountry = true;
        p.countries.add(countryKey(name));
      } else if (isKnownCapital(name)) {
        p.isCity = true;
        p.countries.add(capitalOf(name)!);
      } else if (!p.isCity) p.countries.add(countryKey(name));
    }
  }
  return profiles;
}
