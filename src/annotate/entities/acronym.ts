/** Reading a short form ("JPOA", "U.S.") as the initials of a long name. */

/** Function words a short form may take a letter from or skip: "Plan of Action" gives PA or POA. */
const FUNCTION_WORDS = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'to', 'de', 'des', 'du', 'la', 'le', 'et', 'y', 'al', 'el', '&', 'a', 'an', 'at', 'by']);

/**
 * True when the letters of `short` are the initials of the words of `long`, in order:
 * every content word gives its first letter, a function word ("of", "the") may give
 * its first letter or none. "JPOA" and "JPA" both stand for "Joint Plan of Action".
 *
 * @example
 * isInitialismOf('U.S.', 'United States') // true
 */
export function isInitialismOf(short: string, long: string): boolean {
  const letters = short.replace(/[^\p{L}]/gu, '').toLowerCase();
  const words = long.split(/[\s\-‐‑–/]+/u).map((w) => w.replace(/[^\p{L}&]/gu, '').toLowerCase()).filter(Boolean);
  if (letters.length < 2 || words.length < 2) return false;
  // Positions (letter i, word j) reachable: a small dynamic programme, since function words branch.
  let reachable = new Set<number>([0]);
  for (const word of words) {
    const next = new Set<number>();
    for (const i of reachable) {
      if (letters[i] === word[0]) next.add(i + 1);
      if (FUNCTION_WORDS.has(word)) next.add(i);
    }
    reachable = next;
    if (!reachable.size) return false;
  }
  return reachable.has(letters.length);
}
