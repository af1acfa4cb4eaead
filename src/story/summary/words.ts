/** Dates and lists written for a reader: "7 February 2025", "March 2025", "A, B and C". */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A TimeML/ISO date in words at its precision: "2025-02-07" → "7 February 2025", "2025-03" → "March 2025", "198X" → "the 1980s". */
export function describeDate(value: string): string {
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  m = /^(\d{3})X$/.exec(value);
  if (m) return `the ${m[1]}0s`;
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) return `week ${Number(m[2])} of ${m[1]}`;
  return value;
}

/** A publication day in words. */
export const describeDay = (iso: string): string => describeDate(iso.slice(0, 10));

/** "A", "A and B", "A, B and C" (or joined by `separator` when the items hold commas). */
export function listWords(items: readonly string[], separator = ', '): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(separator)} and ${items[items.length - 1]}`;
}
