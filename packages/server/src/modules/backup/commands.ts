import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { redactUrl, type Config } from '../../config.ts';
import { openPostgres } from '../../db/connection.ts';
import { migrate } from '../../db/migrate.ts';
import { openConfiguredDatabase } from '../../db/open.ts';
import { BackupError, createBackup, openBackup, restoreBackup } from './backup.ts';
import { collectDataFiles, describeFiles, placeDataFiles } from './files.ts';
import { moveTo } from './migrate-to.ts';
import { formatSums } from './tables.ts';

/** The terminal side of backup, restore and migrate-to (cli.ts dispatches here). */

const out = (line: string) => process.stdout.write(`${line}\n`);

export async function backupCommand(config: Config, what: { file: string } | { verify: string }): Promise<void> {
  if ('verify' in what) {
    const backup = await openBackup(path.resolve(what.verify));
    backup.close();
    const { manifest } = backup;
    const rows = manifest.parts.reduce((n, p) => n + p.rows, 0);
    out(
      `vetplan: the backup is intact: ${manifest.parts.length} tables, ${rows} rows, ${describeFiles(manifest.files ?? [])}, ` +
        `made ${manifest.createdAt} from ${manifest.engine}, every part and file matches its SHA-256`,
    );
    return;
  }
  const file = path.resolve(what.file);
  if (fs.existsSync(file)) throw new BackupError(`${file} exists already; choose a new file name`);
  const database = await openConfiguredDatabase(config);
  try {
    const manifest = await createBackup(database.db, database.engine, file, { dataDir: config.dataDir });
    out(formatSums(new Map(manifest.parts.map((p) => [p.table, p]))));
    out(`vetplan: ${describeFiles(manifest.files ?? [])} from ${config.dataDir}`);
    out(
      `vetplan: wrote ${file} (${fs.statSync(file).size} bytes, ${manifest.parts.length} tables, ` +
        `${manifest.files?.length ?? 0} files, from ` +
        `${database.engine === 'pglite' ? 'the embedded database' : `PostgreSQL ${database.location}`})`,
    );
  } finally {
    await database.close();
  }
}

export async function restoreCommand(config: Config, file: string): Promise<void> {
  // The file is checked before the database is even opened: a bad file changes nothing.
  const backup = await openBackup(path.resolve(file));
  try {
    const database = await openConfiguredDatabase(config);
    try {
      await migrate(database.db);
      const report = await restoreBackup(database.db, backup, config.dataDir);
      await database.checkpoint();
      out(formatSums(report.sums, new Map(report.manifest.parts.map((p) => [p.table, p]))));
      out(
        `vetplan: ${describeFiles(report.manifest.files ?? [])} in ${config.dataDir}: ${report.files!.written} written, ` +
          `${report.files!.unchanged} already there; every SHA-256 matches`,
      );
      out(
        `vetplan: restored ${path.resolve(file)} (made ${report.manifest.createdAt}) into ` +
          `${database.engine === 'pglite' ? `the embedded database in ${database.location}` : `PostgreSQL ${database.location}`}`,
      );
    } finally {
      await database.close();
    }
  } finally {
    backup.close();
  }
}

/**
 * Moves the rows to PostgreSQL; the files under DATA_DIR are not in the database:
 * with `filesTo` they are copied there (each checked), otherwise the last lines say where they are.
 */
export async function migrateToCommand(config: Config, url: string, filesTo?: string): Promise<void> {
  if (config.databaseUrl)
    throw new BackupError('migrate-to moves an embedded installation: unset DATABASE_URL and point DATA_DIR at the installation');
  if (!/^postgres(ql)?:\/\//.test(url)) throw new BackupError(`"${redactUrl(url)}" must start with postgres:// or postgresql://`);
  const source = await openConfiguredDatabase(config);
  try {
    await migrate(source.db);
    const target = await openPostgres(url, 2);
    try {
      await migrate(target.db);
      const report = await moveTo(source.db, target.db);
      out(formatSums(report.source, report.target));
      if (report.chain.broken) {
        throw new BackupError(
          `the history of values on the target is broken at entry ${report.chain.broken.id}: ${report.chain.broken.reason}`,
        );
      }
      out(`vetplan: the history of values is intact on the target (${report.chain.entries} entries)`);
      out(
        `vetplan: moved ${source.location} to ${redactUrl(url)}; every table's rows and SHA-256 match. ` +
          `Start vetplan with DATABASE_URL set to it.`,
      );
      out(await moveDataFiles(config.dataDir, filesTo));
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

/** Copies the files under DATA_DIR to `filesTo`, or says where they must go. */
async function moveDataFiles(dataDir: string, filesTo: string | undefined): Promise<string> {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-files-'));
  try {
    const files = await collectDataFiles(dataDir, staging);
    if (!filesTo) {
      if (!files.length) return `vetplan: there are no files under ${dataDir} (evidence, report exports) to carry over`;
      return (
        `vetplan: the ${describeFiles(files)} are not in the database: keep DATA_DIR=${dataDir} for the new server, ` +
        `or copy the folders evidence/ and reports/ from ${dataDir} into its DATA_DIR (or run migrate-to again with --files-to <its ` +
        `DATA_DIR>)`
      );
    }
    const target = path.resolve(filesTo);
    const copied = await placeDataFiles(files, staging, target);
    return (
      `vetplan: copied the ${describeFiles(files)} to ${target} (${copied.written} written, ${copied.unchanged} already there); ` +
      `every SHA-256 matches. Start the new server with DATA_DIR=${target}.`
    );
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
