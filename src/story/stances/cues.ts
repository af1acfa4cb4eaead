import type { StancePosition } from '../types.js';

/** A stance cue found in a sentence: its position, where it is, and a note when it qualifies the stance. */
export interface Cue {
  readonly position: StancePosition;
  readonly start: number;
  readonly end: number;
  /** The question is under study, no decision taken yet ("the offer is being studied"): it is kept open. */
  readonly undecided?: boolean;
}

/** Marks the cues of a question still under study. */
const UNDECIDED = 'undecided' as const;

/**
 * Cue phrases by position, most specific first: a negated refusal ("does not rule out",
 * "rejecting talks has never been on the agenda") is an opening, so `open` is tried before
 * `against`; a condition ("only if") overrides the plain "will sign" it qualifies.
 */
const CUES: readonly (readonly [StancePosition, RegExp, typeof UNDECIDED?])[] = [
  ['open', /\b(?:(?:does|do|did|will|would)\s+not|doesn[’']t|don[’']t|never)\s+(?:rule|rules|ruled)\s+out\b|\bnot\s+ruling\s+out\b|\bkeeps?\s+the\s+door\s+open\b|\bdoor\s+(?:remains|is)\s+open\b|\b(?:is|are|was|were)\s+(?:studying|considering|examining)\b|\bremains?\s+on\s+the\s+table\b|\b(?:reject|refus)\w*\s[^.;]{0,40}?\b(?:has|have|had|is|was)\s+never\b|\bnever\s+(?:reject|refus)\w*/giu],
  // Terms a deal or talks must meet: "must come with guarantees", "within the framework of the accord", "through backchannels".
  ['conditional', /\bonly\s+(?:if|when)\b|\bprovided\s+(?:that\b)?|\bas\s+long\s+as\b|\bunless\b|\bunder\s+certain\s+conditions\b|\bcondition\s+(?:of|for)\b|\b(?:must|should|would\s+have\s+to)\s+(?:come\s+with|include|be\s+accompanied\s+by|be\s+based\s+on|rest\s+on)\b|\bwith\s+(?:\p{Ll}+\s+)?guarantees\b|\b(?:through|via)\s+back-?\s?channels?\b|\bpropos\w*\b[^.;]{0,60}?\bto\s+(?:work\s+on|build\s+on|return\s+to|revive)\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,2}(?:agreement|deal|accord)\b|\bwithin\s+the\s+framework\s+of\b|\b(?:should|must)\s+be\s+the\s+(?:main\s+|only\s+|sole\s+)?(?:basis|starting\s+point)\s+for\s+(?:any\s+|the\s+|new\s+)?(?:negotiat\w*|talks)\b/giu],
  // …or a reaction that fights the measure: retaliation, countermeasures, condemnation, a call to stop it; or readiness denied ("not ready to").
  ['against', /\bnot\s+(?:yet\s+)?(?:ready|willing|prepared)\s+to\b|\bretaliat\w*|\bcountermeasures?\b|\bhit\s+out\b|\bblast(?:ed|s)\b|\bcondemn\w*|\bdenounc\w*|\bslam(?:med|s)\b|\bfight\s+to\s+the\s+end\b|\burg\w*\s+(?:\S+\s+){1,3}?to\s+stop\b|\brefus\w*|\breject\w*|\brul(?:e|es|ed|ing)\s+out\b|\b(?:will|would|shall|could)\s+not\b|\bwon[’']t\b|\bunwise\b|\bnot\s+honou?rable\b|\boppos(?:e|es|ed|ing)\b|\bnot\s+conducive\b|\bnever\s+(?:negotiat|talk|sign|accept|agree)\w*/giu],
  // Something under review, no decision taken ("the letter is being studied and will be answered"): the question addressed, no side taken yet.
  ['neutral', /\b(?:is|are|was|were)\s+being\s+(?:stud(?:ied)|considered|examined|reviewed|evaluated|assessed)\b|\bunder\s+(?:study|review|consideration|examination)\b/giu, UNDECIDED],
  // Only received ("confirmed that the government had received the letter", "took note of the request"): acknowledged, no answer given.
  // …or set aside for something else that matters more ("what matters is reform, not talks").
  ['neutral', /\btook\s+(?:note\s+of\s+)?(?:this|the|that|their|its)\s+(?:request|proposal|offer|invitation|message)(?:\s+into\s+account)?|\bwhat\s+(?:matters|counts|is\s+needed)\b[^.;]{0,80}?,\s*not\s+(?:the\s+)?(?:negotiat\w*|talks)\b|\b(?:had|has|have)\s+received\s+(?:the\s+|a\s+)?(?:[\p{L}.]+[’']s\s+)?(?:message|letter|proposal|offer|invitation)\b|\breceipt\s+of\s+(?:the\s+|a\s+)?(?:[\p{L}.]+[’']s\s+)?(?:message|letter|proposal|offer|invitation)\b/giu],
  // Wanting a deal: aiming to reach one, normal relations as a necessity, a deal as the one alternative to force, a threat if talks fail.
  // …or a commitment to it, a request for it, satisfaction with it.
  ['for', /\b(?:vow(?:s|ed|ing)?|pledg(?:e|es|ed|ing))(?:\s+to\b|(?=\s+(?:that|it|they|\d)))|\bpromis(?:e|es|ed|ing)\s+to\b|\binvited\b|\brequested\b|\bconsider\w*\s+it\s+(?:appropriate|necessary|important)\b|\bsatisfied\s+with\b|\baim(?:s|ed|ing)?\s+to\s+(?:reach|conclude|strike|secure)\b|\bnormali[sz](?:e|es|ed|ing)\s+(?:of\s+)?relations\b|\beither\b[^.;]{0,60}?\bor\s+(?:reaching|reach|striking|strike|making|make|signing|sign)?\s*(?:an?\s+)?(?:agreement|deal)\b|\bif\s+(?:the\s+)?(?:negotiations|talks|diplomacy)\s+(?:fail|fails|failed|collapse|collapses|break\s+down)\b|\bready\s+to\b|\bwilling(?:ness)?\s+to\b|\bkeen(?:ness)?\s+to\b|\bcall(?:s|ed|ing)?\s+for\b|\bwants?\s+to\b|\b(?:would|will)\s+sign\b|\bagreed\s+to\b|\bgolden\s+opportunity\b|\b(?:no|not|cannot|can[’']t)\b[^.;]{0,40}\bwithout\b/giu],
];

const PRIORITY: readonly StancePosition[] = ['open', 'conditional', 'against', 'for', 'neutral'];

/** All cues in a text, overlapping ones resolved by priority (the negated "does not rule out" wins over "rule out" and "will not"). */
export function findCues(text: string, offset = 0): Cue[] {
  const cues: Cue[] = [];
  for (const [position, pattern, flag] of CUES) {
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) {
      const cue: Cue = { position, start: offset + m.index, end: offset + m.index + m[0].length, ...(flag === UNDECIDED ? { undecided: true } : {}) };
      if (cues.some((c) => c.start < cue.end && cue.start < c.end)) continue;
      cues.push(cue);
    }
  }
  return cues.sort((a, b) => a.start - b.start);
}

/** The stronger of two positions for one actor in one sentence: opening and conditions qualify a plain yes or no. */
export function strongerPosition(a: StancePosition, b: StancePosition): StancePosition {
  return PRIORITY.indexOf(a) <= PRIORITY.indexOf(b) ? a : b;
}

/** Words that say the actor's view changed: the stance is marked as not the first one. */
export const EARLIER_VIEW = /\b(?:initially|at first|originally|previously|earlier)\b/i;

/** "committed to the position outlined by X": the actor takes X's position. */
export const ALIGNMENT = /\b(?:committed\s+to|support(?:s|ed|ing)?|back(?:s|ed|ing)?|endors(?:e|es|ed|ing)|align(?:s|ed)?\s+with)\s+the\s+(?:position|stance|view|line)s?\s+(?:\w+\s+)?(?:by|of)\s/iu;

/** Verbs that report speech: in "A said that B will not …" the stance is A's. */
export const REPORTING_VERB = /\b(?:said|says|say|stated|states|affirmed|affirms|told|tells|confirmed|confirms|indicated|indicates|announced|announces|emphasi[sz](?:ed|ing)|stress(?:ed|ing)|not(?:ed|ing)|added|declared|insisted|insists|repeated|argued|wrote|tweeted|saying|advocat(?:e|es|ed|ing)|propos(?:e|es|ed|ing)|suggest(?:s|ed|ing)?|recommend(?:s|ed|ing)?)\b/giu;
