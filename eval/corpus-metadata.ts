/**
 * Metadata and body of every page of both annotated corpora (../shared/corpus/iran-negotiations-2025 and
 * realnews-dev-2025), read as a user would read them: analysed from their files (the kind is the analysis's).
 *
 * Per field, per corpus:
 * - `title` / `published` "where stated": the share of articles whose gold value is non-null that get it
 *   right (title: the same printed words; published: the same date at the gold's precision, a more
 *   precise value whose date part agrees counts). A title marked as read from the address (evidence
 *   source `url`) is the marked fallback the gold leaves null, and counts as no title.
 * - `*_precision`: of the values emitted, the share that are right; a value where the gold is null is
 *   wrong (for published, unless it is the month the gold gives as `published_partial`).
 * - `*_all`, `author`, `kind`: accuracy over all articles (null = null counts).
 * - `outlet` where stated: the gold names the outlet as an annotator would ("Name (country); wire copy");
 *   ours is right when its letters are the gold's main name or inside it (a domain counts by its name).
 * - `body_ok`: body_first and body_last are in the body and neither any of not_body nor the page's own
 *   address is; `address_kept_out`: the share of bodies without the page's address.
 */
import type { EvalResult, EvalTask } from './types.js';
import { analyzeCorpus, corporaOrReason, sameText, squash, type GoldArticle, type ScoredPair } from './metrics/corpus-gold.js';

interface Tally { right: number; of: number }
const tally = (): Tally => ({ right: 0, of: 0 });
const share = (t: Tally): number => (t.of ? t.right / t.of : 1);
const add = (t: Tally, ok: boolean): void => { t.of++; if (ok) t.right++; };

interface FieldTallies {
  title: Tally; titlePrecision: Tally; titleAll: Tally; published: Tally; publishedPrecision: Tally; publishedAll: Tally;
  author: Tally; outlet: Tally; kind: Tally; body: Tally; addressInBody: number;
}
const fieldTallies = (): FieldTallies => ({
  title: tally(), titlePrecision: tally(), titleAll: tally(), published: tally(), publishedPrecision: tally(), publishedAll: tally(),
  author: tally(), outlet: tally(), kind: tally(), body: tally(), addressInBody: 0,
});

function publishedRight(ours: string, gold: GoldArticle): boolean {
  if (gold.published) return ours.slice(0, gold.published.length) === gold.published;
  return gold.published_partial !== undefined && ours === gold.published_partial;
}

/** The registrable name of a domain ("www.example.co.uk" → "example"), or the name itself. */
function outletKey(name: string): string {
  const domain = /^(?:[a-z\d-]+\.)+[a-z]{2,}$/i.test(name.trim()) ? name.trim().toLowerCase().replace(/^www\d?\./, '').replace(/(\.(co|com|org|net|gov|ac))?\.[a-z]{2,}$/, '') : name;
  return squash(domain.split('.').pop() ?? domain);
}

