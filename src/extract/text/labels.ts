import type { ArticleKind } from '../../core/index.js';
import type { PageLine } from './lines.js';
import { DATELINE } from './outlet.js';

/** Section names that say what kind of article it is. */
const KIND_BY_LABEL: ReadonlyArray<readonly [RegExp, ArticleKind]> = [
  [/^(opinion|opinions|op-?ed|comment|commentary|editorial|column|columns|blog|blogs|letters?|viewpoint|perspective)s?$/i, 'opinion'],
  [/^(analysis|analyses|explainer|in depth|deep dive|insight|insights)$/i, 'analysis'],
];
/** The disclaimer opinion pages carry: "the views expressed … do not necessarily reflect …". */
const OPINION_DISCLAIMER = /\b(views?|opinions?)\b[^.]{0,80}\bdo(es)? not necessarily (reflect|represent)\b/i;
/** A breadcrumb: "World › Middle East", "News / Politics". */
const BREADCRUMB = /\s[›»>/|]\s/;
/** How many lines above the headline a section label may sit. */
const SECTION_SEARCH_LINES = 4;
const SECTION_WORD = /^\p{Lu}[\p{L}&-]{2,}(?:\s\p{Lu}[\p{L}&-]{2,})?$/u;
/** Words that label page furniture, not a section of the site. */
const NOT_SECTION = /^(tags?|topics?|menu|home|search|share|listen|live|breaking|latest|trending|subscribe|sign in|log in|advertisement|slogan|image|video|photo)$/i;

/** The section label near the headline ("Politics", a breadcrumb's last part, a glued "PoliticsSecurity" → "Politics"). */
export function findSection(lines: readonly PageLine[], titleIndex: number | null): { name: string; line: PageLine } | null {
  if (titleIndex === null) return null;
  for (let i = titleIndex - 1, seen = 0; i >= 0 && seen < SECTION_SEARCH_LINES; i--) {
    const line = lines[i]!;
    if (line.words === 0) continue;
    seen++;
    const text = line.text.trim();
    const crumbs = BREADCRUMB.test(text) ? text.split(/\s[›»>/|]\s/).map((c) => c.trim()).filter(Boolean) : [text];
    const last = crumbs[crumbs.length - 1]!;
    // Flattened category links run together: "PoliticsSecurity" is two labels.
    const parts = last.split(/(?<=\p{Ll})(?=\p{Lu})/u);
    const name = parts.length > 1 && parts.every((p) => SECTION_WORD.test(p)) ? parts[0]! : last;
    if (SECTION_WORD.test(name) && !NOT_SECTION.test(name)) return { name, line };
  }
  return null;
}

/** The kind a section label states, or null. */
export function kindOfSection(section: string): ArticleKind | null {
  for (const [re, kind] of KIND_BY_LABEL) if (re.test(section.trim())) return kind;
  return null;
}

/** A line carrying the opinion disclaimer, or null. */
export function findOpinionDisclaimer(lines: readonly PageLine[]): PageLine | null {
  return lines.find((l) => OPINION_DISCLAIMER.test(l.text)) ?? null;
}

/**
 * A dateline that prints the full date: "Corvel, April 3, 2031 –", "CORVEL, 3 April 2031 (Agency) —",
 * "Corvel, March 5, 2031. /AGENCY/.".
 */
const DATED_DATELINE =
  /^(\p{Lu}[\p{L}.'’ -]{1,30}?),\s+(\p{L}{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+\p{L}{3,9}\.?,?\s+\d{4})\.?\s*(?:\([^()]{2,30}\)|\/[^/\s]{2,20}\/\.?)?\s*[–—-]?\s+\S/u;

/** The place and the printed date of a dateline opening the body that states a full date, or null. */
export function findDatedDateline(line: PageLine): { place: string; date: string } | null {
  const m = DATED_DATELINE.exec(line.text);
  return m ? { place: m[1]!.trim(), date: m[2]! } : null;
}

/** The place of a dateline opening the body ("Tarnby, AGENCY –", "WASHINGTON (AP) —", "LONDON —"). */
export function findDatelinePlace(line: PageLine): string | null {
  const dated = findDatedDateline(line);
  if (dated) return dated.place;
  const agency = DATELINE.exec(line.text);
  if (agency) return agency[1]!.trim();
  const plain = /^(\p{Lu}[\p{Lu}.'’ -]{2,30}?)\s*[–—-]\s+\S/u.exec(line.text);
  return plain ? plain[1]!.trim() : null;
}

/** Function words frequent in any English text. */
const ENGLISH_FUNCTION_WORDS = new Set('the of and to in a is that for on with as was it by at from are be this have has'.split(' '));
/** Share of function words above which a text is English (English prose runs at 0.2–0.3). */
const ENGLISH_MIN_SHARE = 0.1;
const ENGLISH_MIN_TOKENS = 20;

/** 'en' when the text reads as English, else null (other languages are not guessed). */
export function detectEnglish(text: string): boolean {
  const tokens = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (tokens.length < ENGLISH_MIN_TOKENS) return false;
  return tokens.filter((t) => ENGLISH_FUNCTION_WORDS.has(t)).length / tokens.length >= ENGLISH_MIN_SHARE;
}
