/**
 * The only way this app builds DOM: elements from tag names and attributes,
 * text through text nodes. Nothing here parses a string as HTML, so article
 * data (titles, text, quotes, names) can never become markup or script.
 */

export type Child = Node | string | number | null | undefined | false | readonly Child[];
type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue | ((event: Event) => void)>;

/** Attributes refused because they would run or style from a string (CSP forbids inline styles too). */
const REFUSED_ATTRIBUTES = new Set(['style', 'srcdoc', 'innerhtml', 'outerhtml']);
const SVG_NS = 'http://www.w3.org/2000/svg';

function setAttributes(node: Element, attrs: Attrs | null | undefined): void {
  if (!attrs) return;
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') {
      node.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
      continue;
    }
    const lower = name.toLowerCase();
    if (REFUSED_ATTRIBUTES.has(lower) || lower.startsWith('on')) throw new Error(`refused attribute ${name}`);
    if (value === false || value === null || value === undefined) continue;
    if ((lower === 'href' || lower === 'src' || lower === 'action') && typeof value === 'string' && !isSafeUrl(value)) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(node: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (child instanceof Node) node.appendChild(child);
    else node.appendChild(document.createTextNode(String(child)));
  }
}

/** An HTML element; strings among the children become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  setAttributes(node, attrs);
  append(node, children);
  return node;
}

/** An SVG element (for the timeline chart). */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  setAttributes(node, attrs);
  append(node, children);
  return node;
}

/** Replace every child of a node. */
export function replaceChildren(node: Element, ...children: Child[]): void {
  node.replaceChildren();
  append(node, children);
}

/** Links the app writes itself (`#/…`, `/api/…`) and http(s) addresses; anything else (javascript:, data:) is dropped. */
export function isSafeUrl(value: string): boolean {
  if (value.startsWith('#') || (value.startsWith('/') && !value.startsWith('//'))) return true;
  return httpUrl(value) !== null;
}

/** The URL if it is an absolute http: or https: address, else null: links from articles pass through here. */
export function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Tell screen-reader users what changed (the page's polite live region). */
export function announce(message: string): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // A fresh text node after clearing makes screen readers read repeated messages again.
  window.setTimeout(() => { region.textContent = message; }, 30);
}
