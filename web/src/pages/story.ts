/** One story across its sources: summary, timeline, stances, sources side by side, disagreements, entities. */
import { h, replaceChildren, announce } from '../dom.js';
import { api, ApiFailure, type ArticleSummary, type Story, type StoryBody } from '../api.js';
import { storyView } from '../views/context.js';
import { summarySection } from '../views/summary.js';
import { timelineSection } from '../views/timeline.js';
import { stanceSection } from '../views/stances.js';
import { sourcesSection } from '../views/sources.js';
import { contradictionsSection, quoteVariantsSection, singleSourceSection } from '../views/consistency.js';
import { entitiesSection } from '../views/entities.js';
import { plural } from '../format.js';
import { listen, type Change } from '../live.js';

interface PageOptions { isCurrent: () => boolean }

/** How often, and how long apart, the page asks again for a build the change stream announced but the server does not serve yet. */
const ANNOUNCED_BUILD_TRIES = 10;
const ANNOUNCED_BUILD_WAIT_MS = 500;


export async function renderStory(main: HTMLElement, id: string, options: PageOptions): Promise<void> {
  const [body, { articles }] = await Promise.all([api.story(id), api.articles()]);
  if (!options.isCurrent()) return;
  draw(main, body, articles);
  // A rebuild (new articles, an analyst's correction elsewhere) redraws the page; what changed is said.
  listen({
    story: body.story.id,
    onBatch: (changes) => void redraw(main, body.story.id, changes, options),
  });
}

async function redraw(main: HTMLElement, id: string, changes: Change[], options: PageOptions): Promise<void> {
  if (!changes.some((c) => c.kind === 'story-updated' || c.kind === 'story-merged')) return;
  const [first, { articles }] = await Promise.all([api.story(id), api.articles()]);
  let body = first;
  // A large story's new build is served once the server has it ready, a moment after it is announced.
  const announced = Math.max(0, ...changes.filter((c) => c.kind === 'story-updated').map((c) => Number(c.data['version']) || 0));
  for (let tries = 0; body.build && body.build.version < announced && tries < ANNOUNCED_BUILD_TRIES; tries++) {
    await new Promise((resolve) => setTimeout(resolve, ANNOUNCED_BUILD_WAIT_MS));
    if (!options.isCurrent()) return;
    body = await api.story(id);
  }
  if (!options.isCurrent()) return;
  // The build the page shows already (the one an analyst's own merge or unmerge made): nothing new to say.
  if (body.build && shownBuild.get(main) === body.build.version) return;
  // Keep the reader where they were: redraw in place, keep the scroll position.
  const y = window.scrollY;
  draw(main, body, articles, whatChanged(changes));
  window.scrollTo(0, y);
  announce(`The story was updated: ${whatChanged(changes).join(' ') || 'rebuilt with new articles.'}`);
}

/** New contradictions and changed stances of a burst of changes, in words. */
function whatChanged(changes: Change[]): string[] {
  const lines: string[] = [];
  const added = changes.filter((c) => c.kind === 'article-added').length;
  if (added) lines.push(`${plural(added, 'new article')}.`);
  for (const c of changes) {
    if (c.kind === 'contradiction-new') lines.push(`New contradiction: ${String(c.data['claim'] ?? '')}.`);
    if (c.kind === 'stance-changed') lines.push(`${String(c.data['actor'])} changed stance on ${String(c.data['topic'])}: ${String(c.data['from'])} → ${String(c.data['to'])}.`);
  }
  return lines;
}

/** When the story was built, and whether newer articles are on their way. */
function buildNote(body: StoryBody, changes: string[]): HTMLElement {
  const build = body.build;
  const text = build === undefined
    ? ''
    : build === null
      ? 'This story is being built: its analysis appears here by itself in a moment.'
      : `Built ${new Date(build.builtAt).toLocaleString()} (version ${build.version})${build.stale ? '; newer articles are being added, and the page updates by itself' : ''}.`;
  return h('div', { class: 'build-info muted small', role: 'status', 'aria-live': 'polite' },
    h('p', null, text),
    changes.length ? h('ul', { class: 'live-changes' }, changes.map((line) => h('li', null, line))) : null);
}

