/**
 * Jobs: the work of reading, annotating, placing and building, queued in the
 * database (pg-boss) and run by workers — other processes on PostgreSQL, the
 * same process on PGlite.
 */
export { JobQueue, bossDb, DEFAULT_JOB_SCHEMA, DEFAULT_EXPIRE_SECONDS, DEFAULT_REBUILD_DELAY_SECONDS, type JobQueueOptions, type JobStatus, type JobState, type DeadJob } from './queue.js';
export { Worker, type WorkerOptions } from './worker.js';
export { QUEUES, type QueueName, type ArticleJob, type FetchJob, type PlaceJob, type RebuildJob, type FeedJob, type ArticleOutcome, type FetchOutcome } from './names.js';
export { DEFAULT_HOST_SPACING_MS, type JobContext, type FetchSettings } from './context.js';
export { isTransient } from './handlers/fetch.js';
