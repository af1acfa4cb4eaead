/** The site an address belongs to, as the outlet's name of last resort: its registrable domain. */

/** Second-level labels under which country domains register names ("example.co.uk", "example.com.tr"). */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'gov', 'ac', 'edu', 'ne', 'or', 'go', 'gob', 'nic', 'info', 'biz', 'news', 'press']);

/**
 * The registrable domain of a host: "www.example.co.uk" → "example.co.uk", "news.example.net" → "example.net".
 * Null for IP addresses and single-label hosts.
 */
export function registrableDomain(host: string | null | undefined): string | null {
  if (!host || /^[\d.]+$/.test(host) || host.includes(':')) return null;
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length < 2) return null;
  const tld = labels[labels.length - 1]!;
  const second = labels[labels.length - 2]!;
  const take = tld.length === 2 && SECOND_LEVEL.has(second) && labels.length >= 3 ? 3 : 2;
  return labels.slice(-take).join('.');
}
