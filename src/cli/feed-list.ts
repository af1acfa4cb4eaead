import { readFile } from 'node:fs/promises';
import { XMLParser } from 'fast-xml-parser';
import { ConfigError } from '../core/index.js';
import { isUrl } from './expand-inputs.js';

/** The feed URLs an OPML outline names (`xmlUrl` of every outline, at any depth). */
export function opmlFeedUrls(xml: string): string[] {
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xml) as Record<string, unknown>;
  const urls: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) { node.forEach(visit); return; }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const url = record['@xmlUrl'];
    if (typeof url === 'string' && isUrl(url.trim())) urls.push(url.trim());
    for (const [key, value] of Object.entries(record)) if (!key.startsWith('@')) visit(value);
  };
  visit(parsed);
  return urls;
}

/**
 * The feeds to watch: URLs as given, OPML files (every outline's `xmlUrl`), or text files with
 * one URL per line (blank lines and `#` comments skipped). Duplicates count once.
 *
 * @throws ConfigError E_USAGE naming a file that cannot be read or names no feed.
 */
export async function readFeedList(inputs: readonly string[]): Promise<string[]> {
  const urls: string[] = [];
  for (const input of inputs) {
    if (isUrl(input)) { urls.push(input); continue; }
    let text: string;
    try {
      text = await readFile(input, 'utf8');
    } catch (err) {
      throw new ConfigError('E_USAGE', `${input}: cannot read the feed list: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const found = /<opml[\s>]/i.test(text)
      ? opmlFeedUrls(text)
      : text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    const bad = found.find((u) => !isUrl(u));
    if (bad) throw new ConfigError('E_USAGE', `${input}: "${bad}" is not an http(s) URL (one feed URL per line, or an OPML file)`);
    if (found.length === 0) throw new ConfigError('E_USAGE', `${input}: names no feed (one feed URL per line, or an OPML file with xmlUrl outlines)`);
    urls.push(...found);
  }
  return [...new Set(urls)];
}

/** `30s`, `15m`, `2h` or a number of seconds → seconds. */
export function parseInterval(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|h)?$/i.exec(value.trim());
  if (!m) throw new ConfigError('E_USAGE', `--every needs a duration such as 90s, 15m or 1h, got "${value}"`);
  const n = Number(m[1]) * ({ s: 1, m: 60, h: 3600 }[(m[2] ?? 's').toLowerCase() as 's' | 'm' | 'h']);
  if (n < 1) throw new ConfigError('E_USAGE', `--every must be at least one second, got "${value}"`);
  return Math.round(n);
}
