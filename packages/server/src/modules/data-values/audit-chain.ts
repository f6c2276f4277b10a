import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DataValueAuditTable, Database } from '../../db/schema.ts';

/** The fields an entry's hash covers, in a fixed order. */
export interface ChainedEntry {
  element: string;
  period: string;
  org: string;
  disagg: string;
  action: 'create' | 'update' | 'delete';
  oldValue: number | null;
  newValue: number | null;
  oldComment: string | null;
  newComment: string | null;
  source: 'entry' | 'import' | 'api';
  actor: string;
  at: Date;
  /** The import that wrote the entry, if any. */
  importId?: number | null;
  /** The entry this one undoes (a failed import rolled back), if any. */
  undoes?: number | null;
}

const GENESIS = '0'.repeat(64);

/** A stored history row in the shape the hash, the history and the audit log read. */
export function toChainedEntry(r: Selectable<DataValueAuditTable>): ChainedEntry {
  return {
    element: r.element_code,
    period: r.period,
    org: r.org_code,
    disagg: r.disagg,
    action: r.action,
    oldValue: r.old_value,
    newValue: r.new_value,
    oldComment: r.old_comment,
    newComment: r.new_comment,
    source: r.source,
    actor: r.actor,
    at: new Date(r.at),
    importId: r.import_id ?? null,
    undoes: r.undoes ?? null,
  };
}

/**
 * The hash of an entry chained to the one before it. The import and undo fields count only when set, so entries written before they
 * existed still verify.
 */
export function entryHash(previous: string, e: ChainedEntry): string {
  const fields: (string | number)[] = [
    e.element,
    e.period,
    e.org,
    e.disagg,
    e.action,
    e.oldValue ?? '',
    e.newValue ?? '',
    e.oldComment ?? '',
    e.newComment ?? '',
    e.source,
    e.actor,
    e.at.toISOString(),
  ];
  if (e.importId != null) fields.push(`import:${e.importId}`);
  if (e.undoes != null) fields.push(`undoes:${e.undoes}`);
  return createHash('sha256').update(previous).update('\u0000').update(fields.map(String).join('\u0001')).digest('hex');
}

/** The hash of the last entry, with appends serialised (call inside the writing transaction). */
export async function chainHead(db: Kysely<Database>): Promise<string> {
  await sql`select pg_advisory_xact_lock(7403002)`.execute(db);
  const last = await db.selectFrom('data_value_audit').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return last?.hash ?? GENESIS;
}

export interface ChainReport {
  entries: number;
  /** The first entry whose hash does not follow from the ones before it: edited, or after a deleted one. */
  broken: { id: number; reason: string } | null;
}

/** Walks the whole history in id order and checks every link of the chain. */
export async function verifyChain(db: Kysely<Database>, batch = 10_000): Promise<ChainReport> {
  let previous = GENESIS;
  let lastId = 0;
  let entries = 0;
  for (;;) {
    const rows = await db.selectFrom('data_value_audit').selectAll().where('id', '>', lastId).orderBy('id').limit(batch).execute();
    if (rows.length === 0) return { entries, broken: null };
    for (const r of rows) {
      const expected = entryHash(previous, toChainedEntry(r));
      if (r.hash !== expected) {
        return {
          entries,
          broken: {
            id: r.id,
            reason:
              r.hash === null
                ? 'entry has no hash'
                : 'hash does not follow from the entries before it (this entry or the one before it was changed or removed)',
          },
        };
      }
      previous = r.hash;
      lastId = r.id;
      entries++;
    }
  }
}

/**
 * Links the chain again after entries were taken out of it (the demo
 * history, removed when an office goes live): every entry after `afterId`
 * is hashed anew from the entry before it. Call inside the removing
 * transaction, after chainHead has serialised the appends.
 */
export async function rechainAfter(db: Kysely<Database>, afterId: number, batch = 2_000): Promise<number> {
  const before = await db
    .selectFrom('data_value_audit')
    .select('hash')
    .where('id', '<=', afterId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  let previous = before?.hash ?? GENESIS;
  let lastId = afterId;
  let rehashed = 0;
  for (;;) {
    const rows = await db.selectFrom('data_value_audit').selectAll().where('id', '>', lastId).orderBy('id').limit(batch).execute();
    if (rows.length === 0) return rehashed;
    const ids: number[] = [];
    const hashes: string[] = [];
    for (const r of rows) {
      previous = entryHash(previous, toChainedEntry(r));
      ids.push(Number(r.id));
      hashes.push(previous);
      lastId = Number(r.id);
    }
    await sql`update data_value_audit a set hash = v.hash from unnest(${ids}::bigint[], ${hashes}::text[]) as v(id, hash)
      where a.id = v.id`.execute(db);
    rehashed += rows.length;
  }
}
