import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { CatalogProblem } from './reader.ts';

export const CATALOG_FILES = ['catalog.yaml', 'areas.yaml', 'organisations.yaml', 'data-elements.yaml', 'indicators.yaml'] as const;
/** Files a catalogue may leave out. */
export const OPTIONAL_CATALOG_FILES = ['validation-rules.yaml', 'forms.yaml'] as const;
const PLAN_FILE = /^plan[\w-]*\.ya?ml$/;

export interface RawCatalog {
  /** Parsed documents by file name; plan files under their own names. */
  docs: Map<string, unknown>;
  planFiles: string[];
  checksum: string;
}

/** Reads and parses the YAML files of a catalogue folder, reporting malformed files by line and column. */
export function readCatalogFiles(dir: string, problems: CatalogProblem[]): RawCatalog {
  const docs = new Map<string, unknown>();
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    problems.push({ file: dir, path: '', message: 'is not a folder' });
    return { docs, planFiles: [], checksum: '' };
  }
  const names = fs.readdirSync(dir).sort();
  const planFiles = names.filter((n) => PLAN_FILE.test(n));
  const hash = createHash('sha256');
  const optional = OPTIONAL_CATALOG_FILES.filter((f) => names.includes(f));
  for (const file of [...CATALOG_FILES, ...optional, ...planFiles]) {
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) {
      problems.push({ file, path: '', message: 'is missing from the catalogue folder' });
      continue;
    }
    const text = fs.readFileSync(full, 'utf8');
    hash.update(file).update('\0').update(text).update('\0');
    parseCatalogFile(file, text, docs, problems);
  }
  if (planFiles.length === 0) problems.push({ file: 'plan.yaml', path: '', message: 'no plan file (plan.yaml) in the catalogue folder' });
  return { docs, planFiles, checksum: hash.digest('hex') };
}

/** Parses the text of one catalogue file into `docs`, or reports where it is not valid YAML. */
export function parseCatalogFile(file: string, text: string, docs: Map<string, unknown>, problems: CatalogProblem[]): void {
  docs.delete(file);
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const where = e.linePos?.[0] ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '';
      problems.push({ file, path: where, message: `is not valid YAML: ${e.message.split('\n')[0]}` });
    }
    return;
  }
  try {
    docs.set(file, doc.toJS());
  } catch (error) {
    // An alias to an anchor that is not set yet, or too many aliases: valid syntax, no document.
    problems.push({ file, path: '', message: `is not valid YAML: ${(error as Error).message.split('\n')[0]}` });
  }
}
