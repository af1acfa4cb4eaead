/** Where the sources disagree or stand alone: contradictions, quote variants, single-source claims, with every side's evidence. */
import { h } from '../dom.js';
import type { Story } from '../api.js';
import { evidenceBlock, evidenceLink, sourceBadge, type StoryView } from './context.js';

type Side = Story['contradictions'][number]['sides'][number];
type Form = Story['quoteVariants'][number]['forms'][number];

/** What each kind of disagreement is about, in words. */
const KIND_LABEL: Readonly<Record<string, string>> = {
  'office-holder': 'who holds the post', number: 'figures differ', date: 'dates differ', attribution: 'who said it',
  'who-said-what': 'what was said', position: 'positions differ', schedule: 'whether a date is set',
};

/** A rendering's words, with the words it adds to the fullest rendering inserted and those it drops struck. */
function wording(form: Form): HTMLElement {
  if (!form.wording?.length) return h('blockquote', null, `“${form.text}”`);
  return h('blockquote', { class: 'wording' }, '“', form.wording.map((p, i) => [i ? ' ' : '',
    p.op === 'same' ? p.text : p.op === 'added' ? h('ins', { title: 'only in this rendering' }, p.text) : h('del', { title: 'in the fullest rendering, not in this one' }, p.text)]), '”');
}

function sideEvidence(view: StoryView, side: Side): HTMLElement[] {
  if (side.evidenceByArticle?.length) return side.evidenceByArticle.map((e) => evidenceBlock(view, e));
  const first = side.articles[0];
  return first ? [evidenceBlock(view, { article: first, evidence: side.evidence })] : [h('blockquote', null, side.evidence)];
}

export function contradictionsSection(view: StoryView): HTMLElement {
  const { contradictions } = view.story;
  return h('section', { 'aria-labelledby': 'contradictions-heading', class: 'story-section', id: 'contradictions' },
    h('h2', { id: 'contradictions-heading' }, `Contradictions (${contradictions.length})`),
    contradictions.length === 0 ? h('p', null, 'The sources do not contradict each other on dates, figures, sources, office holders or what was said.') : null,
    contradictions.map((c) => h('article', { class: 'contradiction card' },
      h('h3', null, h('span', { class: 'badge warn' }, KIND_LABEL[c.kind] ?? c.kind), ' ', c.claim),
      h('div', { class: 'sides' }, c.sides.map((side) => h('div', { class: 'side' },
        h('p', { class: 'side-value' }, h('strong', null, side.value)),
        h('p', { class: 'small' }, 'Said by ', side.articles.map((a, i) => [i ? ', ' : '', sourceBadge(view, a), ' ', view.outletOf(a)])),
        sideEvidence(view, side)))))),
    roundingsBlock(view));
}

/** Figures sources give at different precision: listed apart as rounding, never counted as contradictions. */
function roundingsBlock(view: StoryView): HTMLElement | null {
  const roundings = view.story.roundings ?? [];
  if (!roundings.length) return null;
  return h('div', { class: 'roundings', id: 'roundings' },
    h('h3', null, `Only rounded, not a conflict (${roundings.length})`),
    h('ul', { class: 'rounding-list' }, roundings.map((r) => h('li', { class: 'rounding card' },
      h('p', null, h('span', { class: 'badge info' }, 'rounding'), ' ', r.claim),
      r.sides.map((side) => h('div', { class: 'side' },
        h('p', { class: 'small' }, h('strong', null, side.value), ' in ', side.articles.map((a, i) => [i ? ', ' : '', sourceBadge(view, a), ' ', view.outletOf(a)])),
        sideEvidence(view, side)))))));
}

export function quoteVariantsSection(view: StoryView): HTMLElement {
  const { quoteVariants } = view.story;
  return h('section', { 'aria-labelledby': 'variants-heading', class: 'story-section', id: 'quote-variants' },
    h('h2', { id: 'variants-heading' }, `Quote variants (${quoteVariants.length})`),
    quoteVariants.length === 0 ? h('p', null, 'No quote is worded differently by different sources.') : null,
    quoteVariants.map((v) => h('article', { class: 'variant card' },
      h('h3', null, v.speaker, h('span', { class: 'muted small' }, ` — ${Math.round(v.similarity * 100)}% of the words alike at least; added words underlined, dropped ones struck`)),
      v.note ? h('p', { class: 'small warn-text' }, v.note) : null,
      h('ul', { class: 'forms' }, v.forms.map((f) => h('li', null,
        wording(f),
        h('p', { class: 'evidence-from' }, '— ', evidenceLink(view, { article: f.article, start: f.start, end: f.end, evidence: f.evidence }))))))));
}

export function singleSourceSection(view: StoryView): HTMLElement {
  const { singleSource } = view.story;
  return h('section', { 'aria-labelledby': 'single-heading', class: 'story-section', id: 'single-source' },
    h('h2', { id: 'single-heading' }, `Claims only one source makes (${singleSource.length})`),
    singleSource.length === 0 ? h('p', null, 'Every claim checked is carried by more than one source.') : null,
    singleSource.length ? h('ul', { class: 'single-list' }, singleSource.map((s) => h('li', { class: 'card' },
      h('p', null, h('span', { class: 'badge info' }, s.kind === 'quote' ? 'quote, not a fact' : s.kind === 'statement' ? 'statement, not a fact' : s.kind), ' ', s.claim),
      evidenceBlock(view, s)))) : null);
}
