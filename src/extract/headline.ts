/**
 * Words flattened pages glue to a headline that are not part of it: a publication stamp ("published at
 * 13:46 BST", "Updated 2 hours ago") and the outlet's name after a separator ("- Harbourtown News").
 */

/** A trailing stamp: "published at 13:46 BST", "| Updated: March 3, 2031 10:02", "posted 2 hours ago". */
const STAMP = /\s*(?:[|•·–—-]\s*)?\b(?:published|updated|posted|last\s+updated|first\s+published)\b\s*(?:at|on|:)?\s*(?=\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|yesterday)\p{L}*\b)[\p{L}\p{N} ,.:/+-]{0,40}$/iu;
/** Something in the stamp that makes it one: a clock time, a date, "ago". */
const STAMP_CONTENT = /\d{1,2}[:.]\d{2}|\b\d{4}\b|\bago\b|\b(?:today|yesterday)\b|\d{1,2}\s*[ap]\.?m\b/i;
/** Separators between a headline and a site name. */
const SEPARATOR = /\s+(?:\||-|–|—|::|·|•|»)\s+/g;
/** The last word of many outlet names: a tail ending so after a separator is the outlet, not the headline's. */
const OUTLET_WORD = /\b(?:news|times|post|herald|journal|daily|tribune|gazette|online|today|press|agency|tv|radio|network|media|observer|guardian|telegraph|express|mail|courier|chronicle|review|weekly|magazine|wire|reporter|standard|star|sun|mirror|independent|dispatch|bulletin|monitor|\.com|\.net|\.org)$/i;
/** An outlet name is short. */
const MAX_OUTLET_WORDS = 5;

function squash(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The registrable name of a host, without "www." and the public suffix ("www.example.co.uk" → "example"). */
function hostName(host: string): string {
  return squash(host.replace(/^www\d?\./, '').replace(/(\.(co|com|org|net|gov|ac))?\.[a-z]{2,}$/i, '').split('.').pop() ?? '');
}

/**
 * The headline without a glued publication stamp or outlet name.
 * @example cleanHeadline('Bridge to be rebuilt published at 13:46 BST') // 'Bridge to be rebuilt'
 * @example cleanHeadline('Bridge to be rebuilt - Harbourtown News') // 'Bridge to be rebuilt'
 */
export function cleanHeadline(title: string, options: { outlet?: string | null; host?: string | null } = {}): string {
  let out = title.replace(/\s+/g, ' ').trim();
  const stamp = STAMP.exec(out);
  if (stamp && STAMP_CONTENT.test(stamp[0]) && stamp.index > 0) out = out.slice(0, stamp.index).trim();
  const separators = [...out.matchAll(SEPARATOR)];
  const last = separators[separators.length - 1];
  if (last && last.index! > 0) {
    const tail = out.slice(last.index! + last[0].length).trim();
    const head = out.slice(0, last.index!).trim();
    const key = squash(tail);
    const outlet = options.outlet ? squash(options.outlet) : '';
    const host = options.host ? hostName(options.host) : '';
    const namesSite = key.length > 0 && ((outlet !== '' && (key === outlet || key.includes(outlet) || outlet.includes(key))) || (host.length > 2 && (key.includes(host) || host.includes(key))));
    const looksLikeOutlet = /^\p{Lu}/u.test(tail) && tail.split(/\s+/).length <= MAX_OUTLET_WORDS && OUTLET_WORD.test(tail);
    if ((namesSite || looksLikeOutlet) && head.split(/\s+/).length >= 3) out = head;
  }
  return out;
}
