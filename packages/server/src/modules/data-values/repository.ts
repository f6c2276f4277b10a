import { sql, type Kysely, type Selectable } from 'kysely';
import type { DataValueTable, Database } from '../../db/schema.ts';
import { chainHead, entryHash } from './audit-chain.ts';

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

export interface CellWrite {
  element: string;
  period: string;
  org: string;
  disagg: string;
  value: number;
  comment: string | null;
}

/** Rows per statement: the columns travel as arrays (unnest), so a statement has a handful of parameters however many rows it carries. */
const CHUNK = 10_000;

export async function upsertValues(db: Kysely<Database>, writes: CellWrite[], actor: string, at: Date): Promise<void> {
  for (let i = 0; i < writes.length; i += CHUNK) {
    const chunk = writes.slice(i, i + CHUNK);
    await sql`
      insert into data_value (element_code, period, org_code, disagg, value, comment, updated_at, updated_by)
      select e, p, o, d, v, c, ${at}::timestamptz, ${actor}
      from unnest(${chunk.map((w) => w.element)}::text[], ${chunk.map((w) => w.period)}::text[], ${chunk.map((w) => w.org)}::text[],
                  ${chunk.map((w) => w.disagg)}::text[], ${chunk.map((w) => w.value)}::numeric[],
                    ${chunk.map((w) => w.comment)}::text[]) as t(e, p, o, d, v, c)
      on conflict (element_code, period, org_code, disagg) do update
        set value = excluded.value, comment = excluded.comment, updated_at = excluded.updated_at,
            updated_by = excluded.updated_by, version = data_value.version + 1`.execute(db);
  }
}

export async function deleteValues(db: Kysely<Database>, cells: Omit<CellWrite, 'value' | 'comment'>[]): Promise<void> {
  for (let i = 0; i < cells.length; i += CHUNK) {
    const chunk = cells.slice(i, i + CHUNK);
    await sql`
      delete from data_value v
      using unnest(${chunk.map((c) => c.element)}::text[], ${chunk.map((c) => c.period)}::text[], ${chunk.map((c) => c.org)}::text[],
        ${chunk.map((c) => c.disagg)}::text[]) as t(e, p, o, d)
      where v.element_code = t.e and v.period = t.p and v.org_code = t.o and v.disagg = t.d`.execute(db);
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

/** Appends history entries, each hash-chained to the one before (see audit-chain.ts). */
export async function insertAudit(
  db: Kysely<Database>,
  entries: AuditWrite[],
  source: 'entry' | 'import' | 'api',
  actor: string,
  at: Date,
): Promise<void> {
  if (entries.length === 0) return;
  let previous = await chainHead(db);
  const hashes = entries.map((e) => (previous = entryHash(previous, { ...e, source, actor, at })));
  for (let i = 0; i < entries.length; i += CHUNK) {
    const chunk = entries.slice(i, i + CHUNK);
    const chunkHashes = hashes.slice(i, i + CHUNK);
    await sql`
      insert into data_value_audit (element_code, period, org_code, disagg, action, old_value, new_value, old_comment, new_comment,
        source, actor, at, hash)
      select e, p, o, d, a, ov, nv, oc, nc, ${source}, ${actor}, ${at}::timestamptz, h
      from unnest(${chunk.map((x) => x.element)}::text[], ${chunk.map((x) => x.period)}::text[], ${chunk.map((x) => x.org)}::text[],
        ${chunk.map((x) => x.disagg)}::text[],
                  ${chunk.map((x) => x.action)}::text[], ${chunk.map((x) => x.oldValue)}::numeric[],
                    ${chunk.map((x) => x.newValue)}::numeric[],
                  ${chunk.map((x) => x.oldComment)}::text[], ${chunk.map((x) => x.newComment)}::text[], ${chunkHashes}::text[])
                    with ordinality as t(e, p, o, d, a, ov, nv, oc, nc, h, n)
      order by n`.execute(db);
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
