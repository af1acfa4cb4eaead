import { createRequire } from 'node:module';

/** The fields of a `world-countries` record this module reads. */
export interface CountryRecord {
  readonly cca3: string;
  readonly name: { readonly common: string; readonly official: string };
  readonly capital?: readonly string[];
  readonly altSpellings?: readonly string[];
  readonly region?: string;
  readonly subregion?: string;
  readonly demonyms?: { readonly eng?: { readonly f: string; readonly m: string } };
}

/** Every country of `world-countries` (ODbL-1.0), loaded once. */
export function countryRecords(): readonly CountryRecord[] {
  records ??= createRequire(import.meta.url)('world-countries/countries.json') as CountryRecord[];
  return records;
}
let records: CountryRecord[] | undefined;

/** Names compared: case-folded, dots and a leading "the" dropped ("the U.S." → "us"). */
export function countryKey(name: string): string {
  return name.toLowerCase().replace(/^the\s+/, '').replace(/\./g, '').replace(/\s+/g, ' ').trim();
}

/** Two-letter ISO codes ("IN", "TO") are ordinary words far more often than countries; "US" and "UK" are the exceptions news uses. */
const CODE_ALLOWED = new Set(['us', 'uk']);

interface CountryIndex {
  /** Name, official name or alternative spelling → country code (cca3). */
  readonly byName: ReadonlyMap<string, string>;
  /** Capital → the country codes it is the capital of. */
  readonly byCapital: ReadonlyMap<string, readonly string[]>;
  /** Official names, case-folded, by country code. */
  readonly official: readonly { readonly code: string; readonly name: string }[];
}
let index: CountryIndex | undefined;

function countryIndex(): CountryIndex {
  if (index) return index;
  const byName = new Map<string, string>();
  const byCapital = new Map<string, string[]>();
  const official: { code: string; name: string }[] = [];
  for (const c of countryRecords()) {
    const names = [c.name.common, c.name.official, ...(c.altSpellings ?? [])];
    for (const n of names) {
      const key = countryKey(n);
      if (key.length === 2 && !CODE_ALLOWED.has(key)) continue;
      if (!byName.has(key)) byName.set(key, c.cca3);
    }
    for (const capital of c.capital ?? []) {
      // "Washington D.C." is written "Washington" as often as not
      const short = /^(.+?),?\s+(?:\p{Lu}\.?){2}$/u.exec(capital)?.[1];
      for (const name of short ? [capital, short] : [capital]) {
        const key = countryKey(name);
        byCapital.set(key, [...(byCapital.get(key) ?? []), c.cca3]);
      }
    }
    official.push({ code: c.cca3, name: countryKey(c.name.official) });
  }
  index = { byName, byCapital, official };
  return index;
}

/** The country code a name names ("United States", "U.S.", "Commonwealth of Australia"), if any. */
export function countryNamed(name: string): string | undefined {
  return countryIndex().byName.get(countryKey(name));
}

/** The codes of the countries whose capital this is ("Corvel" → its country), possibly none. */
export function countriesWithCapital(name: string): readonly string[] {
  return countryIndex().byCapital.get(countryKey(name)) ?? [];
}

/**
 * A state's descriptive name without its country ("the Islamic Republic", "the Kingdom",
 * "the Federation", "the Hashemite Kingdom"): the codes of the countries whose official
 * name holds that phrase as whole words. Empty when the phrase names no state form.
 */
export function countriesDescribedAs(phrase: string): readonly string[] {
  const key = countryKey(phrase);
  if (!STATE_FORM.test(key)) return [];
  const pattern = new RegExp(`(?:^| )${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?: |$)`);
  return countryIndex().official.filter((o) => pattern.test(o.name)).map((o) => o.code);
}

/** The word a state's form of government ends in: "… Republic", "… Kingdom", "… Emirates". */
const STATE_FORM = /(?:^| )(?:republic|kingdom|federation|emirates|emirate|sultanate|principality|commonwealth|confederation|state|states|union|duchy|jamahiriya)$/;

let demonyms: Set<string> | undefined;

/** True for a country's demonym or adjective ("Veskarian"), which is no entity. */
export function isDemonym(word: string): boolean {
  demonyms ??= new Set(countryRecords().flatMap((c) => [c.demonyms?.eng?.m ?? '', c.demonyms?.eng?.f ?? ''].filter(Boolean).map((d) => d.toLowerCase())));
  return demonyms.has(word.toLowerCase());
}

/** The adjective of the country a name names ("Japan" → "Japanese"), if the name is a country's. */
export function demonymOfCountry(name: string): string | undefined {
  const code = countryNamed(name);
  return code ? countryRecords().find((c) => c.cca3 === code)?.demonyms?.eng?.m : undefined;
}
