import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isRole, ROLES } from '@vetplan/domain';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createContext } from './context.ts';
import { DataDirLockedError } from './db/data-dir-lock.ts';
import { backupCommand, migrateToCommand, restoreCommand } from './modules/backup/commands.ts';
import { BackupError } from './modules/backup/backup.ts';
import { migrate } from './db/migrate.ts';
import { openConfiguredDatabase } from './db/open.ts';
import { AppError } from './http/errors.ts';
import { authContextFor, createApiToken } from './modules/auth/service.ts';
import { verifyChain } from './modules/data-values/audit-chain.ts';
import { importBatches } from './modules/data-values/import.ts';
import { batchesOf, csvBatches, estimateCsvRows, rowsFromJson } from './modules/data-values/input.ts';
import { newPassword } from './access/secrets.ts';
import { loadCatalog } from './modules/catalog/load.ts';
import { CatalogError } from './modules/catalog/reader.ts';
import { createUser } from './modules/users/service.ts';
import { TOKEN_DEFAULT_DAYS } from './modules/tokens/service.ts';
import { TOKEN_MAX_DAYS } from './modules/tokens/schema.ts';
import { keepDataPrivate } from './private-data.ts';
import { serve } from './server.ts';
import { ensureAggregates, rebuildAggregates } from './modules/analytics/aggregate.ts';
import { describeRemoval, removeDemoData } from './modules/demo/service.ts';

const USAGE = `vetplan — runs a vocational education (GDNN) plan end to end

Usage: vetplan <command> [options]

Commands:
  serve                              start the web app and API (the default)
  migrate                            apply database migrations
  catalog load <dir>                 load or update a catalogue folder (areas, organisations, plan ...)
  user add <username> --role R --org CODE [--password P] [--name "Display name"] [--email ADDRESS]
                                     create a user (roles: ${ROLES.join(', ')}); without --password one is printed
  audit verify                       check that the history of values is complete and unaltered (hash chain)
  token create <username> [--name N] [--days N]
                                     create an API token for scripts (sent as Authorization: Bearer),
                                     valid N days (default 90, at most 365)
  import <file.csv|file.json> [--user U] [--partial]
                                     import data values in the exchange format, as user U (default admin);
                                     all-or-nothing unless --partial
  demo remove                        going live: remove the synthetic demo history (values and their history),
                                     keeping users, settings and everything people entered
  analytics rebuild                  recompute the analytics aggregate from all data values (repair)
  backup <file.tar.gz>               write every row, and the files under DATA_DIR, to a backup file
                                     with a SHA-256 manifest (embedded database: stop the server first)
  backup verify <file.tar.gz>        check a backup file against its manifest
  restore <file.tar.gz>              replace every row with a verified backup's and put its files back
                                     under DATA_DIR (stop the server first)
  migrate-to <postgres-url>          copy this embedded installation to an empty PostgreSQL database,
                                     checked table by table (counts, SHA-256) and by the history's hash chain
             [--files-to <dir>]      and copy the files under DATA_DIR (evidence, report exports) to <dir>

Configuration comes from environment variables (see README): PORT, DATA_DIR, DATABASE_URL, ...`;

class UsageError extends Error {}

/** Opens the database, migrates it, runs `fn` and closes it again. */
async function withDatabase<T>(config: Config, fn: (ctx: ReturnType<typeof createContext>) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase(config);
  try {
    await migrate(database.db);
    const result = await fn(createContext(database.db, config));
    await database.checkpoint();
    return result;
  } finally {
    await database.close();
  }
}

