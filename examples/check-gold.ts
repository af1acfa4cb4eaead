/**
 * Checks the example corpus against its hand annotations.
 *
 * For every `examples/<story>/gold.json`: each annotated string (title, body
 * first/last lines, quotes, terms in quote marks, event and time evidence,
 * contradictions, quote variants, stances …) must be a verbatim substring of
 * the text it describes; every file must parse (JSON-LD is valid JSON with the
 * NewsArticle fields, the feed is valid XML, JSON Lines records are JSON with
 * the expected fields); every page must say it is fictional.
 *
 * Run: `npx tsx examples/check-gold.ts` — exits 1 and lists each failure.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';

const EXAMPLES_DIR = path.dirname(fileURLToPath(import.meta.url));

/** Gold dates are ISO 8601 at the precision the text supports; a decade is `199X`, a week `2025-W37`. */
const GOLD_DATE = /^(\d{4}|\d{3}X|\d{4}-\d{2}|\d{4}-\d{2}-\d{2}|\d{4}-W\d{2})$/;
/** Fields every JSON Lines article record carries (the ingest reads them as hints). */
const JSONL_FIELDS = ['url', 'title', 'text', 'published', 'author', 'outlet'] as const;
/** Opening and closing quote marks around a direct quote or a term nobody says. */
const OPENING_MARKS = new Set(['“', '"', '‘', "'"]);
const CLOSING_MARKS = new Set(['”', '"', '’', "'"]);
/** Every page says it is invented, somewhere in its furniture. */
const FICTIONAL_MARK = /fictional example/i;

type Format = 'text' | 'html' | 'rss' | 'jsonl';

interface GoldQuote { text: string; speaker: string; direct: boolean }
interface GoldEvent { date: string | null; actor: string; what: string; evidence: string }
interface GoldTime { text: string; evidence: string; value: string | null }
interface GoldArticle {
  id: string;
  file: string;
  format: Format;
  item?: string;
  line?: number;
  outlet: string | null;
  kind: string;
  title: string | null;
  published: string | null;
  page_date?: string;
  author: string | null;
  section: string | null;
  body_first: string;
  body_last: string;
  not_body: string[];
  people: string[];
  quotes: GoldQuote[];
  not_quotes: string[];
  events: GoldEvent[];
  times?: GoldTime[];
  role_mentions?: { form: string; holder: string; evidence: string }[];
}
interface Gold {
  articles: GoldArticle[];
  not_in_story?: { file: string; item?: string; title: string }[];
  aliases: { canonical: string; forms: string[] }[];
  acronyms?: { article: string; short: string; long: string; evidence: string }[];
  contradictions: { kind: string; claim: string; sides: { value: string; articles: string[]; evidence: string }[] }[];
  quote_variants: { speaker: string; forms: { article: string; text: string }[] }[];
  single_source_claims: { article: string; claim: string; evidence?: string }[];
  stances: { topic: string; positions: { actor: string; position: string; date: string | null; articles: string[]; evidence?: Record<string, string> }[] };
}

/** What one gold article is checked against. */
interface Source {
  /** The whole file as stored. */
  raw: string;
  /** The article's own body as a consumer receives it (feed item content, JSONL text, or the page). */
  body: string;
  /** `body` as readable text: tags removed and whitespace collapsed (same as `body` for plain text). */
  readable: string;
  /** The title the format itself states, where it has a field for one. */
  titleField?: string;
}

const failures: string[] = [];
let checks = 0;

function check(ok: boolean, message: string): void {
  checks++;
  if (!ok) failures.push(message);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function htmlToText(html: string): string {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  return collapse(document.body.textContent ?? '');
}

function pageText(html: string): string {
  const { document } = parseHTML(html);
  for (const script of document.querySelectorAll('script, style')) script.remove();
  return collapse(document.body?.textContent ?? '');
}

/** True when `needle` occurs in the body (as stored) and in its readable text, so no tag or entity splits it. */
function inBody(src: Source, needle: string): boolean {
  return src.body.includes(needle) && src.readable.includes(collapse(needle));
}

function checkJsonLd(file: string, raw: string, article?: GoldArticle): void {
  const blocks = [...raw.matchAll(/<script[^>]*type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)];
  for (const [, json] of blocks) {
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(json!) as Record<string, unknown>;
    } catch (err) {
      check(false, `${file}: JSON-LD is not valid JSON (${(err as Error).message})`);
      continue;
    }
    check(true, '');
    if (data['@type'] !== 'NewsArticle') continue;
    for (const field of ['headline', 'datePublished', 'author', 'publisher']) {
      check(data[field] !== undefined, `${file}: JSON-LD NewsArticle lacks ${field}`);
    }
    if (article) {
      check(data['headline'] === article.title, `${file}: JSON-LD headline differs from gold title`);
      check(String(data['datePublished']).startsWith(article.published ?? '\u0000'), `${file}: JSON-LD datePublished does not match gold published`);
    }
  }
}

