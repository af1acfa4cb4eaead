import { firstStartingFrom } from '../../core/index.js';
import type { RawMention } from './resolve.js';
import type { TaggerToken } from './tag.js';
import { roleNoun } from './titles.js';
import { isDemonym } from './countries.js';

/** A word that may start the second half of an Arabic, Dutch, German or Romance family name: "al-Veski", "van der Berg". */
const NAME_PARTICLE = /^(?:(?:al|el|ad|as|ash|at|az|ar|an|bin|ibn|abu|ben|bint)-\p{Lu}[\p{L}'’-]*|(?:al|el|bin|ibn|abu|van|von|de|da|di|du|del|della|der|den|le|la|dos|das)$)/u;
const CAPITALISED = /^\p{Lu}[\p{L}'’-]*$/u;
/** "Corvel-backed", "Veska-based": a name glued to a participle or adjective is the name alone. */
const GLUED_MODIFIER = /^(\p{Lu}[\p{L}.]*)-(?:aligned|backed|based|led|linked|funded|born|owned|run|allied|affiliated|controlled|sponsored|friendly|bound|made|style|era|type|brokered|imposed|occupied|held|centric|wide)(?![\p{L}])/u;
/** "the Veskarian " right before an organisation's name: the demonym is part of it ("the Veskarian Red Cross"). */
const THE_DEMONYM_BEFORE = /(?:^|[^\p{L}])[Tt]he\s+(\p{Lu}\p{Ll}+)\s+$/u;
/** An acronym at a sentence end keeps the full stop the tokenizer left on it: "… told VNA." */
const ACRONYM_WITH_STOP = /^\p{Lu}{2,}\.$/u;

/**
 * Mention boundaries as news names are written (and as CoNLL and the corpora mark them):
 * a title before a person's name is not part of it ("Supreme Leader Ana Oresk" →
 * "Ana Oresk") and a mention that is only a title is no name; a family-name particle
 * continues the name ("Ali al-Veski"); a name glued to a modifier ("Corvel-backed") is
 * the name alone; an acronym loses a sentence's full stop.
 */
export function fixBoundaries(text: string, mentions: readonly RawMention[], tokens: readonly TaggerToken[] = []): RawMention[] {
  const out: RawMention[] = [];
  for (const m of mentions) {
    let { start, end } = m;
    const surface = text.slice(start, end);
    const glued = GLUED_MODIFIER.exec(surface);
    if (glued) end = start + glued[1]!.length;
    if (ACRONYM_WITH_STOP.test(text.slice(start, end))) end--;
    if (m.type === 'PERSON' || m.type === 'ORG') {
      const words = [...text.slice(start, end).matchAll(/\S+/g)];
      // the longest run of leading words that reads as a title, if a name follows it
      let cut = 0;
      for (let k = words.length - 1; k >= 1; k--) {
        if (roleNoun(words.slice(0, k).map((w) => w[0]).join(' ')) && CAPITALISED.test(words[k]![0])) {
          cut = k;
          break;
        }
      }
      if (cut > 0 && m.type === 'PERSON') start += words[cut]!.index;
      else if (words.length > 0 && roleNoun(words.map((w) => w[0]).join(' ')) && /^\p{Lu}/u.test(words[0]![0])) continue;
    }
    if (m.type === 'PERSON') end = withParticles(text, end);
    // A one-word name is its own ("the Veskarian Ledger" is the Ledger, of Veskaria); a descriptive one takes it ("the Veskarian Red Cross").
    if (m.type === 'ORG' && start === m.start && /\s/.test(text.slice(start, end))) start = withDemonym(text, start, mentions);
    if (m.type === 'ORG' && !glued) ({ start, end } = withHyphenatedParts(text, start, end, tokens));
    if (end > start) out.push(start === m.start && end === m.end ? m : { ...m, start, end });
  }
  // a name inside an organisation's hyphenated name ("Ukraine" in "RBC-Ukraine") is part of it
  const widened = out.filter((m) => m.type === 'ORG' && /-/.test(text.slice(m.start, m.end)));
  return widened.length === 0 ? out : out.filter((m) => widened.includes(m) || !widened.some((w) => w.start <= m.start && m.end <= w.end));
}

/** Capitalised words glued to a name by hyphens: "Itar-" before "Tass", "-Ukraine" after "RBC". */
const HYPHEN_PART_AFTER = /^(?:-\p{Lu}[\p{L}\p{N}]*)+(?![\p{L}\p{N}'’-])/u;
const HYPHEN_PART_BEFORE = /(?<![\p{L}\p{N}'’-])(?:\p{Lu}[\p{L}\p{N}]*-)+$/u;

/**
 * An organisation's name written with hyphens is the whole hyphenated word: acronyms joined ("AFL-CIO",
 * "WKOW-TV") wherever they stand, other parts ("Itar-Tass", "RBC-Ukraine") only where the word stands alone.
 * Before a lowercase word a compound modifies the noun after it and names two parties ("the Hamas-Israel war",
 * "the Microsoft-LinkedIn deal"); a one-letter part is a party's initial ("R-AZ").
 */
function withHyphenatedParts(text: string, start: number, end: number, tokens: readonly TaggerToken[]): { start: number; end: number } {
  const after = HYPHEN_PART_AFTER.exec(text.slice(end, end + 40));
  const before = HYPHEN_PART_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
  // (a part after the name that opens another name of several words, "NBC-Wall Street Journal", is that name's)
  const ownAfter = after && !/^[^\S\n]+\p{Lu}/u.test(text.slice(end + after[0].length, end + after[0].length + 3)) ? after : null;
  if (!ownAfter && !before) return { start, end };
  const from = before ? start - before[0].length : start;
  const to = ownAfter ? end + ownAfter[0].length : end;
  const parts = text.slice(from, to).split('-');
  if (parts.some((p) => p.length < 2)) return { start, end };
  const acronyms = parts.every((p) => /^\p{Lu}{2,}$/u.test(p));
  // (a noun or adjective after it, when the tokens carry parts of speech: "Itar-Tass reported" names the agency)
  const next = tokens[firstStartingFrom(tokens, to)];
  const modifier = /^[^\S\n]+\p{Ll}/u.test(text.slice(to, to + 3)) && (next?.pos === undefined || /^(?:NOUN|ADJ|PROPN|NUM)$/.test(next.pos));
  return acronyms || !modifier ? { start: from, end: to } : { start, end };
}

/**
 * The start of an organisation's name with the demonym an article gives it ("the Veskarian Red Cross",
 * "the Veskarian Football Federation"), when no other mention holds that word.
 */
function withDemonym(text: string, start: number, mentions: readonly RawMention[]): number {
  const before = THE_DEMONYM_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
  if (!before || !isDemonym(before[1]!)) return start;
  const from = start - before[0].length + before[0].indexOf(before[1]!, before[0].search(/[Tt]he/) + 3);
  return mentions.some((o) => o.start < start && o.end > from) ? start : from;
}

/** The end of a person's name after any family-name particles that follow it ("Ali" + " al-Veski"). */
function withParticles(text: string, end: number): number {
  for (;;) {
    const next = /^ ([\p{L}'’-]+)(?: (\p{Lu}[\p{L}'’-]*))?/u.exec(text.slice(end, end + 60));
    if (!next || !NAME_PARTICLE.test(next[1]!)) return end;
    if (next[1]!.includes('-')) end += 1 + next[1]!.length;
    else if (next[2]) end += next[0].length;
    else return end;
  }
}
