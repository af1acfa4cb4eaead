import { firstStartingFrom } from '../../core/index.js';
import type { RawMention } from './resolve.js';
import type { TaggerToken } from './tag.js';

const STARTS_UPPER = /^\p{Lu}/u;

/** Honorifics and titles are not part of a surname to look for. */
const NOT_A_SURNAME = /^(?:[A-Z]\.?|Jr\.?|Sr\.?|II|III|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)$/;

/**
 * Names keep their form through an article: once the tagger has found
 * "Samuel Okafor" or "Lagos", later capitalised occurrences of "Okafor" and
 * "Lagos" that it missed are the same kind of name. Adds those, token-aligned,
 * and trims trailing lower-case words off a capitalised name ("U.S. officials" → "U.S.").
 */
export function propagateNames(text: string, tokens: readonly TaggerToken[], mentions: readonly RawMention[]): RawMention[] {
  const trimmed = unifyTypes(text, mentions.map((m) => trimTrailingLowercase(text, tokens, m)));
  const known = new Map<string, RawMention['type']>();
  for (const m of trimmed) {
    const surface = text.slice(m.start, m.end);
    if (!/^\p{Lu}/u.test(surface)) continue;
    if (!known.has(surface)) known.set(surface, m.type);
    if (m.type === 'PERSON') {
      const words = surface.split(/\s+/);
      const last = words[words.length - 1]!;
      if (words.length > 1 && !NOT_A_SURNAME.test(last) && !known.has(last)) known.set(last, 'PERSON');
    }
  }
  if (known.size === 0) return trimmed;
  const taken = (start: number, end: number): boolean => trimmed.some((m) => m.start < end && start < m.end);
  const added: RawMention[] = [];
  const maxWords = Math.max(...[...known.keys()].map((k) => k.split(/\s+/).length));
  // every known name starts with a capital (the odd surname aside): other tokens cannot start one
  const lowerStarts = [...known.keys()].some((k) => !STARTS_UPPER.test(k));
  for (let i = 0; i < tokens.length; i++) {
    if (!lowerStarts && !STARTS_UPPER.test(text[tokens[i]!.start]!)) continue;
    for (let n = Math.min(maxWords, tokens.length - i); n >= 1; n--) {
      const start = tokens[i]!.start;
      const end = tokens[i + n - 1]!.end;
      const surface = text.slice(start, end);
      const type = known.get(surface);
      if (!type || /\n/.test(surface) || taken(start, end) || added.some((a) => a.start < end && start < a.end)) continue;
      added.push({ start, end, type });
      i += n - 1;
      break;
    }
  }
  return [...trimmed, ...added].sort((a, b) => a.start - b.start);
}

/** A mention whose type a pattern gave ("the city of …") outvotes this many of the tagger's guesses. */
const RULE_VOTE = 3;

/**
 * One name keeps one type through an article: mentions with the same surface
 * take the type the tagger gave most of them (the first one's on a tie), a rule's type weighing more.
 */
function unifyTypes(text: string, mentions: readonly RawMention[]): RawMention[] {
  const votes = new Map<string, Map<RawMention['type'], number>>();
  for (const m of mentions) {
    const surface = text.slice(m.start, m.end);
    let counts = votes.get(surface);
    if (!counts) votes.set(surface, (counts = new Map()));
    counts.set(m.type, (counts.get(m.type) ?? 0) + (m.byRule ? RULE_VOTE : 1));
  }
  return mentions.map((m) => {
    const counts = votes.get(text.slice(m.start, m.end))!;
    if (counts.size === 1) return m;
    let type = m.type;
    let top = 0;
    for (const [t, c] of counts) if (c > top) [type, top] = [t, c];
    return type === m.type ? m : { ...m, type };
  });
}

function trimTrailingLowercase(text: string, tokens: readonly TaggerToken[], m: RawMention): RawMention {
  const inside: TaggerToken[] = [];
  for (let i = firstStartingFrom(tokens, m.start); i < tokens.length && tokens[i]!.start < m.end; i++) if (tokens[i]!.end <= m.end) inside.push(tokens[i]!);
  if (inside.length < 2 || !inside.some((t) => /^\p{Lu}/u.test(text.slice(t.start, t.end)))) return m;
  let last = inside.length - 1;
  while (last > 0 && /^\p{Ll}+$/u.test(text.slice(inside[last]!.start, inside[last]!.end)) && !/^(?:of|the|and|for|de|al|bin|van|von|der)$/.test(text.slice(inside[last]!.start, inside[last]!.end))) last--;
  return last === inside.length - 1 ? m : { ...m, end: inside[last]!.end };
}
