/**
 * The HTTP API over the store and the stages: articles, search, stories,
 * exports and entity overrides, documented at `GET /openapi.json`.
 */
export { createApp, DEFAULT_MAX_UPLOAD_BYTES, ORIGINAL_HEADERS, type ApiOptions } from './app.js';
export { startServer, DEFAULT_HOST, DEFAULT_PORT, TOKEN_ENV, type RunningServer } from './server.js';
export { openApiDocument } from './openapi.js';
export { CONTENT_SECURITY_POLICY, BRIEF_CONTENT_SECURITY_POLICY, ORIGINAL_CONTENT_SECURITY_POLICY, isLoopbackHost } from './security.js';
export { ApiError, errorResponse, type ErrorBody } from './errors.js';
export {
  StoryService, applyMerges, standingOverrides,
  type ServedStory, type StorySummary, type EntityOverrides, type EntityPair,
} from './stories.js';
export { csvCell, toCsv, storyTableCsv, type CsvTable } from './csv.js';
