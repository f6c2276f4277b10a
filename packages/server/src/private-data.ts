import fs from 'node:fs';
import path from 'node:path';

/**
 * What vetplan writes is for the user it runs as only: folders 0700, files 0600. The data folder
 * holds the embedded database, evidence files, report exports and the lock; backups hold all of it.
 */
export const PRIVATE_UMASK = 0o077;

/** Takes the group's and others' bits off a folder and everything in it; answers how many entries changed. */
export function closeToOthers(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(entry);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  if (stat.isSymbolicLink()) return 0;
  let changed = 0;
  if ((stat.mode & 0o077) !== 0) {
    fs.chmodSync(entry, stat.mode & 0o700);
    changed++;
  }
  if (stat.isDirectory()) for (const name of fs.readdirSync(entry)) changed += closeToOthers(path.join(entry, name));
  return changed;
}

/**
 * Sets this process's umask so that every folder and file it creates from now on is private, and
 * closes an existing data folder: an installation from before this rule left it 0755 with 0644 files.
 */
export function keepDataPrivate(dataDir: string): void {
  process.umask(PRIVATE_UMASK);
  closeToOthers(dataDir);
}
