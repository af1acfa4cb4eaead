import type { LineLabel } from './index.js';
import type { PageLine } from './lines.js';

/** Rough kinds of page furniture, for the debugging view only: the body decision never depends on these. */
const FURNITURE_KINDS: ReadonlyArray<readonly [LineLabel, RegExp]> = [
  ['legal', /(©|\ball rights reserved\b|\bprivacy\b|\bcookies?\b|\bterms (of|and)\b|\bcopyright\b)/i],
  ['comment', /\b(leave a (reply|comment)|your (email|comment)|required fields|post a comment|replying to|comments?)\b/i],
  ['related', /^(related|read more|more from|most read|most popular|recommended|latest|trending|also read|see also|you may also|top stories|more stories)\b/i],
  ['counter', /^(\d+\s*(shares?|comments?|views?|min(ute)?s?( read)?|persons?)|listen|share|print|email|[\d\s/]+)$/i],
  ['caption', /\b(photo|photograph|image|illustrat\w*|getty|credit)\b/i],
  ['tags', /^(tags?|topics?|filed under)\b/i],
  ['bio', /\b(I[’']m|is an? [\p{L} ]*(writer|journalist|reporter|founder|editor|columnist))\b/iu],
];

/** A short guess at what a non-body line is, from its words and whether it sits in a menu-like run. */
export function furnitureLabel(line: PageLine, inShortRun: boolean): LineLabel {
  for (const [label, re] of FURNITURE_KINDS) if (re.test(line.text)) return label;
  if (line.bullet || inShortRun) return 'nav';
  return 'other';
}
