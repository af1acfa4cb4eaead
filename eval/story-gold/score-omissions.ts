/**
 * "Article X leaves out Y" against what X really mentions. An actor left out is wrong when X's
 * exhaustive gold entities name it (any form, or a capital standing for it). An event left out is
 * matched to the gold by its sources' evidence: a `coverage` item (Iran corpus) or a real event
 * of the timeline gold; it is wrong when X is among the articles mentioning it. An omission the
 * gold cannot place is counted apart, as unscored.
 */
import type { Doc, Span } from '../../src/core/index.js';
import type { SourceEvidence } from '../../src/story/types.js';
import { locate, norm, overlaps, type StoryGold } from './gold.js';
import type { RealEvent } from './score-timeline.js';

/** One "leaves out" finding, in the terms the scorer needs. */
export interface OmissionClaim {
  readonly article: string;
  readonly kind: 'actor' | 'event';
  readonly label: string;
  /** Actor name (story entity) for an actor. */
  readonly actor?: string;
  /** Where other articles report the event. */
  readonly sources?: readonly SourceEvidence[];
}

export interface OmissionScore { readonly claims: number; readonly right: number; readonly wrong: number; readonly unscored: number; readonly detail: string[] }

interface Corpus { docOf(goldId: string): Doc | undefined; idOf(article: string): string | undefined }

function mentionsActor(gold: StoryGold, goldArticle: string, actor: string): boolean {
  const article = gold.articles.find((a) => a.id === goldArticle);
  const group = gold.aliases?.find((g) => [g.canonical, ...g.forms].some((f) => norm(f) === norm(actor)));
  const names = new Set([norm(actor), ...(group ? [group.canonical, ...group.forms].map(norm) : [])]);
  return (article?.entities ?? []).some((e) => [e.canonical ?? e.name ?? '', e.stands_for ?? '', ...e.forms].some((f) => f && names.has(norm(f))));
}

function spansOf(evidence: Readonly<Record<string, string>>, corpus: Corpus): { article: string; span: Span }[] {
  return Object.entries(evidence).flatMap(([article, text]) => {
    const doc = corpus.docOf(article);
    const span = doc ? locate(doc, text) : null;
    return span ? [{ article, span }] : [];
  });
}

export function scoreOmissions(gold: StoryGold, claims: readonly OmissionClaim[], events: readonly RealEvent[], corpus: Corpus): OmissionScore {
  const coverage = (gold.coverage ?? []).map((c) => ({ articles: c.articles_mentioning, spans: spansOf(c.evidence, corpus), label: c.label }));
  const real = events.map((e) => ({
    articles: [...new Set(e.members.map((m) => m.article))],
    spans: spansOf(Object.fromEntries(e.members.map((m) => [m.article, m.evidence])), corpus),
    label: `${e.date} ${e.what}`,
  }));
  let right = 0;
  let wrong = 0;
  let unscored = 0;
  const detail: string[] = [];
  for (const c of claims) {
    const article = corpus.idOf(c.article) ?? c.article;
    let mentioned: boolean | null = null;
    let against = '';
    if (c.kind === 'actor' && c.actor) mentioned = mentionsActor(gold, article, c.actor);
    else {
      const hit = (c.sources ?? []).map((s) => ({ article: corpus.idOf(s.article) ?? '', span: s as Span }));
      const touches = (spans: readonly { article: string; span: Span }[]): boolean => spans.some((g) => hit.some((h) => h.article === g.article && overlaps(h.span, g.span)));
      const item = coverage.find((x) => touches(x.spans)) ?? real.find((x) => touches(x.spans));
      if (item) { mentioned = item.articles.includes(article); against = item.label; }
    }
    if (mentioned === null) { unscored++; detail.push(`UNSCORED ${article} leaves out ${c.label}`); continue; }
    if (mentioned) { wrong++; detail.push(`WRONG ${article} leaves out ${c.label}${against ? ` (gold: ${against})` : ''}`); }
    else right++;
  }
  return { claims: claims.length, right, wrong, unscored, detail };
}
