/**
 * A wire-style dateline at the start of a body: a place, then optionally a
 * date and a news agency, then a dash or a `/AGENCY/.` mark:
 * "TARNBY, March 5 (Kell Wire) -", "Tarnby, KNA –", "CORVEL, June 14. /VPA/.",
 * "WASHINGTON (AP) —".
 */
const DATELINE_RE =
  /^(?<place>\p{Lu}[\p{L}.'’-]*(?: \p{Lu}?[\p{L}.'’-]+){0,3})(?<extra>(?:,? ?(?:\p{Lu}[\p{L}.]*\.? \d{1,2}|\d{1,2} \p{Lu}[\p{L}]*\.?|\p{Lu}{2,}[\p{Lu}\d-]*|\p{Lu}\p{Ll}+\.?)){0,3})\.? ?(?<agency>\([^)]{2,40}\))? ?(?<end>[-–—]{1,2} |\/[^/\s]{2,20}\/\.? ?)/u;

/** Longest dateline we accept, characters. */
const MAX_DATELINE_CHARS = 90;

export interface Dateline {
  /** The place, as printed. */
  readonly place: string;
  /** The whole dateline as printed, through its dash. */
  readonly raw: string;
}

/**
 * Find the dateline place at the start of an article's first paragraph.
 * The place must be printed in capitals, or be followed by a date or agency,
 * so an ordinary sentence with a dash does not count.
 */
export function findDateline(firstParagraph: string): Dateline | null {
  const m = DATELINE_RE.exec(firstParagraph);
  if (!m || !m.groups) return null;
  const raw = m[0];
  if (raw.length > MAX_DATELINE_CHARS) return null;
  const place = m.groups['place']!.trim();
  const extra = m.groups['extra'] ?? '';
  const agency = m.groups['agency'] ?? '';
  const end = m.groups['end'] ?? '';
  const placeIsCaps = place === place.toUpperCase() && /\p{Lu}{2,}/u.test(place);
  const hasQualifier = agency !== '' || end.startsWith('/') || /\d|\p{Lu}{2,}/u.test(extra);
  if (!placeIsCaps && !hasQualifier) return null;
  return { place: place.replace(/[.,]+$/, ''), raw: raw.trim() };
}
