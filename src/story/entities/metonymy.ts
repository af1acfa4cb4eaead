/**
 * Whether an article uses a capital for its government ("Canberra said", "Canberra’s response",
 * "talks between Canberra and Ottawa") rather than for the city ("in Canberra", "Canberra time"). The
 * reference layer's `standsFor` decides when an earlier stage provides it; otherwise each mention
 * is read from the words around it, and the article's uses are counted.
 */
import type { Doc, Span } from '../../core/index.js';

/** Words before a name that make it a place: where something is, goes or comes from. */
const LOCATIVE_BEFORE = /\b(?:in|at|to|from|near|into|outside|around|across|inside|toward|towards|via|visit(?:ed|ing|s)?|arriv\w*|fl(?:ew|y|ies|ying)|travel\w*|based|capital|city|streets?\s+of|downtown|central)\s+(?:the\s+)?$/i;
/** Words after a name that keep it a city: its time zone, its districts, the people in it. */
const CITY_AFTER = /^(?:[’']s)?\s+(?:time|residents?|streets?|suburbs?|outskirts|districts?|airport|metro|mayor|city|centre|center|region|oblast|province|population|citizens|skyline|hospitals?|schools?)\b/i;
/** A name with a possessive or a speech or action verb right after it (alone or with a partner: "Canberra and Ottawa will"), or "-aligned", acts as a government. */
const ACTOR_AFTER = /^(?:[’']s\b|-(?:aligned|backed|led|friendly|based)\b|(?:\s+and\s+\p{Lu}[\p{L}’'-]+)?\s+(?:has|have|had|is|was|will|would|could|says?|said|wants?|wanted|rejects?|rejected|accuse[sd]?|warn(?:s|ed)?|insists?|insisted|responds?|responded|retaliat\w+|denie[sd]|deny|claims?|claimed|refuse[sd]?|agree[sd]?|demand(?:s|ed)?|hopes?|believes?|sees|views|considers?|announced|denounced|condemned|threatened|imposed|sent|received|confirmed|signalled|signaled|vowed|pledged|offered|proposed|welcomed|blamed|urged|called)\b)/iu;
const POSSESSIVE_AFTER = /^[’']s\b/;
/** "between Canberra and Ottawa", "talks with Ottawa", "pressure on Canberra": a party, not a place. */
const RELATION_BEFORE = /(?:\b(?:between|with|against|by|pressure\s+on)|\bbetween\s+\p{Lu}[\p{L}’'-]*\s+and)\s+$/u;
/** A dateline opens a paragraph: "CANBERRA —", "Ottawa, May 16 (Agency) –". */
const DATELINE_AFTER = /^\s*(?:,\s*\p{Lu}\p{Ll}+\.?\s+\d|[—–-]\s|\(\p{Lu})/u;

/** How one mention of a capital is used: for its government, as a place, or not clear. */
export function capitalUse(text: string, mention: Span): 'government' | 'place' | 'unclear' {
  const before = text.slice(Math.max(0, mention.start - 40), mention.start);
  const after = text.slice(mention.end, mention.end + 40);
  const lineStart = mention.start === 0 || /\n\s*$/.test(before);
  if (lineStart && DATELINE_AFTER.test(after)) return 'place';
  if (CITY_AFTER.test(after)) return 'place';
  // "not in Canberra’s interest": a possessive makes the capital a party whatever stands before it.
  if (POSSESSIVE_AFTER.test(after)) return 'government';
  if (LOCATIVE_BEFORE.test(before)) return 'place';
  if (ACTOR_AFTER.test(after)) return 'government';
  if (RELATION_BEFORE.test(before)) return 'government';
  return 'unclear';
}

/**
 * Whether the article uses this entity (a capital) for its government: the entity index links it to
 * its country (`standsFor`) and no mention reads only as the city, or more of its mentions read as
 * the government than as the place.
 */
export function standsForGovernment(doc: Doc, localId: string): boolean {
  const entry = doc.layers.entityIndex?.find((e) => e.id === localId) as { standsFor?: string } | undefined;
  let government = 0;
  let place = 0;
  for (const m of doc.layers.entities ?? []) {
    if (m.entity !== localId) continue;
    const use = capitalUse(doc.text, m);
    if (use === 'government') government++;
    else if (use === 'place') place++;
  }
  // The entity stage links every capital to its country when both are named; an article whose every
  // clear use is the city ("the capital Tripoli", "speaking from Ankara") does not use it for the government.
  return entry?.standsFor ? government > 0 || place === 0 : government > place;
}