function outletRight(ours: string | null, gold: string): boolean {
  if (!ours) return false;
  const mine = outletKey(ours);
  const main = squash(gold.split(/[(;,]/)[0]!);
  return mine.length >= 3 && (mine === main || main.includes(mine) || (main.length >= 3 && mine.includes(main)));
}

function mark(ok: boolean, value: string | null | undefined): string {
  return `${ok ? 'ok' : 'WRONG'} ${value ?? '∅'}`;
}

function scoreArticle({ gold: g, doc, article }: ScoredPair, t: FieldTallies): Record<string, string> {
  if (!doc || !article) {
    for (const k of ['title', 'titleAll', 'published', 'publishedAll', 'author', 'outlet', 'kind', 'body'] as const) t[k].of++;
    return { article: g.id, body: 'NOT EXTRACTED' };
  }
  const meta = doc.meta;
  const titleFromText = meta.title && meta.title.evidence.source !== 'url' ? meta.title.value : null;
  const titleOk = sameText(titleFromText, g.title);
  if (g.title !== null) add(t.title, titleOk);
  if (titleFromText !== null) add(t.titlePrecision, titleOk);
  add(t.titleAll, titleOk);

  const published = meta.published?.value ?? null;
  const publishedOk = published === null ? g.published === null : publishedRight(published, g);
  if (g.published !== null) add(t.published, publishedOk);
  if (published !== null) add(t.publishedPrecision, publishedOk);
  add(t.publishedAll, publishedOk);

  const author = meta.authors?.value.join(', ') ?? null;
  const authorOk = author === null ? g.author === null : g.author !== null && sameText(author, g.author);
  add(t.author, authorOk);

  const outlet = meta.outlet?.value ?? null;
  const outletOk = g.outlet === null ? outlet === null : outletRight(outlet, g.outlet);
  add(t.outlet, outletOk);

  // The kind the analysis gives: the page's label, else what the story's framing read in the text.
  const kind = article.kind;
  add(t.kind, kind === g.kind);

  const text = doc.text;
  const leaked = g.not_body.filter((s) => text.includes(s));
  const first = text.includes(g.body_first);
  const last = text.includes(g.body_last);
  const address = g.url ? text.includes(g.url) : false;
  if (address) t.addressInBody++;
  const bodyOk = first && last && leaked.length === 0 && !address;
  add(t.body, bodyOk);
  const fallback = meta.title?.evidence.source === 'url' ? ` (address: ${meta.title.value})` : '';
  return {
    article: g.id,
    title: mark(titleOk, titleFromText) + fallback,
    published: `${mark(publishedOk, published)}${meta.published ? ` [${meta.published.evidence.source}]` : ''}`,
    author: mark(authorOk, author),
    outlet: mark(outletOk, outlet),
    kind: mark(kind === g.kind, kind),
    body: bodyOk
      ? 'ok'
      : `WRONG${first ? '' : ' first-missing'}${last ? '' : ' last-missing'}${leaked.length ? ` leaked=${leaked.map((s) => JSON.stringify(s.slice(0, 30))).join(',')}` : ''}${address ? ' address-in-body' : ''}`,
  };
}

export const task: EvalTask = {
  name: 'corpus-metadata',
  async run(): Promise<EvalResult> {
    const data = 'both annotated corpora in ../shared/corpus (iran-negotiations-2025, realnews-dev-2025): metadata and body';
    const { corpora, skipped } = corporaOrReason();
    if (skipped !== undefined) return { task: this.name, data, rows: [], metrics: {}, skipped };
    const rows: Record<string, string>[] = [];
    const metrics: Record<string, number> = {};
    for (const corpus of corpora) {
      const t = fieldTallies();
      for (const pair of await analyzeCorpus(corpus)) rows.push({ corpus: corpus.key, ...scoreArticle(pair, t) });
      const k = corpus.key;
      rows.push({
        corpus: k, article: 'all',
        title: `${t.title.right}/${t.title.of} where stated, ${t.titlePrecision.right}/${t.titlePrecision.of} emitted right`,
        published: `${t.published.right}/${t.published.of} where stated, ${t.publishedPrecision.right}/${t.publishedPrecision.of} emitted right`,
        author: `${t.author.right}/${t.author.of}`, outlet: `${t.outlet.right}/${t.outlet.of}`, kind: `${t.kind.right}/${t.kind.of}`,
        body: `${t.body.right}/${t.body.of}${t.addressInBody ? `, ${t.addressInBody} with the address in the body` : ''}`,
      });
      Object.assign(metrics, {
        [`${k}_title`]: share(t.title), [`${k}_title_precision`]: share(t.titlePrecision),
        [`${k}_published`]: share(t.published), [`${k}_published_precision`]: share(t.publishedPrecision),
        [`${k}_title_all`]: share(t.titleAll), [`${k}_published_all`]: share(t.publishedAll),
        [`${k}_author`]: share(t.author), [`${k}_outlet`]: share(t.outlet), [`${k}_kind`]: share(t.kind),
        [`${k}_body_ok`]: share(t.body), [`${k}_address_kept_out`]: t.body.of ? 1 - t.addressInBody / t.body.of : 1,
      });
    }
    return { task: this.name, data, rows, metrics };
  },
};
