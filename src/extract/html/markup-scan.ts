/**
 * One linear pass over raw markup before it is parsed: elements nested past
 * a sane depth are flattened (their tags dropped, their text kept), and a page
 * that stops inside a tag, a comment or a script is recognised as cut short.
 * 100,000 nested `<div>`s overflowed the call stack of every tree walk after
 * the parser and took the parser itself tens of seconds.
 */

/** Deepest nesting kept. Real pages stay under ~60; 256 leaves room for any template. */
export const MAX_NESTING = 256;

/** Elements that never have content. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'frame']);
/** Elements whose end tag may be left out: the parser closes them itself, so they never nest deep and are not counted. */
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption', 'rb', 'rt', 'rtc', 'rp', 'html', 'head', 'body']);
/** Elements whose content is raw text up to their end tag (a `<` inside is not a tag). */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/** A tag, or a comment (running to the end when it is never closed, so a stray `<!--` cannot make the scan quadratic). */
const TOKEN = /<(\/?)([a-zA-Z][^\s/>]*)([^>]*)>|<!--[\s\S]*?(?:-->|$)/g;

export interface MarkupScan {
  /** The markup with the tags nested past {@link MAX_NESTING} removed; the input itself when nothing was. */
  readonly html: string;
  /** Deepest nesting of counted elements seen. */
  readonly depth: number;
  /** How many opening tags were dropped. */
  readonly dropped: number;
  /** Where the markup stops when it looks cut short, else null. */
  readonly cut: 'inside a tag' | 'inside a comment' | 'inside a script or style' | null;
}

export function scanMarkup(html: string, maxDepth = MAX_NESTING): MarkupScan {
  const stack: string[] = [];
  const droppedOpen = new Map<string, number>();
  const pieces: string[] = [];
  let copiedTo = 0;
  let depth = 0;
  let dropped = 0;
  /** Dropped opening tags whose end tag has not come yet. */
  let pending = 0;
  let cut: MarkupScan['cut'] = null;
  // Nothing after the last `>` can be a whole tag: scanning only up to it keeps an unclosed `<a` from being retried to the end.
  const lastClose = html.lastIndexOf('>');
  const drop = (from: number, to: number) => {
    pieces.push(html.slice(copiedTo, from));
    copiedTo = to;
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m && m.index <= lastClose; m = TOKEN.exec(html)) {
    if (m[2] === undefined) {
      if (!m[0].endsWith('-->')) cut = 'inside a comment';
      continue;
    }
    const closing = m[1] === '/';
    const name = m[2].toLowerCase();
    if (!closing && RAW_TEXT.has(name)) {
      const end = rawTextEnd(name);
      end.lastIndex = TOKEN.lastIndex;
      const found = end.exec(html);
      if (!found) {
        cut = 'inside a script or style';
        break;
      }
      TOKEN.lastIndex = found.index + found[0].length;
      continue;
    }
    if (VOID.has(name) || OPTIONAL_END.has(name) || (!closing && m[3]!.endsWith('/'))) continue;
    if (!closing) {
      if (stack.length >= maxDepth) {
        droppedOpen.set(name, (droppedOpen.get(name) ?? 0) + 1);
        dropped++;
        pending++;
        depth = Math.max(depth, stack.length + pending);
        drop(m.index, m.index + m[0].length);
      } else {
        stack.push(name);
        depth = Math.max(depth, stack.length);
      }
      continue;
    }
    const waiting = droppedOpen.get(name) ?? 0;
    if (waiting > 0) {
      droppedOpen.set(name, waiting - 1);
      pending--;
      drop(m.index, m.index + m[0].length);
      continue;
    }
    // A close tag shuts the nearest open element of its name and whatever it left open, as the parser does; a stray one changes nothing.
    const at = stack.lastIndexOf(name);
    if (at !== -1) stack.length = at;
  }
  // Nothing after the last `>` closes: a tag begun there is cut.
  const opened = cut ? null : /<[a-zA-Z/!]/.exec(html.slice(lastClose + 1));
  if (opened) cut = html.startsWith('<!--', lastClose + 1 + opened.index) ? 'inside a comment' : 'inside a tag';
  if (dropped === 0) return { html, depth, dropped, cut };
  pieces.push(html.slice(copiedTo));
  return { html: pieces.join(''), depth, dropped, cut };
}

const rawTextEnds = new Map<string, RegExp>();

/** The end tag of a raw-text element, compiled once per name. */
function rawTextEnd(name: string): RegExp {
  let pattern = rawTextEnds.get(name);
  if (!pattern) rawTextEnds.set(name, (pattern = new RegExp(`</${name}\\s*>`, 'ig')));
  return pattern;
}
