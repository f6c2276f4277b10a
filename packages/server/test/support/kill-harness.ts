import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openEmbedded, openPostgres, type DatabaseHandle } from '../../src/db/connection.ts';
import { syntheticCsv } from '../../../../bench/lib/synthetic-values.ts';
import { withDatabaseName } from './engine.ts';
import { freePort, loginCookie, startServer, waitForHealth, type ServerProcess } from './process.ts';

/**
 * The crash-safety harness: writes through the HTTP API of a real `vetplan
 * serve` process (cell entry and CSV imports), SIGKILLs it at a random moment,
 * restarts it and checks against a witness log that every acknowledged write
 * is there and that every import is stored whole or not at all.
 */

export type KillEngine = { kind: 'pglite' } | { kind: 'postgres'; url: string };

export interface KillOptions {
  engine: KillEngine;
  kills: number;
  /** Concurrent cell writers. */
  writers?: number;
  /** Rows per import (whole unit-periods of 21 rows). */
  importRows?: number;
  /**
   * When to kill: once a random number of writes in this range has been
   * acknowledged in the round (imports count too), after a further random
   * delay of up to `killJitterMs`; at the latest after `roundLimitMs`.
   */
  killAfterAcks?: [number, number];
  killJitterMs?: number;
  roundLimitMs?: number;
  seed?: number;
  /** How long a restart may take to answer GET /api/health before it counts as needing repair. */
  healthTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface KillReport {
  engine: KillEngine['kind'];
  kills: number;
  acknowledgedCells: number;
  acknowledgedImports: number;
  /** Writes in flight at a kill whose outcome the client never learnt (stored or not: both are allowed). */
  inFlightAtKill: number;
  /** Acknowledged writes missing or changed after a restart. */
  lost: number;
  /** Imports found partly stored after a restart. */
  halfStored: number;
  /** Restarts that did not come up healthy on their own. */
  restartsNeedingRepair: number;
  /** Answers other than 200 while the server was up (none expected). */
  unexpectedAnswers: string[];
  medianRestartMs: number;
  /** Import stage tables found once the last server has stopped (a restart drops those of killed imports). */
  stagesLeft: number;
}

const ADMIN_PASSWORD = 'kill-harness-pass-1';
const CELL_ELEMENT = 'DE_VET_INSTITUTIONS';
const CELL_ORGS = ['07681', '07682', '07684', '07690', '07702', '07708'];
const CELL_PERIODS = Array.from({ length: 12 }, (_, i) => `2015${String(i + 1).padStart(2, '0')}`);

interface CellWitness {
  org: string;
  period: string;
  /** Last value the server acknowledged (null: empty) and its version. */
  acked: number | null;
  version: number;
  /** A write sent but not answered when the server died. */
  pending: number | null;
}

interface ImportWitness {
  lastAcked: number;
  pending: number | null;
}

class Random {
  private a: number;
  constructor(seed: number) {
    this.a = seed >>> 0;
  }
  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return Math.floor(min + this.next() * (max - min));
  }
}

