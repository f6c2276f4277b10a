import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The data folder ${dataDir} is in use by another vetplan process (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt}). ` +
        'Stop that process first, or start this one with another DATA_DIR.',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  readonly file: string;
  release(): void;
}

const LOCK_NAME = 'vetplan.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string') {
      return { pid: parsed.pid, host: parsed.host, startedAt: String(parsed.startedAt ?? 'unknown') };
    }
  } catch {
    // A half-written or unreadable lock is treated like a stale one below.
  }
  return null;
}

function isStale(holder: LockHolder | null): boolean {
  if (holder === null) return true;
  return holder.host === os.hostname() && !isAlive(holder.pid);
}

/**
 * Takes the exclusive lock of a data folder: PGlite is a single-process
 * database and two processes on one folder would corrupt it. The lock file is
 * created atomically (O_EXCL). A lock left by a dead process on this machine
 * is moved aside atomically and taken over; a live holder is reported.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, LOCK_NAME);
  const me: LockHolder = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, JSON.stringify(me));
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      return { file, release: () => releaseIfOurs(file) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(file);
    if (!isStale(holder)) throw new DataDirLockedError(dataDir, holder!);
    takeOverStale(file, holder);
  }
  const holder = readHolder(file);
  throw new DataDirLockedError(dataDir, holder ?? { pid: -1, host: 'unknown', startedAt: 'unknown' });
}

/** Moves a stale lock aside; if another process won the race and put a live lock there, puts it back. */
function takeOverStale(file: string, seen: LockHolder | null): void {
  const aside = `${file}.stale-${process.pid}-${Date.now()}`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else moved it; retry
    throw error;
  }
  const moved = readHolder(aside);
  if (moved && seen && moved.pid !== seen.pid && !isStale(moved)) {
    try {
      fs.linkSync(aside, file); // fails if a third process locked meanwhile: it then holds it
    } catch {
      // ignore: the retry loop will report whoever holds the lock now
    }
  }
  fs.rmSync(aside, { force: true });
}

function releaseIfOurs(file: string): void {
  const holder = readHolder(file);
  if (holder && holder.pid === process.pid && holder.host === os.hostname()) fs.rmSync(file, { force: true });
}
