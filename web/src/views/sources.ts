/** The sources side by side: one column per article with its framing. */
import { h } from '../dom.js';
import { formatDate, kindBadge, plural, titleOf } from '../format.js';
import { articleHref } from '../router.js';
import { sourceBadge, type StoryView } from './context.js';

/** Items shown before the rest fold away: a column should stay a glance. */
const MAX_TERMS = 12;
/** Longest chip text; omitted events are whole sentences, the full text is in the tooltip. */
const MAX_CHIP_CHARS = 70;

function short(text: string): string {
  return text.length <= MAX_CHIP_CHARS ? text : `${text.slice(0, MAX_CHIP_CHARS - 1).replace(/\s+\S*$/, '')}…`;
}

function chips(items: readonly string[], className: string): HTMLElement {
  return h('ul', { class: `chips ${className}` }, items.slice(0, MAX_TERMS).map((t) => h('li', { title: t.length > MAX_CHIP_CHARS ? t : undefined }, short(t))),
    items.length > MAX_TERMS ? h('li', { class: 'muted' }, `+${items.length - MAX_TERMS} more`) : null);
}

/** The reason for a kind, in words (older stories carried signal counts: "first person ×12"; the counts go). */
function plainReason(evidence: string): string {
  return evidence.replace(/;?\s*text signals:.*$/, '').replace(/\s*×\d+/g, '');
}

/** "2 officials, 1 anonymous source": who is quoted, by kind, in words. */
function sourceKinds(kinds: Readonly<Record<string, number>>): string {
  const words: Record<string, [string, string]> = { official: ['official', 'officials'], analyst: ['analyst or expert', 'analysts or experts'], anonymous: ['anonymous source', 'anonymous sources'], other: ['other source', 'other sources'] };
  return Object.entries(kinds).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${(words[k] ?? [k, k])[n === 1 ? 0 : 1]}`).join(', ');
}

export function sourcesSection(view: StoryView): HTMLElement {
  const framingOf = new Map(view.story.framing.map((f) => [f.article, f]));
  return h('section', { 'aria-labelledby': 'sources-heading', class: 'story-section', id: 'sources' },
    h('h2', { id: 'sources-heading' }, 'The sources side by side'),
    h('ul', { class: 'source-columns' }, view.story.articles.map((id) => {
      const article = view.articles.get(id);
      const framing = framingOf.get(id);
      return h('li', { class: 'source-column', 'data-article': id },
        h('h3', null, sourceBadge(view, id), ' ', view.outletOf(id)),
        h('p', null, h('a', { href: articleHref(id) }, titleOf(article ?? { id, title: null }))),
        h('p', { class: 'muted' }, formatDate(article?.published), ' ', kindBadge(framing?.kind ?? article?.kind ?? 'other')),
        framing ? [
          framing.kindEvidence ? h('p', { class: 'small' }, h('span', { class: 'muted' }, 'Why this kind: '), plainReason(framing.kindEvidence)) : null,
          h('p', null, h('span', { class: 'badge info' }, `Attributed: ${Math.round(framing.attributedShare * 100)}% of sentences`)),
          h('h4', null, 'Loaded terms'), framing.loadedTerms.length ? chips(framing.loadedTerms, 'loaded') : h('p', { class: 'muted' }, 'none found'),
          framing.scareQuotes.length ? [h('h4', null, 'Scare quotes'), chips(framing.scareQuotes.map((q) => `“${q}”`), 'scare')] : null,
          h('h4', null, `Who is quoted (${plural(framing.quotedSpeakers.length, 'speaker')})`),
          framing.quotedSpeakers.length ? chips(framing.quotedSpeakers, 'speakers') : h('p', { class: 'muted' }, 'nobody'),
          sourceKinds(framing.speakerKinds) ? h('p', { class: 'small' }, sourceKinds(framing.speakerKinds)) : null,
          h('h4', null, 'Leaves out'), framing.omits.length ? chips(framing.omits, 'omits') : h('p', { class: 'muted' }, 'nothing the other sources share'),
          framing.notes.length
            ? h('details', { class: 'small' }, h('summary', null, `Notes (${framing.notes.length})`), h('ul', { class: 'notes' }, framing.notes.map((n) => h('li', null, short(n)))))
            : null,
        ] : h('p', { class: 'muted' }, 'No framing analysis for this article.'));
    })));
}
