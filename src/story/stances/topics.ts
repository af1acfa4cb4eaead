import { createHash } from 'node:crypto';
import type { StanceTopic, StoryContext } from '../types.js';
import { stem } from '../timeline/index.js';
import { countryNamed, countryOfQualifier } from '../entities/countries.js';

/** Words after a stance cue that name the question ("refuses to negotiate", "ready to sign"). */
const CUE_THEN_HEAD = /\b(?:refus\w*|reject\w*|rul\w*\s+out|will\s+not|won[’']t|would\s+not|ready\s+to|willing(?:ness)?\s+to|keen(?:ness)?\s+to|calls?\s+for|calling\s+for|wants?\s+to|only\s+if|agreed\s+to|oppos\w*|against|insist\w*\s+on|vow(?:s|ed|ing)?\s+to|pledg(?:e|es|ed|ing)\s+to|promis(?:e|es|ed|ing)\s+to|invited|requested|hit\s+out\s+(?:hard\s+)?(?:on|at|against)|blast(?:ed|s)|condemn\w*|denounc\w*)[”"]?\s+[“"]?(?:(?:to|the|any|an?|even|be|in|further|new|direct)\s+)*(?:\p{Lu}[\p{L}.]*[’']s\s+)?(\p{L}+)/gu;
/** Heads that carry no question of their own. */
const EMPTY_HEADS = new Set(['be', 'have', 'do', 'make', 'take', 'give', 'get', 'go', 'come', 'continu', 'remain', 'also', 'not', 'that', 'thi', 'thes', 'it', 'to', 'never', 'more', 'such', 'what',
  // pronouns and number words after a cue ("pledged her support", "will not one day") name no question
  // …nor do verbs of saying ("refused to say", "will not comment")
  'say', 'tell', 'comment', 'speak', 'elaborat',
  'will', 'would', 'can', 'could', 'should', 'must', 'may', 'might', 'shall',
  'her', 'him', 'his', 'them', 'their', 'our', 'its', 'you', 'your', 'us', 'me', 'my', 'one', 'some', 'all']);
/** Words of one family: a question about negotiating is also about talks and dialogue. */
const ACTIVITIES: readonly (readonly string[])[] = [['negotiat', 'negotiation', 'talk', 'dialogue', 'engag', 'contact'], ['sign', 'deal', 'agreement', 'treaty']];
/** …and words for one thing: a question about levies is one about tariffs. */
const FAMILIES: readonly (readonly string[])[] = [...ACTIVITIES, ['tariff', 'levi', 'levy']];
/** A topic must be named in at least this many articles. */
const MIN_ARTICLES = 2;
/** Share of a story's articles that must use a word of the question, anywhere in the text. */
const MIN_TOPIC_SHARE = 0.5;

/** How many articles use a word of a family (by stem prefix). */
function articlesNaming(ctx: StoryContext, family: readonly string[]): number {
  return ctx.docs.filter((d) => [...d.text.matchAll(/\p{L}+/gu)].some((m) => { const w = stem(m[0]); return family.some((f) => w.startsWith(f)); })).length;
}

/** An object must be written after the head this often, or that many actors take positions on it, to label the topic (once may be a passing phrase). */
const MIN_OBJECT_COUNT = 2;

function gerund(form: string): string {
  const w = form.toLowerCase();
  if (w.endsWith('ing')) return w;
  if (/ions?$/.test(w)) return w.replace(/ations?$/, 'ating').replace(/ions?$/, 'ing');
  if (w.endsWith('s') && !w.endsWith('ss')) return gerund(w.slice(0, -1));
  if (w.endsWith('e') && !w.endsWith('ee')) return w.slice(0, -1) + 'ing';
  return w + 'ing';
}

/** One thing the question may be about, as written after its head word: its forms and, when named, the story entity. */
export interface ObjectCandidate {
  /** The most frequent written form: "with the United States". */
  readonly label: string;
  readonly forms: readonly string[];
  /** The story entity the forms name, so "with the U.S." and "with the United States" count as one. */
  readonly entity: string | null;
  readonly count: number;
}

