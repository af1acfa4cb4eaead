/**
 * Pre-cleaning: remove page furniture (navigation, share bars, related lists,
 * comments, adverts, captions) before the main-content scorer sees the page,
 * so that it cannot pick it up with the article.
 */

/** Tags that hold furniture wherever they appear. */
const FURNITURE_TAGS = ['nav', 'aside', 'footer', 'form', 'header', 'figcaption', 'button', 'dialog', 'menu', 'noscript', 'iframe', 'svg', 'select', 'template'];

/** ARIA roles of landmarks that are never the article. */
const FURNITURE_ROLES = ['navigation', 'complementary', 'banner', 'contentinfo', 'search', 'dialog', 'alertdialog', 'menu', 'menubar', 'toolbar'];

/**
 * Class/id words of furniture blocks. Matched against whole words of a class
 * or id split on `-`, `_`, camelCase and spaces, so "share" does not hit "shared-content".
 */
const FURNITURE_WORDS = new Set([
  'share', 'sharing', 'social', 'related', 'newsletter', 'newsletters', 'subscribe', 'subscription', 'signup',
  'comment', 'comments', 'advert', 'advertisement', 'ad', 'ads', 'adslot', 'dfp', 'promo', 'promotion', 'sponsored', 'sponsor',
  'recommended', 'recommendations', 'recirc', 'trending', 'popular', 'breadcrumb', 'breadcrumbs',
  'tags', 'tag', 'taglist', 'bio', 'cookie', 'cookies', 'consent', 'paywall', 'modal', 'popup', 'outbrain', 'taboola',
  'caption', 'credit', 'credits', 'toolbar', 'sidebar', 'rail', 'masthead', 'footer', 'nav', 'navbar', 'menu', 'widget',
  'print', 'disclaimer', 'skip', 'topics', 'tooltip', 'popover', 'hovercard', 'rollover', 'flyout', 'dropdown',
]);

/** Whole class tokens of text hidden from sighted readers (screen-reader labels, collapsed widgets). */
const HIDDEN_CLASSES = new Set(['hidden', 'sr-only', 'visually-hidden', 'visuallyhidden', 'screen-reader-text', 'screen-reader-only', 'offscreen']);

/**
 * A block holding more than this share of the page's paragraph text is the
 * article's container, whatever its name says ("field-label-hidden",
 * "content-with-sidebar").
 */
const MAX_REMOVED_SHARE = 0.3;
/** Runs of text at least this long (characters) count as reading text for the share above. */
const READING_TEXT_CHARS = 60;
/** Text under these elements is never reading text. */
const NON_READING_TAGS = new Set(['script', 'style', 'noscript', 'template', 'a', 'button', 'select', 'option', 'svg']);

function classWords(el: Element): string[] {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (!raw.trim()) return [];
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter(Boolean);
}

function textLength(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').length;
}

/**
 * Characters of reading text inside each element: long text runs (a paragraph,
 * or a line of a `<br>`-separated post), each counted in all its ancestors.
 */
function readingCharsByElement(root: Element): Map<Element, number> {
  const chars = new Map<Element, number>();
  const walk = (el: Element): void => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 1) {
        if (!NON_READING_TAGS.has((child as Element).localName.toLowerCase())) walk(child as Element);
      } else if (child.nodeType === 3) {
        const n = (child.nodeValue ?? '').trim().length;
        if (n < READING_TEXT_CHARS) continue;
        for (let up: Element | null = el; up; up = up.parentElement) {
          chars.set(up, (chars.get(up) ?? 0) + n);
          if (up === root) break;
        }
      }
    }
  };
  walk(root);
  return chars;
}

function isFurnitureByName(el: Element): boolean {
  const words = classWords(el);
  return words.some((w) => FURNITURE_WORDS.has(w));
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const classes = (el.getAttribute('class') ?? '').toLowerCase().split(/\s+/);
  if (classes.some((c) => HIDDEN_CLASSES.has(c))) return true;
  const style = (el.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden');
}

/**
 * Remove furniture from the document in place. An element is spared when it
 * holds a large share of the page's text (sites name whole containers
 * "content-with-sidebar" or wrap the page in one form) or contains the
 * marked-up article body.
 */
export function removeFurniture(document: Document): void {
  const body = document.body ?? document.documentElement;
  if (!body) return;
  const readingChars = readingCharsByElement(body);
  const total = Math.max(1, readingChars.get(body) ?? 0);
  const spares = (el: Element): boolean =>
    (readingChars.get(el) ?? 0) > total * MAX_REMOVED_SHARE ||
    el.querySelector('[itemprop="articleBody"], [itemprop="articlebody"]') !== null;

  const candidates: Element[] = [];
  for (const el of Array.from(body.querySelectorAll('*'))) {
    const tag = el.localName.toLowerCase();
    const role = (el.getAttribute('role') ?? '').toLowerCase();
    if (
      FURNITURE_TAGS.includes(tag) ||
      FURNITURE_ROLES.includes(role) ||
      isHidden(el) ||
      (tag !== 'body' && tag !== 'html' && tag !== 'article' && tag !== 'main' && isFurnitureByName(el))
    ) {
      candidates.push(el);
    }
  }
  for (const el of candidates) {
    if (!el.parentNode) continue; // an ancestor was removed already
    if (spares(el)) continue;
    const kept = namedWordsOfHoverCard(el);
    if (kept !== null) el.replaceWith(document.createTextNode(kept));
    else el.remove();
  }
}

/** Inline elements a sentence may run through. */
const INLINE_TAGS = new Set(['span', 'a', 'abbr', 'b', 'strong', 'i', 'em', 'sup', 'small']);

/**
 * A hover card inside a sentence ("South Dakota Gov. <span class="rollover-people"><a>Kristi Noem</a><span
 * class="rollover-block">…links…</span></span> (R) is …"): the words its first child shows stay in the
 * sentence, the card that pops up goes. Null for anything else.
 */
function namedWordsOfHoverCard(el: Element): string | null {
  if (!INLINE_TAGS.has(el.localName.toLowerCase()) || isHidden(el)) return null;
  const paragraph = el.parentElement?.closest('p');
  if (!paragraph) return null;
  const first = el.firstChild;
  const words = (first?.textContent ?? '').replace(/\s+/g, ' ').trim();
  // Only a short label (a name, a term) opening the element; a share bar or an ad inside a paragraph goes whole.
  return words && words.split(' ').length <= 6 && el.childNodes.length > 1 ? words : null;
}
