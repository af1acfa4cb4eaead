/**
 * The shared story index in the database: placing an article in a story reads
 * the rows its features and candidate articles need and writes the changes,
 * inside the article's own transaction and under one advisory lock, so every
 * worker sees every earlier placement and no process replays history. The
 * decisions are `src/story/cluster`'s linking functions, the same ones the
 * in-memory index makes.
 */
import type { Doc } from '../core/index.js';
import { keyTerms, linking, linkingOptions, storyFeatureCandidates, type LinkedArticle, type LinkingOptions, type StoryPlan } from '../story/cluster/index.js';
import type { SqlExecutor } from './sql-client.js';
import { recordChange } from './changes.js';

/** Advisory lock key serialising placements (any other key of this database is unrelated). */
const STORY_INDEX_LOCK_KEY = 7_061_420_772;

/** Where placing one article put it. */
export interface Placement {
  readonly storyId: string;
  /** The article started a story of its own. */
  readonly isNew: boolean;
  /** Stories the article linked to the one it joined, now merged into it. */
  readonly merged: readonly string[];
  /** The article was placed before (nothing changed). */
  readonly already: boolean;
}

interface FeatureRow { name: string; df: number; postings: number[] }
interface ArticleRow { num: number; story: number; entity_mass: number; term_mass: number; day: number | null; size: number; story_id: string; story_first: number | null; story_last: number | null }

/** The story an article was placed in, or null when it has not been placed. */
export async function placedStory(db: SqlExecutor, articleId: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    'SELECT s.id FROM story_articles a JOIN stories s ON s.num = a.story WHERE a.article_id = $1',
    [articleId],
  );
  return rows[0]?.id ?? null;
}

/**
 * Place a stored article (annotated or not) in a story: link it to the placed articles it
 * shares enough rare features with, join their story or merge theirs, record it in the index.
 * Idempotent: an article placed before keeps its story. Must run inside a transaction.
 */
export async function placeInStory(tx: SqlExecutor, doc: Doc, options: Partial<LinkingOptions> = {}): Promise<Placement> {
  const o = linkingOptions(options);
  // The lock first, in a statement of its own: a statement sees the rows committed when it began.
  await tx.query(`SELECT pg_advisory_xact_lock(${STORY_INDEX_LOCK_KEY})`);

  const candidates = storyFeatureCandidates(doc);
  const lookupNames = [...new Set([
    ...candidates.entities.map((e) => linking.ENTITY_PREFIX + e),
    ...candidates.termPool.map(([t]) => linking.TERM_PREFIX + t),
  ])];
  // Whether it was placed, the index's counters and the features it may share, in one round trip.
  const { rows: [state] } = await tx.query<{ placed: string | null; article_count: number; next_article: number; next_story: number; features: FeatureRow[] }>(
    `SELECT (SELECT s.id FROM story_articles a JOIN stories s ON s.num = a.story WHERE a.article_id = $1) AS placed,
       i.article_count, i.next_article, i.next_story,
       (SELECT coalesce(json_agg(json_build_object('name', f.name, 'df', f.df, 'postings', f.postings)), '[]'::json)
        FROM story_features f WHERE f.name = ANY($2::text[])) AS features
     FROM story_index i`,
    [doc.id, lookupNames],
  );
  const { placed, article_count: articleCount, next_article: num, next_story: nextStory, features: featureRows } = state!;
  if (placed) return { storyId: placed, isNew: false, merged: [], already: true };
  const known = new Map(featureRows.map((r) => [r.name, r]));
  const dfOf = (name: string) => known.get(name)?.df ?? 0;
  const terms = keyTerms(candidates.termPool, { termWeight: (t) => linking.featureWeight(dfOf(linking.TERM_PREFIX + t), articleCount, linking.featureBackground(linking.TERM_PREFIX + t)) });
  const vector = linking.describeArticle({ entities: candidates.entities, terms, date: candidates.date }, articleCount, dfOf);
  const found = linking.candidateArticles(vector, (name) => known.get(name)?.postings ?? [], o.maxCandidates);

  const { rows: candidateRows } = found.length === 0 ? { rows: [] as ArticleRow[] } : await tx.query<ArticleRow>(
    `SELECT a.num, a.story, a.entity_mass, a.term_mass, a.day, s.size, s.id AS story_id, d.first AS story_first, d.last AS story_last
     FROM story_articles a JOIN stories s ON s.num = a.story
     -- an undated article stands where its story's dated articles stand (see linking's time factor)
     LEFT JOIN LATERAL (SELECT min(x.day) AS first, max(x.day) AS last FROM story_articles x WHERE x.story = a.story) d ON a.day IS NULL
     WHERE a.num = ANY($1::integer[])`,
    [found.map((c) => c.num)],
  );
  const articles = new Map<number, LinkedArticle>(candidateRows.map((r) => [r.num, {
    num: r.num, story: r.story, entityMass: r.entity_mass, termMass: r.term_mass, day: r.day,
    storyDays: r.story_first !== null && r.story_last !== null ? { first: r.story_first, last: r.story_last } : null,
  }]));
  const stories = new Map(candidateRows.map((r) => [r.story, { size: r.size, id: r.story_id }]));
  const links = linking.scoreLinks(vector, found, articles, o);
  const plan = linking.planStory(links, (s) => stories.get(s)!.size);

  // Every write of the placement in one statement (a merge's moves go first, on their own).
  const params: unknown[] = [];
  const $ = (value: unknown) => `$${params.push(value)}`;
  const { story, storyId, merged, storyWrite } = await applyPlan(tx, plan, { doc, nextStory, stories }, $);
  const postings = vector.features.map((name) => `{${linking.appendPosting(known.get(name)?.postings ?? [], num, o.postingsCap).join(',')}}`);
  const change = JSON.stringify({ title: doc.meta.title?.value ?? null, newStory: plan.kind === 'new', merged });
  await tx.query(
    `WITH ${storyWrite ? `story_write AS (${storyWrite}),` : ''}
     placed AS (
       INSERT INTO story_articles (num, article_id, story, entity_mass, term_mass, day, features)
       VALUES (${$(num)}, ${$(doc.id)}, ${$(story)}, ${$(vector.entityMass)}, ${$(vector.termMass)}, ${$(vector.day)}, ${$(vector.features)}::text[])),
     features AS (
       INSERT INTO story_features (name, df, postings)
       SELECT f.name, 1, f.postings::integer[] FROM unnest(${$(vector.features)}::text[], ${$(postings)}::text[]) AS f (name, postings)
       ON CONFLICT (name) DO UPDATE SET df = story_features.df + 1, postings = EXCLUDED.postings),
     counters AS (
       UPDATE story_index SET article_count = article_count + 1, next_article = next_article + 1, next_story = ${$(plan.kind === 'new' ? nextStory + 1 : nextStory)}),
     article AS (
       UPDATE articles SET story_id = ${$(storyId)} WHERE id = ${$(doc.id)})
     INSERT INTO change_events (kind, story_id, article_id, data) VALUES ('article-added', ${$(storyId)}, ${$(doc.id)}, ${$(change)}::text::jsonb)`,
    params,
  );
  return { storyId, isNew: plan.kind === 'new', merged, already: false };
}

