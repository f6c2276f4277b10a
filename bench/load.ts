// Load: mixed traffic against a real `vetplan serve` (dashboards, data entry,
// imports), with autocannon, against a bare GET /api/health on the same server
// (the baseline); then data entry while a large import (100k rows) runs,
// against data entry idle. A health probe runs beside the import too: if it
// slows as much as data entry, the database is the queue (health runs select 1);
// a probe that never reaches the database (a 404) slows only when the event
// loop itself is blocked.
//   npx tsx bench/load.ts [seconds per phase] [import rows] [pglite|postgres]
//   (PostgreSQL only when TEST_DATABASE_URL is set)
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { openPostgres } from '../packages/server/src/db/connection.ts';
import { withDatabaseName, freePort, loginCookie, startServer, waitForHealth } from '../packages/server/test/kit/index.ts';
import { COMMUNES, syntheticCsv } from './lib/synthetic-values.ts';

const seconds = Number(process.argv[2] ?? 10);
const importRows = Number(process.argv[3] ?? 100_000);
const only = process.argv[4];
const PASSWORD = 'load-bench-pass-1';

interface Figures {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

/** Unique cells for data entry: monthly periods 1980–1999 (imports use 2000 on), so every write is a first write (baseVersion 0). */
function* cells(): Generator<{ element: string; period: string; org: string; disagg: string }> {
  const parts: [string, string][] = [];
  for (const sex of ['M', 'F']) {
    parts.push(
      ['DE_THCS_GRAD', `sex:${sex}`],
      ['DE_THPT_GRAD', `sex:${sex}`],
      ['DE_LABOUR_FORCE', `sex:${sex}`],
      ['DE_LABOUR_RETRAINED', `sex:${sex}`],
      ['DE_LABOUR_TRAINED_CERT', `sex:${sex}`],
    );
  }
  parts.push(['DE_VET_INSTITUTIONS', '']);
  for (let month = 0; month < 240; month++) {
    const period = `${1980 + Math.floor(month / 12)}${String((month % 12) + 1).padStart(2, '0')}`;
    for (const org of COMMUNES) for (const [element, disagg] of parts) yield { element, period, org, disagg };
  }
}

/** A POST without fetch's 300 s wait for the answer's headers: a 100k-row import on a busy machine can take longer. */
function postWithoutTimeout(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** Runs autocannon for `seconds`, or until `until` settles when given. */
async function cannon(label: string, url: string, opts: Partial<autocannon.Options>, until?: Promise<unknown>): Promise<Figures> {
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: 4, duration: until ? 3600 : seconds, ...opts } as autocannon.Options, (error, r) =>
      error ? reject(error) : resolve(r),
    );
    until?.then(
      () => instance.stop(),
      () => instance.stop(),
    );
  });
  return {
    label,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function run(engine: 'pglite' | 'postgres'): Promise<Figures[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-load-'));
  const env: Record<string, string> = {
    DATA_DIR: dir,
    VETPLAN_ADMIN_PASSWORD: PASSWORD,
    DEMO_DATA: 'true',
    LOG_LEVEL: 'error',
    WEB_DIST_DIR: path.join(dir, 'no-web'),
    IMPORT_LIMIT_BYTES: String(1024 ** 3),
  };
  let dropDb = async () => undefined as void;
  if (engine === 'postgres') {
    const name = `vetplan_resilience_load_${randomBytes(4).toString('hex')}`;
    const admin = await openPostgres(process.env.TEST_DATABASE_URL!, 1);
    await sql.raw(`create database ${name}`).execute(admin.db);
    env.DATABASE_URL = withDatabaseName(process.env.TEST_DATABASE_URL!, name);
    dropDb = async () => {
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
      await admin.close();
    };
  }
  const server = startServer(env, await freePort());
  try {
    await waitForHealth(server, 900_000);
    const { cookie, csrf } = await loginCookie(server.url, 'admin', PASSWORD);
    const base = server.url;
    const headers = { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };
    const next = cells();
    const entryRequest = {
      method: 'PUT' as const,
      path: '/api/data-entry/cell',
      headers,
      setupRequest: (req: Record<string, unknown>) => ({
        ...req,
        body: JSON.stringify({ ...next.next().value, value: 100 + Math.floor(Math.random() * 100), baseVersion: 0 }),
      }),
    };
    const entry = (label: string, until?: Promise<unknown>) => cannon(label, base, { requests: [entryRequest] } as never, until);
    const dashboards = (label: string) =>
      cannon(label, base, {
        headers: { cookie },
        requests: [
          { method: 'GET', path: '/api/plans/YD-GDNN-2023/progress' },
          { method: 'GET', path: '/api/analytics/indicators' },
        ],
      } as never);
    const health = (label: string, extra: Partial<autocannon.Options> = {}, until?: Promise<unknown>) =>
      cannon(label, `${base}/api/health`, extra, until);

    const figures: Figures[] = [];
    await health('warm-up');
    figures.push(await health('baseline: GET /api/health'));
    figures.push(await dashboards('dashboards (progress + indicators)'));
    figures.push(await entry('data entry (PUT cell), idle'));

    // Mixed: dashboards, data entry and a health probe at once, with small imports (210 rows) back to back.
    let importing = true;
    let smallImports = 0;
    const importer = (async () => {
      while (importing) {
        const small = syntheticCsv(210, 100 + smallImports).csv;
        const res = await fetch(`${base}/api/data-values`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'text/csv' },
          body: small,
        });
        if (res.status !== 200) throw new Error(`small import answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
        smallImports++;
      }
    })();
    const mixed = await Promise.all([
      dashboards('mixed: dashboards'),
      entry('mixed: data entry'),
      health('mixed: health', { connections: 1 }),
    ]);
    importing = false;
    await importer;
    figures.push(...mixed, {
      label: `mixed: imports of 210 rows (${smallImports} done)`,
      rps: smallImports / seconds,
      p50: NaN,
      p99: NaN,
      requests: smallImports,
      non2xx: 0,
      errors: 0,
    });

    // Data entry while one large import runs: both start together; the probes last as long as the import.
    figures.push(await entry('data entry, idle (again, just before the import)'));
    figures.push(
      await cannon('no-database probe (404), idle', `${base}/api/no-such-route`, { connections: 1 }).then((f) => ({ ...f, non2xx: 0 })),
    );
    const big = syntheticCsv(importRows, 11).csv;
    const started = performance.now();
    let importMs = 0;
    const bigImport = postWithoutTimeout(`${base}/api/data-values`, { ...headers, 'content-type': 'text/csv' }, big).then((res) => {
      importMs = performance.now() - started;
      if (res.status !== 200) throw new Error(`large import answered ${res.status}: ${res.text.slice(0, 300)}`);
    });
    const during = await Promise.all([
      entry(`data entry during a ${importRows}-row import`, bigImport),
      health('health (select 1) during the import', { connections: 1 }, bigImport),
      // Answered without the database (404 of an unknown path): slow only when the event loop is blocked.
      cannon('no-database probe (404) during the import', `${base}/api/no-such-route`, { connections: 1 }, bigImport).then((f) => ({
        ...f,
        non2xx: 0,
      })),
    ]);
    await bigImport;
    figures.push(...during, {
      label: `the ${importRows}-row import itself`,
      rps: NaN,
      p50: importMs,
      p99: NaN,
      requests: 1,
      non2xx: 0,
      errors: 0,
    });
    return figures;
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await dropDb();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const engines: ('pglite' | 'postgres')[] = [];
if (only !== 'postgres') engines.push('pglite');
if (only !== 'pglite' && process.env.TEST_DATABASE_URL) engines.push('postgres');
for (const engine of engines) {
  const figures = await run(engine);
  const baseline = figures[0]!;
  console.log(`\n${engine}: ${seconds} s per phase, 4 connections per load (1 for the health probes)`);
  console.log(
    `${'what'.padEnd(52)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'p99 / health p99'.padStart(17)} ${'non-2xx'.padStart(8)}`,
  );
  for (const f of figures) {
    const ratio = Number.isFinite(f.p99) ? `${(f.p99 / baseline.p99).toFixed(1)}×` : '';
    console.log(
      `${f.label.padEnd(52)} ${Number.isFinite(f.rps) ? f.rps.toFixed(0).padStart(8) : '        '} ${Number.isFinite(f.p50) ? f.p50.toFixed(0).padStart(8) : '        '} ${Number.isFinite(f.p99) ? f.p99.toFixed(0).padStart(8) : '        '} ${ratio.padStart(17)} ${String(f.non2xx + f.errors).padStart(8)}`,
    );
  }
  const idle = figures.find((f) => f.label.startsWith('data entry, idle (again'))!;
  const busy = figures.find((f) => f.label.startsWith('data entry during'))!;
  console.log(`data-entry p99 during the import / idle: ${(busy.p99 / idle.p99).toFixed(1)}× (target: under 3×)`);
}
