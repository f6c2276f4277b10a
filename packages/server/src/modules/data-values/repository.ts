import { sql, type Kysely, type Selectable } from 'kysely';
import type { DataValueTable, Database } from '../../db/schema.ts';

export type StoredValue = Selectable<DataValueTable>;

export function cellKey(element: string, period: string, org: string, disagg: string): string {
  return `${element}|${period}|${org}|${disagg}`;
}

/** Stored values of the given units and periods (a superset of the cells a batch touches). */
export async function valuesOf(db: Kysely<Database>, orgs: string[], periods: string[]): Promise<StoredValue[]> {
  if (orgs.length === 0 || periods.length === 0) return [];
  return db.selectFrom('data_value').selectAll().where('org_code', 'in', orgs).where('period', 'in', periods).execute();
}

/** Serialises writers of the same units and periods, on both engines. */
export async function lockUnitPeriods(db: Kysely<Database>, keys: string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(db);
}

export interface CellWrite {
  element: string;
  period: string;
  org: string;
  disagg: string;
  value: number;
  comment: string | null;
}

export async function upsertValues(db: Kysely<Database>, writes: CellWrite[], actor: string, at: Date): Promise<void> {
  for (let i = 0; i < writes.length; i += 1000) {
    await db
      .insertInto('data_value')
      .values(
        writes.slice(i, i + 1000).map((w) => ({
          element_code: w.element,
          period: w.period,
          org_code: w.org,
          disagg: w.disagg,
          value: w.value,
          comment: w.comment,
          updated_at: at,
          updated_by: actor,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['element_code', 'period', 'org_code', 'disagg']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          comment: eb.ref('excluded.comment'),
          updated_at: eb.ref('excluded.updated_at'),
          updated_by: eb.ref('excluded.updated_by'),
          version: sql`data_value.version + 1`,
        })),
      )
      .execute();
  }
}

export async function deleteValues(db: Kysely<Database>, cells: Omit<CellWrite, 'value' | 'comment'>[]): Promise<void> {
  for (const c of cells) {
    await db
      .deleteFrom('data_value')
      .where('element_code', '=', c.element)
      .where('period', '=', c.period)
      .where('org_code', '=', c.org)
      .where('disagg', '=', c.disagg)
      .execute();
  }
}

export interface AuditWrite {
  element: string;
  period: string;
  org: string;
  disagg: string;
  action: 'create' | 'update' | 'delete';
  oldValue: number | null;
  newValue: number | null;
  oldComment: string | null;
  newComment: string | null;
}

export async function insertAudit(db: Kysely<Database>, entries: AuditWrite[], source: 'entry' | 'import' | 'api', actor: string, at: Date): Promise<void> {
  for (let i = 0; i < entries.length; i += 1000) {
    await db
      .insertInto('data_value_audit')
      .values(
        entries.slice(i, i + 1000).map((e) => ({
          element_code: e.element,
          period: e.period,
          org_code: e.org,
          disagg: e.disagg,
          action: e.action,
          old_value: e.oldValue,
          new_value: e.newValue,
          old_comment: e.oldComment,
          new_comment: e.newComment,
          source,
          actor,
          at,
        })),
      )
      .execute();
  }
}

export interface ValueFilter {
  elements: string[] | null;
  periods: string[] | null;
  orgs: string[];
}

export function listValues(db: Kysely<Database>, filter: ValueFilter): Promise<StoredValue[]> {
  if (filter.orgs.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('data_value')
    .selectAll()
    .where('org_code', 'in', filter.orgs)
    .$if(filter.elements !== null, (q) => q.where('element_code', 'in', filter.elements!.length ? filter.elements! : ['']))
    .$if(filter.periods !== null, (q) => q.where('period', 'in', filter.periods!.length ? filter.periods! : ['']))
    .orderBy('element_code')
    .orderBy('period')
    .orderBy('org_code')
    .orderBy('disagg')
    .execute();
}
