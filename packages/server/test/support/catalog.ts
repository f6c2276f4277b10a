import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCatalog } from '../../src/modules/catalog/parse.ts';
import { CatalogError, formatProblem } from '../../src/modules/catalog/reader.ts';
import { DEFAULT_CATALOG_DIR } from './engine.ts';

/** A copy of the default catalogue (in a new temporary folder) with one file edited. */
export function brokenCopy(file: string, edit: (text: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-catalog-'));
  fs.cpSync(DEFAULT_CATALOG_DIR, dir, { recursive: true });
  const full = path.join(dir, file);
  const before = fs.readFileSync(full, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  fs.writeFileSync(full, after);
  return dir;
}

/** The problems the catalogue check finds in a folder, as the command line prints them; none when it is valid. */
export function problemsOf(dir: string): string[] {
  try {
    parseCatalog(dir);
  } catch (error) {
    if (error instanceof CatalogError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}
