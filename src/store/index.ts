export { openStore, resolveStoreTarget, describeDatabaseUrl, DEFAULT_DATA_DIR, type StoreTarget } from './open-store.js';
export type {
  StoreConfig, Store, AddOutcome, AddOptions, StoredArticle, SearchHit, ListOptions, EntityOverride, ArticleOriginal, ArticleOriginalInput, OriginalOutcome,
} from './types.js';
export { SNIPPET_MARK, MIN_ID_PREFIX_DIGITS } from './sql-store.js';
export { NEAR_DUPLICATE_JACCARD } from './minhash.js';
export { MIGRATIONS } from './migrations.js';
export { ORIGINAL_MAX_BYTES, capOriginal } from './originals.js';
