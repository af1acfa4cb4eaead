import type { Contradiction, QuoteVariant } from '../types.js';
import { contentWords } from './text.js';

/** What a speaker says was done about something: agreed to it, only talked about it, or refused it. */
const STANCE_VERBS: readonly (readonly [string, RegExp])[] = [
  ['agreed', /\b(?:agreed|agree|decided|signed|approved|accepted|settled on|reached (?:an? )?(?:agreement|deal))\b/gi],
  ['talked about', /\b(?:talked about|talked|discussed|considered|raised|spoke about|addressed|explored|proposed)\b/gi],
  ['refused', /\b(?:refused|rejected|declined|ruled out)\b/gi],
];
/** Words after a verb that say what it was about. */
const OBJECT_WORDS = 8;
/** Two of these pairs say different things about one matter; "talked about" and "refused" can both be true. */
const EXCLUSIVE: ReadonlySet<string> = new Set(['agreed|talked about', 'agreed|refused']);

interface Claim { readonly verb: string; readonly about: ReadonlySet<string>; readonly article: string; readonly form: QuoteVariant['forms'][number] }

function claimsOf(form: QuoteVariant['forms'][number]): Claim[] {
  const out: Claim[] = [];
  for (const [verb, re] of STANCE_VERBS) {
    for (const m of form.text.matchAll(re)) {
      const after = form.text.slice(m.index + m[0].length).split(/\s+/).slice(0, OBJECT_WORDS).join(' ');
      out.push({ verb, about: new Set(contentWords(after.split(/[.;!?]/)[0]!)), article: form.article, form });
    }
  }
  return out;
}

/**
 * What a speaker agreed to, as outlets render one statement differently: one rendering says they
 * "agreed to exchange" where another has them "talk about the exchange". Found inside quote
 * variant groups (one statement), between renderings in different articles whose verbs say
 * different things about the same matter.
 */
export function findWordingContradictions(variants: readonly QuoteVariant[]): Contradiction[] {
  const out: Contradiction[] = [];
  for (const v of variants) {
    const claims = v.forms.flatMap(claimsOf);
    const sides = new Map<string, Claim[]>();
    let matter = '';
    for (const a of claims) {
      for (const b of claims) {
        if (a.article === b.article || !EXCLUSIVE.has(`${a.verb}|${b.verb}`)) continue;
        const shared = [...a.about].filter((w) => b.about.has(w));
        if (shared.length === 0) continue;
        // Not a difference when the other rendering says both things.
        if (claims.some((c) => c.article === b.article && c.verb === a.verb && [...c.about].some((w) => shared.includes(w)))) continue;
        // The matter in the rendering's own word ("exchange", not its stem).
        matter ||= new RegExp(`\\b(${shared[0]!}\\p{L}*)`, 'iu').exec(a.form.text)?.[1]?.toLowerCase() ?? shared[0]!;
        for (const c of [a, b]) { const list = sides.get(c.verb) ?? sides.set(c.verb, []).get(c.verb)!; if (!list.includes(c)) list.push(c); }
      }
    }
    if (sides.size < 2) continue;
    out.push({
      kind: 'who-said-what',
      claim: `What ${v.speaker} said was done about the ${matter}: ${[...sides.keys()].join(' vs ')}`,
      sides: [...sides].map(([verb, cs]) => {
        const articles = [...new Set(cs.map((c) => c.article))];
        const byArticle = articles.map((a) => cs.find((c) => c.article === a)!.form).map((f) => ({ article: f.article, evidence: f.text, start: f.start, end: f.end }));
        return { value: verb, articles, evidence: byArticle[0]!.evidence, evidenceByArticle: byArticle };
      }),
    });
  }
  return out;
}
