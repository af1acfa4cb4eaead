/**
 * Metadata a page's address carries, whichever way the address came in (a fetched URL, a feed link,
 * a WARC target, a JSON Lines `url`, a dump's "URL:" header): the publication date in its path when
 * the page states none, and its site as the outlet of last resort.
 */
import type { ArticleMeta, MetaField } from '../../core/index.js';
import { orderFromNumericDates } from '../dates/numeric.js';
import { countryOfHost, dateOrderOfCountry, hostOf } from './country.js';
import { dateFromAddress, type PageDateClues } from './date.js';
import { registrableDomain } from './outlet.js';

export { countryOfHost, dateOrderOfCountry, hostOf } from './country.js';
export { dateFromAddress, type AddressDate, type PageDateClues } from './date.js';
export { registrableDomain } from './outlet.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_WORD = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const MONTH_DAY_YEAR = new RegExp(String.raw`\b${MONTH_WORD}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b`, 'g');
const DAY_MONTH_YEAR = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH_WORD}\s*,?\s+((?:19|20)\d\d)\b`, 'g');
const WEEKDAY = /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** The opening of a story, where a lead says when its news happened. */
const LEAD_CHARS = 600;

const monthIndex = (word: string): number => MONTHS.findIndex((m) => m.startsWith(word.toLowerCase().slice(0, 3))) + 1;
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Full dates the text prints with a month name, as ISO days. */
function statedDays(text: string): Set<string> {
  const days = new Set<string>();
  for (const m of text.matchAll(MONTH_DAY_YEAR)) days.add(`${m[3]}-${pad2(monthIndex(m[1]!))}-${pad2(Number(m[2]))}`);
  for (const m of text.matchAll(DAY_MONTH_YEAR)) days.add(`${m[3]}-${pad2(monthIndex(m[2]!))}-${pad2(Number(m[1]))}`);
  return days;
}

/** What the page says that can decide an ambiguous date in its address. */
export function pageDateClues(body: string, url: string | null | undefined): PageDateClues {
  const country = countryOfHost(hostOf(url));
  return {
    order: orderFromNumericDates(body) ?? (country ? dateOrderOfCountry(country) : null),
    statedDays: statedDays(body),
    leadWeekdays: [...body.slice(0, LEAD_CHARS).matchAll(WEEKDAY)].map((m) => WEEKDAYS.indexOf(m[1]!.toLowerCase())),
  };
}

/** A page's date at day precision agrees with the address's when one is the start of the other. */
function moreOfTheSame(page: string, address: string): boolean {
  return address.length > page.length && address.startsWith(page);
}

/**
 * Fill what the address says and the page does not: the publication date (or a more precise one
 * than the page's partial date that agrees with it), and the site as outlet.
 */
export function withAddressMeta(meta: ArticleMeta, url: string | null | undefined, body: string): ArticleMeta {
  const host = hostOf(url);
  if (!url || !host) return meta;
  let published = meta.published;
  if (!published || published.value.length < 10) {
    const found = dateFromAddress(url, pageDateClues(body, url));
    if (found && (!published || moreOfTheSame(published.value, found.iso))) {
      published = { value: found.iso, evidence: { source: 'url', at: 'path', raw: found.raw } };
    }
  }
  const site = registrableDomain(host);
  const outlet: MetaField<string> | undefined = meta.outlet ?? (site ? { value: site, evidence: { source: 'url', at: 'host', raw: host } } : undefined);
  return { ...meta, ...(published ? { published } : {}), ...(outlet ? { outlet } : {}) };
}
