/**
 * Reading a name as written into the words that identify it: titles, honorifics,
 * possessives and Arabic articles removed, hyphens and spaces treated alike.
 */

/** Titles and honorifics that precede a name but are not part of it (several may stack: "Ayatollah Seyyed"). */
const TITLE_WORDS = new Set([
  'president', 'prime', 'minister', 'foreign', 'dr', 'mr', 'mrs', 'ms', 'miss', 'prof', 'professor', 'sir', 'dame', 'gen',
  'general', 'lt', 'col', 'maj', 'capt', 'adm', 'sen', 'senator', 'rep', 'gov', 'governor', 'rev', 'ayatollah',
  'grand', 'sheikh', 'shaikh', 'sheik', 'king', 'queen', 'prince', 'princess', 'crown', 'chancellor', 'pope', 'emir',
  'imam', 'mullah', 'hojatoleslam', 'haji', 'hajji', 'hajj', 'mufti', 'rabbi', 'father', 'saint', 'st', 'lord', 'lady',
  // Honorifics of Muslim names marking descent from the Prophet; written before the given name, never a name alone.
  'seyyed', 'seyed', 'sayyid', 'sayyed', 'sayed',
  'the',
]);
/** Suffixes after a surname that tell a father from a son. */
const GENERATIONAL_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/** Arabic definite articles written before a name part ("al-Sisi", "el-Baradei", "ul-Haq"): dropped when comparing. */
const ARTICLES = new Set(['al', 'el', 'ul']);
/** Sun-letter forms of the article, dropped only when hyphenated to the next word ("ash-Sharif", "ad-Din"). */
const ASSIMILATED_ARTICLES = /^(?:ad|an|ar|as|ash|at|az|ath|adh)$/;

/** Lower case, no diacritics, no punctuation inside words. */
function plainWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[.’'ʿʾ`‘]/gu, '');
}

/**
 * The identifying words of a name: "Sheikh Seyyed Ana Ore'sk's" → ["ana", "oresk"],
 * "Mira Dalen-Oresk" → ["mira", "dalen", "oresk"], "Abd al-Rahman" → ["abd", "rahman"].
 */
export function nameWords(name: string): string[] {
  let words = wordsCache.get(name);
  if (!words) {
    words = readNameWords(name);
    // Names repeat across articles and rules; a story has at most a few thousand distinct ones.
    if (wordsCache.size > MAX_CACHED_NAMES) wordsCache.clear();
    wordsCache.set(name, words);
  }
  return [...words];
}

/** Bound on the memo of read names, so a long-running process does not grow without end. */
const MAX_CACHED_NAMES = 50_000;
const wordsCache = new Map<string, string[]>();

function readNameWords(name: string): string[] {
  const parts = name.trim().replace(/[’']s$/u, '').split(/\s+/).filter(Boolean);
  const words: string[] = [];
  parts.forEach((part, partIndex) => {
    const pieces = part.split(/[-‐‑–]/u).filter(Boolean);
    pieces.forEach((piece, i) => {
      const w = plainWord(piece);
      if (!w) return;
      const hyphenatedToNext = i < pieces.length - 1;
      const wordFollows = hyphenatedToNext || partIndex < parts.length - 1;
      // An article before another word is dropped; "El" alone stays.
      if (ARTICLES.has(w) && wordFollows) return;
      if (ASSIMILATED_ARTICLES.test(w) && hyphenatedToNext) return;
      words.push(w);
    });
  });
  // Leading titles go, but never the last word: "President" alone stays a word.
  while (words.length > 1 && TITLE_WORDS.has(words[0]!)) words.shift();
  // Generational suffixes are not the surname: "Martin King Jr." is a King.
  while (words.length > 1 && GENERATIONAL_SUFFIXES.has(words[words.length - 1]!)) words.pop();
  return words;
}

/** True when the name as written starts with a title or honorific ("President Dravomir", "Seyyed Ali …"). */
export function hasLeadingTitle(name: string): boolean {
  const first = plainWord(name.trim().split(/[\s-]+/)[0] ?? '');
  return TITLE_WORDS.has(first) && first !== 'the';
}

/** Lower case, no diacritics, no titles, no possessive, no articles, single spaces: how two spellings of one name are compared. */
export function nameKey(name: string): string {
  return nameWords(name).join(' ');
}

/** A short form written in capitals, with or without dots: "NATO", "U.S.", "UN". */
export function isShortForm(name: string): boolean {
  return /^(?:\p{Lu}\.?){2,8}$/u.test(name.trim());
}

/** True when the name is all capitals but longer than a short form: a headline or dateline spelling ("PORT VELAN"). */
export function isShouted(name: string): boolean {
  return /\p{Lu}{2}/u.test(name) && name === name.toUpperCase() && !isShortForm(name);
}

/** The name as written without its leading titles: "President Aurel Example" → "Aurel Example". */
export function withoutTitles(name: string): string {
  const parts = name.trim().split(/\s+/);
  while (parts.length > 1 && TITLE_WORDS.has(plainWord(parts[0]!))) parts.shift();
  return parts.join(' ');
}
