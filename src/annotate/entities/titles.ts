/**
 * Roles news gives people ("the foreign minister", "Kell's president"). A
 * title is a run of lower-case words ending in one of these role nouns.
 */
export const ROLE_NOUNS = new Set([
  'president', 'minister', 'spokesperson', 'spokesman', 'spokeswoman', 'secretary', 'secretary-general', 'chancellor',
  'ambassador', 'envoy', 'general', 'commander', 'chief', 'leader', 'governor', 'mayor', 'senator', 'chairman',
  'chairwoman', 'chair', 'director', 'director-general', 'ceo', 'king', 'queen', 'prince', 'pope', 'premier', 'speaker',
  'negotiator', 'diplomat', 'official', 'representative', 'prosecutor', 'judge', 'attorney', 'head', 'emir', 'sheikh',
  'ayatollah', 'cleric', 'analyst', 'adviser', 'advisor', 'lawmaker', 'mp', 'editor', 'correspondent', 'coach', 'founder',
]);

/** Words that may stand before a role noun inside a title ("deputy foreign minister"). */
const TITLE_MODIFIER = /^(?:deputy|vice|acting|former|prime|foreign|defen[cs]e|interior|finance|economy|health|justice|oil|energy|trade|chief|top|supreme|senior|state|national|security|military|army|navy|presidential|government|ministry|party|opposition|first|general|executive|managing|white|house|press|nuclear|education|agriculture|labou?r|culture|transport|environment|of|the|state's)$/;

/** How many words a title may span: "deputy foreign minister for legal affairs" is rare; three covers most. */
export const MAX_TITLE_WORDS = 4;

/** Normalise a title for comparison: lower case, single spaces, no "the", no possessive owner. */
export function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^(?:the|a|an)\s+/, '')
    .trim();
}

/** The role noun a title ends with, if it is a title at all. */
export function roleNoun(title: string): string | undefined {
  const words = normaliseTitle(title).split(' ');
  const last = words[words.length - 1]!;
  if (!ROLE_NOUNS.has(last)) return undefined;
  if (!words.slice(0, -1).every((w) => TITLE_MODIFIER.test(w))) return undefined;
  return last;
}
