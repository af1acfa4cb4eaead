/**
 * The story's entities: every alias, the reason for each merge, an undo that keeps two names
 * apart, and a form to merge two entities the grouping missed (with an undo of its own).
 */
import { h } from '../dom.js';
import type { Story, StoryBody } from '../api.js';
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
    h('td', null, mergesCell(entity.merges, onUndo)));
}

/** The merges worth reading first; joins of one spelling in several articles fold behind a toggle. */
function mergesCell(merges: readonly Merge[], onUndo: (merge: Merge, button: HTMLButtonElement) => void): HTMLElement {
  const sameSpelling = merges.filter((m) => m.rule === 'same-name');
  const others = merges.filter((m) => m.rule !== 'same-name');
  if (merges.length === 0) return h('span', { class: 'muted' }, '—');
  return h('div', null,
    others.length ? h('ul', { class: 'merges' }, others.map((m) => mergeItem(m, onUndo))) : null,
    sameSpelling.length ? h('details', { class: 'same-spelling' },
      h('summary', null, `${plural(sameSpelling.length, 'join')} of the same spelling`),
      h('ul', { class: 'merges' }, sameSpelling.map((m) => mergeItem(m, onUndo)))) : null);
}

function table(entities: readonly Entity[], onUndo: (merge: Merge, button: HTMLButtonElement) => void, label: string): HTMLElement {
  return h('div', { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-label': label },
    h('table', { class: 'entities' },
      h('thead', null, h('tr', null, ['Name', 'Type', 'Other names', 'Found in', 'Why merged'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, entities.map((e) => row(e, onUndo)))));
}

type Pair = { a: string; b: string };

/** What the analyst can do in the entities section; the page calls the API and re-renders. */
export interface EntityActions {
  /** Undo an automatic merge: keep the two names apart. */
  onUndo(merge: Merge, button: HTMLButtonElement): void;
  /** Join two entities (names as the story gives them). */
  onMerge(pair: Pair, button: HTMLButtonElement): void;
  /** Undo an analyst's merge. */
  onUndoMerge(pair: Pair, button: HTMLButtonElement): void;
}

function entityOption(entity: Entity): HTMLOptionElement {
  // Mentions as well as articles: several entities may share a name until they are merged.
  return h('option', { value: entity.id }, `${entity.name} (${entity.type}, ${plural(entity.articles.length, 'article')}, ${plural(entity.mentionCount, 'mention')})`);
}

/** Two selects and a button: keep [A], merge [B] into it. */
function mergeForm(sorted: readonly Entity[], onMerge: EntityActions['onMerge']): HTMLElement {
  // Empty until the analyst picks: a merge is never one click away from a default pair.
  const placeholder = (): HTMLOptionElement => h('option', { value: '', disabled: true, selected: true }, 'Choose a name…');
  const first = h('select', { id: 'merge-a', name: 'a', required: true }, placeholder(), sorted.map(entityOption));
  const second = h('select', { id: 'merge-b', name: 'b', required: true }, placeholder(), sorted.map(entityOption));
  first.value = '';
  second.value = '';
  const button = h('button', { type: 'submit', class: 'merge-button' }, 'Merge');
  const message = h('p', { class: 'small', role: 'status' });
  const form = h('form', { class: 'merge-form', 'aria-label': 'Merge two entities' },
    h('div', { class: 'merge-field' }, h('label', { for: 'merge-a' }, 'Keep this entity'), first),
    h('div', { class: 'merge-field' }, h('label', { for: 'merge-b' }, 'and merge into it'), second),
    button, message);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const a = sorted.find((e) => e.id === first.value);
    const b = sorted.find((e) => e.id === second.value);
    if (!a || !b) { message.textContent = 'Choose two names to merge.'; return; }
    if (a.id === b.id) { message.textContent = 'Choose two different entities.'; return; }
    message.textContent = '';
    onMerge({ a: a.name, b: b.name }, button);
  });
  return form;
}

/** The analyst's standing merges, each with an undo. */
function analystMerges(merges: readonly Pair[], onUndoMerge: EntityActions['onUndoMerge']): HTMLElement | null {
  if (merges.length === 0) return null;
  return h('div', { class: 'analyst-merges' },
    h('h3', null, 'Merged by you'),
    h('ul', { class: 'merges' }, merges.map((pair) => {
      const button = h('button', { type: 'button', class: 'undo undo-merge', 'aria-label': `Undo your merge of “${pair.b}” into “${pair.a}”` }, 'Undo');
      button.addEventListener('click', () => onUndoMerge(pair, button));
      return h('li', { class: 'merge' }, `“${pair.b}” joined “${pair.a}” `, button);
    })));
}

/**
 * @param actions called with what the analyst asked for; the page calls the API and re-renders.
 */
export function entitiesSection(story: Story, overrides: StoryBody['overrides'], actions: EntityActions): HTMLElement {
  const onUndo = actions.onUndo;
  const sorted = [...story.entities].sort((a, b) => b.articles.length - a.articles.length || b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
  const main = sorted.slice(0, SHOWN_ENTITIES);
  const rest = sorted.slice(SHOWN_ENTITIES);
  return h('section', { 'aria-labelledby': 'entities-heading', class: 'story-section', id: 'entities' },
    h('h2', { id: 'entities-heading', tabindex: '-1' }, `People, organisations and places (${story.entities.length})`),
    h('p', { class: 'muted' }, 'Names written differently in different articles were merged; each merge says why. Undo one to keep the two names apart, or merge two entities that are one.'),
    sorted.length >= 2 ? mergeForm(sorted, actions.onMerge) : null,
    analystMerges(overrides?.merges ?? [], actions.onUndoMerge),
    table(main, onUndo, 'Main entities'),
    rest.length ? h('details', null, h('summary', null, `${rest.length} more`), table(rest, onUndo, 'More entities')) : null);
}
