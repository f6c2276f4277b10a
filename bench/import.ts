// Importing N CSV rows through POST /api/data-values, against a plain COPY of
// the same rows into a bare table on the same engine (the baseline). Two more
// cases show the floor under any import that keeps the rows: a COPY into a
// table shaped like data_value (its primary key, index and foreign key), and
// the two INSERT ... SELECTs an import with history cannot avoid (the values,
// and one history entry per row with a SHA-256 of its fields), from a stage
// filled by COPY, with no checks at all. The import runs twice: in this
// process (app.inject), and through a `vetplan serve` process as people run
// it, whose own memory is then measured.
// Each case runs in its own process so that its peak memory is its own.
//   npx tsx bench/import.ts [rows]            (PGlite; PostgreSQL too when TEST_DATABASE_URL is set)
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { loadConfig, REPO_ROOT } from '../packages/server/src/config.ts';
import { createContext } from '../packages/server/src/context.ts';
import { openEmbedded, openPostgres, warnConnectionLost, type DatabaseHandle } from '../packages/server/src/db/connection.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import { buildApp } from '../packages/server/src/app.ts';
import { createApiToken } from '../packages/server/src/modules/auth/service.ts';
import { loadCatalog } from '../packages/server/src/modules/catalog/load.ts';
import { createUser } from '../packages/server/src/modules/users/service.ts';
import { freePort, loginCookie, startServer, waitForHealth } from '../packages/server/test/kit/index.ts';
import { ensureServerBundle } from '../scripts/server-bundle.mjs';
import { syntheticCsv } from './lib/synthetic-values.ts';

type Engine = 'pglite' | 'postgres';
type Phase = 'copy' | 'copy-values' | 'floor' | 'import' | 'server';
const PHASES: Phase[] = ['copy', 'copy-values', 'floor', 'import', 'server'];
interface CaseResult {
  engine: Engine;
  phase: Phase;
  rows: number;
  ms: number;
  peakRssMb: number;
  baseRssMb: number;
}

const self = fileURLToPath(import.meta.url);