/** Scores an object candidate for a topic without object: higher is the better label (e.g. how many actors take positions on it). */
export type ObjectScore = (topic: StanceTopic, object: ObjectCandidate) => number;

/** The objects written after the head ("with the United States", "the agreement"), grouped by the story entity they name. */
function objectCandidates(ctx: StoryContext, heads: ReadonlySet<string>): ObjectCandidate[] {
  const groups = new Map<string, { forms: Map<string, number>; entity: string | null }>();
  for (const doc of ctx.docs) {
    for (const m of doc.text.matchAll(/(\p{L}+)\s+((?:with|on)\s+(?:the\s+)?\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*|(?:the|a|an)\s+(?:[\p{L}-]+\s+)?(?:agreement|deal|treaty|accord|draft|plan|proposal))/gu)) {
      if (!heads.has(stem(m[1]!))) continue;
      const object = m[2]!.replace(/^(?:a|an)\s+/i, 'the ').replace(/\.$/, '');
      // "tariffs on Kellish imports": a demonym qualifies the object written after it, it is not the object
      const last = object.split(/\s+/).pop()!;
      if (countryOfQualifier(last) && !countryNamed(last)) continue;
      const at = m.index + m[0].length - m[2]!.length;
      const mention = (doc.layers.entities ?? []).find((e) => e.start >= at && e.start < at + m[2]!.length);
      const entity = mention ? ctx.entities.resolve(doc.id, mention.entity) ?? null : null;
      const key = entity ?? object.toLowerCase();
      const group = groups.get(key) ?? groups.set(key, { forms: new Map(), entity }).get(key)!;
      group.forms.set(object, (group.forms.get(object) ?? 0) + 1);
    }
  }
  return [...groups.values()].map((g) => {
    const forms = [...g.forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return { label: forms[0]![0], forms: forms.map(([f]) => f), entity: g.entity, count: forms.reduce((n, [, c]) => n + c, 0) };
  });
}

function topicId(label: string): string {
  return 'topic_' + createHash('sha256').update(label).digest('hex').slice(0, 10);
}

/** The stems that count as the topic: the head and its family. */
export function topicStems(topic: StanceTopic): Set<string> {
  return new Set(topic.terms.map((t) => stem(t)));
}

/** Words after "under" that are no condition of their own ("under the deal", "under way"). */
const NOT_A_CONDITION = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'any', 'some', 'such', 'way', 'which', 'what', 'whose']);
/** Conditions named as one condition: the first form written stands for its stem. */
const CONDITION = /(\p{L}+)\s+under\s+(\p{L}+)(?:\s*(?:,|and|or|\/)\s*(\p{L}+))?/giu;

/**
 * The condition the articles set on the question ("negotiating … under pressure"): the words after
 * "under" that follow a word of the question in at least half the story's articles, the one or two
 * most of them use; null when fewer articles frame the question so.
 */
function conditionOf(ctx: StoryContext, heads: ReadonlySet<string>, family: readonly string[]): string | null {
  const byNoun = new Map<string, { form: string; articles: Set<string> }>();
  const framing = new Set<string>();
  for (const doc of ctx.docs) {
    for (const m of doc.text.matchAll(CONDITION)) {
      const w = stem(m[1]!.toLowerCase());
      if (!heads.has(w) && !family.some((f) => w.startsWith(f))) continue;
      for (const noun of [m[2], m[3]].filter((x): x is string => Boolean(x)).map((x) => x.toLowerCase())) {
        if (NOT_A_CONDITION.has(noun) || noun.length < 4) continue;
        const key = stem(noun);
        const entry = byNoun.get(key) ?? byNoun.set(key, { form: noun.replace(/([^s])s$/, '$1'), articles: new Set() }).get(key)!;
        entry.articles.add(doc.id);
        framing.add(doc.id);
      }
    }
  }
  if (framing.size < MIN_ARTICLES || framing.size < MIN_TOPIC_SHARE * ctx.docs.length) return null;
  const ranked = [...byNoun.values()].sort((a, b) => b.articles.size - a.articles.size || a.form.localeCompare(b.form));
  const named = ranked.filter((r, i) => i === 0 || (i === 1 && r.articles.size >= MIN_ARTICLES)).map((r) => r.form);
  return `under ${named.join(' or ')}`;
}

