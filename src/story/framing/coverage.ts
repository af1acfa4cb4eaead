import type { Doc } from '../../core/index.js';
import type { SourceEvidence, StoryContext, StoryEntity } from '../types.js';
import { describeDate } from '../summary/words.js';
import { countryNamed, countryOfQualifier } from '../entities/countries.js';

/** A main event of the story, recognised in an article by its keywords. */
export interface MainEvent {
  readonly label: string;
  readonly keywords: readonly string[];
  /** The articles the timeline found reporting it: they mention it, whatever words they use. */
  readonly articles?: readonly string[];
  /** When it happened, for saying it in words. */
  readonly date?: string;
  /** Its doer's canonical name: an article that does not name the doer does not report it. */
  readonly actor?: string;
  /** Where the sources report it. */
  readonly sources?: readonly SourceEvidence[];
}

/** One thing an article leaves out, said in words ("does not mention the 2018 withdrawal by the United States"). */
export interface Omission {
  readonly kind: 'actor' | 'event';
  /** In words: "does not mention Ali Example", "does not mention: Ali Example signed the accord (3 May 2030)". */
  readonly label: string;
  readonly actor?: string;
  readonly sources?: readonly SourceEvidence[];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A word of letters and digits only: found as a whole run of them in the text. */
const PLAIN_WORD = /^[\p{L}\p{N}]+$/u;
const WORD_RUN = /[\p{L}\p{N}]+/gu;
/** Patterns remembered for other words (names with spaces, dots, hyphens); the cap bounds a server's memory. */
const PATTERN_CACHE_SIZE = 10_000;
const patterns = new Map<string, RegExp>();
/** Each article's runs of letters and digits, lower-cased: one pass over the text answers every plain word. */
const runsOf = new WeakMap<Doc, ReadonlySet<string>>();

function wordRuns(doc: Doc): ReadonlySet<string> {
  let runs = runsOf.get(doc);
  if (!runs) {
    runs = new Set((doc.text.match(WORD_RUN) ?? []).map((w) => w.toLowerCase()));
    runsOf.set(doc, runs);
  }
  return runs;
}

/** Whether the word stands in the article on its own (not inside a longer word), ignoring case. */
function mentionsWord(doc: Doc, word: string): boolean {
  if (PLAIN_WORD.test(word)) return wordRuns(doc).has(word.toLowerCase());
  // Each run of letters in the word stands whole in a text that holds the word: a missing one rules it out without a scan.
  const runs = word.match(WORD_RUN) ?? [];
  if (runs.some((r) => !wordRuns(doc).has(r.toLowerCase()))) return false;
  let pattern = patterns.get(word);
  if (!pattern) {
    if (patterns.size >= PATTERN_CACHE_SIZE) patterns.clear();
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'iu');
    patterns.set(word, pattern);
  }
  return pattern.test(doc.text);
}

/** Story entities by canonical name (the first of a name), built once per entity table. */
const entitiesByName = new WeakMap<StoryContext['entities'], ReadonlyMap<string, StoryEntity>>();

function entityNamed(ctx: StoryContext, name: string): StoryEntity | undefined {
  let byName = entitiesByName.get(ctx.entities);
  if (!byName) {
    const map = new Map<string, StoryEntity>();
    for (const e of ctx.entities.entities) if (!map.has(e.name)) map.set(e.name, e);
    entitiesByName.set(ctx.entities, (byName = map));
  }
  return byName.get(name);
}

/** Canonical names of the story entities the article's own entities resolve to. */
function resolvedNames(doc: Doc, ctx: StoryContext): Set<string> {
  const names = new Set<string>();
  for (const e of doc.layers.entityIndex ?? []) {
    const id = ctx.entities.resolve(doc.id, e.id);
    const name = id ? ctx.entities.get(id)?.name : undefined;
    if (name !== undefined) names.add(name);
  }
  return names;
}

function namesActor(doc: Doc, ctx: StoryContext, actor: string, resolved: ReadonlySet<string>): boolean {
  if (resolved.has(actor)) return true;
  const entity = entityNamed(ctx, actor);
  const forms = entity ? entity.aliases : [actor];
  // A country is mentioned by its people's adjective too ("the Kellish coast" mentions Kell).
  if (countryNamed(actor) && namesDemonymOf(doc, countryNamed(actor)!)) return true;
  // An acronym in capitals ("UN") counts as written, case and all; other short forms are too ambiguous.
  return forms.some((f) => (f.length >= 3 && mentionsWord(doc, f)) || (/^\p{Lu}{2}$/u.test(f) && new RegExp(`(?<![\\p{L}\\p{N}])${f}(?![\\p{L}\\p{N}])`, 'u').test(doc.text)));
}

function namesDemonymOf(doc: Doc, country: string): boolean {
  for (const m of doc.text.matchAll(/(?<![\p{L}])\p{Lu}\p{Ll}{2,}(?:an|ian|ese|ish|i|ic)(?![\p{L}])/gu)) if (countryOfQualifier(m[0]) === country) return true;
  return false;
}

/** Whether the article names the actor: an entity mention resolved to it, or one of its aliases in the text. */
export function mentionsActor(doc: Doc, ctx: StoryContext, actor: string): boolean {
  return namesActor(doc, ctx, actor, resolvedNames(doc, ctx));
}

/**
 * Whether the article reports the event: it is one of the articles the timeline found reporting
 * it (whatever its words); else, when the event has a doer, the article must name them, and at
 * least half of the event's keywords (rounded up) must appear, so one generic keyword ("talks")
 * alone does not count as coverage.
 */
export function mentionsEvent(doc: Doc, event: MainEvent, ctx?: StoryContext): boolean {
  if (event.articles?.includes(doc.id)) return true;
  if (event.keywords.length === 0) return mentionsWord(doc, event.label);
  const found = event.keywords.filter((k) => mentionsWord(doc, k)).length;
  return found >= Math.ceil(event.keywords.length / 2) || (ctx !== undefined && event.actor !== undefined && mentionsActor(doc, ctx, event.actor) && found >= 1);
}

/** The story's main actors and events the article leaves out, said in words. */
/** Sources shown with an event an article leaves out. */
const MAX_OMISSION_SOURCES = 3;

export function findOmissions(doc: Doc, ctx: StoryContext, story: { mainActors: readonly string[]; mainEvents: readonly MainEvent[] }): Omission[] {
  const resolved = resolvedNames(doc, ctx);
  const actors = story.mainActors.filter((a) => !namesActor(doc, ctx, a, resolved)).map((actor): Omission => ({ kind: 'actor', label: `does not mention ${actor}`, actor }));
  const events = story.mainEvents.filter((e) => !mentionsEvent(doc, e, ctx)).map((e): Omission => ({
    kind: 'event', label: `does not mention: ${e.label}${e.date ? ` (${describeDate(e.date)})` : ''}`,
    // A few of the sources that carry it show what is left out; all of them, for every article, grow the story
    // with the square of its size (the timeline entry holds them all).
    ...(e.sources ? { sources: e.sources.slice(0, MAX_OMISSION_SOURCES) } : {}),
  }));
  return [...actors, ...events];
}
