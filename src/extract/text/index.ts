/**
 * Article extraction from plain-text page dumps (one block per line, furniture included):
 * a trained line classifier decodes the body; headline, byline, date, outlet and section are
 * read from the lines around it, each with its line as evidence.
 */
import { ExtractError, type ArticleMeta, type Message, type MetaField } from '../../core/index.js';
import { bodyText, selectBody } from './body.js';
import { findAuthor } from './byline.js';
import { fromLine } from './evidence.js';
import { readDumpHeader } from './header.js';
import { orderFromNumericDates } from '../dates/numeric.js';
import { countryOfHost, dateOrderOfCountry, hostOf } from '../address/country.js';
import { registrableDomain } from '../address/outlet.js';
import { furnitureLabel } from './furniture.js';
import { withoutCredits, withoutTrailingCredit } from './credits.js';
import { detectEnglish, findDatedDateline, findDatelinePlace, findOpinionDisclaimer, findSection, kindOfSection } from './labels.js';
import { parseDateLine } from './dates.js';
import { cleanHeadline } from '../headline.js';
import { normaliseForMatch, splitLines, type PageLine } from './lines.js';
import { loadLineModel } from './model.js';
import { findOutlet } from './outlet.js';
import { findPublished } from './published.js';
import { findTitle } from './title.js';

export interface ExtractedArticle {
  /** Clean body: paragraphs and sub-headings in order, joined by "\n\n"; nothing else. */
  text: string;
  /** Each value with evidence `{ source: 'line', at: 'line N', raw }` (or 'inferred'). */
  meta: ArticleMeta;
  messages: Message[];
  /** The classification of every non-empty line, for debugging and the UI. */
  lines?: { n: number; label: LineLabel; score?: number }[];
}

export type LineLabel =
  | 'nav' | 'ticker' | 'related' | 'counter' | 'caption' | 'comment' | 'bio' | 'legal'
  | 'headline' | 'byline' | 'dateline' | 'date' | 'body' | 'subheading' | 'tags' | 'other'
  /** A line a dump tool or store wrote above the page: its address, a date. */
  | 'header';

