/** Headers and access checks every response and request goes through. */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { ApiError } from './errors.js';

/**
 * Content-Security-Policy for the API and the web app: only our own scripts,
 * styles and images (plus data: images), no plugins, no <base>, no framing.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * Content-Security-Policy of the downloadable HTML brief: a self-contained page
 * with inline styles, data: images and no scripts, so it allows exactly those.
 */
export const BRIEF_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * Content-Security-Policy of a stored original page: sent as text/plain, and
 * should anything ever render it, sandboxed with nothing allowed to load or run.
 */
export const ORIGINAL_CONTENT_SECURITY_POLICY = "sandbox; default-src 'none'";

/**
 * CSP, nosniff, no-referrer and Hono's other defaults (frame options, COOP, CORP).
 * A header a route set itself (the brief's own CSP) is kept.
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    overwrite: false,
    contentSecurityPolicy: {
      defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"], baseUri: ["'none'"], frameAncestors: ["'none'"],
    },
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: 'nosniff',
  });
}

/** Host names that mean this machine. */
export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, '').toLowerCase();
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

/**
 * Without a token the server is only for this machine: refuse requests whose
 * Host header names another host, so a web page cannot reach it through DNS
 * rebinding.
 */
export function requireLoopbackHost(): MiddlewareHandler {
  return async (c, next) => {
    // The adapter builds the request URL from the Host header.
    const host = new URL(c.req.url).hostname;
    if (!isLoopbackHost(host)) throw new ApiError(403, 'E_HOST_NOT_ALLOWED', `host ${host || '(none)'} is not this machine; set a token to serve other hosts`);
    await next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuse state-changing requests a browser sends from another site (CSRF):
 * a browser marks every request with `Sec-Fetch-Site`, and only `same-origin`
 * passes; without that header, `Origin` must name this host. Clients that
 * send neither (curl, scripts) are not browsers acting for a page and pass. Hono's `csrf()` also refuses those, which would
 * break command-line uploads, hence this check.
 */
export function refuseCrossSiteWrites(): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      // The browser's own word, which no page can forge. It is needed for form posts: under
      // Referrer-Policy: no-referrer a browser sends them with `Origin: null`.
      let sameHost = site === 'same-origin';
      if (site === undefined) {
        sameHost = true;
        if (origin !== undefined) {
          try {
            sameHost = new URL(origin).host === new URL(c.req.url).host;
          } catch {
            sameHost = false;
          }
        }
      }
      if (!sameHost) {
        throw new ApiError(403, 'E_CROSS_SITE', `request from ${origin ?? 'another site'} refused: the API takes writes only from its own pages`);
      }
    }
    await next();
  };
}
