import { createRequire } from 'node:module';

/**
 * Countries, their capitals and demonyms, from the `world-countries` package,
 * so that a listed state's demonym, name and capital ("the Australian side", "Australia",
 * "Canberra said") meet on one key; names the package does not know (a new state, a
 * fictional one) meet by their stem ("Veskaria" / "Veskarian").
 */

interface CountryRecord {
  readonly cca3: string;
  readonly name: { readonly common: string; readonly official: string };
  readonly altSpellings?: readonly string[];
  readonly capital?: readonly string[];
  readonly demonyms?: { readonly eng?: { readonly f: string; readonly m: string } };
}

interface CountryTables {
  /** Country name, official name, alternative spelling or demonym (lower case) → country code. */
  readonly country: Map<string, string>;
  /** Capital (lower case) → country code. */
  readonly capital: Map<string, string>;
  /** Names that are country names (not demonyms). */
  readonly names: Set<string>;
}

let tables: CountryTables | undefined;

function load(): CountryTables {
  if (tables) return tables;
  const require = createRequire(import.meta.url);
  const records = require('world-countries/countries.json') as CountryRecord[];
  const country = new Map<string, string>();
  const capital = new Map<string, string>();
  const names = new Set<string>();
  for (const c of records) {
    for (const n of [c.name.common, c.name.official, ...(c.altSpellings ?? []).filter((a) => !/^[A-Z]{2,3}$/.test(a))]) {
      country.set(n.toLowerCase(), c.cca3);
      names.add(n.toLowerCase());
    }
    const d = c.demonyms?.eng;
    if (d) for (const n of [d.m, d.f]) if (!country.has(n.toLowerCase())) country.set(n.toLowerCase(), c.cca3);
    for (const cap of c.capital ?? []) {
      capital.set(cap.toLowerCase(), c.cca3);
      // "Washington D.C." is "Washington" in news
      capital.set(cap.replace(/,?\s+(?:\p{Lu}\.){2,}$/u, '').toLowerCase(), c.cca3);
    }
  }
  // the forms news uses most that the package spells otherwise
  for (const [alias, code] of [['us', 'USA'], ['u.s.', 'USA'], ['america', 'USA'], ['american', 'USA'], ['britain', 'GBR'], ['uk', 'GBR'], ['u.k.', 'GBR'], ['british', 'GBR']] as const) country.set(alias, code);
  tables = { country, capital, names };
  return tables;
}

/** Endings of demonyms and country names, longest first: "Veskar-ian", "Veskar-ia". */
const STEM_SUFFIXES = ['ians', 'ian', 'ans', 'ese', 'ish', 'ia', 'an', 'i', 'a', 'y', 'e'];
/** A stem shorter than this matches too much. */
const MIN_STEM = 4;

function stem(word: string): string {
  const w = word.toLowerCase();
  for (const s of STEM_SUFFIXES) if (w.endsWith(s) && w.length - s.length >= MIN_STEM) return w.slice(0, -s.length);
  return w;
}

/** Strips "the" and a possessive: "the Netherlands'" → "netherlands". */
function bare(name: string): string {
  return name.toLowerCase().replace(/^the\s+/, '').replace(/(?:'s|’s|'|’)$/, '').trim();
}

/**
 * A key shared by a country's names and demonyms: the ISO code when the
 * package knows the word ("Australian" and "Australia" → "AUS"), else the word's stem
 * ("Veskarian" and "Veskaria" → "~veskar").
 */
export function countryKey(word: string): string {
  const w = bare(word);
  const code = load().country.get(w);
  return code ?? `~${stem(w)}`;
}

/** The country key of a capital city ("Canberra" → "AUS"), if the package lists it. */
export function capitalOf(name: string): string | undefined {
  return load().capital.get(bare(name));
}

/** True when the name is a country the package knows (by name or spelling, not by demonym). */
export function isKnownCountry(name: string): boolean {
  return load().names.has(bare(name));
}

/** True when the package knows the name as a capital city. */
export function isKnownCapital(name: string): boolean {
  return load().capital.has(bare(name));
}

/** Demonym endings of names the package does not know ("Veskar-ian", "Dravin-ese"). */
const DEMONYM_ENDING = /^\p{Lu}\p{Ll}+(?:ian|an|ese|ish|i)$/u;
/** Capitalised words with a demonym's ending that name a party or a faith, not a country. */
const NOT_DEMONYMS = new Set(['republican', 'christian', 'civilian', 'librarian', 'veteran', 'human', 'urban', 'suburban', 'partisan', 'lesbian', 'guardian']);

/**
 * The country key of a capitalised adjective when it is a demonym: one the
 * package lists ("Australian"), or a word with a demonym's ending ("Veskarian");
 * undefined for other words ("Foreign" in "Foreign Minister").
 */
export function demonymKey(word: string): string | undefined {
  const w = bare(word);
  const code = load().country.get(w);
  if (code) return code;
  if (!DEMONYM_ENDING.test(word) || NOT_DEMONYMS.has(w)) return undefined;
  return `~${stem(w)}`;
}
