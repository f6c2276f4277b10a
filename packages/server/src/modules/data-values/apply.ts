import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { refreshAggregates, type TouchedCell } from '../analytics/aggregate.ts';
import { chainHead, entryHash } from './audit-chain.ts';
import { importSizes } from './import-sizes.ts';
import type { StagedRow, Stage, UnitPeriod } from './stage.ts';

export interface ApplyCounts {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

type DiffRow = StagedRow & { old_value: number | null; old_comment: string | null; existed: boolean };

/** The highest history entry now, read once every writer before it has committed (appends hold the chain lock). */
export async function historyMark(db: Kysely<Database>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await chainHead(trx);
    const result = await sql<{ id: number | null }>`select max(id)::bigint as id from data_value_audit`.execute(trx);
    return Number(result.rows[0]?.id ?? 0);
  });
}

/** Locks the staged unit-periods, in one fixed order so that two writers cannot deadlock. */
export async function lockStagedUnitPeriods(trx: Kysely<Database>, stage: Stage): Promise<void> {
  await sql`select count(pg_advisory_xact_lock(hashtext(k))) from (select distinct org || '|' || period as k from ${stage.ref}
    order by 1) as ordered`.execute(trx);
}

/** Staged unit-periods whose values another writer changed after `mark`. */
export async function changedSince(trx: Kysely<Database>, stage: Stage, mark: number): Promise<UnitPeriod[]> {
  const result = await sql<UnitPeriod>`
    select distinct a.org_code as org, a.period from data_value_audit a
    where a.id > ${mark} and exists (select 1 from ${stage.ref} s where s.org = a.org_code and s.period = a.period)`.execute(trx);
  return result.rows;
}

export interface ApplyOptions {
  /** Staged rows written per transaction. */
  pageRows: number;
  /** Called after each page with the rows written so far. */
  onPage?: (written: number) => void;
  /** Called between two pages, outside any transaction (the event loop's turn). */
  between?: (written: number) => Promise<void>;
  /** Called between two steps of the aggregate refresh, outside any transaction (queued requests go first). */
  pace: () => Promise<void>;
}

/**
 * Writes the staged rows of a claimed import (see import-claims.ts), a page
 * at a time in file order, each page its own short transaction: each row
 * compared with the stored value (create, update, delete or unchanged), the
 * changed values upserted or deleted from the stage, and last (so that the
 * chain lock is held only for a moment) their history entries, hash-chained
 * here and tied to the import, inserted from the stage in the same order.
 * Then the analytics aggregate is refreshed for every cell the import
 * changed, once per cell, a group of cells per transaction (a yearly figure
 * fed by twelve monthly cells is recomputed once, not once per page). Its
 * unit-periods stay claimed until then, and an undo refreshes what it
 * restores, so the aggregate never keeps a figure the values do not have.
 */
export async function applyStage(
  db: Kysely<Database>,
  stage: Stage,
  who: { source: 'entry' | 'import' | 'api'; actor: string; at: Date; importId: number },
  options: ApplyOptions,
): Promise<ApplyCounts> {
  const counts: ApplyCounts = { created: 0, updated: 0, deleted: 0, unchanged: 0 };
  const touched = new Map<string, TouchedCell>();
  let last = 0;
  let written = 0;
  for (;;) {
    const page = await db.transaction().execute((trx) => applyPage(trx, stage, who, last, options.pageRows, counts, touched));
    if (page.rows === 0) break;
    last = page.last;
    written += page.rows;
    options.onPage?.(written);
    await options.between?.(written);
  }
  const cells = [...touched.values()];
  const chunk = importSizes(db).refreshCells;
  for (let i = 0; i < cells.length; i += chunk) {
    await db.transaction().execute((trx) => refreshAggregates(trx, cells.slice(i, i + chunk)));
    await options.pace();
  }
  return counts;
}

