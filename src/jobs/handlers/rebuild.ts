/**
 * `rebuild`: build one story from its stored articles and overrides and store
 * the new version. Only that story is read and built. A story merged into
 * another meanwhile passes the request on to the one it joined.
 */
import { rebuildStory, type RebuildOutcome } from '../../workflow/index.js';
import type { JobContext } from '../context.js';
import type { RebuildJob } from '../names.js';

export async function handleRebuild(ctx: JobContext, job: RebuildJob): Promise<RebuildOutcome> {
  const outcome = await rebuildStory(ctx.store, job.storyId);
  if (outcome.status === 'gone' && outcome.mergedInto) await ctx.queue.requestRebuild(outcome.mergedInto);
  return outcome;
}
