/**
 * The library page in Chromium against the real server: listing, search,
 * adding an article by paste, and a hostile article that must run nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { HAS_CHROMIUM, LAPTOP, SKIP_MESSAGE, ensureWebBuilt, launchChromium, startExampleServer, watchPage, type ExampleServer } from './helpers.js';

/** A fictional article written for this test. */
const PASTED_TITLE = 'Lantern festival returns to Corvel harbour';
const PASTED_TEXT = `The lantern festival returned to Corvel harbour on Saturday after a three-year pause, the town council said.

"We wanted the boats back on the water," council leader Mirela Tosk told the Corvel Gazette. Organisers counted about 4,000 visitors along the quay.`;

/** Markup that would run if the app ever put article data into the DOM as HTML. */
const HOSTILE_TITLE = `"><img src=x onerror="alert('title')"><script>alert('title-script')</script>`;
const HOSTILE_HTML = `<!doctype html><html><head><title>${HOSTILE_TITLE}</title>
<meta property="og:title" content="${HOSTILE_TITLE.replace(/"/g, '&quot;')}">
<meta property="og:url" content="javascript:alert('url')">
<meta property="og:site_name" content="&lt;img src=x onerror=alert('outlet')&gt;">
<script>alert('page-script')</script></head><body><article>
<h1>${HOSTILE_TITLE}</h1>
<p>The Brenna county fair opened on Friday with record crowds, organisers said, and the mayor, Oskar Lindqvast, cut the ribbon at noon. &lt;script&gt;alert('escaped-script')&lt;/script&gt; appears here as words.</p>
<p>Visitors can read the programme at <a href="javascript:alert('link')">this link</a> or see <img src="x" onerror="alert('img')"> the pictures, organisers said on Friday.</p>
<p>&lt;img src=x onerror=alert('text-img')&gt; The fair runs until Sunday evening, when fireworks close it over the river, the council said.</p>
</article></body></html>`;

