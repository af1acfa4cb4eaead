import type { Doc } from '../../core/index.js';
import type { Contradiction, ContradictionSide, StoryContext } from '../types.js';

/** Roles an appositive gives a person at a body: "X, the agency's secretary-general". */
const ROLE = /(secretary[- ]general|director[- ]general|president|director|head|chief|chairman|chairwoman|chairperson|chair|spokes(?:man|woman|person)|coordinator|representative|envoy|commissioner|minister)/i;
/** ", the <body> <role>" right after a person's name, the body as a possessive or a name. */
const APPOSITIVE_ROLE = new RegExp(String.raw`^\s*,\s*(?:the|a|an)\s+([^,;.]{2,140}?)\s+${ROLE.source}\b\s*[,.;]`, 'iu');

interface Affiliation { readonly person: string; readonly personName: string; readonly role: string; readonly body: string; readonly bodyName: string; readonly article: string; readonly start: number; readonly end: number }

/** The body a description before a role names: a body named in it, or (for "the aid group's") the body the article named last before. */
function bodyOf(ctx: StoryContext, doc: Doc, from: number, to: number, description: string): { id: string; name: string } | undefined {
  const named = (doc.layers.entities ?? []).filter((m) => m.type === 'ORG' && m.start >= from && m.end <= to);
  const resolve = (local: string) => {
    const id = ctx.entities.resolve(doc.id, local);
    const e = id ? ctx.entities.get(id) : undefined;
    return e ? { id: e.id, name: e.name } : undefined;
  };
  if (named.length) return resolve(named.sort((a, b) => (b.end - b.start) - (a.end - a.start))[0]!.entity);
  if (!/[’']s$/.test(description) || /^\p{Lu}/u.test(description)) return undefined;
  const before = (doc.layers.entities ?? []).filter((m) => m.type === 'ORG' && m.end <= from && from - m.end < 400).pop();
  return before ? resolve(before.entity) : undefined;
}

function affiliations(ctx: StoryContext, doc: Doc): Affiliation[] {
  const out: Affiliation[] = [];
  for (const m of doc.layers.entities ?? []) {
    if (m.type !== 'PERSON') continue;
    const after = APPOSITIVE_ROLE.exec(doc.text.slice(m.end, m.end + 220));
    if (!after) continue;
    const person = ctx.entities.resolve(doc.id, m.entity);
    const personName = person ? ctx.entities.get(person)?.name : undefined;
    const descStart = m.end + after[0].indexOf(after[1]!);
    const body = bodyOf(ctx, doc, descStart, descStart + after[1]!.length, after[1]!);
    if (!person || !personName || !body) continue;
    const sentence = (doc.layers.sentences ?? []).find((s) => s.start <= m.start && m.end <= s.end) ?? { start: m.start, end: m.end + after[0].length };
    out.push({ person, personName, role: after[2]!.toLowerCase().replace(/\s+/g, '-'), body: body.id, bodyName: body.name, article: doc.id, start: sentence.start, end: sentence.end });
  }
  return out;
}

/**
 * A person given one role at two different bodies by two outlets ("X, the aid group's
 * secretary-general" after naming the Orvan Relief Society; "X, the Coastal Aid Federation … Kell
 * secretary-general"): who they speak for is in dispute.
 */
export function findAffiliationContradictions(ctx: StoryContext): Contradiction[] {
  const docs = new Map(ctx.docs.map((d) => [d.id, d]));
  const all = ctx.docs.flatMap((d) => affiliations(ctx, d));
  const out: Contradiction[] = [];
  const byPersonRole = new Map<string, Affiliation[]>();
  for (const a of all) (byPersonRole.get(`${a.person}|${a.role}`) ?? byPersonRole.set(`${a.person}|${a.role}`, []).get(`${a.person}|${a.role}`)!).push(a);
  for (const list of byPersonRole.values()) {
    const bodies = new Map<string, Affiliation[]>();
    for (const a of list) (bodies.get(a.body) ?? bodies.set(a.body, []).get(a.body)!).push(a);
    if (bodies.size < 2 || new Set(list.map((a) => a.article)).size < 2) continue;
    const sides: ContradictionSide[] = [...bodies.values()].map((as) => {
      const articles = [...new Set(as.map((a) => a.article))];
      const byArticle = articles.map((art) => as.find((a) => a.article === art)!).map((a) => ({ article: a.article, evidence: docs.get(a.article)!.text.slice(a.start, a.end).trim(), start: a.start, end: a.end }));
      return { value: `${as[0]!.role} of ${as[0]!.bodyName}`, articles, evidence: byArticle[0]!.evidence, evidenceByArticle: byArticle };
    });
    out.push({ kind: 'office-holder', claim: `${list[0]!.personName}'s organisation (${list[0]!.role}): ${sides.map((s) => s.value).join(' vs ')}`, sides });
  }
  return out;
}
