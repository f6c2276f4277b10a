import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { refreshAggregates, type TouchedCell } from '../analytics/aggregate.ts';
import { chainHead, entryHash } from './audit-chain.ts';
import type { StagedRow } from './stage.ts';

/**
 * The one value writer. Every figure that reaches `data_value` (a typed cell, a paged import, an Excel upload) goes through
 * `writeRows`: each row compared with the stored value (create, update, delete or unchanged), the changed values upserted or
 * deleted, the analytics aggregate refreshed for them now or by the caller later, and last (so that the chain lock is held only
 * for a moment) their history entries, hash-chained and inserted in row order. The rows come from a source read as
 * `s(row, element, period, org, disagg, value, comment)`: an import's stage table, or rows given inline.
 */

export interface ApplyCounts {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

export const noCounts = (): ApplyCounts => ({ created: 0, updated: 0, deleted: 0, unchanged: 0 });

/** Who writes, as the history records it. */
export interface ValueAuthor {
  source: 'entry' | 'import' | 'api';
  actor: string;
  at: Date;
  /** The import the rows belong to; null for a typed cell. */
  importId: number | null;
}

/** Where the rows come from: a table or a subquery with the stage's columns. */
export type RowSource = RawBuilder<unknown>;

/** Rows given inline (a typed cell), in the stage's shape. */
export function inlineRows(rows: StagedRow[]): RowSource {
  return sql`(select * from unnest(${rows.map((r) => r.row)}::int[], ${rows.map((r) => r.element)}::text[],
    ${rows.map((r) => r.period)}::text[], ${rows.map((r) => r.org)}::text[], ${rows.map((r) => r.disagg)}::text[],
    ${rows.map((r) => r.value)}::numeric[], ${rows.map((r) => r.comment)}::text[])
    as t(row, element, period, org, disagg, value, comment))`;
}

export interface WriteEffects {
  /** Added to as rows are written. */
  counts: ApplyCounts;
  /** The cells whose aggregate must be refreshed; added to as rows are written. */
  touched: Map<string, TouchedCell>;
  /** Refresh the aggregate of this call's cells in its transaction (a typed cell); otherwise the caller refreshes `touched` later. */
  refreshNow: boolean;
}

type DiffRow = StagedRow & { old_value: number | null; old_comment: string | null; existed: boolean };
type RowChange = { r: DiffRow; action: 'create' | 'update' | 'delete' };

/**
 * Writes the source's rows after row `after`, at most `limit`, in the caller's transaction. Locks, in the one order every writer
 * takes them: the unit-periods (the caller's), the aggregate rows, then the history chain.
 */
export async function writeRows(
  trx: Kysely<Database>,
  source: RowSource,
  who: ValueAuthor,
  page: { after: number; limit: number },
  effects: WriteEffects,
): Promise<{ rows: number; last: number }> {
  const diff = await sql<DiffRow>`
    select s.row, s.element, s.period, s.org, s.disagg, s.value, s.comment, v.value as old_value, v.comment as old_comment,
      v.element_code is not null as existed
    from ${source} s
    left join data_value v on v.element_code = s.element and v.period = s.period and v.org_code = s.org and v.disagg = s.disagg
    where s.row > ${page.after} order by s.row limit ${page.limit}`.execute(trx);
  if (diff.rows.length === 0) return { rows: 0, last: page.after };
  // The page's range of rows, so that the statements below read the source by its row index.
  const range: [number, number] = [diff.rows[0]!.row, diff.rows[diff.rows.length - 1]!.row];
  const { writes, deletes, changes } = classifyRows(diff.rows, effects.counts);
  for (const { r } of changes)
    effects.touched.set(`${r.element}|${r.org}|${r.period}`, { element: r.element, org: r.org, period: r.period });
  if (writes.length > 0) await upsertFrom(trx, source, who, writes, range);
  if (deletes.length > 0) await deleteFrom(trx, source, deletes, range);
  if (effects.refreshNow)
    await refreshAggregates(
      trx,
      changes.map(({ r }) => ({ element: r.element, org: r.org, period: r.period })),
    );
  if (changes.length > 0) await insertHistory(trx, source, who, changes, range);
  return { rows: diff.rows.length, last: range[1] };
}

/** Sorts rows into the rows to write, the rows to delete and the changes to record, and counts them. */
function classifyRows(rows: DiffRow[], counts: ApplyCounts): { writes: number[]; deletes: number[]; changes: RowChange[] } {
  const writes: number[] = [];
  const deletes: number[] = [];
  const changes: RowChange[] = [];
  for (const r of rows) {
    let action: RowChange['action'];
    if (r.value === null) {
      if (!r.existed) {
        counts.unchanged++;
        continue;
      }
      action = 'delete';
      deletes.push(r.row);
    } else if (!r.existed) {
      action = 'create';
      writes.push(r.row);
    } else if (r.old_value === r.value && (r.old_comment ?? null) === (r.comment ?? null)) {
      counts.unchanged++;
      continue;
    } else {
      action = 'update';
      writes.push(r.row);
    }
    counts[action === 'create' ? 'created' : action === 'update' ? 'updated' : 'deleted']++;
    changes.push({ r, action });
  }
  return { writes, deletes, changes };
}

async function upsertFrom(trx: Kysely<Database>, source: RowSource, who: ValueAuthor, rows: number[], [first, last]: [number, number]) {
  await sql`
    insert into data_value (element_code, period, org_code, disagg, value, comment, updated_at, updated_by)
    select s.element, s.period, s.org, s.disagg, s.value, s.comment, ${who.at}::timestamptz, ${who.actor}
    from ${source} s where s.row between ${first} and ${last} and s.row = any(${rows}::int[])
    on conflict (element_code, period, org_code, disagg) do update
      set value = excluded.value, comment = excluded.comment, updated_at = excluded.updated_at,
          updated_by = excluded.updated_by, version = data_value.version + 1`.execute(trx);
}

async function deleteFrom(trx: Kysely<Database>, source: RowSource, rows: number[], [first, last]: [number, number]) {
  await sql`
    delete from data_value v using ${source} s
    where s.row between ${first} and ${last} and s.row = any(${rows}::int[]) and v.element_code = s.element
      and v.period = s.period and v.org_code = s.org and v.disagg = s.disagg`.execute(trx);
}

/** The rows' history entries, each chained to the one before it by its hash. */
async function insertHistory(
  trx: Kysely<Database>,
  source: RowSource,
  who: ValueAuthor,
  changes: RowChange[],
  [first, last]: [number, number],
) {
  const { source: origin, actor, at, importId } = who;
  // The chain lock is taken last: held from here to the commit.
  let previous = await chainHead(trx);
  const audit = { rows: [] as number[], actions: [] as string[], oldValues: [] as (number | null)[], oldComments: [] as (string | null)[] };
  const hashes: string[] = [];
  for (const { r, action } of changes) {
    const oldValue = r.existed ? r.old_value : null;
    const oldComment = r.existed ? r.old_comment : null;
    const newComment = action === 'delete' ? null : r.comment;
    const { element, period, org, disagg, value: newValue } = r;
    const entry = { element, period, org, disagg, action, oldValue, newValue, oldComment, newComment, source: origin, actor, at, importId };
    hashes.push((previous = entryHash(previous, entry)));
    audit.rows.push(r.row);
    audit.actions.push(action);
    audit.oldValues.push(oldValue);
    audit.oldComments.push(oldComment);
  }
  await sql`
    insert into data_value_audit (element_code, period, org_code, disagg, action, old_value, new_value, old_comment, new_comment,
      source, actor, at, import_id, hash)
    select s.element, s.period, s.org, s.disagg, a.action, a.old_value, s.value, a.old_comment,
      case when a.action = 'delete' then null else s.comment end, ${origin}, ${actor}, ${at}::timestamptz, ${importId}::bigint, a.hash
    from unnest(${audit.rows}::int[], ${audit.actions}::text[], ${audit.oldValues}::numeric[], ${audit.oldComments}::text[],
      ${hashes}::text[]) with ordinality as a(row, action, old_value, old_comment, hash, n)
    join ${source} s on s.row = a.row and s.row between ${first} and ${last}
    order by a.n`.execute(trx);
}
