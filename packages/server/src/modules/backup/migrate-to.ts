import type { Kysely } from 'kysely';
import { verifyChain, type ChainReport } from '../data-values/audit-chain.ts';
import type { Database } from '../../db/schema.ts';
import { assertSameSchema, BackupError } from './backup.ts';
import {
  appliedMigrations,
  emptyTables,
  insertLines,
  LineSum,
  markAnalyticsStale,
  SEEDED_BY_MIGRATIONS,
  listTables,
  neutralSession,
  resetSequences,
  sumDifferences,
  sumsWithin,
  tableLines,
  type TableSum,
} from './tables.ts';

export interface MoveReport {
  source: Map<string, TableSum>;
  target: Map<string, TableSum>;
  chain: ChainReport;
}

/**
 * Copies every row of an embedded installation to a PostgreSQL database that
 * is migrated and empty: one snapshot of the source, one transaction on the
 * target, committed only when every table's count and checksum read back from
 * the target equal the source's. The history keeps its ids and hashes, so the
 * chain verifies on the target.
 */
export async function moveTo(source: Kysely<Database>, target: Kysely<Database>): Promise<MoveReport> {
  return source
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (from) => {
      await neutralSession(from);
      const tables = await listTables(from);
      const result = await target.transaction().execute(async (to) => {
        await neutralSession(to);
        await assertSameSchema(await appliedMigrations(to), await appliedMigrations(from), 'the embedded installation');
        const targetTables = await listTables(to);
        const missing = tables.filter((t) => !targetTables.some((x) => x.name === t.name));
        if (missing.length) throw new BackupError(`The target lacks tables ${missing.map((t) => t.name).join(', ')}. Nothing was changed.`);
        const before = await sumsWithin(to, targetTables);
        const filled = [...before].filter(([name, s]) => s.rows > 0 && !SEEDED_BY_MIGRATIONS.has(name)).map(([name]) => name);
        if (filled.length) {
          throw new BackupError(
            `The target database already holds data (${filled.join(', ')}); migrate-to only fills an empty database. Nothing was changed.`,
          );
        }
        // The target's migrations wrote their default rows; the source's (perhaps edited) rows replace them.
        await emptyTables(
          to,
          targetTables.filter((t) => SEEDED_BY_MIGRATIONS.has(t.name)),
        );
        const sourceSums = new Map<string, TableSum>();
        for (const table of tables) {
          const sum = new LineSum();
          const pending: string[] = [];
          for await (const lines of tableLines(from, table)) {
            sum.add(lines);
            if (table.selfReferencing) pending.push(...lines);
            else await insertLines(to, table, lines);
          }
          await insertLines(to, table, pending);
          sourceSums.set(table.name, sum.result());
        }
        await resetSequences(to, targetTables);
        await markAnalyticsStale(to);
        const targetSums = await sumsWithin(to, tables);
        const differences = sumDifferences(sourceSums, targetSums);
        if (differences.length)
          throw new BackupError(`The copy does not match the source (${differences.join('; ')}). Nothing was changed.`);
        return { source: sourceSums, target: targetSums };
      });
      return { ...result, chain: await verifyChain(target) };
    });
}
