import { Readability } from '@mozilla/readability';
import type { Message } from '../../core/index.js';
import { collectBlocks, normaliseInline, type TextBlock } from './blocks.js';
import { removeFurniture } from './furniture.js';
import { filterBlocks } from './block-filter.js';

export interface MainContent {
  blocks: TextBlock[];
  /** Which extractor produced the blocks. */
  via: 'readability' | 'json-ld' | 'density' | 'none';
}

/** Readability output shorter than this (characters) is a miss: try the fallbacks. */
const MIN_READABILITY_CHARS = 250;
/** A paragraph this long or longer is reading text for the density fallback. */
const DENSITY_MIN_PARAGRAPH_CHARS = 40;

function chars(blocks: readonly TextBlock[]): number {
  return blocks.reduce((n, b) => n + b.text.length, 0);
}

function runReadability(document: Document, messages: Message[]): TextBlock[] {
  // Readability changes the DOM it reads; it gets its own copy so the density fallback sees the cleaned page.
  const copy = document.cloneNode(true) as Document;
  try {
    const article = new Readability<Element>(copy, { serializer: (node) => node as Element, keepClasses: true }).parse();
    return article?.content ? filterBlocks(collectBlocks(article.content)) : [];
  } catch (err) {
    // Odd markup can trip Readability; the fallbacks still read the page.
    messages.push({ level: 'warning', code: 'W_READABILITY_FAILED', reason: `main-content scoring failed: ${err instanceof Error ? err.message : String(err)}`, stage: 'extract' });
    return [];
  }
}

/** Paragraph-density fallback: every substantial, not link-dense block left in the cleaned page. */
function densityBlocks(document: Document): TextBlock[] {
  const root = document.body ?? document.documentElement;
  if (!root) return [];
  return filterBlocks(collectBlocks(root)).filter((b) => b.kind === 'heading' || b.text.length >= DENSITY_MIN_PARAGRAPH_CHARS);
}

function articleBodyBlocks(articleBody: string): TextBlock[] {
  return articleBody
    .split(/\n\s*\n|\r?\n/)
    .map(normaliseInline)
    .filter(Boolean)
    .map((text) => ({ kind: 'paragraph' as const, text, linkChars: 0, trail: '', tag: 'p' }));
}

/**
 * Find the article body in a parsed page: furniture removed first, then
 * Readability picks the main container and its blocks are filtered; when
 * that yields too little, the JSON-LD `articleBody`, else a paragraph-density
 * pass over the cleaned page. Mutates the document.
 */
export function extractMainContent(document: Document, options: { articleBody?: string; messages: Message[] }): MainContent {
  removeFurniture(document);
  const fromReadability = runReadability(document, options.messages);
  if (chars(fromReadability) >= MIN_READABILITY_CHARS) return { blocks: fromReadability, via: 'readability' };
  const candidates: MainContent[] = [{ blocks: fromReadability, via: 'readability' }];
  if (options.articleBody) candidates.push({ blocks: articleBodyBlocks(options.articleBody), via: 'json-ld' });
  candidates.push({ blocks: densityBlocks(document), via: 'density' });
  const best = candidates.reduce((a, b) => (chars(b.blocks) > chars(a.blocks) ? b : a));
  return chars(best.blocks) > 0 ? best : { blocks: [], via: 'none' };
}