function loadFeedItems(file: string, raw: string): Record<string, unknown>[] {
  const valid = XMLValidator.validate(raw);
  check(valid === true, `${file}: not valid XML (${valid === true ? '' : valid.err.msg} at line ${valid === true ? 0 : valid.err.line})`);
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' });
  const doc = parser.parse(raw) as { rss?: { '@_version'?: string; channel?: { item?: Record<string, unknown>[] } } };
  check(doc.rss?.['@_version'] === '2.0', `${file}: not an RSS 2.0 document`);
  return doc.rss?.channel?.item ?? [];
}

function guidOf(item: Record<string, unknown>): string {
  const guid = item['guid'];
  return typeof guid === 'object' && guid !== null ? String((guid as Record<string, unknown>)['#text']) : String(guid);
}

function loadJsonl(file: string, raw: string): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [];
  raw.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const record = JSON.parse(line) as Record<string, unknown>;
      for (const field of JSONL_FIELDS) check(typeof record[field] === 'string' && record[field] !== '', `${file}:${i + 1}: field ${field} missing or empty`);
      records.push(record);
    } catch (err) {
      check(false, `${file}:${i + 1}: not valid JSON (${(err as Error).message})`);
    }
  });
  return records;
}

function loadSource(dir: string, article: GoldArticle): Source | undefined {
  const file = path.join(dir, article.file);
  if (!existsSync(file)) {
    check(false, `${article.id}: file ${article.file} does not exist`);
    return undefined;
  }
  const raw = readFileSync(file, 'utf8');
  switch (article.format) {
    case 'text':
      return { raw, body: raw, readable: raw };
    case 'html':
      checkJsonLd(article.file, raw, raw.includes('application/ld+json') ? article : undefined);
      return { raw, body: raw, readable: pageText(raw) };
    case 'rss': {
      const item = loadFeedItems(article.file, raw).find((i) => guidOf(i) === article.item);
      if (!item) {
        check(false, `${article.id}: feed item ${article.item} not found in ${article.file}`);
        return undefined;
      }
      const encoded = String(item['content:encoded'] ?? '');
      check(encoded.length > 0, `${article.id}: feed item has no content:encoded`);
      return { raw, body: encoded, readable: htmlToText(encoded), titleField: String(item['title']) };
    }
    case 'jsonl': {
      const record = loadJsonl(article.file, raw)[(article.line ?? 1) - 1];
      if (!record) {
        check(false, `${article.id}: ${article.file} has no line ${article.line}`);
        return undefined;
      }
      const text = String(record['text']);
      return { raw, body: text, readable: text, titleField: String(record['title']) };
    }
  }
}

/** A direct quote or a quoted term sits between quote marks; reported speech does not. */
function quotedAt(src: Source, text: string): boolean {
  let at = src.body.indexOf(text);
  while (at >= 0) {
    if (OPENING_MARKS.has(src.body[at - 1] ?? '') && CLOSING_MARKS.has(src.body[at + text.length] ?? '')) return true;
    at = src.body.indexOf(text, at + 1);
  }
  return false;
}

function checkArticle(article: GoldArticle, src: Source): void {
  const where = `${article.id} (${article.file})`;
  const has = (s: string, what: string): void => check(inBody(src, s), `${where}: ${what} not found verbatim: ${JSON.stringify(s)}`);

  if (article.title !== null) {
    check(src.raw.includes(article.title), `${where}: title not in file`);
    if (src.titleField !== undefined) check(src.titleField === article.title, `${where}: title field differs from gold title`);
  }
  for (const name of [article.author, article.outlet].filter((v): v is string => v !== null)) {
    check(src.raw.includes(name), `${where}: ${JSON.stringify(name)} not in file`);
  }
  for (const date of [article.published, article.page_date]) if (date) check(GOLD_DATE.test(date), `${where}: bad date ${date}`);
  has(article.body_first, 'body_first');
  has(article.body_last, 'body_last');
  check(src.body.indexOf(article.body_first) < src.body.indexOf(article.body_last), `${where}: body_first comes after body_last`);
  for (const line of article.not_body) {
    // A not_body line that is not on the page would make the check vacuous.
    check(src.raw.includes(line), `${where}: not_body line not in file: ${JSON.stringify(line)}`);
    if (src.body !== src.raw) check(!src.body.includes(line), `${where}: not_body line inside the item body: ${JSON.stringify(line)}`);
  }
  for (const q of article.quotes) {
    has(q.text, `quote by ${q.speaker}`);
    check(quotedAt(src, q.text) === q.direct, `${where}: quote ${JSON.stringify(q.text.slice(0, 40))} is ${q.direct ? 'not ' : ''}between quote marks but marked direct=${q.direct}`);
  }
  for (const term of article.not_quotes) {
    has(term, 'not_quote');
    check(quotedAt(src, term), `${where}: not_quote ${JSON.stringify(term)} is not between quote marks`);
  }
  for (const e of article.events) {
    has(e.evidence, `event evidence (${e.what})`);
    check(e.date === null || GOLD_DATE.test(e.date), `${where}: bad event date ${e.date}`);
  }
  for (const t of article.times ?? []) {
    has(t.evidence, 'time evidence');
    check(t.evidence.includes(t.text), `${where}: time ${JSON.stringify(t.text)} not inside its evidence`);
    check(t.value === null || GOLD_DATE.test(t.value), `${where}: bad time value ${t.value}`);
  }
  for (const r of article.role_mentions ?? []) {
    has(r.evidence, 'role mention evidence');
    check(r.evidence.includes(r.form), `${where}: role form ${JSON.stringify(r.form)} not inside its evidence`);
  }
}

