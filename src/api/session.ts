/**
 * Token mode that a browser can use. A browser cannot add a bearer header to
 * the requests a page makes for itself (the page, its scripts and styles), so
 * it signs in once: the sign-in form exchanges the token for a session cookie
 * (HttpOnly: no script can read it; SameSite=Strict: no other site can send
 * it; Secure wherever the browser honours it). Sessions live in memory and end
 * at sign-out, after {@link SESSION_HOURS} hours, or when the server stops.
 * Scripts and the command line keep sending `Authorization: Bearer <token>`.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { ApiError } from './errors.js';
import { isLoopbackHost } from './security.js';

/** The cookie's name. */
export const SESSION_COOKIE = 'parallax_session';
/** A working day: long enough not to interrupt, short enough that a forgotten browser session lapses. */
export const SESSION_HOURS = 12;
/** Sessions kept at once; past this the oldest is ended (a scripted sign-in loop cannot fill memory). */
const MAX_SESSIONS = 1000;

export class Sessions {
  private readonly expiries = new Map<string, number>();

  create(): string {
    if (this.expiries.size >= MAX_SESSIONS) this.expiries.delete(this.expiries.keys().next().value!);
    const id = randomBytes(32).toString('base64url');
    this.expiries.set(id, Date.now() + SESSION_HOURS * 3600_000);
    return id;
  }

  valid(id: string | undefined): boolean {
    if (!id) return false;
    const expires = this.expiries.get(id);
    if (expires === undefined) return false;
    if (expires < Date.now()) {
      this.expiries.delete(id);
      return false;
    }
    return true;
  }

  end(id: string | undefined): void {
    if (id) this.expiries.delete(id);
  }
}

/** Constant-time comparison of a presented token with the expected one. */
export function tokenMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Paths served without a session: the sign-in page itself. */
const PUBLIC_PATHS = new Set(['/signin']);

/**
 * Every request needs `Authorization: Bearer <token>` or a valid session
 * cookie. A browser asking for a page without either is sent to the sign-in
 * page; anything else gets 401 E_UNAUTHORIZED, as before.
 */
export function requireTokenOrSession(token: string, sessions: Sessions): MiddlewareHandler {
  return async (c, next) => {
    if (PUBLIC_PATHS.has(c.req.path)) return next();
    const header = c.req.header('authorization');
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (match && tokenMatches(match[1]!, token)) return next();
    } else if (sessions.valid(getCookie(c, SESSION_COOKIE))) {
      return next();
    }
    if (c.req.method === 'GET' && !c.req.path.startsWith('/api/') && (c.req.header('accept') ?? '').includes('text/html')) {
      return c.redirect('/signin', 303);
    }
    c.header('WWW-Authenticate', 'Bearer');
    throw new ApiError(401, 'E_UNAUTHORIZED', 'missing or wrong token: send Authorization: Bearer <token>, or sign in at /signin');
  };
}

/** The sign-in and sign-out routes. */
export function sessionRoutes(app: Hono, token: string, sessions: Sessions): void {
  app.get('/signin', (c) => signInPage(c, null, 200));

  app.post('/signin', async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const given = typeof form['token'] === 'string' ? form['token'] : '';
    if (!tokenMatches(given, token)) return signInPage(c, 'That token is not the one this server was started with.', 401);
    setCookie(c, SESSION_COOKIE, sessions.create(), {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      maxAge: SESSION_HOURS * 3600,
      secure: browserKeepsSecureCookie(c),
    });
    return c.redirect('/', 303);
  });

  app.post('/signout', (c) => {
    sessions.end(getCookie(c, SESSION_COOKIE));
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: browserKeepsSecureCookie(c) });
    return c.redirect('/signin', 303);
  });

  app.get('/api/session', (c) => c.json({ auth: 'token', signedIn: true }));
}

/**
 * Browsers store a Secure cookie only from a secure origin: HTTPS (directly
 * or behind a proxy that says so), or this machine. Over plain HTTP to another
 * host the cookie would be dropped and sign-in would loop, so there it is set
 * without the flag — serve over HTTPS beyond loopback (README).
 */
function browserKeepsSecureCookie(c: Context): boolean {
  const url = new URL(c.req.url);
  return url.protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https' || isLoopbackHost(url.hostname);
}

function signInPage(c: Context, error: string | null, status: 200 | 401): Response {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · Parallax</title>
<link rel="icon" href="data:,">
</head>
<body>
<main>
<h1>Parallax</h1>
<p>This server needs its access token. Sign in once; the browser keeps a session for ${SESSION_HOURS} hours.</p>
${error ? `<p role="alert" id="signin-error"><strong>${error}</strong></p>` : ''}
<form method="post" action="/signin">
<label for="token">Access token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<button type="submit">Sign in</button>
</form>
</main>
</body>
</html>`;
  c.header('Cache-Control', 'no-store');
  return c.html(html, status);
}
