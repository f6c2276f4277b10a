import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * The engine-neutral logical copy that backup, restore and migrate-to share:
 * every table of the schema as JSON lines (`row_to_json`), read in a fixed
 * order that does not depend on the server's collation, so the same rows give
 * the same SHA-256 on PGlite and on any PostgreSQL server.
 */

type Db = Kysely<Database> | Transaction<Database>;

export interface TableInfo {
  name: string;
  /** ORDER BY of the copy: the primary key (text compared byte-wise), else the whole row. */
  orderBy: string;
  /** A foreign key to itself: its rows go in one statement, so a child may come before its parent. */
  selfReferencing: boolean;
  /** Columns fed by a sequence (identity or serial), moved past the copied maximum after a load. */
  sequenceColumns: string[];
}

export interface TableSum {
  rows: number;
  sha256: string;
}

/**
 * Migrations are history, not data: each side has its own record of them. Import stages (`import_stage_*`) are scratch tables of imports
 * under way.
 */
const NOT_COPIED = new Set(['schema_migration']);

/**
 * Not data either: import stages are scratch tables of imports under way, and the analytics aggregate is
 * computed from the data (after a restore or a move it is marked stale and rebuilt on the next read).
 */
const DERIVED_PREFIXES = ['import_stage_', 'analytics_'];

/** Tables whose migration writes default rows (rules, due days, links): an empty installation already has them. */
export const SEEDED_BY_MIGRATIONS = new Set(['task_due_rule', 'task_group_indicator', 'evaluation_rule']);

/** After rows were replaced wholesale, the analytics aggregate no longer matches them: the next read rebuilds it. */
export async function markAnalyticsStale(db: Db): Promise<void> {
  await sql`update analytics_state set stale = true`.execute(db);
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The tables of the current schema, parents before the tables that reference them. */
export async function listTables(db: Db): Promise<TableInfo[]> {
  const columns = await sql<{ table: string; column: string; category: string; pk: number | null; sequence: string | null }>`
    select c.relname as "table", a.attname as "column", t.typcategory as category,
           array_position(i.indkey::int2[], a.attnum) as pk,
           pg_get_serial_sequence(quote_ident(c.relname), a.attname) as sequence
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    join pg_type t on t.oid = a.atttypid
    left join pg_index i on i.indrelid = c.oid and i.indisprimary
    where n.nspname = current_schema() and c.relkind = 'r'
    order by c.relname, a.attnum`.execute(db);
  const links = await sql<{ child: string; parent: string }>`
    select c.relname as child, p.relname as parent
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_class p on p.oid = k.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where k.contype = 'f' and n.nspname = current_schema()`.execute(db);

  const byTable = new Map<string, TableInfo & { keys: { column: string; position: number; text: boolean }[] }>();
  for (const c of columns.rows) {
    if (NOT_COPIED.has(c.table) || DERIVED_PREFIXES.some((prefix) => c.table.startsWith(prefix))) continue;
    let t = byTable.get(c.table);
    if (!t) byTable.set(c.table, (t = { name: c.table, orderBy: '', selfReferencing: false, sequenceColumns: [], keys: [] }));
    if (c.pk !== null) t.keys.push({ column: c.column, position: Number(c.pk), text: c.category === 'S' });
    if (c.sequence !== null) t.sequenceColumns.push(c.column);
  }
  for (const t of byTable.values()) {
    t.orderBy = t.keys.length
      ? t.keys
          .sort((a, b) => a.position - b.position)
          .map((k) => `${ident(k.column)}${k.text ? ' collate "C"' : ''}`)
          .join(', ')
      : `row_to_json(${ident(t.name)})::text collate "C"`;
  }
  const parents = new Map<string, Set<string>>();
  for (const l of links.rows) {
    if (l.child === l.parent) byTable.get(l.child)!.selfReferencing = true;
    else if (byTable.has(l.child) && byTable.has(l.parent)) parents.set(l.child, (parents.get(l.child) ?? new Set()).add(l.parent));
  }
  // Depth-first: a table comes after every table it references.
  const ordered: TableInfo[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const p of [...(parents.get(name) ?? [])].sort()) visit(p);
    const { keys: _keys, ...info } = byTable.get(name)!;
    ordered.push(info);
  };
  for (const name of [...byTable.keys()].sort()) visit(name);
  return ordered;
}

/**
 * Sets the session up so that the JSON text of a row is the same on every
 * server: timestamps in UTC. Call inside the transaction that reads or writes.
 */
export async function neutralSession(trx: Transaction<Database>): Promise<void> {
  await sql`set local timezone = 'UTC'`.execute(trx);
  await sql`set local extra_float_digits = 1`.execute(trx);
}

