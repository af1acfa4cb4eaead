/**
 * The answer of `GET /api/stories/:id` for a stored build, encoded once per
 * build and state: the JSON body gzip-compressed (a reader that
 * does not accept gzip gets it inflated, off this thread too). Run on the
 * body thread (`story-body-worker.ts`): parsing and writing a large story's
 * build (tens of MB of JSON) takes the time of many reads, which the thread
 * answering them must not spend.
 */
import { gzipSync } from 'node:zlib';

/** What a story answer says of its build (see BuildInfo in stories.ts), but whether it is stale. */
export interface BodyBuild {
  readonly version: number;
  readonly builtAt: string;
  readonly buildMs: number;
}

/** A build's answer gzip-compressed, as it is and marked stale (articles joined since: a flag that changes without a new build). */
export interface EncodedBuild {
  readonly fresh: Uint8Array;
  readonly stale: Uint8Array;
}

/** gzip level: story JSON repeats itself, so a fast level already shrinks it about tenfold. */
const GZIP_LEVEL = 4;

/** The answers `{ story, overrides, build }` of a stored build's JSON text, gzip-compressed. */
export function encodeStoryBody(data: string, build: BodyBuild): EncodedBuild {
  const { story, overrides } = JSON.parse(data) as { story: unknown; overrides: unknown };
  const head = JSON.stringify({ story, overrides }).slice(0, -1);
  const encode = (stale: boolean) => gzipSync(Buffer.from(`${head},"build":${JSON.stringify({ ...build, stale })}}`, 'utf8'), { level: GZIP_LEVEL });
  return { fresh: encode(false), stale: encode(true) };
}
