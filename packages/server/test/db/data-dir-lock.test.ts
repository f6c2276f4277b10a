import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from '../../src/db/data-dir-lock.ts';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-lock-'));

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('the data folder lock', () => {
  it('is exclusive: a second holder is refused with the folder and the holder named', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    try {
      let error: unknown;
      try {
        acquireDataDirLock(dir);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DataDirLockedError);
      expect((error as Error).message).toContain(
        `The data folder ${dir} is in use by another vetplan process (pid ${process.pid} on ${os.hostname()}`,
      );
    } finally {
      lock.release();
    }
    acquireDataDirLock(dir).release();
  });

  it('takes over the stale lock of a dead process', () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'vetplan.lock'),
      JSON.stringify({ pid: deadPid(), host: os.hostname(), startedAt: '2026-01-01T00:00:00Z' }),
    );
    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
  });

  it('takes over a half-written lock file', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'vetplan.lock'), '{"pid":');
    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('does not release a lock another process holds', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    fs.writeFileSync(lock.file, JSON.stringify({ pid: 1, host: os.hostname(), startedAt: 'x' }));
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(true);
  });
});
