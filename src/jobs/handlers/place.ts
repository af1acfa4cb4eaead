/** `place`: place a stored article without a story (stored by an earlier release) and ask for its story's rebuild. */
import type { JobContext } from '../context.js';
import type { PlaceJob } from '../names.js';

export async function handlePlace(ctx: JobContext, job: PlaceJob): Promise<{ storyId: string; already: boolean }> {
  const placement = await ctx.store.placeArticle(job.articleId);
  if (!placement.already) await ctx.queue.requestRebuild(placement.storyId);
  return { storyId: placement.storyId, already: placement.already };
}