function checkStory(dir: string): void {
  const goldPath = path.join(dir, 'gold.json');
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Gold;
  const story = path.basename(dir);
  const sources = new Map<string, Source>();
  for (const article of gold.articles) {
    const src = loadSource(dir, article);
    if (!src) continue;
    sources.set(article.id, src);
    checkArticle(article, src);
  }
  const inArticle = (id: string, s: string, what: string): void => {
    const src = sources.get(id);
    check(src !== undefined && inBody(src, s), `${story}: ${what} not found verbatim in article ${id}: ${JSON.stringify(s)}`);
  };
  const allText = [...sources.values()].map((s) => s.raw).join('\n');

  for (const group of gold.aliases) for (const form of group.forms) check(allText.includes(form), `${story}: alias form ${JSON.stringify(form)} of ${group.canonical} occurs in no article`);
  for (const article of gold.articles) {
    for (const person of article.people) {
      const forms = gold.aliases.find((a) => a.canonical === person)?.forms ?? [person];
      check(forms.some((f) => sources.get(article.id)?.raw.includes(f)), `${story}: person ${person} not named in article ${article.id}`);
    }
  }
  for (const a of gold.acronyms ?? []) inArticle(a.article, a.evidence, `acronym ${a.short}`);
  for (const c of gold.contradictions) {
    for (const side of c.sides) inArticle(side.articles[0]!, side.evidence, `contradiction side ${JSON.stringify(side.value)}`);
  }
  for (const v of gold.quote_variants) for (const form of v.forms) inArticle(form.article, form.text, `quote variant of ${v.speaker}`);
  for (const claim of gold.single_source_claims) if (claim.evidence) inArticle(claim.article, claim.evidence, 'single-source claim');
  for (const p of gold.stances.positions) {
    check(p.date === null || GOLD_DATE.test(p.date), `${story}: bad stance date ${p.date}`);
    for (const id of p.articles) {
      const evidence = p.evidence?.[id];
      if (evidence) inArticle(id, evidence, `stance of ${p.actor}`);
      else check(p.evidence === undefined, `${story}: stance of ${p.actor} lacks evidence for article ${id}`);
    }
  }
  for (const d of gold.not_in_story ?? []) {
    const file = path.join(dir, d.file);
    const raw = existsSync(file) ? readFileSync(file, 'utf8') : '';
    check(raw.includes(d.title), `${story}: distractor ${d.file}${d.item ? `#${d.item}` : ''} missing or lacks its title`);
    if (d.item) check(loadFeedItems(d.file, raw).some((i) => guidOf(i) === d.item), `${story}: distractor item ${d.item} not in ${d.file}`);
  }
  // Every page in the folder is annotated, so nothing untested ships as an example.
  const annotated = new Set(gold.articles.map((a) => a.file));
  for (const name of readdirSync(dir)) {
    if (name !== 'gold.json') check(annotated.has(name), `${story}: ${name} is not annotated in gold.json`);
  }
}

/** Every example page parses and says it is fictional. */
function checkAllPages(dir: string): void {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      checkAllPages(file);
      continue;
    }
    if (/\.(md|ts)$/.test(name) || name === 'gold.json') continue;
    const raw = readFileSync(file, 'utf8');
    const rel = path.relative(EXAMPLES_DIR, file);
    check(FICTIONAL_MARK.test(raw), `${rel}: does not say it is fictional example content`);
    if (name.endsWith('.html')) checkJsonLd(rel, raw);
    if (name.endsWith('.xml')) loadFeedItems(rel, raw);
    if (name.endsWith('.jsonl')) loadJsonl(rel, raw);
  }
}

const stories = readdirSync(EXAMPLES_DIR)
  .map((name) => path.join(EXAMPLES_DIR, name))
  .filter((dir) => existsSync(path.join(dir, 'gold.json')));
for (const dir of stories) checkStory(dir);
checkAllPages(EXAMPLES_DIR);

if (failures.length > 0) {
  console.error(`check-gold: ${failures.length} of ${checks} checks failed`);
  for (const f of failures) console.error(`  - ${f}`);
  process.exit(1);
}
console.log(`check-gold: all ${checks} checks passed (${stories.length} ${stories.length === 1 ? 'story' : 'stories'})`);
