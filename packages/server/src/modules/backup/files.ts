import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The files a backup carries besides the rows: everything vetplan keeps under
 * DATA_DIR that a row points to — task evidence (evidence/ab/<sha-256>) and kept
 * report exports (reports/YYYY/<uuid>-name). Each goes into the archive as
 * files/<n> with its path, size and SHA-256 in the manifest, so names of any
 * length fit the tar format and nothing from the archive picks its own path.
 */

export const DATA_FOLDERS = ['evidence', 'reports'] as const;

export interface BackupFile {
  /** Path under DATA_DIR, with forward slashes (e.g. evidence/ab/ab12…). */
  path: string;
  /** Entry in the archive (files/1, files/2, …). */
  file: string;
  bytes: number;
  sha256: string;
}

/** Files being written (`….part`, `….partial-…`) are not yet kept files. */
const unfinished = (name: string) => /\.part$|\.partial/.test(name);

/** Every kept file under DATA_DIR's data folders, as sorted forward-slash paths. */
export function listDataFiles(dataDir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string) => {
    const full = path.join(dataDir, relative);
    for (const entry of fs.readdirSync(full, { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && !unfinished(entry.name)) found.push(child);
    }
  };
  for (const folder of DATA_FOLDERS) if (fs.existsSync(path.join(dataDir, folder))) walk(folder);
  return found.sort();
}

export function sha256OfFile(file: string): Promise<{ sha256: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let bytes = 0;
    fs.createReadStream(file)
      .on('data', (c) => {
        hash.update(c);
        bytes += c.length;
      })
      .on('error', reject)
      .on('end', () => resolve({ sha256: hash.digest('hex'), bytes }));
  });
}

/** Copies the data files into `dir` (as files/<n>) and answers their manifest entries, hashed from the copies. */
export async function collectDataFiles(dataDir: string, dir: string): Promise<BackupFile[]> {
  const files: BackupFile[] = [];
  const paths = listDataFiles(dataDir);
  if (paths.length) fs.mkdirSync(path.join(dir, 'files'), { recursive: true });
  for (const [i, relative] of paths.entries()) {
    const file = `files/${i + 1}`;
    fs.copyFileSync(path.join(dataDir, relative), path.join(dir, file));
    files.push({ path: relative, file, ...(await sha256OfFile(path.join(dir, file))) });
  }
  return files;
}

/** A manifest's file path must stay inside one of the data folders. */
export function isDataFilePath(p: unknown): p is string {
  if (typeof p !== 'string' || !/^[A-Za-z0-9._/-]+$/.test(p)) return false;
  const parts = p.split('/');
  return (
    (DATA_FOLDERS as readonly string[]).includes(parts[0]!) && parts.length >= 2 && parts.every((s) => s !== '' && s !== '.' && s !== '..')
  );
}

export interface FilesCopied {
  written: number;
  unchanged: number;
  bytes: number;
}

/**
 * Puts each file at its path under `dataDir` (written beside and renamed, so a
 * reader never sees half a file) and checks the copy's SHA-256; a file already
 * there with the same content is left as it is. Files not in the list are kept.
 */
export async function placeDataFiles(files: BackupFile[], fromDir: string, dataDir: string): Promise<FilesCopied> {
  const copied: FilesCopied = { written: 0, unchanged: 0, bytes: 0 };
  for (const f of files) {
    const target = path.join(dataDir, ...f.path.split('/'));
    copied.bytes += f.bytes;
    if (fs.existsSync(target) && (await sha256OfFile(target)).sha256 === f.sha256) {
      copied.unchanged++;
      continue;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const partial = `${target}.partial-${process.pid}`;
    fs.copyFileSync(path.join(fromDir, ...f.file.split('/')), partial);
    const check = await sha256OfFile(partial);
    if (check.sha256 !== f.sha256 || check.bytes !== f.bytes) {
      fs.rmSync(partial, { force: true });
      throw new Error(`the copy of ${f.path} in ${dataDir} does not match its SHA-256 (disk full or failing?)`);
    }
    fs.renameSync(partial, target);
    copied.written++;
  }
  return copied;
}

/** "3 files (2 evidence, 1 report export), 12,345 bytes" for the terminal. */
export function describeFiles(files: BackupFile[]): string {
  const evidence = files.filter((f) => f.path.startsWith('evidence/')).length;
  const bytes = files.reduce((n, f) => n + f.bytes, 0);
  return `${files.length} files (${evidence} evidence, ${files.length - evidence} report exports, ${bytes} bytes)`;
}
