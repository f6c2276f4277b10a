import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export type Row = Record<string, unknown>;

/**
 * Inserts rows or updates them in place when their key exists, so that
 * loading the same catalogue twice leaves the database as after once.
 */
export async function upsert(db: Kysely<Database>, table: keyof Database, keys: string[], rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const updates = columns.filter((c) => !keys.includes(c));
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    await db
      .insertInto(table)
      .values(batch as never)
      .onConflict((oc) =>
        updates.length === 0
          ? oc.columns(keys as never).doNothing()
          : oc.columns(keys as never).doUpdateSet(Object.fromEntries(updates.map((c) => [c, sql.ref(`excluded.${c}`)])) as never),
      )
      .execute();
  }
}

/** Deletes a plan's rows that the catalogue no longer lists. */
export async function prune(
  db: Kysely<Database>,
  table: 'target' | 'task' | 'task_group' | 'plan_basis' | 'plan_rule',
  plan: string,
  keep: string[],
  keyColumn = 'code',
): Promise<void> {
  await sql`delete from ${sql.table(table)} where plan_code = ${plan} and not (${sql.ref(keyColumn)} = any(${keep}::text[]))`.execute(db);
}
