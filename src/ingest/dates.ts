/** ISO 8601 at any precision: `2025`, `2025-03`, `2025-03-12`, `2025-03-12T14:58:00+03:30`. */
const ISO_DATE = /^\d{4}(?:-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/**
 * A feed or record date as ISO 8601: ISO input is kept at its own precision
 * (a space separator becomes `T`); RFC 822 (`Tue, 10 Jun 2025 14:00:00 GMT`) and
 * other forms `Date` understands become a UTC timestamp. Unreadable dates give undefined.
 */
export function normaliseDate(raw: string): string | undefined {
  const value = raw.trim();
  if (ISO_DATE.test(value)) return value.replace(' ', 'T');
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
