import type { PageLine } from './lines.js';

/** A personal name as printed: 2–4 capitalised words ("Jane van Dam" allows one lower-case particle). */
const NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:van|von|de|der|da|di|del|la|le|bin|al|el)\s+)?\p{Lu}[\p{L}'’.-]*){1,3}$/u;
/** Capitalised phrases that look like names but are page furniture. */
const NOT_A_NAME =
  /\b(news|read|more|most|latest|related|stories|articles|comments?|reply|share|subscribe|privacy|policy|terms|home|menu|search|contact|about|us|live|video|photos?|image|source|rights|reserved|breaking|trending|popular|opinion|analysis|politics|world|business|sports?|tags?|topics|follow|sign|log|in|the|of|and|for|with|from|back|top|advertisement|newsletter|updated|published|minutes?|min|ago|persons?|id)\b/i;
const BYLINE_PREFIX = /^(?:by|written by|words by|reporting by|author|authors|posted by)\s*[:\-–]?\s+(.+)$/i;
const ROLE = /\b(writer|reporter|correspondent|editor|journalist|contributor|columnist|staff)\b/i;
const BIO_FIRST_PERSON = /\bI[’']m (\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3}),?\s+(?:a|an|the)\s/u;
const BIO_THIRD_PERSON = /^(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3}) is (?:a|an|the) [\p{L} -]*\b(founder|editor|writer|journalist|reporter|columnist|correspondent|analyst|researcher|fellow|professor|contributor|expert)\b/u;

/** A line that is nothing but a personal name. */
export function looksLikeName(text: string): boolean {
  const t = text.trim();
  return NAME.test(t) && !NOT_A_NAME.test(t) && !/\d/.test(t);
}

/** A byline that credits a desk rather than a person: "By Staff, Agencies", "By News Desk". Kept as printed. */
const DESK_CREDIT = /^(?:(?:our|the|news|web|staff|foreign|online|agenc(?:y|ies)|wires?|desk|bureau|reporters?|correspondents?|editors?|writers?|and)[\s,&/]*)+$/i;

/** The name in a byline-like line ("By Jane Roe and …", "Jane Roe, Staff Writer", "Jane Roe Jane Roe", "By Staff, Agencies"), or null. */
export function nameFromBylineLine(text: string): string | null {
  const prefixed = BYLINE_PREFIX.exec(text);
  if (prefixed && /^by\b/i.test(text) && DESK_CREDIT.test(prefixed[1]!.trim())) return prefixed[1]!.trim();
  if (prefixed) {
    const first = prefixed[1]!.split(/\s*(?:,|\band\b|&|\||·|•|\s[-–—]\s)\s*/)[0]!.trim();
    return looksLikeName(first) ? first : null;
  }
  // Flattened author widgets print the name twice: "Jane Roe Jane Roe".
  const tokens = text.trim().split(/\s+/);
  if (tokens.length >= 4 && tokens.length % 2 === 0) {
    const half = tokens.length / 2;
    const a = tokens.slice(0, half).join(' ');
    if (a === tokens.slice(half).join(' ') && looksLikeName(a)) return a;
  }
  const comma = text.indexOf(',');
  if (comma > 0 && ROLE.test(text.slice(comma))) {
    const name = text.slice(0, comma).trim();
    if (looksLikeName(name)) return name;
  }
  return null;
}

/** The author named in a bio paragraph ("I'm Jane Roe, the founder of …", "Jane Roe is a reporter …"), or null. */
export function nameFromBio(text: string): string | null {
  const m = BIO_FIRST_PERSON.exec(text) ?? BIO_THIRD_PERSON.exec(text);
  return m && looksLikeName(m[1]!) ? m[1]! : null;
}

export interface AuthorChoice {
  readonly name: string;
  readonly line: PageLine;
}

/**
 * The author: a byline in the head zone, else a bare name line next to the date line,
 * else the name of an author bio after the body.
 */
export function findAuthor(
  lines: readonly PageLine[],
  head: { readonly from: number; readonly to: number },
  options: { readonly dateIndex: number | null; readonly afterBody: number },
): AuthorChoice | null {
  for (let i = head.from; i < head.to; i++) {
    const name = nameFromBylineLine(lines[i]!.text);
    if (name) return { name, line: lines[i]! };
  }
  if (options.dateIndex !== null) {
    for (const i of [options.dateIndex - 1, options.dateIndex + 1, options.dateIndex - 2]) {
      const line = lines[i];
      if (line && i >= head.from && i < head.to && looksLikeName(line.text)) return { name: line.text.trim(), line };
    }
  }
  // A first-person bio ("I'm Jane Roe, the founder of …") is never prose about someone else, so it is
  // trusted wherever the classifier put it; a third-person one only after the body.
  for (let i = head.to; i < lines.length; i++) {
    const text = lines[i]!.text;
    const m = i >= options.afterBody ? nameFromBio(text) : BIO_FIRST_PERSON.exec(text)?.[1];
    if (m && looksLikeName(m)) return { name: m, line: lines[i]! };
  }
  return null;
}