const OPTIONS = {
  role: { type: 'string' },
  org: { type: 'string' },
  password: { type: 'string' },
  name: { type: 'string' },
  email: { type: 'string' },
  days: { type: 'string' },
  user: { type: 'string' },
  partial: { type: 'boolean' },
  'files-to': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseCommandLine(argv: string[]) {
  return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
}

type Options = ReturnType<typeof parseCommandLine>['values'];

/** `vetplan migrate`: applies the pending migrations and says which. */
async function migrateCommand(config: Config): Promise<void> {
  const database = await openConfiguredDatabase(config);
  try {
    const applied = await migrate(database.db);
    await database.checkpoint();
    process.stdout.write(applied.length ? `vetplan: applied ${applied.join(', ')}\n` : 'vetplan: the database is up to date\n');
  } finally {
    await database.close();
  }
}

/** `vetplan catalog load <dir>`. */
async function catalogCommand(config: Config, sub: string | undefined, arg: string | undefined): Promise<void> {
  if (sub !== 'load' || !arg) throw new UsageError('usage: vetplan catalog load <dir>');
  const summary = await withDatabase(config, async (ctx) => {
    const loaded = await loadCatalog(ctx.db, path.resolve(arg), 'cli');
    // The hierarchy may have changed: rebuild the analytics aggregate now rather than at the first dashboard.
    await ensureAggregates(ctx.db);
    return loaded;
  });
  process.stdout.write(
    `vetplan: loaded catalogue ${summary.catalog}: ${summary.areas} areas, ${summary.organisations} organisations, ` +
      `${summary.elements} data elements, ${summary.indicators} indicators, plans ${summary.plans.join(', ')}\n`,
  );
}

/** `vetplan user add <username> ...`: without --password one is made and printed once. */
async function userCommand(config: Config, sub: string | undefined, arg: string | undefined, values: Options): Promise<void> {
  if (sub !== 'add' || !arg)
    throw new UsageError('usage: vetplan user add <username> --role ROLE --org CODE [--password P] [--name N] [--email ADDRESS]');
  if (!isRole(values.role)) throw new UsageError(`--role must be one of: ${ROLES.join(', ')}`);
  if (!values.org) throw new UsageError('--org CODE is required (an area or organisation code, e.g. 221 or 07681)');
  const password = values.password ?? newPassword();
  const user = await withDatabase(config, (ctx) =>
    createUser(
      ctx,
      {
        username: arg,
        password,
        role: values.role as never,
        org: values.org!,
        ...(values.name ? { displayName: values.name } : {}),
        ...(values.email ? { email: values.email } : {}),
      },
      { actor: null },
    ),
  );
  process.stdout.write(`vetplan: created user ${user.username} (${user.role}, ${user.scope.code} ${user.scope.name})\n`);
  if (!values.password) process.stdout.write(`password (shown once): ${password}\n`);
}

/** `vetplan import <file>`: data values in the exchange format, as --user (default admin). */
async function importCommand(config: Config, file: string | undefined, values: Options): Promise<void> {
  if (!file) throw new UsageError('usage: vetplan import <file.csv|file.json> [--user U] [--partial]');
  const text = fs.readFileSync(path.resolve(file), 'utf8');
  const json = file.toLowerCase().endsWith('.json') ? rowsFromJson(JSON.parse(text) as unknown) : null;
  const input = json ? { batches: batchesOf(json), total: json.rows.length } : { batches: csvBatches(text), total: estimateCsvRows(text) };
  const result = await withDatabase(config, async (ctx) =>
    importBatches(ctx, await authContextFor(ctx, values.user ?? 'admin'), input.batches, values.partial ? 'partial' : 'atomic', 'import', {
      total: input.total,
      onProgress: (p) => {
        if (process.stderr.isTTY) process.stderr.write(`\r${p.phase} ${p.processed}/${p.total}   `);
      },
    }),
  );
  if (process.stderr.isTTY) process.stderr.write('\n');
  process.stdout.write(
    `vetplan: created ${result.created}, updated ${result.updated}, deleted ${result.deleted}, unchanged ${result.unchanged}\n`,
  );
  for (const e of result.errors) process.stdout.write(`  row ${e.row}${e.column ? ` (${e.column})` : ''}: ${e.messageEn}\n`);
}

/** `vetplan audit verify`: exits 1 when the hash chain is broken. */
async function auditCommand(config: Config, sub: string | undefined): Promise<void> {
  if (sub !== 'verify') throw new UsageError('usage: vetplan audit verify');
  const report = await withDatabase(config, (ctx) => verifyChain(ctx.db));
  if (report.broken) {
    process.stderr.write(
      `vetplan: the history of values is broken at entry ${report.broken.id}: ${report.broken.reason} (${report.entries} entries ` +
        `before it are intact)\n`,
    );
    process.exit(1);
  }
  process.stdout.write(`vetplan: the history of values is intact (${report.entries} entries)\n`);
}

/** `vetplan token create <username>`: prints the new API token. */
async function tokenCommand(config: Config, sub: string | undefined, arg: string | undefined, values: Options): Promise<void> {
  if (sub !== 'create' || !arg) throw new UsageError('usage: vetplan token create <username> [--name NAME] [--days N]');
  const days = values.days === undefined ? TOKEN_DEFAULT_DAYS : Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > TOKEN_MAX_DAYS)
    throw new UsageError(`--days must be a whole number from 1 to ${TOKEN_MAX_DAYS}`);
  const token = await withDatabase(config, (ctx) => createApiToken(ctx, arg, values.name ?? 'cli', days));
  process.stdout.write(`${token}\n`);
}

