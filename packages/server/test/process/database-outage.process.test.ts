import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/db/connection.ts';
import { OutageLoad, type Answer } from '../support/outage-load.ts';
import { freePort, loginCookie, startServer, waitForHealth, type ServerProcess } from '../support/process.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwaway-postgres.ts';

// Needs PostgreSQL's server binaries: runs wherever TEST_DATABASE_URL is set (CI installs them and sets it).
// The server is one of the test's own, since it is stopped and started again.
const servers = process.env.TEST_DATABASE_URL ? ['PostgreSQL'] : [];
const PASSWORD = 'outage-test-pass-1';

/** How answers went in one stretch: counts by status. */
function statuses(answers: Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1;
  return counts;
}

describe.each(servers)('a vetplan server whose %s server goes away and comes back', { timeout: 300_000 }, () => {
  let pg: ThrowawayPostgres;
  let server: ServerProcess;
  let dataDir: string;
  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-outage-'));
    server = startServer(
      {
        DATABASE_URL: pg.url,
        DATA_DIR: dataDir,
        VETPLAN_ADMIN_PASSWORD: PASSWORD,
        DEMO_DATA: 'false',
        WEB_DIST_DIR: path.join(dataDir, 'no-web'),
        LOG_LEVEL: 'warn',
      },
      await freePort(),
    );
    await waitForHealth(server);
  });
  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await server?.exited;
    pg?.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stays up through ended connections and a stopped server, answers 503 (never 500) meanwhile, serves again within seconds, and keeps every acknowledged write', async () => {
    let exited = false;
    void server.exited.then(() => (exited = true));
    const session = { url: server.url, ...(await loginCookie(server.url, 'admin', PASSWORD)) };
    const load = new OutageLoad(session);
    // More writes acknowledged; fails at once, with the server's output, if the server has exited.
    const progress = (writes: number) =>
      Promise.race([
        load.untilAcknowledged(writes),
        server.exited.then(() => Promise.reject(new Error(`the vetplan server exited:\n${server.output()}`))),
      ]);
    load.start(3, 2);
    await progress(30);

    // 1. Its connections ended, as pg_terminate_backend (an administrator, a pooler's timeout) does.
    const admin = await openPostgres(pg.url, 1);
    const ended = await sql<{ n: number }>`
      select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
      where starts_with(application_name, 'vetplan ') and pid <> pg_backend_pid()`.execute(admin.db);
    await admin.close();
    expect(ended.rows[0]!.n).toBeGreaterThan(0);
    await progress(30);

    // 2. The server stopped for a few seconds, then started again.
    await pg.stop();
    const downFrom = Date.now();
    // While it is down, every kind of request is answered (503) several times.
    while (
      Date.now() - downFrom < 3_000 ||
      load.sentBetween(downFrom, Infinity, 'health').length < 3 ||
      load.sentBetween(downFrom, Infinity, 'write').length < 3
    ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const downTo = Date.now();
    await pg.start();
    const upAt = Date.now();
    await progress(30);
    const firstOk = load.sentBetween(upAt).find((a) => a.status === 200);
    await load.stop();

    expect(exited).toBe(false);
    // Never a 500, never a request left unanswered: a 200, or a 503 while the database was away.
    expect(load.answers.filter((a) => a.status !== 200 && a.status !== 503)).toEqual([]);
    const whileDown = load.sentBetween(downFrom, downTo);
    expect(statuses(whileDown)).toEqual({ 503: whileDown.length });
    expect(whileDown.find((a) => a.kind === 'health')!.error).toContain('"error":"database_unavailable"');
    expect(whileDown.find((a) => a.kind === 'write')!.error).toContain('"error":"database_unavailable"');
    // Back within seconds of the database.
    expect(firstOk).toBeDefined();
    expect(firstOk!.at - upAt).toBeLessThan(5_000);
    // Every write acknowledged before, during or after is stored.
    expect(await load.lost()).toEqual([]);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    // What an operator sees: warnings naming each lost connection's SQLSTATE, no unhandled error.
    const log = server.output();
    expect(log).toContain('lost a database connection');
    expect(log).toContain('"code":"57P01"');
    expect(log).not.toMatch(/unhandled error|Unhandled|"level":50/);
    expect(load.acknowledgedWrites()).toBeGreaterThanOrEqual(90);
  });
});
