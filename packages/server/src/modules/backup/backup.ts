import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ArchiveError, readArchive, writeArchive } from './archive.ts';
import { collectDataFiles, isDataFilePath, placeDataFiles, sha256OfFile, type BackupFile, type FilesCopied } from './files.ts';
import {
  appliedMigrations,
  emptyTables,
  insertLines,
  markAnalyticsStale,
  listTables,
  neutralSession,
  resetSequences,
  sumDifferences,
  sumsWithin,
  tableLines,
  type TableSum,
} from './tables.ts';

/**
 * `vetplan backup` / `restore`: a logical dump made by vetplan itself, the same
 * on both engines — a tar.gz of one JSON-lines part per table, the files kept
 * under DATA_DIR (evidence, report exports; see files.ts) and a manifest with
 * each part's row count and SHA-256 and each file's path and SHA-256. Rows are
 * read in one repeatable-read snapshot; restored in one transaction that is
 * rolled back unless every table's count and checksum match the manifest; the
 * files are put back after that, each checked against its SHA-256.
 */

export const BACKUP_FORMAT = 'vetplan-backup';
export const BACKUP_VERSION = 1;
const MANIFEST = 'manifest.json';

export interface BackupPart {
  table: string;
  file: string;
  rows: number;
  bytes: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  engine: string;
  migrations: string[];
  parts: BackupPart[];
  /** The files under DATA_DIR; absent in backups made before files were included. */
  files?: BackupFile[];
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

const tempDir = (what: string) => fs.mkdtempSync(path.join(os.tmpdir(), `vetplan-${what}-`));

/** Writes a backup of every table, and of the files under `dataDir` when given, to `file`; returns its manifest. */
export async function createBackup(
  db: Kysely<Database>,
  engine: string,
  file: string,
  options: { dataDir?: string; now?: Date } = {},
): Promise<BackupManifest> {
  const now = options.now ?? new Date();
  const dir = tempDir('backup');
  try {
    const manifest: BackupManifest = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await neutralSession(trx);
        const parts: BackupPart[] = [];
        for (const table of await listTables(trx)) {
          const name = `tables/${table.name}.jsonl`;
          fs.mkdirSync(path.join(dir, 'tables'), { recursive: true });
          const fd = fs.openSync(path.join(dir, name), 'w');
          const hash = createHash('sha256');
          let rows = 0;
          let bytes = 0;
          for await (const lines of tableLines(trx, table)) {
            const chunk = Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');
            fs.writeSync(fd, chunk);
            hash.update(chunk);
            rows += lines.length;
            bytes += chunk.length;
          }
          fs.closeSync(fd);
          parts.push({ table: table.name, file: name, rows, bytes, sha256: hash.digest('hex') });
        }
        return {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: now.toISOString(),
          engine,
          migrations: await appliedMigrations(trx),
          parts,
        } satisfies BackupManifest;
      });
    // Files are only ever added under new names, so those there after the snapshot cover every row in it.
    manifest.files = options.dataDir ? await collectDataFiles(options.dataDir, dir) : [];
    fs.writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    const entries = [...manifest.parts, ...manifest.files].map((p) => ({ name: p.file, source: path.join(dir, p.file) }));
    await writeArchive(file, [{ name: MANIFEST, source: path.join(dir, MANIFEST) }, ...entries]);
    return manifest;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface OpenedBackup {
  manifest: BackupManifest;
  dir: string;
  close(): void;
}

function parseManifest(text: string): BackupManifest {
  let m: Partial<BackupManifest>;
  try {
    m = JSON.parse(text) as Partial<BackupManifest>;
  } catch {
    throw new BackupError('its manifest is not valid JSON');
  }
  if (m.format !== BACKUP_FORMAT) throw new BackupError('it is not a vetplan backup (no vetplan manifest)');
  if (m.version !== BACKUP_VERSION)
    throw new BackupError(`it has format version ${m.version}; this vetplan reads version ${BACKUP_VERSION}`);
  if (!Array.isArray(m.parts) || !Array.isArray(m.migrations)) throw new BackupError('its manifest lacks the list of parts or migrations');
  if (m.files !== undefined && !Array.isArray(m.files)) throw new BackupError('its manifest has a list of files that is not a list');
  const badPath = (m.files ?? []).find((f) => !isDataFilePath(f?.path) || !/^files\/\d+$/.test(String(f?.file)));
  if (badPath) throw new BackupError(`its manifest lists a file outside the data folders: ${JSON.stringify(badPath?.path)}`);
  return { ...m, files: m.files ?? [] } as BackupManifest;
}

/** Unpacks a backup and checks every part against the manifest (size, rows, SHA-256) before anything reads it. */
export async function openBackup(file: string): Promise<OpenedBackup> {
  if (!fs.existsSync(file)) throw new BackupError(`The backup ${file} cannot be used: there is no such file. Nothing was changed.`);
  const dir = tempDir('restore');
  const close = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    let names: string[];
    try {
      names = await readArchive(file, dir);
    } catch (error) {
      if (error instanceof ArchiveError) throw new BackupError(error.message);
      throw error;
    }
    if (!names.includes(MANIFEST)) throw new BackupError('it is not a vetplan backup (no manifest.json)');
    const manifest = parseManifest(fs.readFileSync(path.join(dir, MANIFEST), 'utf8'));
    const files = manifest.files ?? [];
    const listed = new Set([...manifest.parts, ...files].map((p) => p.file));
    const extra = names.filter((n) => n !== MANIFEST && !listed.has(n));
    if (extra.length) throw new BackupError(`it holds files its manifest does not list: ${extra.join(', ')}`);
    for (const part of manifest.parts) {
      const where = path.join(dir, part.file);
      if (!names.includes(part.file)) throw new BackupError(`the part ${part.file} is missing`);
      const { sha256, bytes } = await sha256OfFile(where);
      if (bytes !== part.bytes || sha256 !== part.sha256)
        throw new BackupError(`the part ${part.file} does not match its checksum in the manifest (damaged or edited)`);
      let rows = 0;
      for await (const _line of readline.createInterface({ input: fs.createReadStream(where), crlfDelay: Infinity })) rows++;
      if (rows !== part.rows) throw new BackupError(`the part ${part.file} has ${rows} rows; the manifest says ${part.rows}`);
    }
    for (const f of files) {
      if (!names.includes(f.file)) throw new BackupError(`the file ${f.path} is missing`);
      const { sha256, bytes } = await sha256OfFile(path.join(dir, f.file));
      if (bytes !== f.bytes || sha256 !== f.sha256)
        throw new BackupError(`the file ${f.path} does not match its checksum in the manifest (damaged or edited)`);
    }
    return { manifest, dir, close };
  } catch (error) {
    close();
    if (error instanceof BackupError) throw new BackupError(`The backup ${file} cannot be used: ${error.message}. Nothing was changed.`);
    throw error;
  }
}

