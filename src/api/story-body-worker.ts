/** The body thread: encodes story answers posted by `story-bodies.ts`, one at a time. */
import { parentPort } from 'node:worker_threads';
import { encodeStoryBody, type BodyBuild } from './story-body.js';

interface BodyJob { readonly id: number; readonly data: string; readonly build: BodyBuild }

/** The bytes of a view on their own buffer, so the buffer can be handed over instead of copied. */
function own(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

parentPort!.on('message', (job: BodyJob) => {
  try {
    const body = encodeStoryBody(job.data, job.build);
    const fresh = own(body.fresh);
    const stale = own(body.stale);
    parentPort!.postMessage({ id: job.id, ok: true, fresh, stale }, [fresh.buffer as ArrayBuffer, stale.buffer as ArrayBuffer]);
  } catch (err) {
    parentPort!.postMessage({ id: job.id, ok: false, message: (err as Error).message });
  }
});
