/**
 * Fictional news prose of any length, for benches and hostile-input tests:
 * seeded, so every run writes the same text. Sentences carry what the
 * annotators look for (people, places, organisations, quotes with speakers,
 * dates, figures), all names invented for Parallax.
 */
import { seededRandom } from '../../src/core/index.js';

const PEOPLE = ['Oskar Lindqvist', 'Hanna Berg', 'Eva Morn', 'Mira Talvik', 'Jonas Ekdahl', 'Sanna Virtala', 'Pekka Roos', 'Ilse Varga', 'Tomas Kell', 'Alma Strand'];
const PLACES = ['Veldmark', 'Saltvik', 'Skarholm', 'Northbay', 'Oskel', 'Harrow Fjord', 'Lindmoor', 'Tarnby'];
const BODIES = ['the harbour council', 'the regional farmers association', 'the island trust', 'the Oskel Water Board', 'the Northbay Ferry Company', 'the Lindmoor Chamber of Commerce'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const VERBS = ['said', 'told reporters', 'said in a statement', 'wrote in a letter to members', 'told a press conference'];
const TOPICS = ['the repairs to the old pier', 'the early harvest', 'the new ferry timetable', 'the dam inspection', 'the winter budget', 'the restored keepers’ cottage'];

type Pick = <T>(items: readonly T[]) => T;

const TEMPLATES: ReadonlyArray<(pick: Pick, n: () => number) => string> = [
  (p, n) => `${p(BODIES)[0]!.toUpperCase()}${p(BODIES).slice(1)} of ${p(PLACES)} voted on ${p(DAYS)} to approve ${p(TOPICS)}, which will cost about ${n()} million crowns.`,
  (p) => `“We could not wait any longer, and the people of ${p(PLACES)} know it,” ${p(PEOPLE)} ${p(VERBS)}.`,
  (p, n) => `${p(PEOPLE)}, who has led ${p(BODIES)} since ${1990 + (n() % 30)}, said the work would begin on ${n() % 28 + 1} ${p(MONTHS)}.`,
  (p) => `Critics in ${p(PLACES)} said they had not been consulted about ${p(TOPICS)}.`,
  (p, n) => `According to ${p(BODIES)}, ${n()} households were affected in ${p(MONTHS)}, up from ${n()} a year earlier.`,
  (p) => `${p(PEOPLE)} ${p(VERBS)} that the decision was overdue and that ${p(PEOPLE)} had agreed to it two days later.`,
  (p) => `The plan for ${p(TOPICS)} was first proposed by ${p(PEOPLE)} last ${p(MONTHS)}, but ${p(BODIES)} rejected it at the time.`,
  (p, n) => `Officials expect the work in ${p(PLACES)} to take ${n() % 11 + 2} months.`,
];

/** Fictional sentences, seeded: the same `seed` gives the same sequence. */
export function fictionalSentences(seed = 1): () => string {
  const random = seededRandom(seed);
  const pick: Pick = (items) => items[Math.floor(random() * items.length)]!;
  const n = () => 2 + Math.floor(random() * 400);
  return () => pick(TEMPLATES)(pick, n);
}

/**
 * Fictional article text of about `chars` characters: paragraphs of 2–5
 * sentences separated by blank lines, or (with `noBreaks`) one single line.
 */
export function fictionalText(chars: number, options: { seed?: number; noBreaks?: boolean } = {}): string {
  const next = fictionalSentences(options.seed ?? 1);
  const random = seededRandom((options.seed ?? 1) + 1);
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    const count = options.noBreaks ? 1 : 2 + Math.floor(random() * 4);
    const paragraph = Array.from({ length: count }, next).join(' ');
    parts.push(paragraph);
    length += paragraph.length + 2;
  }
  return parts.join(options.noBreaks ? ' ' : '\n\n');
}

/** Fictional text of about `words` words (an 800-word article is a typical news story). */
export function fictionalTextOfWords(words: number, seed = 1): string {
  const next = fictionalSentences(seed);
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const paragraph = [next(), next(), next()].join(' ');
    paragraphs.push(paragraph);
    count += paragraph.split(/\s+/).length;
  }
  return paragraphs.join('\n\n');
}
