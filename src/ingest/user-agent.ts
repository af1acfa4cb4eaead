import { readFileSync } from 'node:fs';

/** Parallax's version from package.json (two folders up from both src/ingest and dist/ingest). */
function parallaxVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Says who is fetching and where to complain, as polite crawlers do. */
export const DEFAULT_USER_AGENT = `Parallax/${parallaxVersion()} (+news analysis; contact via project README)`;
