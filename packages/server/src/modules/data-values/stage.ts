import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { ownerAlive, processTag } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';

/** A checked row as staged: a write (value) or a deletion (null), with its row number in the file. */
export interface StagedRow {
  row: number;
  element: string;
  period: string;
  org: string;
  disagg: string;
  value: number | null;
  comment: string | null;
}

/** One unit and period, the unit of the validation rules and of the write locks. */
export interface UnitPeriod {
  org: string;
  period: string;
}

const PREFIX = 'import_stage_';

/**
 * The rows of one import, held in the database between reading the file and
 * writing it: an unlogged table of its own (no WAL, no indexes while it
 * fills), visible to every connection, dropped when the import ends. Its
 * comment names the process that made it, so that a stage a crash left
 * behind can be told from one still in use (dropLeftStages).
 */
export class Stage {
  private constructor(
    private readonly db: Kysely<Database>,
    readonly table: string,
  ) {}

  static async create(db: Kysely<Database>): Promise<Stage> {
    const stage = new Stage(db, `${PREFIX}${randomBytes(6).toString('hex')}`);
    await db.transaction().execute(async (trx) => {
      await sql`create unlogged table ${stage.ref} (row integer not null, element text not null, period text not null,
        org text not null, disagg text not null, value numeric, comment text)`.execute(trx);
      await sql`comment on table ${stage.ref} is ${sql.lit(processTag())}`.execute(trx);
    });
    return stage;
  }

  /** The table, for queries written elsewhere. */
  get ref() {
    return sql.table(this.table);
  }

  async append(rows: StagedRow[]): Promise<void> {
    if (rows.length === 0) return;
    await sql`
      insert into ${this.ref} (row, element, period, org, disagg, value, comment)
      select * from unnest(${rows.map((r) => r.row)}::int[], ${rows.map((r) => r.element)}::text[],
        ${rows.map((r) => r.period)}::text[], ${rows.map((r) => r.org)}::text[],
                           ${rows.map((r) => r.disagg)}::text[], ${rows.map((r) => r.value)}::numeric[],
                             ${rows.map((r) => r.comment)}::text[])`.execute(this.db);
  }

  /** Indexes built once the table is full (cheaper than maintaining them row by row). */
  async index(): Promise<void> {
    await sql`create index on ${this.ref} (org, period)`.execute(this.db);
    await sql`create index on ${this.ref} (row)`.execute(this.db);
    await sql`analyze ${this.ref}`.execute(this.db);
  }

  async unitPeriods(db: Kysely<Database> = this.db): Promise<UnitPeriod[]> {
    const result = await sql<UnitPeriod>`select distinct org, period from ${this.ref} order by org, period`.execute(db);
    return result.rows;
  }

  /** The staged rows of some units and periods (in no particular order). */
  async rowsOf(unitPeriods: UnitPeriod[], db: Kysely<Database> = this.db): Promise<StagedRow[]> {
    if (unitPeriods.length === 0) return [];
    const result = await sql<StagedRow>`
      select s.row, s.element, s.period, s.org, s.disagg, s.value, s.comment
      from ${this.ref} s join unnest(${unitPeriods.map((u) => u.org)}::text[], ${unitPeriods.map((u) => u.period)}::text[])
        as u(org, period)
        on s.org = u.org and s.period = u.period`.execute(db);
    return result.rows;
  }

  async remove(rows: number[], db: Kysely<Database> = this.db): Promise<void> {
    if (rows.length > 0) await sql`delete from ${this.ref} where row = any(${rows}::int[])`.execute(db);
  }

  async drop(): Promise<void> {
    await sql`drop table if exists ${this.ref}`.execute(this.db);
  }
}

/**
 * Drops the stages of imports whose process is gone (a crash or a kill
 * between reading a file and finishing it): at start-up and with the sweep of
 * dead imports. The embedded database has one process, this one; on a
 * PostgreSQL server a stage whose process still has a connection (its
 * application_name) is in use and left alone. Returns how many were dropped.
 */
export async function dropLeftStages(db: Kysely<Database>): Promise<number> {
  // A stage with no owner (made before stages named theirs) matches no live process.
  const owner = sql`obj_description(c.oid, 'pg_class')`;
  const left = await sql<{ name: string }>`
    select c.relname as name from pg_class c
    where c.relkind = 'r' and pg_table_is_visible(c.oid) and starts_with(c.relname, ${PREFIX})
      and ${owner} is distinct from ${processTag()} and not ${ownerAlive(db, owner)}`.execute(db);
  for (const { name } of left.rows) await sql`drop table if exists ${sql.table(name)}`.execute(db);
  return left.rows.length;
}
