export { openStore, resolveStoreTarget, describeDatabaseUrl, DEFAULT_DATA_DIR, type StoreTarget } from './open-store.js';
export type {
  StoreConfig, Store, AddOutcome, AddOptions, StoredArticle, SearchHit, ListOptions, EntityOverride, ArticleOriginal, ArticleOriginalInput, OriginalOutcome, StoryBuildInput,
} from './types.js';
export type { Placement } from './story-state.js';
export type { StoryRecord, StoryBuild } from './story-builds.js';
export { BUILD_VERSIONS_KEPT } from './story-builds.js';
export type { Change, ChangeKind } from './changes.js';
export type { SqlClient, SqlExecutor } from './sql-client.js';
export { lockFolder, type FolderLock } from './folder-lock.js';
export { SNIPPET_MARK, MIN_ID_PREFIX_DIGITS } from './sql-store.js';
export { NEAR_DUPLICATE_JACCARD } from './minhash.js';
export { MIGRATIONS } from './migrations.js';
export { ORIGINAL_MAX_BYTES, capOriginal } from './originals.js';
export { FeedRegistry, claimHostSlot, extendHostSlot, type FeedRecord } from './feeds.js';
