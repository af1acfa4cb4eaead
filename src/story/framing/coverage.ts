import type { Doc } from '../../core/index.js';
import type { StoryContext } from '../types.js';

/** A main event of the story, recognised in an article by its keywords. */
export interface MainEvent {
  readonly label: string;
  readonly keywords: readonly string[];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mentionsWord(text: string, word: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

/** Whether the article names the actor: an entity mention resolved to it, or one of its aliases in the text. */
export function mentionsActor(doc: Doc, ctx: StoryContext, actor: string): boolean {
  for (const e of doc.layers.entityIndex ?? []) {
    const id = ctx.entities.resolve(doc.id, e.id);
    if (id && ctx.entities.get(id)?.name === actor) return true;
  }
  const entity = ctx.entities.entities.find((e) => e.name === actor);
  const forms = entity ? entity.aliases : [actor];
  return forms.some((f) => f.length >= 3 && mentionsWord(doc.text, f));
}

/**
 * Whether the article reports the event: at least half of its keywords (rounded up)
 * appear, so one generic keyword ("talks") alone does not count as coverage.
 */
export function mentionsEvent(doc: Doc, event: MainEvent): boolean {
  if (event.keywords.length === 0) return mentionsWord(doc.text, event.label);
  const found = event.keywords.filter((k) => mentionsWord(doc.text, k)).length;
  return found >= Math.ceil(event.keywords.length / 2);
}

/** The story's main actors and events the article leaves out. */
export function findOmissions(doc: Doc, ctx: StoryContext, story: { mainActors: readonly string[]; mainEvents: readonly MainEvent[] }): string[] {
  return [...story.mainActors.filter((a) => !mentionsActor(doc, ctx, a)), ...story.mainEvents.filter((e) => !mentionsEvent(doc, e)).map((e) => e.label)];
}