/**
 * The question the story turns on: the word most often found right after a stance cue
 * ("refuses to negotiate", "rules out negotiations", "ready to sign") in at least two articles,
 * with its word family, the object most often written after it and the condition most articles
 * set on it, labelled as a gerund phrase ("negotiating with the United States under pressure",
 * "signing the agreement").
 */
export function findTopics(ctx: StoryContext, options: { objectScore?: ObjectScore } = {}): StanceTopic[] {
  const byHead = new Map<string, { articles: Set<string>; count: number; forms: Map<string, number>; nouns: number }>();
  for (const doc of ctx.docs) {
    for (const m of doc.text.matchAll(CUE_THEN_HEAD)) {
      const form = m[1]!;
      const head = stem(form);
      if (head.length < 3 || EMPTY_HEADS.has(head) || /^\p{Lu}/u.test(form)) continue;
      const family = FAMILIES.find((f) => f.some((w) => head.startsWith(w) || w.startsWith(head)));
      const key = family ? family[0]! : head;
      const entry = byHead.get(key) ?? byHead.set(key, { articles: new Set(), count: 0, forms: new Map(), nouns: 0 }).get(key)!;
      entry.articles.add(doc.id);
      entry.count++;
      const at = m.index + m[0].length - form.length;
      // (after "to" the word is a verb whatever the tagger says: 'promising to "bomb"')
      if (doc.layers.tokens?.find((t) => t.start === at)?.pos === 'NOUN' && !/\bto\s+[“"]?$/u.test(doc.text.slice(Math.max(0, at - 6), at))) entry.nouns++;
      entry.forms.set(form.toLowerCase(), (entry.forms.get(form.toLowerCase()) ?? 0) + 1);
    }
  }
  const ranked = [...byHead.entries()].filter(([, e]) => e.articles.size >= MIN_ARTICLES)
    .sort((a, b) => b[1].articles.size - a[1].articles.size || b[1].count - a[1].count || a[0].localeCompare(b[0]));
  // The story's question is one most of its articles write about, not one a few of them argue over in passing.
  const top = ranked.find(([key]) => articlesNaming(ctx, FAMILIES.find((f) => f[0] === key) ?? [key]) >= MIN_TOPIC_SHARE * ctx.docs.length);
  if (!top) return [];
  const [key, entry] = top;
  const family = FAMILIES.find((f) => f[0] === key) ?? [key];
  const mainForm = [...entry.forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  const heads = new Set([stem(mainForm), ...family]);
  const terms = [...new Set([...entry.forms.keys(), ...family])].sort();
  const articles = ctx.docs.filter((d) => entry.articles.has(d.id)).map((d) => d.id);
  // A question about a thing ("tariffs") is named by the thing; one about an activity by its gerund ("negotiating").
  const nounForms = [...entry.forms.keys()].filter((f) => f.endsWith('s'));
  const head = !ACTIVITIES.some((f) => f[0] === key) && entry.nouns * 2 > entry.count ? (nounForms[0] ?? mainForm) : gerund(mainForm);
  const bare: StanceTopic = { id: topicId(head), label: head, terms, articles };
  // the object the most actors take positions on (ties: the more often written), not merely the most frequent one
  const score = options.objectScore ?? ((): number => 0);
  const objects = objectCandidates(ctx, heads).map((o) => ({ o, score: score(bare, o) }))
    .filter(({ o, score: s }) => o.count >= MIN_OBJECT_COUNT || s >= MIN_OBJECT_COUNT)
    .sort((a, b) => b.score - a.score || b.o.count - a.o.count || a.o.label.localeCompare(b.o.label));
  const object = objects[0]?.o.label ?? null;
  // …and the condition the articles set on it, when most frame it so ("negotiating … under pressure")
  const condition = conditionOf(ctx, heads, family);
  const label = [head, object, condition].filter(Boolean).join(' ');
  const id = topicId(label);
  return [{ id, label, terms: object ? [...terms, object] : terms, articles }];
}
