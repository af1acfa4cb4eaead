/**
 * Words after a speaker's name that are not part of who spoke: an aside set off after the name that says
 * where, when, how old or in which way ("Clinton, meanwhile,", "Ramos, 58,", "Trump, in Kentucky,", "Trump,
 * speaking to veterans,", "Trump at the time"). An affiliation or a description of the speaker stays
 * ("Ana Oresk, of the harbour board", "Ana Oresk, the harbour chief"). Words before the name, a dateline
 * among them, are resolve.ts's afterLeadingAdjunct.
 */
import type { Span } from '../../core/index.js';
import type { SpeakerFound } from './speaker.js';

/**
 * What follows the last comma of a speaker's phrase when it is an aside: a phrase of place, time or comparison
 * ("in Kentucky", "at a rally", "like Obama", "in particular"), "for his part", an age, a lone adverb
 * ("meanwhile", "too"), a participle opening a phrase of circumstance ("speaking to reporters").
 * Lower case throughout: a capitalised word after the comma names someone.
 */
const ASIDE = /^(?:(?:in|at|on|during|after|before|since|upon|amid|amidst|throughout|within|like|unlike)\s\S.*|for\s+(?:his|her|their|its|our|my)\s+part|for\s+(?:example|instance)|\d{1,3}|\p{Ll}+|\p{Ll}+ing\s+(?:to|of|at|on|in|with|after|before|from|for|during|about)\s\S.*)$/su;

/** A time written right after the name, with no comma ("Trump at the time said"). */
const TIME_AFTER = /\s+at\s+(?:the|that)\s+time$/;

function trimmedEnd(sp: SpeakerFound, end: number): SpeakerFound {
  const core: Span = { start: sp.core.start, end: Math.min(sp.core.end, end) };
  const { head, ...rest } = sp;
  return { ...rest, ...(head && head.end <= end ? { head } : {}), span: { start: sp.span.start, end }, core };
}

/** The speaker's phrase without asides after the name. */
export function withoutAsides(text: string, sp: SpeakerFound): SpeakerFound {
  let out = sp;
  for (;;) {
    const words = text.slice(out.span.start, out.span.end);
    const time = TIME_AFTER.exec(words);
    if (time && time.index > 0) { out = trimmedEnd(out, out.span.start + time.index); continue; }
    const comma = words.lastIndexOf(',');
    // Only outside brackets ("Sen. Ana Oresk (R-Ga.)") and with words before it.
    if (comma <= 0 || words.lastIndexOf('(') > words.lastIndexOf(')')) return out;
    const tail = words.slice(comma + 1).trim();
    const end = out.span.start + words.slice(0, comma).trimEnd().length;
    if (!ASIDE.test(tail) || end <= out.core.start) return out;
    out = trimmedEnd(out, end);
  }
}