async function* partLines(file: string, batch = 2000): AsyncGenerator<string[]> {
  let lines: string[] = [];
  for await (const line of readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })) {
    lines.push(line);
    if (lines.length >= batch) {
      yield lines;
      lines = [];
    }
  }
  if (lines.length) yield lines;
}

export interface RestoreReport {
  manifest: BackupManifest;
  sums: Map<string, TableSum>;
  /** What was put back under DATA_DIR (null when no data folder was given). */
  files: FilesCopied | null;
}

/**
 * Replaces every row of the database with the backup's, in one transaction:
 * the schema must be at the backup's migrations, and the loaded tables must
 * give the manifest's counts and checksums, or nothing is changed. Then the
 * backup's files are put back under `dataDir` (when given); files there that
 * the backup does not hold are left alone.
 */
export async function restoreBackup(db: Kysely<Database>, backup: OpenedBackup, dataDir?: string): Promise<RestoreReport> {
  const { manifest } = backup;
  const expected = new Map(manifest.parts.map((p) => [p.table, { rows: p.rows, sha256: p.sha256 }]));
  const sums = await db.transaction().execute(async (trx) => {
    await neutralSession(trx);
    await assertSameSchema(await appliedMigrations(trx), manifest.migrations, 'the backup');
    const tables = await listTables(trx);
    const unknown = manifest.parts.filter((p) => !tables.some((t) => t.name === p.table));
    if (unknown.length)
      throw new BackupError(
        `The backup holds tables this database does not have: ${unknown.map((p) => p.table).join(', ')}. Nothing was changed.`,
      );
    await emptyTables(trx, tables);
    for (const table of tables) {
      const part = manifest.parts.find((p) => p.table === table.name);
      if (!part) continue;
      const batch = table.selfReferencing ? Number.MAX_SAFE_INTEGER : 2000;
      for await (const lines of partLines(path.join(backup.dir, part.file), batch)) await insertLines(trx, table, lines);
    }
    await resetSequences(trx, tables);
    const actual = await sumsWithin(trx, tables);
    const differences = sumDifferences(expected, actual);
    if (differences.length)
      throw new BackupError(`After loading, the database does not match the backup (${differences.join('; ')}). Nothing was changed.`);
    await markAnalyticsStale(trx);
    return actual;
  });
  const files = dataDir ? await placeDataFiles(manifest.files ?? [], backup.dir, dataDir) : null;
  return { manifest, sums, files };
}

/** The two sides must be at the same migrations, so that every column means the same. */
export async function assertSameSchema(here: string[], there: string[], what: string): Promise<void> {
  const newer = there.filter((m) => !here.includes(m));
  const older = here.filter((m) => !there.includes(m));
  if (newer.length)
    throw new BackupError(
      `${what} was made by a newer vetplan (migrations ${newer.join(', ')} are unknown here); use that version. Nothing was changed.`,
    );
  if (older.length)
    throw new BackupError(
      `${what} was made by an older vetplan (without migrations ${older.join(', ')}); restore it with that version, then upgrade. ` +
        `Nothing was changed.`,
    );
}
