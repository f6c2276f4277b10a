import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { refreshAggregates, type TouchedCell } from '../analytics/aggregate.ts';
import { chainHead } from './audit-chain.ts';
import { importSizes } from './import-sizes.ts';
import type { Stage, UnitPeriod } from './stage.ts';
import { noCounts, writeRows, type ApplyCounts, type ValueAuthor } from './value-writer.ts';

export type { ApplyCounts } from './value-writer.ts';

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
 * Writes the staged rows of a claimed import (see import-claims.ts) through
 * the one value writer (value-writer.ts), a page at a time in file order,
 * each page its own short transaction, the history entries tied to the
 * import. Then the analytics aggregate is refreshed for every cell the import
 * changed, once per cell, a group of cells per transaction (a yearly figure
 * fed by twelve monthly cells is recomputed once, not once per page). Its
 * unit-periods stay claimed until then, and an undo refreshes what it
 * restores, so the aggregate never keeps a figure the values do not have.
 */
export async function applyStage(
  db: Kysely<Database>,
  stage: Stage,
  who: ValueAuthor & { importId: number },
  options: ApplyOptions,
): Promise<ApplyCounts> {
  const effects = { counts: noCounts(), touched: new Map<string, TouchedCell>(), refreshNow: false };
  let last = 0;
  let written = 0;
  for (;;) {
    const page = await db.transaction().execute((trx) => writeRows(trx, stage.ref, who, { after: last, limit: options.pageRows }, effects));
    if (page.rows === 0) break;
    last = page.last;
    written += page.rows;
    options.onPage?.(written);
    await options.between?.(written);
  }
  const cells = [...effects.touched.values()];
  const chunk = importSizes(db).refreshCells;
  for (let i = 0; i < cells.length; i += chunk) {
    await db.transaction().execute((trx) => refreshAggregates(trx, cells.slice(i, i + chunk)));
    await options.pace();
  }
  return effects.counts;
}