describe.skipIf(!HAS_CHROMIUM)(`library page in Chromium${HAS_CHROMIUM ? '' : ` (${SKIP_MESSAGE})`}`, () => {
  let server: ExampleServer;
  let browser: Browser;
  let page: Page;
  let seen: ReturnType<typeof watchPage>;

  beforeAll(async () => {
    ensureWebBuilt();
    [server, browser] = await Promise.all([startExampleServer(), launchChromium()]);
    page = await browser.newPage({ viewport: LAPTOP });
    seen = watchPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the stories and the articles with outlet, date and kind', async () => {
    await page.goto(`${server.url}/#/`);
    await page.locator('#articles-heading').waitFor();
    expect(await page.locator('.story-list li').count()).toBeGreaterThanOrEqual(2);
    const outlets = await page.locator('table.articles tbody tr td:nth-child(2)').allTextContents();
    expect(outlets).toContain('Tidewire');
    expect(await page.locator('table.articles .badge.kind').count()).toBe(outlets.length);
  });

  it('searches the articles and marks the matches', async () => {
    await page.goto(`${server.url}/#/`);
    await page.getByLabel('Search the articles').fill('reservoir');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('.hits li').first().waitFor();
    expect((await page.locator('.hits mark').first().textContent())?.toLowerCase()).toContain('reservoir');
  });

  it('adds a pasted article, shows the result and lists it in the library', async () => {
    await page.goto(`${server.url}/#/`);
    await page.locator('#add-text').fill(PASTED_TEXT);
    await page.locator('#add-title').fill(PASTED_TITLE);
    await page.getByRole('button', { name: 'Add pasted article' }).click();
    const added = page.locator('.add-status .result-added');
    await added.waitFor();
    expect(await added.textContent()).toContain(PASTED_TITLE);
    await expect.poll(() => page.locator('table.articles').textContent()).toContain(PASTED_TITLE);
    // Pasting it again is reported as a duplicate, not added twice.
    await page.getByRole('button', { name: 'Add pasted article' }).click();
    await page.locator('.add-status .result-duplicate').waitFor();
    expect(await page.locator('table.articles tbody tr', { hasText: PASTED_TITLE }).count()).toBe(1);
  });

  it('shows the error message when adding fails', async () => {
    await page.goto(`${server.url}/#/`);
    await page.locator('#add-url').fill('http://127.0.0.1:9/private');
    await page.getByRole('button', { name: 'Fetch and add' }).click();
    const failed = page.locator('.add-status .result-failed');
    await failed.waitFor();
    expect(await failed.textContent()).toMatch(/Failed|failed/);
    expect(await failed.textContent()).toMatch(/E_[A-Z_]+/);
  });

  it('shows a hostile article as text and runs none of its markup', async () => {
    const res = await fetch(`${server.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ html: HOSTILE_HTML }) });
    expect(res.status).toBe(201);
    const { articles } = (await res.json()) as { articles: { id: string; title: string | null; text: string }[] };
    const hostile = articles[0]!;

    await page.goto(`${server.url}/#/`);
    await page.locator('#articles-heading').waitFor();
    await page.getByLabel('Search the articles').fill('Brenna fair');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('.hits li').first().waitFor();
    await page.goto(`${server.url}/#/article/${hostile.id}`);
    await page.locator('.article-text').waitFor();
    // The words are shown as words.
    expect(await page.locator('.article-text').textContent()).toBe(hostile.text);
    if (hostile.title) expect(await page.locator('h1').textContent()).toBe(hostile.title);
    expect(await page.locator('.article-text').textContent()).toContain("<script>alert('escaped-script')</script>");

    const dom = await page.evaluate(() => ({
      scripts: [...document.scripts].map((s) => s.src.replace(location.origin, '')),
      imgs: document.querySelectorAll('img').length,
      handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
      badLinks: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!).filter((href) => /^\s*javascript:/i.test(href)),
    }));
    expect(dom.scripts).toHaveLength(1);
    expect(dom.scripts[0]).toMatch(/^\/assets\/index-[\w-]+\.js$/);
    expect(dom.imgs).toBe(0);
    expect(dom.handlers).toBe(0);
    expect(dom.badLinks).toEqual([]);
    expect(seen.dialogs).toEqual([]);
  });

  it('shows on the article page that a page cut off mid-tag was read only in part', async () => {
    // A fictional page whose download stopped inside a tag: its first paragraphs are kept, with a warning.
    const cut = `<!doctype html><html><head><title>Ferry timetable changes at Port Aven</title></head><body><article>
<h1>Ferry timetable changes at Port Aven</h1>
<p>The harbour authority of Port Aven said on Monday that the morning ferry to Lusk will leave half an hour earlier from next week, after months of complaints from commuters.</p>
<p>"The change gives workers on the island a full morning," harbour master Tomas Rell told reporters, adding that the evening crossing would stay as it is.</p>
<p>Fares will not change, the authority said, and the winter timetable will be announced in <a href="/timetable" class="inl`;
    const res = await fetch(`${server.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ html: cut }) });
    expect(res.status).toBe(201);
    const { articles, warnings } = (await res.json()) as { articles: { id: string }[]; warnings: { code: string }[] };
    expect(warnings.map((w) => w.code)).toContain('W_TRUNCATED_HTML');
    await page.goto(`${server.url}/#/article/${articles[0]!.id}`);
    const note = page.getByRole('note', { name: 'Warnings about this article' });
    await note.waitFor();
    expect(await note.textContent()).toContain('read or analysed only in part');
    expect(await page.locator('.article-text').textContent()).toContain('harbour master Tomas Rell');
  });

  it('pages through the articles with previous and next, by the page size chosen', async () => {
    // Enough articles for two pages of ten: fictional notes written for this test.
    for (const n of [1, 2, 3]) {
      const text = `Volunteers in the village of Aldermere ${n === 1 ? 'repainted' : n === 2 ? 'replanted' : 'rebuilt'} the ${['bandstand', 'orchard', 'footbridge'][n - 1]} on Sunday, the parish council said.\n\nCouncillor Edda Morrow said the work took ${n + 2} weekends and was paid for by a bake sale and a raffle held in the spring.`;
      const res = await fetch(`${server.url}/api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, title: `Aldermere volunteers, part ${n}` }) });
      expect(res.status).toBe(201);
    }
    const { total } = (await (await fetch(`${server.url}/api/articles?limit=1`)).json()) as { total: number };
    expect(total).toBeGreaterThan(10);

    await page.goto(`${server.url}/#/`);
    await page.locator('#articles-heading').waitFor();
    expect(await page.locator('#articles-heading').textContent()).toBe(`Articles (${total})`);
    await page.getByLabel('Per page').selectOption('10');
    const status = page.locator('.pager-status');
    await expect.poll(() => status.textContent()).toBe(`1–10 of ${total}`);
    const firstPage = await page.locator('table.articles tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-article')));
    expect(firstPage).toHaveLength(10);
    expect(await page.locator('button.pager-previous').isDisabled()).toBe(true);

    await page.locator('button.pager-next').click();
    await expect.poll(() => status.textContent()).toBe(`11–${total} of ${total}`);
    const secondPage = await page.locator('table.articles tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-article')));
    expect(secondPage).toHaveLength(total - 10);
    expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
    expect(await page.locator('button.pager-next').isDisabled()).toBe(true);
    // Focus stays on the pager, so the keyboard can page back.
    await page.locator('button.pager-previous').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toBe(`1–10 of ${total}`);
  });

  it('reports no console errors or dialogs on any page it visited', () => {
    // The failed add answers 4xx/5xx on purpose: the browser logs that request, nothing else may appear.
    const unexpected = seen.errors.filter((e) => !/Failed to load resource: the server responded with a status of (4|5)\d\d/.test(e));
    expect(unexpected).toEqual([]);
    expect(seen.dialogs).toEqual([]);
  });
});
