// Where an import's time goes: the phases of importing N CSV rows, timed from
// the import's own progress events (no instrumentation in the server code).
//   npx tsx bench/import-phases.ts [rows]     (PGlite; PostgreSQL too when TEST_DATABASE_URL is set)
// Wall time and this process's CPU time per phase: on PGlite all the work is
// in this process, so CPU time is the work itself even on a busy machine.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig, REPO_ROOT } from '../packages/server/src/config.ts';
import { createContext } from '../packages/server/src/context.ts';
import { openEmbedded, openPostgres, type DatabaseHandle } from '../packages/server/src/db/connection.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import { authContextFor } from '../packages/server/src/modules/auth/service.ts';
import { loadCatalog } from '../packages/server/src/modules/catalog/load.ts';
import { importBatches, type ImportProgress } from '../packages/server/src/modules/data-values/import.ts';
import { csvBatches } from '../packages/server/src/modules/data-values/input.ts';
import { createUser } from '../packages/server/src/modules/users/service.ts';
import { syntheticCsv } from './lib/synthetic-values.ts';

async function run(label: string, db: DatabaseHandle, count: number): Promise<void> {
  await migrate(db.db);
  await loadCatalog(db.db, path.join(REPO_ROOT, 'catalog/yen-dung-2023'), 'bench');
  const ctx = createContext(db.db, loadConfig({ LOG_LEVEL: 'silent' }));
  await createUser(ctx, { username: 'bench', password: 'bench-pass-123', role: 'admin', org: 'VN' }, { actor: null });
  const auth = await authContextFor(ctx, 'bench');
  const { csv, rows } = syntheticCsv(count);
  const marks: { name: string; ms: number; cpuMs: number }[] = [];
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  const now = (name: string) => {
    const c = process.cpuUsage(cpu0);
    return { name, ms: performance.now() - start, cpuMs: (c.user + c.system) / 1000 };
  };
  let phase = '';
  let lastBatch = now('');
  const onProgress = (p: ImportProgress) => {
    // The last 'checking' event comes when the file is read; the first 'writing' one when the rules have passed.
    if (p.phase === 'checking') lastBatch = now('read, check and stage the rows (per batch)');
    if (p.phase === 'writing' && phase === 'checking') marks.push(lastBatch, now('index the stage, check the rules'));
    if (p.phase === 'done') marks.push(now('write values and history (one transaction)'));
    phase = p.phase;
  };
  const result = await importBatches(ctx, auth, csvBatches(csv), 'atomic', 'import', { onProgress });
  if (result.created !== rows) throw new Error(`created ${result.created} of ${rows}`);
  let previous = { ms: 0, cpuMs: 0 };
  console.log(`${label}: ${rows} rows`);
  for (const m of marks) {
    console.log(
      `  ${m.name.padEnd(48)} ${(m.ms - previous.ms).toFixed(0).padStart(6)} ms  (CPU of this process ${(m.cpuMs - previous.cpuMs).toFixed(0).padStart(6)} ms)`,
    );
    previous = m;
  }
  console.log(
    `  ${'total'.padEnd(48)} ${previous.ms.toFixed(0).padStart(6)} ms  (CPU of this process ${previous.cpuMs.toFixed(0).padStart(6)} ms)`,
  );
}

const count = Number(process.argv[2] ?? 100_000);
const pglite = await openEmbedded(null);
await run('PGlite', pglite, count);
await pglite.close();
if (process.env.TEST_DATABASE_URL) {
  const admin = await openPostgres(process.env.TEST_DATABASE_URL, 1);
  const name = `vetplan_import_phases_${randomBytes(4).toString('hex')}`;
  await sql.raw(`create database ${name}`).execute(admin.db);
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), 5);
  try {
    await run('PostgreSQL', db, count);
  } finally {
    await db.close();
    await sql.raw(`drop database ${name}`).execute(admin.db);
    await admin.close();
  }
}
