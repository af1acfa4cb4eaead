/** Entry: route the location hash to a page and render it into <main>. */
import { h, replaceChildren } from './dom.js';
import { parseRoute, type Route } from './router.js';
import { renderLibrary } from './pages/library.js';
import { renderStory } from './pages/story.js';
import { renderArticle } from './pages/article.js';
import { ApiFailure, sessionMode } from './api.js';
import { stopListening } from './live.js';

const main = document.getElementById('main') as HTMLElement;
/** Each navigation gets a number; a page that finishes loading after the user moved on is dropped. */
let navigation = 0;

async function render(route: Route): Promise<void> {
  const current = ++navigation;
  const isCurrent = () => current === navigation;
  // The page being left stops listening; the new page starts its own stream if it wants one.
  stopListening();
  main.setAttribute('aria-busy', 'true');
  try {
    if (route.page === 'story') await renderStory(main, route.id, { isCurrent });
    else if (route.page === 'article') await renderArticle(main, route, { isCurrent });
    else await renderLibrary(main, { isCurrent });
  } catch (err) {
    if (!isCurrent()) return;
    const message = err instanceof ApiFailure ? `${err.message} (${err.code})` : String((err as Error).message ?? err);
    replaceChildren(main,
      h('h1', { tabindex: '-1' }, 'Something went wrong'),
      h('p', { role: 'alert' }, message),
      h('p', null, h('a', { href: '#/' }, 'Back to the library')));
  } finally {
    if (isCurrent()) main.removeAttribute('aria-busy');
  }
  if (!isCurrent()) return;
  document.title = `${main.querySelector('h1')?.textContent ?? 'Parallax'} · Parallax`;
  // Move focus to the new page, unless the page focused a passage itself.
  if (!main.contains(document.activeElement)) main.querySelector<HTMLElement>('h1')?.focus();
  document.body.dataset['page'] = route.page;
}

function onLocationChange(): void {
  // `#main` is the skip link's target, not a route.
  if (location.hash === '#main') return;
  void render(parseRoute(location.hash));
}

document.getElementById('skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
window.addEventListener('hashchange', onLocationChange);
onLocationChange();

/** In token mode the header offers sign-out: a plain form post, so the server ends the session and clears its cookie. */
void sessionMode().then((mode) => {
  if (mode !== 'token') return;
  const list = document.querySelector('.site-header nav ul');
  list?.append(h('li', null, h('form', { method: 'post', action: '/signout', class: 'signout' }, h('button', { type: 'submit' }, 'Sign out'))));
});