/** `vetplan demo remove`: going live. */
async function demoCommand(config: Config, sub: string | undefined): Promise<void> {
  if (sub !== 'remove') throw new UsageError('usage: vetplan demo remove');
  const removal = await withDatabase(config, (ctx) => removeDemoData(ctx, null));
  const text = describeRemoval(removal);
  process.stdout.write(`vetplan: ${text.vi}\nvetplan: ${text.en}\n`);
}

/** `vetplan analytics rebuild`. */
async function analyticsCommand(config: Config, sub: string | undefined): Promise<void> {
  if (sub !== 'rebuild') throw new UsageError('usage: vetplan analytics rebuild');
  const summary = await withDatabase(config, (ctx) => rebuildAggregates(ctx.db));
  process.stdout.write(
    `vetplan: rebuilt the analytics aggregate in ${Math.round(summary!.ms)} ms (${summary!.unitFigures} unit figures, ` +
      `${summary!.areaFigures} area figures)\n`,
  );
}

async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommandLine(argv);
  const [command = 'serve', sub, arg] = positionals;
  if (values.help || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const config = loadConfig();
  keepDataPrivate(config.dataDir);
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate':
      return migrateCommand(config);
    case 'catalog':
      return catalogCommand(config, sub, arg);
    case 'user':
      return userCommand(config, sub, arg, values);
    case 'import':
      return importCommand(config, sub, values);
    case 'audit':
      return auditCommand(config, sub);
    case 'token':
      return tokenCommand(config, sub, arg, values);
    case 'demo':
      return demoCommand(config, sub);
    case 'analytics':
      return analyticsCommand(config, sub);
    case 'backup':
      if (!sub || (sub === 'verify' && !arg))
        throw new UsageError('usage: vetplan backup <file.tar.gz> | vetplan backup verify <file.tar.gz>');
      return backupCommand(config, sub === 'verify' ? { verify: arg! } : { file: sub });
    case 'restore':
      if (!sub) throw new UsageError('usage: vetplan restore <file.tar.gz>');
      return restoreCommand(config, sub);
    case 'migrate-to':
      if (!sub) throw new UsageError('usage: vetplan migrate-to <postgres-url> [--files-to <dir>]');
      return migrateToCommand(config, sub, values['files-to']);
    default:
      throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
  }
}

export async function main(argv: string[]): Promise<void> {
  try {
    await run(argv);
  } catch (error) {
    let message: string;
    if (
      error instanceof ConfigError ||
      error instanceof CatalogError ||
      error instanceof DataDirLockedError ||
      error instanceof UsageError ||
      error instanceof BackupError
    ) {
      message = error.message;
    } else if (error instanceof AppError) {
      const rows = Array.isArray(error.extra.errors)
        ? (error.extra.errors as { row: number; column: string | null; messageEn: string }[])
        : [];
      message = [
        error.messageEn,
        ...error.details.map((d) => `  - ${d.path}: ${d.messageEn}`),
        ...rows.map((e) => `  - row ${e.row}${e.column ? ` (${e.column})` : ''}: ${e.messageEn}`),
      ].join('\n');
    } else {
      message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    }
    process.stderr.write(`vetplan: ${message}\n`);
    process.exit(error instanceof DataDirLockedError ? 75 : 1);
  }
}
