import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
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

/**
 * The rows of one import, held in the database between reading the file and
 * writing it: an unlogged table of its own (no WAL, no indexes while it
 * fills), visible to every connection, dropped when the import ends.
 */
export class Stage {
  private constructor(
    private readonly db: Kysely<Database>,
    readonly table: string,
  ) {}

  static async create(db: Kysely<Database>): Promise<Stage> {
    const stage = new Stage(db, `import_stage_${randomBytes(6).toString('hex')}`);
    await sql`create unlogged table ${sql.table(stage.table)} (row integer not null, element text not null, period text not null, org text not null, disagg text not null, value numeric, comment text)`.execute(db);
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
      select * from unnest(${rows.map((r) => r.row)}::int[], ${rows.map((r) => r.element)}::text[], ${rows.map((r) => r.period)}::text[], ${rows.map((r) => r.org)}::text[],
                           ${rows.map((r) => r.disagg)}::text[], ${rows.map((r) => r.value)}::numeric[], ${rows.map((r) => r.comment)}::text[])`.execute(this.db);
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
      from ${this.ref} s join unnest(${unitPeriods.map((u) => u.org)}::text[], ${unitPeriods.map((u) => u.period)}::text[]) as u(org, period)
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
