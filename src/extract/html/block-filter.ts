import type { TextBlock } from './blocks.js';

/** Lines that are page furniture in any outlet's template, whatever element holds them. */
const BOILERPLATE_LINE = [
  /^(advertisement|adverts?|ad|anzeige|publicité)$/i,
  /^(this|the) (slideshow|video|content|gallery) requires javascript\.?$/i,
  /^(join|start) the (conversation|discussion)\W*$/i,
  /^(have a (news )?tip|got a (news )?tip)\?.{0,200}$/i,
  /\b(newsletters?|inbox)\b.{0,60}\b(subscribe|sign up)\b.{0,40}$|\b(subscribe|sign up)\b.{0,60}\bnewsletters?\b.{0,40}$/i,
  /^(sponsored|promoted)( content)?$/i,
  /^(read|see|watch) (more|also|next)\b.{0,80}$/i,
  /^(related|recommended|more)( (stories|articles|coverage|news|from|on))?\b.{0,60}$/i,
  /^(share|share this|share on|share article|tweet|email|print)( (this|article|story|on \w+))?:?$/i,
  /^(sign up|subscribe)\b.{0,120}$/i,
  /^(©|\(c\)|copyright)\s.{0,160}$/i,
  /all rights reserved\.?$/i,
  /^(click|tap) here\b.{0,100}$/i,
  /^(follow us|follow) on\b.{0,80}$/i,
  /^(image|photo|picture|video)( credit| source)?:.{0,160}$/i,
  /^(loading|please wait)\W*$/i,
  /^(comments?|\d+ comments?|leave a comment|join the conversation)$/i,
];

/** Bylines and time stamps printed above or below the body: short, and led by a telling word. */
const STAMP = /^(posted|published|updated|last updated|first published|modified|posted on|published on)\b:?\s*\S.{0,90}$/i;
/** "By Jane Roe", "By Jane Roe and John Doe - 11/18/19": capitalised names only, then the end, a separator or a date. */
const BYLINE = /^[Bb][Yy]:?\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|,))*\s*(?:[-–—|,·•].*|\d.*)?$/u;
/** A block that is only a date or time: "18 Nov 2019 9:38 pm", "Updated:", "19.11.2019, 08:57". */
const DATE_ONLY = /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4}|[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,5})?)?\s*\|?$/i;
/** Bylines and stamps are never longer than this (characters). */
const MAX_STAMP_CHARS = 100;

/** Share of a block's characters inside links above which a short block is a link list. */
const MAX_LINK_SHARE = 0.5;
/** Blocks shorter than this (characters) can be dropped for being link-dense. */
const SHORT_BLOCK_CHARS = 200;

/** True when a block is furniture by its own text. */
export function isBoilerplateBlock(block: TextBlock): boolean {
  const text = block.text;
  if (BOILERPLATE_LINE.some((re) => re.test(text))) return true;
  if (text.length <= MAX_STAMP_CHARS && (DATE_ONLY.test(text) || BYLINE.test(text) || (STAMP.test(text) && /\d/.test(text)))) return true;
  if (/^(updated|posted|published):?$/i.test(text)) return true;
  if (text.length < SHORT_BLOCK_CHARS && block.linkChars / text.length > MAX_LINK_SHARE) return true;
  return false;
}

/** Drop furniture blocks from the extracted article. */
export function filterBlocks(blocks: readonly TextBlock[]): TextBlock[] {
  return blocks.filter((b) => !isBoilerplateBlock(b));
}