const STAGE = 'extract/text';
/** How far above the headline (in lines) the byline/date block may start: some pages print the date first. */
const HEAD_LINES_ABOVE_TITLE = 10;
/** Without a headline, how far above the body to look for a byline or date. */
const HEAD_LINES_WITHOUT_TITLE = 12;
/** A body line this short without a sentence ending is a sub-heading. */
const SUBHEADING_MAX_WORDS = 14;
const SENTENCE_END = /[.!?…。]["'”’)]*$/u;

/**
 * Extract the article from a text dump of a web page. Header lines a dump tool wrote above the page
 * (its address, a store's date) are metadata, never body.
 * @throws ExtractError E_TEXT_EMPTY when the dump has no words at all.
 * @example
 * const { text, meta } = extractFromText(readFileSync('page.txt', 'utf8'));
 * meta.title?.value; meta.published?.evidence.at // 'line 12'
 */
export function extractFromText(text: string, options: { url?: string } = {}): ExtractedArticle {
  const header = readDumpHeader(splitLines(text));
  const lines = header.lines.map(withoutTrailingCredit);
  if (!lines.some((l) => l.words > 0)) throw new ExtractError('E_TEXT_EMPTY', `the text dump has no words${header.url || header.date ? ' besides its header' : ''}: nothing to extract`);
  const messages: Message[] = [];
  const url = options.url ?? header.url?.value;
  const host = hostOf(url);
  const country = countryOfHost(host);
  // Day and month of a numeric date: as the page's own dates show, else as the outlet's country writes them.
  const order = orderFromNumericDates(lines.map((l) => l.text).join('\n')) ?? (country ? dateOrderOfCountry(country) : null);
  const selection = selectBody(lines, loadLineModel());
  const body = withoutCredits(lines, [...selection.body]);
  const roles = new Map<number, LineLabel>();

  const title = findTitle(lines, body);
  if (title) {
    body[title.index] = false;
    roles.set(title.index, 'headline');
  }
  let firstBody = body.indexOf(true);
  if (firstBody < 0) firstBody = lines.length;
  const lastBody = body.lastIndexOf(true);
  const head = {
    from: Math.max(0, title ? title.index - HEAD_LINES_ABOVE_TITLE : firstBody - HEAD_LINES_WITHOUT_TITLE),
    to: firstBody,
  };

  const published = findPublished(lines, head, title?.index ?? null, order);
  if (published) roles.set(published.index, 'date');
  const author = findAuthor(lines, head, { dateIndex: published?.index ?? null, afterBody: lastBody + 1 });
  if (author) {
    const authorKey = normaliseForMatch(author.name);
    lines.forEach((l, i) => {
      if (normaliseForMatch(l.text) === authorKey) body[i] = false;
    });
    const at = lines.indexOf(author.line);
    const isBio = at >= firstBody;
    if (isBio) body[at] = false;
    if (!roles.has(at)) roles.set(at, isBio ? 'bio' : 'byline');
  }
  const dateline = findDateline(lines, body);
  if (dateline) {
    // A dateline opens the story: short unpunctuated lines before it are captions, not body.
    for (let i = 0; i < dateline.index; i++) if (body[i] && lines[i]!.words <= SUBHEADING_MAX_WORDS && !SENTENCE_END.test(lines[i]!.text)) body[i] = false;
  }
  const outlet = findOutlet(lines, { head, firstBody: dateline?.index ?? (firstBody < lines.length ? firstBody : null) });
  // The site's own domain names the outlet better than a wire agency's credit in the dateline.
  const site = registrableDomain(host);
  const section = findSection(lines, title?.index ?? null);

  const bodyString = bodyText(lines, body);
  const meta: { -readonly [K in keyof ArticleMeta]: ArticleMeta[K] } = {};
  if (title) meta.title = fromLine(cleanHeadline(lines[title.index]!.text, { outlet: outlet?.name, host }), lines[title.index]!);
  if (author) meta.authors = fromLine([author.name], author.line);
  // The page's date stamp, else the date its dateline prints, else the date a store wrote above the page.
  const datelineDate = dateline ? findDatedDateline(lines[dateline.index]!) : null;
  const datelineIso = datelineDate ? parseDateLine(datelineDate.date, order) : null;
  if (published) meta.published = fromLine(published.iso, lines[published.index]!);
  else if (datelineIso && datelineIso.length >= 10) meta.published = { value: datelineIso, evidence: { source: 'line', at: `line ${lines[dateline!.index]!.n}`, raw: datelineDate!.date } };
  else if (header.date) meta.published = { value: header.date.value, evidence: { source: 'line', at: `line ${header.date.line.n}`, raw: header.date.raw } };
  if (outlet && !(outlet.agency && site)) meta.outlet = fromLine(outlet.name, outlet.line);
  else if (site) meta.outlet = { value: site, evidence: { source: 'url', at: 'host', raw: host! } };
  if (section) meta.section = fromLine(section.name, section.line);
  if (dateline) meta.dateline = fromLine(dateline.place, lines[dateline.index]!);
  meta.kind = inferKind(lines, section);
  if (detectEnglish(bodyString)) meta.language = { value: 'en', evidence: { source: 'inferred', at: 'body text' } };
  if (options.url) meta.url = { value: options.url, evidence: { source: 'url', at: 'options.url' } };
  else if (header.url) meta.url = { value: header.url.value, evidence: { source: 'line', at: `line ${header.url.line.n}`, raw: header.url.raw } };

  if (!bodyString) messages.push({ level: 'warning', code: 'W_TEXT_NO_BODY', reason: 'no line of the dump reads as article body', stage: STAGE });
  if (!title) messages.push({ level: 'info', code: 'I_TEXT_NO_TITLE', reason: 'no headline line found above the body', stage: STAGE });
  if (!published) messages.push({ level: 'info', code: 'I_TEXT_NO_DATE', reason: 'no publication date line near the headline', stage: STAGE });

  const headerLines = [header.url?.line, header.date?.line]
    .filter((l): l is PageLine => l !== undefined && !lines.some((kept) => kept.n === l.n))
    .map((l) => ({ n: l.n, label: 'header' as const }));
  const labelled = [...headerLines, ...labelLines(lines, body, roles, selection.probabilities)].sort((a, b) => a.n - b.n);
  return { text: bodyString, meta, messages, lines: labelled };
}

/** The dateline of the first paragraph of prose in the body, if it has one. */
function findDateline(lines: readonly PageLine[], body: readonly boolean[]): { place: string; index: number } | null {
  const index = body.findIndex((b, i) => b && lines[i]!.words > SUBHEADING_MAX_WORDS);
  if (index < 0) return null;
  const place = findDatelinePlace(lines[index]!);
  return place ? { place, index } : null;
}

function inferKind(lines: readonly PageLine[], section: { name: string; line: PageLine } | null): MetaField<'news' | 'opinion' | 'analysis' | 'other'> {
  const stated = section ? kindOfSection(section.name) : null;
  if (stated && section) return fromLine(stated, section.line);
  const disclaimer = findOpinionDisclaimer(lines);
  if (disclaimer) return fromLine('opinion', disclaimer);
  return { value: 'news', evidence: { source: 'inferred', at: 'no opinion or analysis label on the page' } };
}

function labelLines(
  lines: readonly PageLine[],
  body: readonly boolean[],
  roles: ReadonlyMap<number, LineLabel>,
  probabilities: readonly number[],
): NonNullable<ExtractedArticle['lines']> {
  return lines.map((line, i) => {
    const score = Math.round(probabilities[i]! * 1000) / 1000;
    const role = roles.get(i);
    if (role) return { n: line.n, label: role, score };
    if (body[i]) {
      const sub = line.words <= SUBHEADING_MAX_WORDS && !SENTENCE_END.test(line.text);
      return { n: line.n, label: sub ? 'subheading' : 'body', score };
    }
    const near = lines.slice(Math.max(0, i - 2), i + 3);
    const inShortRun = near.filter((l) => l.words <= 3).length >= 4;
    return { n: line.n, label: furnitureLabel(line, inShortRun), score };
  });
}