/** One page of applyStage: the staged rows after `after`, at most `limit`. */
async function applyPage(
  trx: Kysely<Database>,
  stage: Stage,
  who: { source: 'entry' | 'import' | 'api'; actor: string; at: Date; importId: number },
  after: number,
  limit: number,
  counts: ApplyCounts,
  touched: Map<string, TouchedCell>,
): Promise<{ rows: number; last: number }> {
  const { actor, at } = who;
  const page = await sql<DiffRow>`
    select s.row, s.element, s.period, s.org, s.disagg, s.value, s.comment, v.value as old_value, v.comment as old_comment,
      v.element_code is not null as existed
    from ${stage.ref} s
    left join data_value v on v.element_code = s.element and v.period = s.period and v.org_code = s.org and v.disagg = s.disagg
    where s.row > ${after} order by s.row limit ${limit}`.execute(trx);
  if (page.rows.length === 0) return { rows: 0, last: after };
  // The page's range of rows, so that the statements below read the stage by its row index.
  const first = page.rows[0]!.row;
  const lastOfPage = page.rows[page.rows.length - 1]!.row;
  const { writes, deletes, changes } = classifyPage(page.rows, counts, touched);
  if (writes.length > 0) {
    await sql`
      insert into data_value (element_code, period, org_code, disagg, value, comment, updated_at, updated_by)
      select s.element, s.period, s.org, s.disagg, s.value, s.comment, ${at}::timestamptz, ${actor}
      from ${stage.ref} s where s.row between ${first} and ${lastOfPage} and s.row = any(${writes}::int[])
      on conflict (element_code, period, org_code, disagg) do update
        set value = excluded.value, comment = excluded.comment, updated_at = excluded.updated_at,
            updated_by = excluded.updated_by, version = data_value.version + 1`.execute(trx);
  }
  if (deletes.length > 0) {
    await sql`
      delete from data_value v using ${stage.ref} s
      where s.row between ${first} and ${lastOfPage} and s.row = any(${deletes}::int[]) and v.element_code = s.element
        and v.period = s.period and v.org_code = s.org and v.disagg = s.disagg`.execute(trx);
  }
  if (changes.length > 0) await insertPageAudit(trx, stage, who, changes, [first, lastOfPage]);
  return { rows: page.rows.length, last: lastOfPage };
}

type PageChange = { r: DiffRow; action: 'create' | 'update' | 'delete' };

/** Sorts a page's rows into the rows to write, the rows to delete and the changes to record; counts them and notes the touched cells. */
function classifyPage(
  rows: DiffRow[],
  counts: ApplyCounts,
  touched: Map<string, TouchedCell>,
): { writes: number[]; deletes: number[]; changes: PageChange[] } {
  const writes: number[] = [];
  const deletes: number[] = [];
  const changes: PageChange[] = [];
  for (const r of rows) {
    let action: 'create' | 'update' | 'delete';
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
    touched.set(`${r.element}|${r.org}|${r.period}`, { element: r.element, org: r.org, period: r.period });
    changes.push({ r, action });
  }
  return { writes, deletes, changes };
}

/** The page's history entries, each chained to the one before it by its hash. */
async function insertPageAudit(
  trx: Kysely<Database>,
  stage: Stage,
  who: { source: 'entry' | 'import' | 'api'; actor: string; at: Date; importId: number },
  changes: PageChange[],
  [first, lastOfPage]: [number, number],
): Promise<void> {
  const { source, actor, at, importId } = who;
  // The chain lock is taken last: held from here to the commit.
  let previous = await chainHead(trx);
  const audit = {
    rows: [] as number[],
    actions: [] as string[],
    oldValues: [] as (number | null)[],
    oldComments: [] as (string | null)[],
    hashes: [] as string[],
  };
  for (const { r, action } of changes) {
    const oldValue = r.existed ? r.old_value : null;
    const oldComment = r.existed ? r.old_comment : null;
    const newComment = action === 'delete' ? null : r.comment;
    previous = entryHash(previous, {
      element: r.element,
      period: r.period,
      org: r.org,
      disagg: r.disagg,
      action,
      oldValue,
      newValue: r.value,
      oldComment,
      newComment,
      source,
      actor,
      at,
      importId,
    });
    audit.rows.push(r.row);
    audit.actions.push(action);
    audit.oldValues.push(oldValue);
    audit.oldComments.push(oldComment);
    audit.hashes.push(previous);
  }
  await sql`
    insert into data_value_audit (element_code, period, org_code, disagg, action, old_value, new_value, old_comment, new_comment,
      source, actor, at, import_id, hash)
    select s.element, s.period, s.org, s.disagg, a.action, a.old_value, s.value, a.old_comment, case when a.action = 'delete'
      then null else s.comment end,
           ${source}, ${actor}, ${at}::timestamptz, ${importId}::bigint, a.hash
    from unnest(${audit.rows}::int[], ${audit.actions}::text[], ${audit.oldValues}::numeric[], ${audit.oldComments}::text[],
      ${audit.hashes}::text[])
           with ordinality as a(row, action, old_value, old_comment, hash, n)
    join ${stage.ref} s on s.row = a.row and s.row between ${first} and ${lastOfPage}
    order by a.n`.execute(trx);
}
