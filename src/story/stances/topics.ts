import { createHash } from 'node:crypto';
import type { StanceTopic, StoryContext } from '../types.js';
import { stem } from '../timeline/index.js';

/** Words after a stance cue that name the question ("refuses to negotiate", "ready to sign"). */
const CUE_THEN_HEAD = /\b(?:refus\w*|reject\w*|rul\w*\s+out|will\s+not|won[’']t|would\s+not|ready\s+to|willing(?:ness)?\s+to|keen(?:ness)?\s+to|calls?\s+for|calling\s+for|wants?\s+to|only\s+if|agreed\s+to|oppos\w*|against|insist\w*\s+on|would|will)\s+(?:(?:to|the|any|an?|even|be|in|further|new|direct)\s+)*(\p{L}+)/giu;
/** Heads that carry no question of their own. */
const EMPTY_HEADS = new Set(['be', 'have', 'do', 'make', 'take', 'give', 'get', 'go', 'come', 'continu', 'remain', 'also', 'not', 'that', 'thi', 'thes', 'it', 'to', 'never', 'more', 'such', 'what']);
/** Words of one family: a question about negotiating is also about talks and dialogue. */
const FAMILIES: readonly (readonly string[])[] = [['negotiat', 'negotiation', 'talk', 'dialogue', 'engag'], ['sign', 'deal', 'agreement', 'treaty']];
/** A topic must be named in at least this many articles. */
const MIN_ARTICLES = 2;

function gerund(form: string): string {
  const w = form.toLowerCase();
  if (w.endsWith('ing')) return w;
  if (/ions?$/.test(w)) return w.replace(/ations?$/, 'ating').replace(/ions?$/, 'ing');
  if (w.endsWith('s') && !w.endsWith('ss')) return gerund(w.slice(0, -1));
  if (w.endsWith('e') && !w.endsWith('ee')) return w.slice(0, -1) + 'ing';
  return w + 'ing';
}

/** The object most often written after the head: "with the United States", "the agreement". */
function commonObject(texts: readonly string[], heads: ReadonlySet<string>): string | null {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const m of text.matchAll(/(\p{L}+)\s+((?:with|on)\s+(?:the\s+)?\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*|(?:the|a|an)\s+(?:[\p{L}-]+\s+)?(?:agreement|deal|treaty|accord|draft|plan|proposal))/gu)) {
      if (!heads.has(stem(m[1]!))) continue;
      const object = m[2]!.replace(/^(?:a|an)\s+/i, 'the ');
      counts.set(object, (counts.get(object) ?? 0) + 1);
    }
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return best && best[1] >= 2 ? best[0] : null;
}

/** The stems that count as the topic: the head and its family. */
export function topicStems(topic: StanceTopic): Set<string> {
  return new Set(topic.terms.map((t) => stem(t)));
}

/**
 * The question the story turns on: the word most often found right after a stance cue
 * ("refuses to negotiate", "rules out negotiations", "ready to sign") in at least two articles,
 * with its word family and the object most often written after it, labelled as a gerund
 * phrase ("negotiating with the United States", "signing the agreement").
 */
export function findTopics(ctx: StoryContext): StanceTopic[] {
  const byHead = new Map<string, { articles: Set<string>; count: number; forms: Map<string, number> }>();
  for (const doc of ctx.docs) {
    for (const m of doc.text.matchAll(CUE_THEN_HEAD)) {
      const form = m[1]!;
      const head = stem(form);
      if (head.length < 3 || EMPTY_HEADS.has(head) || /^\p{Lu}/u.test(form)) continue;
      const family = FAMILIES.find((f) => f.some((w) => head.startsWith(w) || w.startsWith(head)));
      const key = family ? family[0]! : head;
      const entry = byHead.get(key) ?? byHead.set(key, { articles: new Set(), count: 0, forms: new Map() }).get(key)!;
      entry.articles.add(doc.id);
      entry.count++;
      entry.forms.set(form.toLowerCase(), (entry.forms.get(form.toLowerCase()) ?? 0) + 1);
    }
  }
  const ranked = [...byHead.entries()].filter(([, e]) => e.articles.size >= MIN_ARTICLES)
    .sort((a, b) => b[1].articles.size - a[1].articles.size || b[1].count - a[1].count || a[0].localeCompare(b[0]));
  const top = ranked[0];
  if (!top) return [];
  const [key, entry] = top;
  const family = FAMILIES.find((f) => f[0] === key) ?? [key];
  const mainForm = [...entry.forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  const heads = new Set([stem(mainForm), ...family]);
  const object = commonObject(ctx.docs.map((d) => d.text), heads);
  const label = object ? `${gerund(mainForm)} ${object}` : gerund(mainForm);
  const terms = [...new Set([...entry.forms.keys(), ...family])].sort();
  const articles = ctx.docs.filter((d) => entry.articles.has(d.id)).map((d) => d.id);
  const id = 'topic_' + createHash('sha256').update(label).digest('hex').slice(0, 10);
  return [{ id, label, terms: object ? [...terms, object] : terms, articles }];
}
