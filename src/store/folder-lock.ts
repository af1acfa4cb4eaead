/**
 * One process per PGlite folder. PGlite has no lock of its own: two processes
 * writing one folder corrupt it (articles reported added vanish, duplicate
 * sequence values). Before opening, a process creates `<folder>.lock`
 * exclusively with its pid; a second opener, at the same instant or later,
 * gets a clear error naming the folder and the holder. A lock left by a
 * process that died (SIGKILL, power loss) is recognised by its pid and taken
 * over, one taker at a time.
 */
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync, fsyncSync } from 'node:fs';
import { hostname } from 'node:os';
import { StoreError } from '../core/index.js';

export interface FolderLock {
  /** The lock file. */
  readonly path: string;
  release(): void;
}

interface Holder {
  readonly pid: number;
  readonly host: string;
  /** The process's start time as the kernel counts it (Linux), so a reused pid is not taken for the holder. */
  readonly started: string | null;
  readonly since: string;
}

/** A lock file still empty this long after creation was left by a process that died while writing it. */
const EMPTY_LOCK_GRACE_MS = 2_000;
/** A break marker older than this was left by a process that died while taking over a stale lock. */
const BREAK_GRACE_MS = 5_000;
const RETRY_MS = 25;
const MAX_ATTEMPTS = 400;

/** Start time of a process (clock ticks since boot, /proc/<pid>/stat field 22), or null where /proc is absent. */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function alive(holder: Holder): boolean {
  if (holder.host !== hostname()) return true; // another machine's process: cannot tell, so never take its lock
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const started = processStart(holder.pid);
  return holder.started === null || started === null || started === holder.started;
}

function readHolder(file: string): Holder | null | 'empty' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  if (text.trim() === '') return 'empty';
  try {
    const parsed = JSON.parse(text) as Holder;
    return Number.isInteger(parsed.pid) ? parsed : 'empty';
  } catch {
    return 'empty';
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function tryCreate(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function lockedError(folder: string, holder: Holder): StoreError {
  const who = holder.pid === process.pid && holder.host === hostname() ? 'this process' : `process ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}`;
  return new StoreError(
    'E_DB_LOCKED',
    `the database folder ${folder} is in use by ${who} (pid ${holder.pid}, since ${holder.since}): PGlite allows one process per folder; ` +
      'stop that process, add through its server (POST /api/articles), or use PostgreSQL (DATABASE_URL) for several processes',
  );
}

/**
 * Take the lock of a PGlite data folder for this process.
 *
 * @throws StoreError E_DB_LOCKED when a live process holds it.
 */
export async function lockFolder(folder: string): Promise<FolderLock> {
  const file = `${folder}.lock`;
  const breaker = `${file}.break`;
  const me: Holder = { pid: process.pid, host: hostname(), started: processStart(process.pid), since: new Date().toISOString() };
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (tryCreate(file, JSON.stringify(me))) return held(file);
    const holder = readHolder(file);
    if (holder === null) continue; // released meanwhile: try again at once
    if (holder === 'empty') {
      // Its creator is writing it, or died between creating and writing.
      if (ageMs(file) < EMPTY_LOCK_GRACE_MS) { await sleep(RETRY_MS); continue; }
    } else if (alive(holder)) {
      throw lockedError(folder, holder);
    }
    // The holder is gone. One taker at a time: whoever creates the break marker removes the stale lock.
    if (!tryCreate(breaker, String(process.pid))) {
      if (ageMs(breaker) > BREAK_GRACE_MS) removeQuietly(breaker);
      await sleep(RETRY_MS);
      continue;
    }
    try {
      const again = readHolder(file);
      const stillStale = again === 'empty' ? ageMs(file) >= EMPTY_LOCK_GRACE_MS : again !== null && !alive(again);
      if (stillStale) removeQuietly(file);
    } finally {
      removeQuietly(breaker);
    }
  }
  throw new StoreError('E_DB_LOCKED', `could not take the lock of the database folder ${folder} (${file}): it keeps changing hands; try again`);
}

function held(file: string): FolderLock {
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    const holder = readHolder(file);
    if (holder !== null && holder !== 'empty' && holder.pid === process.pid) removeQuietly(file);
  };
  // A process that exits without closing the store (an uncaught error) leaves no lock behind.
  process.on('exit', release);
  return { path: file, release };
}