/** A throw-away installation: a data folder, or a database on the given server. */
async function prepareInstallation(
  engine: KillEngine,
): Promise<{ env: Record<string, string>; open: () => Promise<DatabaseHandle>; cleanup: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-kill-'));
  const base = { VETPLAN_ADMIN_PASSWORD: ADMIN_PASSWORD, WEB_DIST_DIR: path.join(dir, 'no-web'), DEMO_DATA: 'false', LOG_LEVEL: 'error' };
  if (engine.kind === 'pglite') {
    return {
      env: { ...base, DATA_DIR: dir },
      open: () => openEmbedded(dir),
      cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `vetplan_resilience_kill_${randomBytes(4).toString('hex')}`;
  const admin = await openPostgres(engine.url, 1);
  await sql.raw(`create database ${name}`).execute(admin.db);
  return {
    env: { ...base, DATA_DIR: dir, DATABASE_URL: withDatabaseName(engine.url, name) },
    open: () => openPostgres(withDatabaseName(engine.url, name), 1),
    cleanup: async () => {
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin.db);
      await admin.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface Session {
  url: string;
  cookie: string;
  csrf: string;
}

async function send(s: Session, method: string, url: string, body: string, type = 'application/json'): Promise<Response> {
  return fetch(`${s.url}${url}`, { method, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': type }, body });
}

function importCsv(rows: number, generation: number): string {
  return syntheticCsv(rows, 7).csv.replace(/,\n/g, `,gen-${generation}\n`);
}

export async function runKillHarness(options: KillOptions): Promise<KillReport> {
  const log = options.log ?? (() => undefined);
  const rnd = new Random(options.seed ?? 1);
  const writers = options.writers ?? 4;
  const importRows = options.importRows ?? 504;
  const [acksMin, acksMax] = options.killAfterAcks ?? [2, 25];
  const jitter = options.killJitterMs ?? 1500;
  const roundLimit = options.roundLimitMs ?? 60_000;
  const importTotal = syntheticCsv(importRows, 7).rows;
  const importPeriods = [
    ...new Set(
      syntheticCsv(importRows, 7)
        .csv.split('\n')
        .slice(1, -1)
        .map((l) => l.split(',')[1]!),
    ),
  ];

  const cells: CellWitness[] = CELL_ORGS.flatMap((org) =>
    CELL_PERIODS.map((period) => ({ org, period, acked: null, version: 0, pending: null })),
  );
  const imports: ImportWitness = { lastAcked: 0, pending: null };
  const report: KillReport = {
    engine: options.engine.kind,
    kills: 0,
    acknowledgedCells: 0,
    acknowledgedImports: 0,
    inFlightAtKill: 0,
    lost: 0,
    halfStored: 0,
    restartsNeedingRepair: 0,
    unexpectedAnswers: [],
    medianRestartMs: 0,
    stagesLeft: 0,
  };
  const restartTimes: number[] = [];
  let nextValue = 1;
  let nextGeneration = 1;

  const { env, open, cleanup } = await prepareInstallation(options.engine);
  let server: ServerProcess | null = null;
  const start = async (): Promise<Session> => {
    const t = performance.now();
    server = startServer(env, await freePort());
    try {
      await waitForHealth(server, options.healthTimeoutMs ?? 900_000);
    } catch (error) {
      report.restartsNeedingRepair++;
      throw error;
    }
    restartTimes.push(performance.now() - t);
    const { cookie, csrf } = await loginCookie(server.url, 'admin', ADMIN_PASSWORD);
    return { url: server.url, cookie, csrf };
  };

  /** Reads back every witnessed cell and import row and compares them with the log. */
  const check = async (s: Session) => {
    const cellRes = await fetch(
      `${s.url}/api/data-values?element=${CELL_ELEMENT}&period=${CELL_PERIODS.join(',')}&org=${CELL_ORGS.join(',')}`,
      { headers: { cookie: s.cookie } },
    );
    const stored = new Map(
      ((await cellRes.json()) as { rows: { org: string; period: string; value: number }[] }).rows.map((r) => [
        `${r.org}|${r.period}`,
        r.value,
      ]),
    );
    for (const c of cells) {
      const value = stored.get(`${c.org}|${c.period}`) ?? null;
      if (c.pending !== null && value === c.pending) {
        c.acked = value;
        c.version++;
      } else if (value !== c.acked) {
        report.lost++;
        log(`LOST cell ${c.org} ${c.period}: acknowledged ${c.acked}, stored ${value}`);
        c.acked = value;
      }
      c.pending = null;
    }
    const importRes = await fetch(`${s.url}/api/data-values?period=${importPeriods.join(',')}`, { headers: { cookie: s.cookie } });
    const rows = ((await importRes.json()) as { rows: { comment: string | null }[] }).rows;
    const generations = new Set(rows.map((r) => r.comment));
    const generation = rows.length === 0 ? 0 : Number(String(rows[0]!.comment).replace('gen-', ''));
    if (generations.size > 1 || (rows.length !== 0 && rows.length !== importTotal)) {
      report.halfStored++;
      log(`HALF-STORED import: ${rows.length} of ${importTotal} rows, generations ${[...generations].join(' ')}`);
    } else if (generation !== imports.lastAcked && generation !== imports.pending) {
      report.lost++;
      log(`LOST import: acknowledged generation ${imports.lastAcked}, stored ${generation}`);
    }
    imports.lastAcked = Math.max(imports.lastAcked, generation);
    imports.pending = null;
  };

  const writeCells = async (s: Session, owned: CellWitness[], stop: { dead: boolean }) => {
    while (!stop.dead) {
      const c = owned[rnd.int(0, owned.length)]!;
      const value = nextValue++;
      c.pending = value;
      let res: Response;
      try {
        res = await send(
          s,
          'PUT',
          '/api/data-entry/cell',
          JSON.stringify({ element: CELL_ELEMENT, period: c.period, org: c.org, disagg: '', value, baseVersion: c.version }),
        );
      } catch {
        report.inFlightAtKill++;
        return; // the server died with this write in flight: check() decides
      }
      const text = await res.text().catch(() => null);
      if (res.status === 200 && text !== null) {
        c.acked = value;
        c.version = (JSON.parse(text) as { cell: { version: number } }).cell.version;
        c.pending = null;
        report.acknowledgedCells++;
      } else {
        if (stop.dead) {
          report.inFlightAtKill++;
          return;
        }
        c.pending = null;
        report.unexpectedAnswers.push(`cell ${res.status} ${text?.slice(0, 200)}`);
      }
    }
  };

  const writeImports = async (s: Session, stop: { dead: boolean }) => {
    while (!stop.dead) {
      const generation = nextGeneration++;
      imports.pending = generation;
      let res: Response;
      try {
        res = await send(s, 'POST', '/api/data-values', importCsv(importRows, generation), 'text/csv');
      } catch {
        report.inFlightAtKill++;
        return;
      }
      const text = await res.text().catch(() => null);
      if (res.status === 200 && text !== null) {
        imports.lastAcked = generation;
        imports.pending = null;
        report.acknowledgedImports++;
      } else {
        if (stop.dead) {
          report.inFlightAtKill++;
          return;
        }
        imports.pending = null;
        report.unexpectedAnswers.push(`import ${res.status} ${text?.slice(0, 200)}`);
      }
    }
  };

  try {
    let session = await start();
    for (let round = 0; round < options.kills; round++) {
      const stop = { dead: false };
      const work = [
        ...Array.from({ length: writers }, (_, w) =>
          writeCells(
            session,
            cells.filter((_, i) => i % writers === w),
            stop,
          ),
        ),
        writeImports(session, stop),
      ];
      const target = rnd.int(acksMin, acksMax + 1);
      const acked = () => report.acknowledgedCells + report.acknowledgedImports;
      const startAcks = acked();
      const roundEnds = Date.now() + roundLimit;
      while (acked() - startAcks < target && Date.now() < roundEnds) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, rnd.int(0, jitter)));
      const victim = server!;
      victim.child.kill('SIGKILL');
      await victim.exited;
      stop.dead = true;
      await Promise.all(work);
      report.kills++;
      session = await start();
      await check(session);
      log(
        `kill ${round + 1}/${options.kills}: acknowledged ${report.acknowledgedCells} cells, ${report.acknowledgedImports} imports; lost ${report.lost}, half-stored ${report.halfStored}`,
      );
    }
    const last = server!;
    last.child.kill('SIGTERM');
    await last.exited;
    const db = await open();
    try {
      const stages = await sql<{
        n: number;
      }>`select count(*)::int as n from pg_class where relkind = 'r' and starts_with(relname, 'import_stage_')`.execute(db.db);
      report.stagesLeft = stages.rows[0]!.n;
    } finally {
      await db.close();
    }
  } finally {
    (server as ServerProcess | null)?.child.kill('SIGKILL');
    await cleanup();
  }
  const sorted = [...restartTimes].sort((a, b) => a - b);
  report.medianRestartMs = Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0);
  return report;
}
