/** The story's entities: every alias, the reason for each merge, and an undo that keeps two names apart. */
import { h } from '../dom.js';
import type { Story } from '../api.js';
import { plural } from '../format.js';

type Entity = Story['entities'][number];
type Merge = Entity['merges'][number];

/** Entities shown before the rest fold into "more": the main actors first. */
const SHOWN_ENTITIES = 25;

function mergeItem(merge: Merge, onUndo: (merge: Merge, button: HTMLButtonElement) => void): HTMLElement {
  const button = h('button', { type: 'button', class: 'undo', 'aria-label': `Undo: keep “${merge.alias}” apart from “${merge.into}”` }, 'Undo');
  button.addEventListener('click', () => onUndo(merge, button));
  return h('li', { class: 'merge' },
    h('span', null, `“${merge.alias}” joined “${merge.into}”: `),
    h('span', { class: 'badge info' }, merge.rule), ' ',
    h('span', { class: 'small' }, merge.detail), ' ',
    button);
}

function row(entity: Entity, onUndo: (merge: Merge, button: HTMLButtonElement) => void): HTMLElement {
  return h('tr', { 'data-entity': entity.id },
    h('th', { scope: 'row' }, entity.name, entity.titles.length ? h('span', { class: 'muted small' }, ` (${entity.titles.join(', ')})`) : null),
    h('td', null, entity.type),
    h('td', null, entity.aliases.filter((a) => a !== entity.name).join(', ') || h('span', { class: 'muted' }, '—')),
    h('td', null, `${plural(entity.articles.length, 'article')}, ${plural(entity.mentionCount, 'mention')}`),
    h('td', null, entity.merges.length ? h('ul', { class: 'merges' }, entity.merges.map((m) => mergeItem(m, onUndo))) : h('span', { class: 'muted' }, '—')));
}

function table(entities: readonly Entity[], onUndo: (merge: Merge, button: HTMLButtonElement) => void, label: string): HTMLElement {
  return h('div', { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-label': label },
    h('table', { class: 'entities' },
      h('thead', null, h('tr', null, ['Name', 'Type', 'Other names', 'Found in', 'Why merged'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, entities.map((e) => row(e, onUndo)))));
}

/**
 * @param onUndo called with the merge to undo; the page calls the API and re-renders.
 */
export function entitiesSection(story: Story, onUndo: (merge: Merge, button: HTMLButtonElement) => void): HTMLElement {
  const sorted = [...story.entities].sort((a, b) => b.articles.length - a.articles.length || b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
  const main = sorted.slice(0, SHOWN_ENTITIES);
  const rest = sorted.slice(SHOWN_ENTITIES);
  return h('section', { 'aria-labelledby': 'entities-heading', class: 'story-section', id: 'entities' },
    h('h2', { id: 'entities-heading', tabindex: '-1' }, `People, organisations and places (${story.entities.length})`),
    h('p', { class: 'muted' }, 'Names written differently in different articles were merged; each merge says why. Undo one to keep the two names apart.'),
    table(main, onUndo, 'Main entities'),
    rest.length ? h('details', null, h('summary', null, `${rest.length} more`), table(rest, onUndo, 'More entities')) : null);
}