/** The build version each story page shows, so a change stream announcing that same build changes nothing. */
const shownBuild = new WeakMap<HTMLElement, number>();

function draw(main: HTMLElement, body: StoryBody, articles: ArticleSummary[], changes: string[] = []): void {
  const { story } = body;
  if (body.build) shownBuild.set(main, body.build.version);
  const view = storyView(story, articles);
  /** Send one entity change, redraw with the rebuilt story, and say what happened; on failure, say why beside the button. */
  const change = async (button: HTMLButtonElement, busy: string, request: () => Promise<StoryBody>, done: string) => {
    const label = button.textContent ?? '';
    button.disabled = true;
    button.textContent = busy;
    try {
      draw(main, await request(), articles);
      announce(`${done} The story was rebuilt.`);
      document.getElementById('entities-heading')?.focus();
    } catch (err) {
      button.disabled = false;
      button.textContent = label;
      const message = err instanceof ApiFailure ? err.message : (err as Error).message;
      button.after(h('span', { class: 'error', role: 'alert' }, ` ${label} failed: ${message}`));
    }
  };
  const actions = {
    onUndo: (merge: Story['entities'][number]['merges'][number], button: HTMLButtonElement) => void change(button, 'Undoing…',
      () => api.unmerge(story.id, { a: merge.alias, b: merge.into }), `“${merge.alias}” and “${merge.into}” are now kept apart.`),
    onMerge: (pair: { a: string; b: string }, button: HTMLButtonElement) => void change(button, 'Merging…',
      () => api.merge(story.id, pair), `“${pair.b}” was merged into “${pair.a}”.`),
    onUndoMerge: (pair: { a: string; b: string }, button: HTMLButtonElement) => void change(button, 'Undoing…',
      () => api.unmerge(story.id, pair), `“${pair.a}” and “${pair.b}” are now kept apart.`),
  };
  replaceChildren(main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/' }, 'Library')),
    h('h1', { tabindex: '-1' }, story.title),
    buildNote(body, changes),
    sectionNav(),
    summarySection(view),
    timelineSection(view),
    stanceSection(view),
    sourcesSection(view),
    contradictionsSection(view),
    quoteVariantsSection(view),
    singleSourceSection(view),
    entitiesSection(story, body.overrides, actions),
    downloads(story.id));
}

/** In-page links; the fragment holds the route, so they move focus instead of changing the hash. */
function sectionNav(): HTMLElement {
  const sections: [string, string][] = [['summary', 'Summary'], ['timeline', 'Timeline'], ['stances', 'Stances'], ['sources', 'Sources'],
    ['contradictions', 'Contradictions'], ['quote-variants', 'Quote variants'], ['single-source', 'Single-source claims'], ['entities', 'Entities']];
  return h('nav', { 'aria-label': 'Story sections', class: 'section-nav' }, h('ul', null, sections.map(([id, label]) => {
    const link = h('a', { href: location.hash }, label);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const heading = document.querySelector<HTMLElement>(`#${id} h2`);
      if (!heading) return;
      heading.setAttribute('tabindex', '-1');
      heading.focus();
      heading.scrollIntoView({ block: 'start' });
    });
    return h('li', null, link);
  })));
}

function downloads(id: string): HTMLElement {
  const links: [string, string][] = [
    [api.exportUrl(id, 'json'), 'Story (JSON)'], [api.exportUrl(id, 'md'), 'Brief (Markdown)'], [api.exportUrl(id, 'html'), 'Brief (HTML)'],
    [api.exportUrl(id, 'csv', 'timeline'), 'Timeline (CSV)'], [api.exportUrl(id, 'csv', 'quotes'), 'Quotes (CSV)'], [api.exportUrl(id, 'csv', 'entities'), 'Entities (CSV)'],
  ];
  return h('section', { 'aria-labelledby': 'downloads-heading', class: 'story-section' },
    h('h2', { id: 'downloads-heading' }, 'Download'),
    h('ul', { class: 'downloads' }, links.map(([href, label]) => h('li', null, h('a', { href, download: '' }, label)))));
}
