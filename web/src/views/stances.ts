/** The stance matrix: one table per topic, actors down, dates across; each cell is coloured and lettered by position. */
import { h } from '../dom.js';
import type { Story } from '../api.js';
import { compareDates, formatDate } from '../format.js';
import { articleHref } from '../router.js';
import type { StoryView } from './context.js';

type Stance = Story['stances'][number];

/** Positions in legend order, each with the letter shown in its cell (colour is never the only cue). */
export const POSITIONS: { position: Stance['position']; letter: string; label: string }[] = [
  { position: 'for', letter: 'F', label: 'for' },
  { position: 'against', letter: 'A', label: 'against' },
  { position: 'conditional', letter: 'C', label: 'conditional' },
  { position: 'open', letter: 'O', label: 'open' },
  { position: 'neutral', letter: 'N', label: 'neutral' },
];
const LETTER = new Map(POSITIONS.map((p) => [p.position, p.letter]));
const UNDATED = 'undated';

function cellChip(view: StoryView, stance: Stance): HTMLElement {
  const description = `${stance.actor} ${stance.position}${stance.note ? ` (${stance.note})` : ''}, per ${view.outletOf(stance.article)}: “${stance.evidence}”`;
  return h('a', {
    href: articleHref(stance.article, { start: stance.start, end: stance.end, quote: stance.evidence }),
    class: `stance stance-${stance.position}`,
    title: description,
    'data-position': stance.position,
  }, h('span', { 'aria-hidden': 'true' }, LETTER.get(stance.position) ?? '?'), h('span', { class: 'visually-hidden' }, description));
}

function topicTable(view: StoryView, topic: string, stances: Stance[]): HTMLElement {
  const dates = [...new Set(stances.map((s) => s.date ?? UNDATED))].sort((a, b) => (a === UNDATED ? 1 : b === UNDATED ? -1 : compareDates(a, b)));
  const actors = [...new Set(stances.map((s) => s.actor))].sort((a, b) => a.localeCompare(b));
  return h('div', { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-label': `Stances on ${topic}` },
    h('table', { class: 'stance-matrix' },
      h('caption', null, `Stances on ${topic}`),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Actor'), dates.map((d) => h('th', { scope: 'col' }, d === UNDATED ? 'Undated' : formatDate(d))))),
      h('tbody', null, actors.map((actor) => h('tr', null,
        h('th', { scope: 'row' }, actor),
        dates.map((d) => {
          const here = stances.filter((s) => s.actor === actor && (s.date ?? UNDATED) === d);
          return h('td', null, here.map((s) => cellChip(view, s)));
        }))))));
}

export function stanceSection(view: StoryView): HTMLElement {
  const { stances, topics } = view.story;
  const section = h('section', { 'aria-labelledby': 'stances-heading', class: 'story-section', id: 'stances' },
    h('h2', { id: 'stances-heading' }, 'Stances'));
  if (stances.length === 0) {
    section.append(h('p', null, 'No stances were found on the questions this story turns on.'));
    return section;
  }
  section.append(h('ul', { class: 'stance-legend', 'aria-label': 'Legend' }, POSITIONS.map((p) =>
    h('li', null, h('span', { class: `stance stance-${p.position}`, 'aria-hidden': 'true' }, p.letter), ` ${p.label}`))));
  const byTopic = new Map<string, Stance[]>();
  for (const s of stances) byTopic.set(s.topic, [...(byTopic.get(s.topic) ?? []), s]);
  for (const [topic, list] of byTopic) {
    const info = topics.find((t) => t.label === topic || t.id === topic);
    section.append(h('h3', null, topic));
    if (info) section.append(h('p', { class: 'muted' }, `The question ${info.articles.length} of the ${view.story.articles.length} articles turn on.`));
    section.append(topicTable(view, topic, list));
  }
  return section;
}
