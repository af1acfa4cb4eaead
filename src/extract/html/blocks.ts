/** A block of the clean body, before offsets are assigned. */
export type BlockKind = 'paragraph' | 'heading' | 'quote' | 'list-item';

export interface TextBlock {
  kind: BlockKind;
  text: string;
  /** Characters of the block that sit inside links: page furniture is mostly links. */
  linkChars: number;
  /** Lower-cased class and id names of the block's element and its ancestors inside the walked root. */
  trail: string;
  /** Tag name of the element that opened the block (lower case). */
  tag: string;
}

/** Elements whose content starts a new block. */
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'figure', 'figcaption', 'hr', 'address',
  'center', 'form', 'fieldset', 'details', 'summary', 'caption', 'body', 'html',
]);

/** Elements whose text is never reading text. */
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'canvas', 'button', 'select', 'textarea', 'input', 'head']);

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Collapse white space inside a paragraph; NBSP and friends count as spaces. */
export function normaliseInline(text: string): string {
  return text.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, ' ').trim();
}

/**
 * Flatten a DOM subtree into reading blocks: one per paragraph, heading,
 * list item or quote; `<br><br>` and single `<br>` split paragraphs too,
 * since pages use them as paragraph breaks.
 */
export function collectBlocks(root: Element): TextBlock[] {
  const blocks: TextBlock[] = [];
  let buffer = '';
  let linkChars = 0;
  let kind: BlockKind = 'paragraph';
  let trail = '';
  let tag = '';

  const flush = (): void => {
    const text = normaliseInline(buffer);
    if (text) blocks.push({ kind, text, linkChars: Math.min(linkChars, text.length), trail, tag });
    buffer = '';
    linkChars = 0;
  };

  const walk = (node: Node, ctx: { kind: BlockKind; trail: string; inLink: boolean; tag: string }): void => {
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? '';
      if (!buffer.trim()) {
        kind = ctx.kind;
        trail = ctx.trail;
        tag = ctx.tag;
      }
      buffer += value;
      if (ctx.inLink) linkChars += normaliseInline(value).length;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as Element;
    const name = el.localName?.toLowerCase() ?? '';
    if (SKIPPED_TAGS.has(name)) return;
    if (el.getAttribute?.('hidden') !== null && el.getAttribute?.('hidden') !== undefined) return;
    if (name === 'br' || name === 'hr') {
      flush();
      return;
    }
    // A table row reads as one line: its cells are separated by a space, not split into blocks.
    if (name === 'td' || name === 'th') buffer += ' ';
    const isBlock = BLOCK_TAGS.has(name);
    let childCtx = ctx;
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.trim().toLowerCase();
    if (isBlock) {
      flush();
      let k: BlockKind = ctx.kind;
      if (HEADING_TAGS.has(name)) k = 'heading';
      else if (name === 'blockquote') k = 'quote';
      else if (name === 'li' && ctx.kind !== 'quote') k = 'list-item';
      childCtx = { kind: k, trail: names ? `${ctx.trail} ${names}` : ctx.trail, inLink: ctx.inLink, tag: name };
    } else if (name === 'a') {
      childCtx = { ...ctx, inLink: true };
    }
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child, childCtx);
    if (isBlock) flush();
  };

  walk(root, { kind: 'paragraph', trail: '', inLink: false, tag: root.localName?.toLowerCase() ?? '' });
  flush();
  return blocks;
}
