/**
 * The country an outlet's address names (its country-code top-level domain), and the order that
 * country writes numeric dates in, from the Unicode CLDR data built into Node's Intl.
 */
import { createRequire } from 'node:module';
import type { DateOrder } from '../dates/numeric.js';

interface CountryRecord { readonly cca2: string; readonly tld?: readonly string[] }

/** Generic domains only one country may register: US government, military and (almost only) US colleges. */
const US_ONLY_DOMAINS = new Set(['gov', 'mil', 'edu']);

let tldCountries: Map<string, string> | null = null;

function countriesByTld(): Map<string, string> {
  if (tldCountries) return tldCountries;
  const require = createRequire(import.meta.url);
  const countries = require('world-countries/countries.json') as CountryRecord[];
  const map = new Map<string, string>();
  // A country's own code first: ".uk" is Britain's although its code is GB; shared TLDs go to their owner.
  for (const c of countries) for (const tld of c.tld ?? []) if (tld === `.${c.cca2.toLowerCase()}`) map.set(tld.slice(1), c.cca2);
  for (const c of countries) for (const tld of c.tld ?? []) if (/^\.[a-z]{2}$/.test(tld) && !map.has(tld.slice(1))) map.set(tld.slice(1), c.cca2);
  tldCountries = map;
  return map;
}

/** The host of an address, lower-cased, or null when it is not an http(s) address. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? u.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * The ISO 3166 code of the country a host's top-level domain names, or null for generic domains (.com, .org).
 * @example countryOfHost('www.example.co.uk') // 'GB'
 */
export function countryOfHost(host: string | null | undefined): string | null {
  const tld = host?.split('.').pop()?.toLowerCase();
  if (!tld) return null;
  if (US_ONLY_DOMAINS.has(tld)) return 'US';
  return countriesByTld().get(tld) ?? null;
}

const orders = new Map<string, DateOrder | null>();

/**
 * The order a country writes short numeric dates in ('dmy', 'mdy', 'ymd'), for pages in `language`:
 * CLDR's own locale for that language in that country when it has one (English in Nigeria), else the
 * country's main language (Portuguese in Brazil).
 */
export function dateOrderOfCountry(country: string, language = 'en'): DateOrder | null {
  const key = `${language}-${country}`;
  if (orders.has(key)) return orders.get(key)!;
  let order: DateOrder | null = null;
  try {
    const own = new Intl.DateTimeFormat(key);
    const locale = own.resolvedOptions().locale === key ? key : `${new Intl.Locale(`und-${country}`).maximize().language}-${country}`;
    const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(Date.UTC(2001, 1, 3)));
    const sequence = parts.filter((p) => p.type === 'year' || p.type === 'month' || p.type === 'day').map((p) => p.type[0]).join('');
    order = sequence === 'dmy' || sequence === 'mdy' || sequence === 'ymd' ? sequence : null;
  } catch {
    order = null;
  }
  orders.set(key, order);
  return order;
}
