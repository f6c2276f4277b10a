import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { asciiFileName } from '@vetplan/domain';

/** Where exported reports are kept, under DATA_DIR. */
const REPORTS_DIR = 'reports';

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Writes an exported file under DATA_DIR/reports/YYYY/ and answers its relative path and checksum. */
export async function storeReportFile(
  dataDir: string,
  fileName: string,
  bytes: Buffer,
  now: Date,
): Promise<{ storedPath: string; sha256: string }> {
  const relative = path.join(REPORTS_DIR, String(now.getUTCFullYear()), `${randomUUID()}-${asciiFileName(fileName)}`);
  const full = path.join(dataDir, relative);
  await fs.mkdir(path.dirname(full), { recursive: true });
  await fs.writeFile(full, bytes, { flag: 'wx' });
  return { storedPath: relative, sha256: sha256(bytes) };
}

export async function removeReportFile(dataDir: string, storedPath: string): Promise<void> {
  await fs.rm(path.join(dataDir, storedPath), { force: true });
}

export async function readReportFile(dataDir: string, storedPath: string): Promise<Buffer | null> {
  const full = path.resolve(dataDir, storedPath);
  if (!full.startsWith(path.resolve(dataDir) + path.sep)) return null;
  try {
    return await fs.readFile(full);
  } catch {
    return null;
  }
}
