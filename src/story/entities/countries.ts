/**
 * Countries by every name news gives them, read from the `world-countries` package: the common
 * and official names, alternative spellings ("Commonwealth of Australia", "Republic of Turkey"), the
 * capital (a capital standing for its government: "Canberra said"), and the English demonym
 * ("Australian" of "the Australian Commerce Ministry").
 */
import { createRequire } from 'node:module';

interface CountryRecord {
  readonly cca2: string;
  readonly unMember?: boolean;
  readonly name: { readonly common: string; readonly official: string };
  readonly capital?: readonly string[];
  readonly altSpellings?: readonly string[];
  readonly demonyms?: { readonly eng?: { readonly f: string; readonly m: string } };
}

/**
 * English names of countries the package does not list among a country's spellings but news uses
 * everywhere (the package lists "Great Britain", "United States of America").
 */
const ENGLISH_EXONYMS: Readonly<Record<string, string>> = { America: 'US', Britain: 'GB', Holland: 'NL', Burma: 'MM', 'Ivory Coast': 'CI', 'U.S.': 'US', 'U.K.': 'GB', USA: 'US' };
/** Leading words of an official name that name the form of state, not the country: "Republic of Turkey" is also "Turkey". */
const STATE_FORM = /^(?:the\s+)?(?:(?:federal|democratic|islamic|people's|socialist|united|arab|plurinational|hashemite|independent|sovereign|commonwealth)\s+)*(?:republic|kingdom|state|federation|commonwealth|principality|sultanate|emirate|grand duchy)\s+of\s+(?:the\s+)?/i;
/** A name written in another script or too short to be told from an ordinary abbreviation is no use to English text. */
const LATIN_NAME = /^[\p{Script=Latin}\s.'’-]{3,}$/u;

/** Lower case, no accents, no dots or apostrophes, single spaces. */
export function foldName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[.’']/g, '').replace(/\s+/g, ' ').trim();
}

interface CountryIndex {
  /** Folded name → country code. */
  readonly byName: ReadonlyMap<string, string>;
  /** Folded capital → country code. */
  readonly byCapital: ReadonlyMap<string, string>;
  /** Folded demonym → country code. */
  readonly byDemonym: ReadonlyMap<string, string>;
  /** Country code → common name. */
  readonly common: ReadonlyMap<string, string>;
}

let index: CountryIndex | undefined;

function countries(): CountryIndex {
  if (index) return index;
  const require = createRequire(import.meta.url);
  // Member states first: a demonym or capital two territories share ("American") is the member state's.
  const records = (require('world-countries/countries.json') as CountryRecord[]).sort((a, b) => Number(b.unMember ?? false) - Number(a.unMember ?? false));
  const byName = new Map<string, string>();
  const byCapital = new Map<string, string>();
  const byDemonym = new Map<string, string>();
  const common = new Map<string, string>();
  for (const r of records) {
    common.set(r.cca2, r.name.common);
    const names = [r.name.common, r.name.official, ...(r.altSpellings ?? [])].filter((n) => LATIN_NAME.test(n) && !n.includes(','));
    for (const n of names) {
      if (!byName.has(foldName(n))) byName.set(foldName(n), r.cca2);
      const bare = n.replace(STATE_FORM, '');
      if (bare !== n && LATIN_NAME.test(bare) && !byName.has(foldName(bare))) byName.set(foldName(bare), r.cca2);
    }
    // A territory's capital ("Hamilton", "Victoria") is more often a person's name than a government.
    for (const c of r.unMember ? r.capital ?? [] : []) {
      // "Washington D.C." is written "Washington".
      for (const form of [c, c.replace(/,?\s+D\.?C\.?$/, '')]) if (!byCapital.has(foldName(form))) byCapital.set(foldName(form), r.cca2);
    }
    const demonym = r.demonyms?.eng?.m;
    if (demonym && !byDemonym.has(foldName(demonym))) byDemonym.set(foldName(demonym), r.cca2);
  }
  for (const [name, code] of Object.entries(ENGLISH_EXONYMS)) byName.set(foldName(name), code);
  index = { byName, byCapital, byDemonym, common };
  return index;
}

/** The country a place name names ("Commonwealth of Australia", "Turkey", "Britain", "U.S."), as its code, or undefined. */
export function countryNamed(name: string): string | undefined {
  return countries().byName.get(foldName(name.replace(/[’']s$/, '')));
}

/** The country whose capital this is ("Canberra" → "AU"), or undefined. */
export function countryOfCapital(name: string): string | undefined {
  return countries().byCapital.get(foldName(name.replace(/[’']s$/, '')));
}

/** The country of a demonym or country name used as a qualifier ("Australian", "Australia’s"), or undefined. */
export function countryOfQualifier(word: string): string | undefined {
  const w = word.replace(/[’']s$/, '');
  return countries().byDemonym.get(foldName(w)) ?? countryNamed(w);
}

/** The common English name of a country code. */
export function countryName(code: string): string | undefined {
  return countries().common.get(code);
}
