/**
 * Titles and publication dates on pages the metadata rules were not built on: the 91 text dumps of
 * ../shared/eval-data/extraction, each read as a dump with its address (as a crawler hands it over),
 * against what the same page's HTML states in JSON-LD, meta tags, <time> and <title> (silver:
 * structured, but sometimes a modified date, another time zone, or a title with the site's name).
 *
 * - `agree`: of pages where both give a date, the share within one day of each other (a time zone
 *   moves a late-evening stamp to the next day);
 * - `address_agree`: the same, for the pages dated from their address alone;
 * - `text_only` / `html_only`: pages only one side dates (a dump dated where its HTML states nothing
 *   is not wrong: many pages print a date without marking it up);
 * - `title_agree`: of pages where both give a title, the share with the same words (case, quotes,
 *   dashes and spacing aside).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extractArticle } from '../src/extract/index.js';
import { extractFromHtml } from '../src/extract/html/index.js';
import { EVAL_DATA_DIR, missingData } from './paths.js';
import type { EvalResult, EvalTask } from './types.js';

const DATA = path.join(EVAL_DATA_DIR, 'extraction');
const ONE_DAY_MS = 86_400_000;

function loose(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[‘’`´]/g, "'").replace(/[“”«»„]/g, '"').replace(/[–—‐‑]/g, '-').replace(/\s+/g, ' ').trim();
}

function day(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

/** Within a day at the coarser precision of the two. */
function agrees(a: string, b: string): boolean {
  if (a.length < 10 || b.length < 10) return a.slice(0, Math.min(a.length, b.length, 7)) === b.slice(0, Math.min(a.length, b.length, 7));
  return Math.abs(day(a) - day(b)) <= ONE_DAY_MS;
}

export const task: EvalTask = {
  name: 'metadata-silver',
  async run(): Promise<EvalResult> {
    const data = `91 text dumps with their addresses of ${path.relative(process.cwd(), DATA)}, against each page's HTML date`;
    const missing = missingData(path.join(DATA, 'ground-truth.json'));
    if (missing) return { task: this.name, data, rows: [], metrics: {}, skipped: missing };
    const truth = JSON.parse(readFileSync(path.join(DATA, 'ground-truth.json'), 'utf8')) as Record<string, { url: string }>;
    const t = { both: 0, agree: 0, address: 0, addressAgree: 0, textOnly: 0, htmlOnly: 0, pages: 0, titles: 0, titlesAgree: 0 };
    const rows: Record<string, string>[] = [];
    for (const [id, { url }] of Object.entries(truth)) {
      const htmlFile = path.join(DATA, 'html', `${id}.html.gz`);
      const textFile = path.join(DATA, 'text', `${id}.txt`);
      if (!existsSync(htmlFile) || !existsSync(textFile)) continue;
      t.pages++;
      let silver: string | null = null;
      let silverTitle: string | null = null;
      try {
        const { meta } = extractFromHtml(gunzipSync(readFileSync(htmlFile)).toString('utf8'), { url });
        silver = meta.published?.value ?? null;
        silverTitle = meta.title?.value ?? null;
      } catch { /* a page without an article has no date either */ }
      let published: { value: string; evidence: { source: string; raw?: string } } | undefined;
      let title: string | null = null;
      try {
        const { meta } = extractArticle({ source: { url, path: id }, format: 'text', content: readFileSync(textFile, 'utf8'), encoding: 'utf-8', fetchedAt: '' });
        published = meta.published;
        title = meta.title?.value ?? null;
      } catch { /* no article text: nothing dated */ }
      if (title && silverTitle) {
        t.titles++;
        if (loose(title) === loose(silverTitle)) t.titlesAgree++;
      }
      const ours = published?.value ?? null;
      if (ours && silver) {
        t.both++;
        const ok = agrees(ours, silver);
        if (ok) t.agree++;
        if (published!.evidence.source === 'url') { t.address++; if (ok) t.addressAgree++; }
        if (!ok) rows.push({ page: id.slice(0, 12), ours: `${ours} [${published!.evidence.source}: ${published!.evidence.raw ?? ''}]`, html: silver });
      } else if (ours) t.textOnly++;
      else if (silver) t.htmlOnly++;
    }
    rows.push({ page: 'all', ours: `${t.agree}/${t.both} dates agree, ${t.addressAgree}/${t.address} from the address; ${t.textOnly} dated only from the dump; ${t.titlesAgree}/${t.titles} titles agree`, html: `${t.htmlOnly} dated only in the HTML` });
    return {
      task: this.name,
      data,
      rows,
      metrics: { title_agree: t.titles ? t.titlesAgree / t.titles : 1, agree: t.both ? t.agree / t.both : 1, address_agree: t.address ? t.addressAgree / t.address : 1, address_dated: t.address, text_only: t.textOnly, html_only: t.htmlOnly },
    };
  },
};
