import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      return { name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
}

/**
 * Applies the SQL files of `migrations/` in name order, each in its own
 * transaction, and records them. An applied file that has since changed stops
 * the start: migrations are history and are never edited.
 */
export async function migrate(db: Kysely<Database>, files = readMigrations()): Promise<string[]> {
  await sql`create table if not exists schema_migration (
    name text primary key,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`.execute(db);
  const applied: string[] = [];
  for (const file of files) {
    const done = await db.transaction().execute(async (trx) => {
      // Two servers starting against one PostgreSQL database migrate one at a time.
      await sql`select pg_advisory_xact_lock(7403001)`.execute(trx);
      const row = await trx.selectFrom('schema_migration').select('checksum').where('name', '=', file.name).executeTakeFirst();
      if (row) {
        if (row.checksum !== file.checksum) {
          throw new Error(`Migration ${file.name} was changed after it was applied; add a new migration instead`);
        }
        return false;
      }
      await sql.raw(file.sql).execute(trx);
      await trx.insertInto('schema_migration').values({ name: file.name, checksum: file.checksum }).execute();
      return true;
    });
    if (done) applied.push(file.name);
  }
  return applied;
}
