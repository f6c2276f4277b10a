import { sql, type Kysely, type Selectable } from 'kysely';
import { ownerAlive, processTag } from '../../db/connection.ts';
import type { DataValueAuditTable, Database } from '../../db/schema.ts';
import { claimedError } from '../forms/locks.ts';
import { refreshAggregates } from '../analytics/aggregate.ts';
import { chainHead, entryHash } from './audit-chain.ts';
import { dropLeftStages } from './stage.ts';

/**
 * An import writes its pages in short transactions of their own. What keeps
 * it all-or-nothing: before the first page it is recorded as 'applying' and
 * claims its unit-periods (no one else writes them meanwhile); each history
 * entry it writes names it; if it fails, or a crash leaves it 'applying',
 * every cell it changed is put back from those entries.
 */

/**
 * Records an import as applying and claims the unit-periods of its stage,
 * inside the caller's transaction (which holds their locks). A unit-period
 * another import has claimed refuses the whole import with a 409.
 */
export async function claimUnitPeriods(
  trx: Kysely<Database>,
  stageRef: ReturnType<typeof sql.table>,
  who: { source: 'entry' | 'import' | 'api'; actor: string; at: Date; demo?: boolean },
): Promise<number> {
  const taken = await sql<{ org: string; period: string }>`
    select c.org_code as org, c.period from data_import_claim c
    where exists (select 1 from ${stageRef} s where s.org = c.org_code and s.period = c.period) limit 1`.execute(trx);
  const first = taken.rows[0];
  if (first) throw claimedError(first.org, first.period);
  const created = await trx
    .insertInto('data_import')
    .values({ status: 'applying', source: who.source, actor: who.actor, owner: processTag(), started_at: who.at, demo: who.demo ?? false })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(created.id);
  await sql`insert into data_import_claim (org_code, period, import_id) select distinct org, period, ${id}::bigint
    from ${stageRef}`.execute(trx);
  return id;
}

/** Marks an import applied and releases its claims (its last, short transaction). */
export async function finishImport(db: Kysely<Database>, id: number, at: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('data_import_claim').where('import_id', '=', id).execute();
    await trx.updateTable('data_import').set({ status: 'applied', finished_at: at }).where('id', '=', id).execute();
  });
}

/** An entry of the import's history, as the undo reads it. */
type ImportEntry = Omit<Selectable<DataValueAuditTable>, 'at' | 'hash' | 'import_id' | 'undoes'>;

/**
 * Undoes an import in one transaction: every cell it changed gets back the
 * value (and comment) it had before, each with a history entry that names
 * the entry it undoes; then the import is marked rolled back and its claims
 * released. Safe to run again: an import not 'applying' is left alone.
 */
export async function rollbackImport(db: Kysely<Database>, id: number, at: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('data_import').select('status').where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row || row.status !== 'applying') return 0;
    const entries = (
      await sql<ImportEntry>`
      select id, element_code, period, org_code, disagg, action, old_value, new_value, old_comment, new_comment, source, actor
      from data_value_audit where import_id = ${id} and undoes is null order by id`.execute(trx)
    ).rows;
    if (entries.length > 0) {
      // The claims kept every other writer away: the cells still hold what the import wrote.
      await sql`
        delete from data_value v
        using data_value_audit a
        where a.import_id = ${id} and a.undoes is null and a.action = 'create'
          and v.element_code = a.element_code and v.period = a.period and v.org_code = a.org_code and v.disagg = a.disagg`.execute(trx);
      await sql`
        insert into data_value (element_code, period, org_code, disagg, value, comment, updated_at, updated_by)
        select a.element_code, a.period, a.org_code, a.disagg, a.old_value, a.old_comment, ${at}::timestamptz, a.actor
        from data_value_audit a where a.import_id = ${id} and a.undoes is null and a.action <> 'create'
        on conflict (element_code, period, org_code, disagg) do update
          set value = excluded.value, comment = excluded.comment, updated_at = excluded.updated_at,
              updated_by = excluded.updated_by, version = data_value.version + 1`.execute(trx);
      const touched = new Map(
        entries.map((e) => [`${e.element_code}|${e.org_code}|${e.period}`, { element: e.element_code, org: e.org_code, period: e.period }]),
      );
      await refreshAggregates(trx, [...touched.values()]);
      // Locks in the order every writer takes them: aggregate, then the history chain.
      let previous = await chainHead(trx);
      const undo = entries.map((e) => {
        const action = e.action === 'create' ? 'delete' : e.action === 'delete' ? 'create' : 'update';
        const entry = {
          element: e.element_code,
          period: e.period,
          org: e.org_code,
          disagg: e.disagg,
          action,
          oldValue: e.new_value,
          newValue: e.old_value,
          oldComment: e.new_comment,
          newComment: e.old_comment,
          source: e.source,
          actor: e.actor,
          at,
          importId: id,
          undoes: Number(e.id),
        } as const;
        previous = entryHash(previous, entry);
        return { entry, hash: previous };
      });
      const CHUNK = 10_000;
      for (let i = 0; i < undo.length; i += CHUNK) {
        const chunk = undo.slice(i, i + CHUNK);
        await sql`
          insert into data_value_audit (element_code, period, org_code, disagg, action, old_value, new_value, old_comment,
            new_comment, source, actor, at, import_id, undoes, hash)
          select a.element_code, a.period, a.org_code, a.disagg, u.action, a.new_value, a.old_value, a.new_comment, a.old_comment,
            a.source, a.actor, ${at}::timestamptz, ${id}::bigint, a.id, u.hash
          from unnest(${chunk.map((u) => u.entry.undoes)}::bigint[], ${chunk.map((u) => u.entry.action)}::text[],
            ${chunk.map((u) => u.hash)}::text[]) with ordinality as u(undoes, action, hash, n)
          join data_value_audit a on a.id = u.undoes
          order by u.n`.execute(trx);
      }
    }
    await trx.deleteFrom('data_import_claim').where('import_id', '=', id).execute();
    await trx.updateTable('data_import').set({ status: 'rolled_back', finished_at: at }).where('id', '=', id).execute();
    return entries.length;
  });
}

/**
 * Undoes every import left applying by a process that is gone: at start-up,
 * before any request, and now and then while serving (a `vetplan import` run
 * beside the server may die). The embedded database has one process, this
 * one, so every import left applying there is dead; on a PostgreSQL server an
 * import whose owner still has a connection (its application_name) is alive
 * and left alone. Returns how many were undone.
 */
export async function recoverImports(db: Kysely<Database>, at: Date): Promise<number> {
  const left = await sql<{ id: number }>`
    select i.id from data_import i
    where i.status = 'applying' and i.owner <> ${processTag()} and not ${ownerAlive(db, sql.ref('i.owner'))}
    order by i.id`.execute(db);
  for (const { id } of left.rows) await rollbackImport(db, Number(id), at);
  return left.rows.length;
}

/**
 * What imports of processes that are gone left behind: the imports undone (recoverImports) and the stage tables dropped (dropLeftStages).
 */
export async function sweepDeadImports(db: Kysely<Database>, at: Date): Promise<{ undone: number; stages: number }> {
  const undone = await recoverImports(db, at);
  return { undone, stages: await dropLeftStages(db) };
}
