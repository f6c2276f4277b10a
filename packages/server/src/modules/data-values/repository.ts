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

/** Stored values of exactly the given unit-periods. */
export async function valuesOfUnitPeriods(db: Kysely<Database>, unitPeriods: { org: string; period: string }[]): Promise<StoredValue[]> {
  if (unitPeriods.length === 0) return [];
  const result = await sql<StoredValue>`
    select v.* from data_value v
    join unnest(${unitPeriods.map((u) => u.org)}::text[], ${unitPeriods.map((u) => u.period)}::text[]) as u(org, period)
      on v.org_code = u.org and v.period = u.period`.execute(db);
  return result.rows;
}

/** Serialises writers of the same units and periods, on both engines. */
export async function lockUnitPeriods(db: Kysely<Database>, keys: string[]): Promise<void> {
  const unique = [...new Set(keys)].sort();
  if (unique.length === 0) return;
  // One statement, locks taken in a fixed order so that two writers cannot deadlock.
  await sql`select count(pg_advisory_xact_lock(hashtext(k))) from (select k from unnest(${unique}::text[]) as k
    order by k) as ordered`.execute(db);
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