/** The rows of a table as JSON text, in the copy's order, a batch at a time (a cursor: call inside a transaction). */
export async function* tableLines(trx: Transaction<Database>, table: TableInfo, batch = 2000): AsyncGenerator<string[]> {
  const cursor = `vetplan_copy_${table.name}`;
  await sql
    .raw(
      `declare ${ident(cursor)} no scroll cursor for select row_to_json(${ident(table.name)})::text as j from ${ident(table.name)} ` +
        `order by ${table.orderBy}`,
    )
    .execute(trx);
  try {
    for (;;) {
      const { rows } = await sql.raw<{ j: string }>(`fetch forward ${batch} from ${ident(cursor)}`).execute(trx);
      if (rows.length === 0) return;
      yield rows.map((r) => r.j);
    }
  } finally {
    await sql.raw(`close ${ident(cursor)}`).execute(trx);
  }
}

/** Hashes lines as they pass: SHA-256 over each line followed by a newline, the same bytes a backup part holds. */
export class LineSum {
  private readonly hash = createHash('sha256');
  rows = 0;
  add(lines: string[]): void {
    for (const line of lines) this.hash.update(line).update('\n');
    this.rows += lines.length;
  }
  result(): TableSum {
    return { rows: this.rows, sha256: this.hash.copy().digest('hex') };
  }
}

/** Row counts and checksums of every copied table, read in one consistent snapshot. */
export async function tableSums(db: Kysely<Database>): Promise<Map<string, TableSum>> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await neutralSession(trx);
      return sumsWithin(trx, await listTables(trx));
    });
}

export async function sumsWithin(trx: Transaction<Database>, tables: TableInfo[]): Promise<Map<string, TableSum>> {
  const sums = new Map<string, TableSum>();
  for (const t of tables) {
    const sum = new LineSum();
    for await (const lines of tableLines(trx, t)) sum.add(lines);
    sums.set(t.name, sum.result());
  }
  return sums;
}

/** Inserts JSON lines into a table, keeping identity values as they were. */
export async function insertLines(trx: Transaction<Database>, table: TableInfo, lines: string[]): Promise<void> {
  if (lines.length === 0) return;
  await sql`insert into ${sql.raw(ident(table.name))} overriding system value select * from
    json_populate_recordset(null::${sql.raw(ident(table.name))}, ${`[${lines.join(',')}]`}::json)`.execute(trx);
}

/** Moves each sequence past the largest copied value, so new rows do not collide with copied ones. */
export async function resetSequences(trx: Transaction<Database>, tables: TableInfo[]): Promise<void> {
  for (const t of tables) {
    for (const column of t.sequenceColumns) {
      await sql
        .raw(
          `select setval(pg_get_serial_sequence('${ident(t.name)}', '${column}'), coalesce((select max(${ident(column)}) ` +
            `from ${ident(t.name)}), 0) + 1, false)`,
        )
        .execute(trx);
    }
  }
}

/** Empties every copied table (in one statement, so references between them do not matter). */
export async function emptyTables(trx: Transaction<Database>, tables: TableInfo[]): Promise<void> {
  if (tables.length) await sql.raw(`truncate ${tables.map((t) => ident(t.name)).join(', ')} restart identity`).execute(trx);
}

/** Names of the applied migrations, in order. */
export async function appliedMigrations(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('schema_migration').select('name').orderBy('name').execute();
  return rows.map((r) => r.name);
}

/** Compares two sets of sums; returns one line per table that differs. */
export function sumDifferences(expected: Map<string, TableSum>, actual: Map<string, TableSum>): string[] {
  const names = [...new Set([...expected.keys(), ...actual.keys()])].sort();
  return names.flatMap((name) => {
    const e = expected.get(name);
    const a = actual.get(name);
    if (!e) return [`${name}: not in the source`];
    if (!a) return [`${name}: missing`];
    if (e.rows !== a.rows) return [`${name}: ${a.rows} rows instead of ${e.rows}`];
    if (e.sha256 !== a.sha256) return [`${name}: checksum ${a.sha256.slice(0, 12)}… instead of ${e.sha256.slice(0, 12)}…`];
    return [];
  });
}

/** A table of counts and checksums for the terminal. */
export function formatSums(sums: Map<string, TableSum>, verified: Map<string, TableSum> | null = null): string {
  const width = Math.max(5, ...[...sums.keys()].map((n) => n.length));
  const lines = [
    `${'table'.padEnd(width)}  ${'rows'.padStart(9)}  ` +
      `sha-256${verified ? '                                                            check' : ''}`,
  ];
  for (const [name, s] of sums) {
    const v = verified?.get(name);
    const mark = verified ? (v && v.rows === s.rows && v.sha256 === s.sha256 ? '  ok' : '  DIFFERS') : '';
    lines.push(`${name.padEnd(width)}  ${String(s.rows).padStart(9)}  ${s.sha256}${mark}`);
  }
  return lines.join('\n');
}