function withDb(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A database with the schema and the default catalogue, as a server finds it at a restart. */
async function prepare(db: DatabaseHandle): Promise<void> {
  await migrate(db.db);
  await loadCatalog(db.db, path.join(REPO_ROOT, 'catalog/yen-dung-2023'), 'bench');
}

interface Opened {
  db: DatabaseHandle;
  url: string | null;
  /** What a `vetplan serve` on this database needs in its environment. */
  serverEnv: Record<string, string>;
  cleanup: () => Promise<void>;
}

async function open(engine: Engine): Promise<Opened> {
  if (engine === 'pglite') {
    // initdb leaves its own WASM memory behind in the process that ran it (about 450 MB of RSS):
    // the folder is made in a process of its own, and the measured one reopens it, as a server restart does.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-bench-'));
    const child = spawnSync(process.execPath, ['--import', 'tsx', self, '--prepare', dir], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: process.env,
    });
    if (child.status !== 0) throw new Error(`preparing ${dir} failed:\n${child.stdout}\n${child.stderr}`);
    const db = await openEmbedded(dir);
    return {
      db,
      url: null,
      serverEnv: { DATA_DIR: dir },
      cleanup: async () => {
        if (!db.pglite!.closed) await db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const base = process.env.TEST_DATABASE_URL!;
  const name = `vetplan_import_bench_${randomBytes(4).toString('hex')}`;
  const admin = await openPostgres(base, 1);
  await sql.raw(`create database ${name}`).execute(admin.db);
  const url = withDb(base, name);
  const db = await openPostgres(url, 5);
  await prepare(db);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-bench-'));
  return {
    db,
    url,
    serverEnv: { DATA_DIR: dir, DATABASE_URL: url },
    cleanup: async () => {
      await db.close();
      await sql.raw(`drop database ${name} with (force)`).execute(admin.db);
      await admin.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Samples the resident set size while `work` runs. */
async function measure<T>(work: () => Promise<T>): Promise<{ ms: number; peakRssMb: number; value: T }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const start = performance.now();
  const value = await work();
  const ms = performance.now() - start;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, peakRssMb: peak / 2 ** 20, value };
}

/** COPY the CSV into `table` (columns in the file's order). */
async function copyInto(db: DatabaseHandle, url: string | null, table: string, csv: string): Promise<void> {
  const options = 'with (format csv, header true, force_not_null (disagg))';
  if (db.pglite) {
    // PGlite reads COPY input from a blob given with the query.
    await db.pglite.query(`copy ${table} from '/dev/blob' ${options}`, [], { blob: new Blob([csv]) });
  } else {
    const client = new pg.Client({ connectionString: url! });
    client.on('error', warnConnectionLost);
    await client.connect();
    await pipeline(Readable.from([csv]), client.query(copyFrom(`copy ${table} from stdin ${options}`)));
    await client.end();
  }
}

/** The baselines and the floor (see the top of this file). */
async function copyCase(db: DatabaseHandle, url: string | null, phase: Exclude<Phase, 'import' | 'server'>, csv: string): Promise<void> {
  if (phase === 'copy') {
    await sql`create table copy_baseline (element text, period text, org text, disagg text, value numeric, comment text)`.execute(db.db);
    await copyInto(db, url, 'copy_baseline', csv);
    return;
  }
  if (phase === 'copy-values') {
    await sql`create table copy_values (like data_value including all)`.execute(db.db);
    await sql`alter table copy_values alter column updated_at set default now(), alter column updated_by set default 'bench', add foreign key (element_code) references data_element (code)`.execute(
      db.db,
    );
    await copyInto(db, url, 'copy_values (element_code, period, org_code, disagg, value, comment)', csv);
    return;
  }
  await sql`create unlogged table floor_stage (element text, period text, org text, disagg text, value numeric, comment text)`.execute(
    db.db,
  );
  await copyInto(db, url, 'floor_stage', csv);
  await db.db.transaction().execute(async (trx) => {
    await sql`
      insert into data_value (element_code, period, org_code, disagg, value, comment, updated_at, updated_by)
      select element, period, org, disagg, value, comment, now(), 'bench' from floor_stage`.execute(trx);
    await sql`
      insert into data_value_audit (element_code, period, org_code, disagg, action, new_value, new_comment, source, actor, at, hash)
      select element, period, org, disagg, 'create', value, comment, 'import', 'bench', now(),
             encode(sha256(convert_to(concat_ws(chr(1), element, period, org, disagg, value, comment), 'UTF8')), 'hex')
      from floor_stage`.execute(trx);
  });
}

/** The resident set of another process (Linux), in MB. */
function rssOf(pid: number): number {
  const line = fs
    .readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))!;
  return Number(line.split(/\s+/)[1]) / 1024;
}

/**
 * The import as people run it: \`vetplan serve\` from the bundle \`npm start\`
 * runs, the CSV posted over HTTP by a signed-in user; the peak is the server
 * process's resident set, sampled every 10 ms from /proc.
 */
async function serverImport(opened: Opened, csv: string): Promise<{ ms: number; peakRssMb: number; baseRssMb: number; created: number }> {
  // PGlite's folder belongs to one process at a time: the server's.
  if (opened.db.pglite) await opened.db.close();
  await ensureServerBundle();
  const password = 'bench-pass-123';
  const server = startServer(
    {
      ...opened.serverEnv,
      VETPLAN_ADMIN_PASSWORD: password,
      DEMO_DATA: 'false',
      WEB_DIST_DIR: path.join(os.tmpdir(), 'vetplan-no-web'),
      LOG_LEVEL: 'error',
    },
    await freePort(),
  );
  try {
    await waitForHealth(server);
    const { cookie, csrf } = await loginCookie(server.url, 'admin', password);
    const pid = server.child.pid!;
    const baseRssMb = rssOf(pid);
    let peak = baseRssMb;
    const timer = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 10);
    const start = performance.now();
    const res = await fetch(`${server.url}/api/data-values`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'text/csv' },
      body: csv,
    });
    const body = await res.text();
    const ms = performance.now() - start;
    clearInterval(timer);
    if (res.status !== 200) throw new Error(`import answered ${res.status}: ${body.slice(0, 500)}`);
    return { ms, peakRssMb: Math.max(peak, rssOf(pid)), baseRssMb, created: (JSON.parse(body) as { created: number }).created };
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

async function runCase(engine: Engine, phase: Phase, count: number): Promise<CaseResult> {
  const { csv, rows } = syntheticCsv(count);
  const opened = await open(engine);
  const { db, url, cleanup } = opened;
  try {
    global.gc?.();
    const baseRssMb = process.memoryUsage().rss / 2 ** 20;
    if (phase === 'server') {
      const r = await serverImport(opened, csv);
      if (r.created !== rows) throw new Error(`created ${r.created} of ${rows} rows`);
      return { engine, phase, rows, ms: r.ms, peakRssMb: r.peakRssMb, baseRssMb: r.baseRssMb };
    }
    if (phase !== 'import') {
      const m = await measure(() => copyCase(db, url, phase, csv));
      return { engine, phase, rows, ms: m.ms, peakRssMb: m.peakRssMb, baseRssMb };
    }
    const config = loadConfig({ LOG_LEVEL: 'silent', IMPORT_LIMIT_BYTES: String(1024 ** 3) });
    const ctx = createContext(db.db, config);
    await createUser(ctx, { username: 'bench', password: 'bench-pass-123', role: 'admin', org: 'VN' }, { actor: null });
    const token = await createApiToken(ctx, 'bench', 'bench');
    const app = await buildApp(ctx);
    // A running server has compiled its routes at start (about a second): not part of an import.
    await app.ready();
    const m = await measure(() =>
      app.inject({
        method: 'POST',
        url: '/api/data-values',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        payload: csv,
      }),
    );
    if (m.value.statusCode !== 200) throw new Error(`import answered ${m.value.statusCode}: ${m.value.body.slice(0, 500)}`);
    const stored = await sql<{ n: number }>`select count(*)::int as n from data_value`.execute(db.db);
    if (stored.rows[0]!.n !== rows) throw new Error(`stored ${stored.rows[0]!.n} of ${rows} rows`);
    await app.close();
    return { engine, phase, rows, ms: m.ms, peakRssMb: m.peakRssMb, baseRssMb };
  } finally {
    await cleanup();
  }
}

const [mode, engineArg, phaseArg, countArg] = process.argv.slice(2);
if (mode === '--prepare') {
  const db = await openEmbedded(engineArg!);
  await prepare(db);
  await db.close();
  process.exit(0);
}
if (mode === '--case') {
  const result = await runCase(engineArg as Engine, phaseArg as Phase, Number(countArg));
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  process.exit(0);
}

const count = Number(mode ?? 100_000);
const engines: Engine[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
console.log(`rows: ${count}`);
for (const engine of engines) {
  const results: Record<Phase, CaseResult> = {} as never;
  for (const phase of PHASES) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', self, '--case', engine, phase, String(count)], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: process.env,
      maxBuffer: 1 << 26,
    });
    const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    if (!line) throw new Error(`${engine} ${phase} failed:\n${child.stdout}\n${child.stderr}`);
    results[phase] = JSON.parse(line.slice(7));
  }
  const { copy } = results;
  const rate = (r: CaseResult) => Math.round(r.rows / (r.ms / 1000));
  const labels: Record<Phase, string> = {
    copy: 'COPY, bare table (baseline)',
    'copy-values': "COPY into data_value's shape",
    floor: 'floor: stage, values, history',
    import: 'import (API, in this process)',
    server: 'import (vetplan serve, HTTP)',
  };
  for (const phase of PHASES) {
    const r = results[phase];
    const ratio =
      phase === 'copy'
        ? ''
        : `  ${(r.ms / copy.ms).toFixed(2)}x COPY  ${(r.ms / results['copy-values'].ms).toFixed(2)}x COPY into data_value's shape`;
    console.log(
      `${engine.padEnd(8)} ${labels[phase].padEnd(30)} ${r.ms.toFixed(0).padStart(7)} ms  ${String(rate(r)).padStart(8)} rows/s  peak RSS ${r.peakRssMb.toFixed(0)} MB (${(r.peakRssMb - r.baseRssMb).toFixed(0)} MB above idle)${ratio}`,
    );
  }
}
