import type { Doc, Span } from '../../core/index.js';
import type { EntityMention, ArticleEntity, Timex, Token } from '../../annotate/index.js';
import { findEvents } from '../../annotate/events/index.js';
import { mergeEntities } from '../entities/index.js';
import type { StoryContext } from '../types.js';

/** A fictional article for unit tests: names and time expressions located by their text, sentences split at ". ". */
export interface TestArticle {
  readonly id: string;
  readonly text: string;
  readonly published?: string;
  readonly entities?: readonly { readonly text: string; readonly type: 'PERSON' | 'ORG' | 'GPE' }[];
  readonly times?: readonly { readonly text: string; readonly value: string }[];
  /** Words the tokens layer tags as verbs (every other word is left untagged). */
  readonly verbs?: readonly string[];
}

/** Word tokens of the text, the listed verbs tagged VERB. */
function tokensOf(text: string, sentences: readonly Span[], verbs: readonly string[]): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}’'-]+|[^\s\p{L}\p{N}]/gu)) {
    const sentence = sentences.findIndex((s) => s.start <= m.index && m.index < s.end);
    out.push({ start: m.index, end: m.index + m[0].length, sentence, ...(verbs.includes(m[0]) ? { pos: 'VERB' } : {}) });
  }
  return out;
}

function sentencesOf(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?]["”]?(?=\s+|$)/g)) {
    const end = m.index + m[0].length;
    out.push({ start, end });
    start = end;
    while (start < text.length && /\s/.test(text[start]!)) start++;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** Build a Doc with sentences, entities, entity index, times and events (from the real event finder). */
export function makeDoc(article: TestArticle): Doc {
  const { text } = article;
  const index: ArticleEntity[] = [];
  const entities: EntityMention[] = [];
  for (const e of article.entities ?? []) {
    let entity = index.find((x) => x.name === e.text);
    if (!entity) { entity = { id: `e${index.length + 1}`, name: e.text, type: e.type }; index.push(entity); }
    for (let at = text.indexOf(e.text); at >= 0; at = text.indexOf(e.text, at + 1)) {
      entities.push({ start: at, end: at + e.text.length, type: e.type, entity: entity.id, form: 'name' } as EntityMention);
    }
  }
  entities.sort((a, b) => a.start - b.start);
  const times: Timex[] = (article.times ?? []).map((t) => {
    const at = text.indexOf(t.text);
    if (at < 0) throw new Error(`time "${t.text}" not in the text of ${article.id}`);
    return { start: at, end: at + t.text.length, type: 'DATE', value: t.value } as Timex;
  }).sort((a, b) => a.start - b.start);
  const sentences = sentencesOf(text);
  const events = findEvents(text, { sentences, entities, times }, { publicationDate: article.published ?? null });
  return {
    id: article.id,
    text,
    meta: article.published ? { published: { value: article.published, evidence: { source: 'line', at: 'line 1' } } } : {},
    source: { path: `${article.id}.txt` },
    layers: { sentences, tokens: tokensOf(text, sentences, article.verbs ?? []), entities, entityIndex: index, times, quotes: [], events },
    messages: [],
  };
}

/** The story context of some test articles, with the real cross-source entity merge. */
export function makeContext(articles: readonly TestArticle[]): StoryContext {
  const docs = articles.map(makeDoc);
  return { docs, entities: mergeEntities(docs) };
}
