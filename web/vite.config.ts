/**
 * Build of the web app: plain TypeScript modules and one stylesheet, bundled
 * into `dist/web/` (index.html + assets/), which `parallax serve` serves.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
/** Where `parallax serve` looks for the app; the API serves `/` and `/assets/*` from it. */
const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));
/** The API's default address, for `vite` dev mode. */
const API_ORIGIN = 'http://127.0.0.1:4317';

export default defineConfig({
  root: webRoot,
  base: '/',
  publicDir: false,
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    // The polyfill is bundled code, but a single entry chunk needs no preloading at all.
    modulePreload: { polyfill: false },
    // Never inline assets as data: URLs beyond what img-src 'self' data: allows; CSS stays a file (CSP style-src 'self').
    assetsInlineLimit: 0,
    cssCodeSplit: false,
  },
  server: { proxy: { '/api': API_ORIGIN, '/openapi.json': API_ORIGIN } },
});
