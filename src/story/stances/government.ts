import type { StoryContext } from '../types.js';
import { countryName, countryNamed, countryOfQualifier } from '../entities/countries.js';

/** Offices that speak for a government's executive: its head, ministers, spokespeople, diplomats, ministries and missions. */
const EXECUTIVE = /\b(?:president|prime\s+minister|premier|minister|ministry|spokes(?:person|man|woman)|leader|ambassador|envoy|mission|embassy|delegation|side|government|administration|cabinet|king|queen|emir|chancellor)\b/iu;
/** Offices that speak for themselves or a faction, not for the government: legislators, parties, the opposition, past holders. */
const NOT_THE_GOVERNMENT = /\b(?:parliament\w*|senat\w*|lawmakers?|legislat\w*|congress\w*|deputy|mps?|party|opposition|former|ex-|candidate|rebels?|militia)\b/iu;
/** The run of title words written right before a name: "Veskarian President", "Veskaria's Supreme Leader Ayatollah". */
const TITLE_BEFORE = /((?:(?:\p{Lu}[\p{L}’'.-]*|of|for|the|to)\s+)+)$/u;
/** A role written as an appositive before a name: "the spokesperson for the Veskarian Foreign Ministry, Ana Oresk". */
const ROLE_BEFORE = /\b(?:[Tt]he|[Aa]n?)\s+((?:[\p{Ll}-]+\s+){0,3}(?:spokes\w+|minister|president|leader|ambassador|envoy|head|chief)\s+(?:for|of|at)\s+(?:the\s+)?(?:\p{Lu}[\p{L}’'.-]*\s*)+),\s*$/u;
/** A role written as an appositive after a name: "Ana Oresk, the Veskarian foreign minister,". */
const ROLE_AFTER = /^\s*,\s*(?:the|a|an)\s+([^,;.]{2,100}?)\s*[,.;]/u;

/** The country a description of an office names, by a country name or its demonym ("Veskarian", "Veskaria's"), as a code. */
function countryIn(description: string): string | undefined {
  const words = description.match(/\p{Lu}[\p{L}’'.-]*/gu) ?? [];
  for (let i = 0; i < words.length; i++) {
    const pair = i + 1 < words.length ? countryNamed(`${words[i]} ${words[i + 1]}`) : undefined;
    const code = pair ?? countryOfQualifier(words[i]!);
    if (code) return code;
  }
  return undefined;
}

/** The country an office's description makes one speak for, when it is an executive office and names one country. */
function executiveOf(description: string): string | undefined {
  return EXECUTIVE.test(description) && !NOT_THE_GOVERNMENT.test(description) ? countryIn(description) : undefined;
}

/** The descriptions of a story entity's offices: the title words and appositives around each of its mentions. */
function descriptionsOf(ctx: StoryContext, id: string): string[] {
  const out: string[] = [];
  for (const doc of ctx.docs) {
    for (const m of doc.layers.entities ?? []) {
      if (ctx.entities.resolve(doc.id, m.entity) !== id) continue;
      const sentence = (doc.layers.sentences ?? []).find((s) => s.start <= m.start && m.end <= s.end) ?? { start: 0, end: doc.text.length };
      const before = doc.text.slice(Math.max(sentence.start, m.start - 120), m.start);
      const after = doc.text.slice(m.end, Math.min(sentence.end, m.end + 140));
      for (const d of [TITLE_BEFORE.exec(before)?.[1], ROLE_BEFORE.exec(before)?.[1], ROLE_AFTER.exec(after)?.[1]]) if (d) out.push(d);
    }
  }
  return out;
}

/**
 * The country whose government a stance holder speaks for, as its common name: a country itself,
 * a body whose name is an office of one ("the Veskarian mission to the United Nations"), or a
 * person the articles give an executive office of one ("Veskarian President Ana Oresk", "the
 * spokesperson for the Veskarian Foreign Ministry, Ana Oresk"). Legislators, parties and former
 * office-holders speak for themselves; a holder given offices of two countries speaks for neither.
 */
export function governmentOf(ctx: StoryContext, holder: { name: string; id: string | null }): string | undefined {
  const entity = holder.id ? ctx.entities.get(holder.id) : undefined;
  if (entity?.type === 'GPE') {
    const code = countryNamed(entity.name);
    return code ? countryName(code) : undefined;
  }
  const own = executiveOf(holder.name);
  if (own || !entity || (entity.type !== 'PERSON' && entity.type !== 'ORG')) return own ? countryName(own) : undefined;
  // an organisation's description completes its name ("the Veskarian" + "Trade Ministry")
  const described = descriptionsOf(ctx, entity.id).map((d) => (entity.type === 'ORG' ? `${d} ${entity.name}` : d));
  const codes = new Set(described.map(executiveOf).filter((c): c is string => c !== undefined));
  return codes.size === 1 ? countryName([...codes][0]!) : undefined;
}

