/**
 * Token mode in Chromium: the web app behind `PARALLAX_TOKEN`, used the way a
 * browser can — a sign-in page that exchanges the token for a session cookie,
 * then the app, then sign-out — while the API still refuses what it refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { HAS_CHROMIUM, LAPTOP, SKIP_MESSAGE, ensureWebBuilt, launchChromium, startExampleServer, watchPage, type ExampleServer } from './helpers.js';

const TOKEN = 'fictional-token-7f3a9c41d2';

describe.skipIf(!HAS_CHROMIUM)(`token mode in Chromium${HAS_CHROMIUM ? '' : ` (${SKIP_MESSAGE})`}`, () => {
  let server: ExampleServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let seen: ReturnType<typeof watchPage>;

  beforeAll(async () => {
    ensureWebBuilt();
    [server, browser] = await Promise.all([startExampleServer({ token: TOKEN }), launchChromium()]);
    context = await browser.newContext({ viewport: LAPTOP });
    page = await context.newPage();
    seen = watchPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sends a browser without a session to the sign-in page, and refuses a wrong token there', async () => {
    await page.goto(`${server.url}/`);
    expect(new URL(page.url()).pathname).toBe('/signin');
    await page.getByLabel('Access token').fill('not-the-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('#signin-error').textContent()).toContain('not the one this server was started with');
    expect(new URL(page.url()).pathname).toBe('/signin');
    expect(await context.cookies()).toEqual([]);
  });

  it('signs in with the token: an HttpOnly, Secure, SameSite=Strict session cookie, and the app works', async () => {
    seen.errors.length = 0; // the refused sign-in above answered 401, as it should
    await page.getByLabel('Access token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#articles-heading').waitFor();
    expect(await page.locator('table.articles tbody tr').count()).toBeGreaterThan(3);
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'parallax_session', httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    expect(cookie!.value).not.toContain(TOKEN);
    expect(await page.evaluate(() => document.cookie)).toBe(''); // no script can read it

    // An article page, its original, and the OpenAPI document load with the session alone.
    await page.locator('table.articles tbody tr a').first().click();
    await page.locator('#text-heading').waitFor();
    const openapi = await page.evaluate(async () => (await fetch('/openapi.json')).status);
    expect(openapi).toBe(200);
    expect(seen.errors).toEqual([]);
  });

  it('keeps refusing the API without the token or a session, whatever the browser holds', async () => {
    const bare = await fetch(`${server.url}/api/articles`);
    expect(bare.status).toBe(401);
    expect(((await bare.json()) as { error: { code: string } }).error.code).toBe('E_UNAUTHORIZED');
    expect((await fetch(`${server.url}/openapi.json`)).status).toBe(401);
    expect((await fetch(`${server.url}/`, { headers: { accept: 'text/html' }, redirect: 'manual' })).status).toBe(303);
    expect((await fetch(`${server.url}/api/health`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    const cookie = (await context.cookies())[0]!;
    const forged = await fetch(`${server.url}/api/health`, { headers: { cookie: `parallax_session=${cookie.value.slice(0, -2)}xx` } });
    expect(forged.status).toBe(401);
  });

  it('signs out: the session ends on the server and the browser is back at sign-in', async () => {
    const cookie = (await context.cookies())[0]!;
    await page.goto(`${server.url}/#/`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin$/);
    expect(await context.cookies()).toEqual([]);
    // The old cookie no longer opens anything, even if it was copied before sign-out.
    const replayed = await fetch(`${server.url}/api/health`, { headers: { cookie: `parallax_session=${cookie.value}` } });
    expect(replayed.status).toBe(401);
    await page.goto(`${server.url}/#/`);
    expect(new URL(page.url()).pathname).toBe('/signin');
  });
});