/**
 * Create, grow or merge the stories the plan names; returns the article's story. A new or
 * grown story's write is returned as a statement for the placement's single write (its
 * parameters added through `$`); a merge's writes are made here.
 */
async function applyPlan(
  tx: SqlExecutor,
  plan: StoryPlan,
  context: { doc: Doc; nextStory: number; stories: ReadonlyMap<number, { size: number; id: string }> },
  $: (value: unknown) => string,
): Promise<{ story: number; storyId: string; merged: string[]; storyWrite?: string }> {
  const { doc, nextStory, stories } = context;
  if (plan.kind === 'new') {
    const storyId = linking.storyIdFor(doc.id);
    return {
      story: nextStory, storyId, merged: [],
      storyWrite: `INSERT INTO stories (num, id, size, title, changed_seq) VALUES (${$(nextStory)}, ${$(storyId)}, 1, ${$(doc.meta.title?.value ?? null)}, nextval('story_change_seq'))`,
    };
  }
  if (plan.kind === 'join') {
    const storyId = stories.get(plan.story)!.id;
    return {
      story: plan.story, storyId, merged: [],
      storyWrite: `UPDATE stories SET size = size + 1, changed_at = now(), changed_seq = nextval('story_change_seq') WHERE num = ${$(plan.story)}`,
    };
  }
  const keepId = stories.get(plan.keep)!.id;
  const absorbedIds = plan.absorb.map((s) => stories.get(s)!.id);
  const grown = plan.absorb.reduce((n, s) => n + stories.get(s)!.size, 1);
  await tx.query('UPDATE story_articles SET story = $1 WHERE story = ANY($2::integer[])', [plan.keep, plan.absorb]);
  await tx.query('UPDATE articles SET story_id = $1 WHERE story_id = ANY($2::text[])', [keepId, absorbedIds]);
  // The analyst's corrections follow the articles they were made for.
  await tx.query('UPDATE entity_overrides SET story_id = $1 WHERE story_id = ANY($2::text[])', [keepId, absorbedIds]);
  await tx.query(`UPDATE stories SET size = 0, merged_into = $1, changed_at = now() WHERE num = ANY($2::integer[])`, [keepId, plan.absorb]);
  await tx.query(`UPDATE stories SET merged_into = $1 WHERE merged_into = ANY($2::text[])`, [keepId, absorbedIds]);
  await tx.query(`UPDATE stories SET size = size + $2, changed_at = now(), changed_seq = nextval('story_change_seq') WHERE num = $1`, [plan.keep, grown]);
  for (const absorbed of absorbedIds) await recordChange(tx, { kind: 'story-merged', storyId: keepId, data: { absorbed } });
  return { story: plan.keep, storyId: keepId, merged: absorbedIds };
}
