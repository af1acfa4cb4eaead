import { countWords, type PageLine } from './lines.js';

/**
 * Picture credits and source labels that a page prints between its paragraphs, which the line classifier
 * may keep as body; these patterns are the conventions of news pages, not of any outlet.
 */

/** Photo and wire agencies as credits print them (after a photographer's name and a slash). */
const AGENCY = String.raw`(?:AP|AFP|Reuters|EPA(?:-EFE)?|EFE|Getty(?:\s+Images)?|Bloomberg|Anadolu(?:\s+Agency)?|Xinhua|TASS|Sputnik|Sipa(?:\s+USA)?|Shutterstock|Alamy|PA(?:\s+Images|\s+Wire)?|ANSA|dpa|Pool|NurPhoto|SOPA\s+Images|ZUMA(?:\s+Press)?|Imago|UPI|WENN|Handout|Courtesy)`;

/** "Mark Lee/AP", "Photo: Ana Ruiz / EPA", "Illustrative photo: X / EPA", "Image (c) Outlet": a credit on its own line. */
const CREDIT_LINE = new RegExp(String.raw`^(?:(?:illustrative\s+|file\s+|main\s+|top\s+)?(?:photo|photograph|image|picture|video|credit)s?\s*(?:\(c\)|©|:|by)\s*.{1,80}|[\p{L}.'’ -]{2,60}\s*/\s*${AGENCY}(?:\s+(?:photo|via\s+.{1,40}))?)$`, 'iu');

/** "Source: the minister's statement after the talks": a labelled line naming where a page took its story from. */
const SOURCE_LABEL = /^(?:source|sources|via)\s*:\s*\S/i;
/** Longest source line, in words: a longer one is prose that happens to open with the word. */
const MAX_SOURCE_LABEL_WORDS = 25;

/**
 * Is the line a picture credit or a source label? (A caption that describes the picture stays: events and
 * quotes are read from it, as from a standfirst.)
 */
export function isCreditLine(line: PageLine): boolean {
  const text = line.text.trim();
  if (CREDIT_LINE.test(text)) return true;
  return SOURCE_LABEL.test(text) && line.words <= MAX_SOURCE_LABEL_WORDS;
}

/** The body without the credits and source labels the classifier kept. */
export function withoutCredits(lines: readonly PageLine[], body: boolean[]): boolean[] {
  return body.map((b, i) => b && !isCreditLine(lines[i]!));
}

/** "… have failed.  (dpa/NAN)", "… on Monday. (Reuters)": a wire credit printed after a paragraph's last sentence. */
const TRAILING_CREDIT = /^(.*[.!?]["”’]?)\s+\(\s*[\p{L}&.-]{2,12}(?:\s*\/\s*[\p{L}&.-]{2,12}){0,3}\s*\)$/u;

/** The line without a wire credit glued after its last sentence (the paragraph stays; the credit is no body). */
export function withoutTrailingCredit(line: PageLine): PageLine {
  const m = TRAILING_CREDIT.exec(line.text);
  if (!m) return line;
  const text = m[1]!;
  return { ...line, text, words: countWords(text) };
}
