import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createContext } from '../../src/context.ts';
import { openPostgres, type DatabaseHandle } from '../../src/db/connection.ts';
import type { Database } from '../../src/db/schema.ts';
import { failureCode } from '../../src/db/unavailable.ts';
import { buildApp } from '../../src/app.ts';
import { verifyChain } from '../../src/modules/data-values/audit-chain.ts';
import { csvBatches } from '../../src/modules/data-values/input.ts';
import { ImportJobs } from '../../src/modules/imports/jobs.ts';
import { useTestApp, type ErrorBody } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { testEngine, withDatabaseName } from '../support/engine.ts';
import { useImportAdmin } from '../support/import-admin.ts';

/**
 * The database going away under a running app: on a PostgreSQL server its
 * connections ended (pg_terminate_backend, as a restart or failover does)
 * and new ones refused; on the embedded database, the engine stopped. The
 * app answers 503 database_unavailable, never 500, and the process goes on.
 * (test/process/database-outage.process.test.ts stops a real server.)
 */

const engine = testEngine();
const t = useTestApp();
const { admin, putCell, storedRows } = useImportAdmin(t);

const CELL = { element: 'DE_VET_INSTITUTIONS', org: '07741', disagg: '' };

if (engine.kind === 'postgres') {
  describe('a PostgreSQL server that ends or refuses the app’s connections', () => {
    let server: DatabaseHandle;
    let name: string;
    beforeAll(async () => {
      server = await openPostgres(engine.url, 1);
      name = (await sql<{ name: string }>`select current_database() as name`.execute(t.db.db)).rows[0]!.name;
    });
    afterAll(async () => {
      await sql.raw(`alter database ${name} with allow_connections true`).execute(server.db);
      await server.close();
    });

    /** Ends the app's backends on the test database that match `where`; returns how many. */
    const terminate = async (where = sql<boolean>`true`) =>
      (
        await sql<{ n: number }>`
        select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
        where datname = ${name} and pid <> pg_backend_pid() and ${where}`.execute(server.db)
      ).rows[0]!.n;
    const health = () => t.app.inject({ method: 'GET', url: '/api/health' });

    it('reports each idle connection it ends (57P01) and serves on new ones', async () => {
      expect((await health()).statusCode).toBe(200);
      const lost: Error[] = [];
      t.db.onConnectionLost((error) => lost.push(error));
      const ended = await terminate();
      expect(ended).toBeGreaterThan(0);
      await vi.waitFor(() => expect(lost).toHaveLength(ended), { timeout: 10_000, interval: 20 });
      expect(lost.map(failureCode)).toEqual(Array(ended).fill('57P01'));
      expect((await health()).json()).toEqual({ status: 'ok' });
      const read = await t.app.inject({
        method: 'GET',
        url: `/api/data-values?org=${CELL.org}`,
        headers: { cookie: admin.session.cookie },
      });
      expect(read.statusCode).toBe(200);
    });

    it('answers 503 database_unavailable for a write whose connection is ended under it, stores nothing, and takes the write again', async () => {
      const blocker = await openPostgres(withDatabaseName(engine.url, name), 1);
      try {
        const answer = await blocker.db.transaction().execute(async (trx) => {
          // The cell write waits for its unit-period's lock, held here; its connection is ended while it waits.
          await sql`select pg_advisory_xact_lock(hashtext(${`${CELL.org}|201503`}))`.execute(trx);
          const pending = Promise.resolve(putCell({ ...CELL, period: '201503', value: 4 }));
          const waiting = sql<boolean>`wait_event_type = 'Lock' and query like '%pg_advisory_xact_lock%' and pid <> ${sql.raw('(select pg_backend_pid())')}`;
          await vi.waitFor(
            async () => {
              const n = (
                await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = ${name} and ${waiting}`.execute(
                  server.db,
                )
              ).rows[0]!.n;
              expect(n).toBe(1);
            },
            { timeout: 10_000, interval: 20 },
          );
          expect(await terminate(waiting)).toBe(1);
          return pending;
        });
        expect(answer.statusCode).toBe(503);
        expect(answer.headers['retry-after']).toBe('5');
        expect(answer.json<ErrorBody>()).toEqual({
          error: 'database_unavailable',
          message: 'Hệ thống tạm thời không kết nối được cơ sở dữ liệu nên chưa xử lý xong yêu cầu. Vui lòng thử lại sau ít phút.',
          messageEn: 'The system cannot reach its database for the moment, so the request was not completed. Try again in a few minutes.',
        });
      } finally {
        await blocker.close();
      }
      expect(await storedRows(CELL.org, '201503')).toEqual([]);
      expect((await putCell({ ...CELL, period: '201503', value: 4 })).statusCode).toBe(200);
    });

    /** Stops the test database taking connections and ends those it has; resolves once the app's pool has seen each end. */
    const refuseConnections = async () => {
      expect((await health()).statusCode).toBe(200);
      const lost: Error[] = [];
      t.db.onConnectionLost((error) => lost.push(error));
      await sql.raw(`alter database ${name} with allow_connections false`).execute(server.db);
      const ended = await terminate();
      await vi.waitFor(() => expect(lost).toHaveLength(ended), { timeout: 10_000, interval: 20 });
    };
    const allowConnections = () => sql.raw(`alter database ${name} with allow_connections true`).execute(server.db);

    it('answers health with 503 naming the database while it refuses connections, and 200 once it takes them again', async () => {
      await refuseConnections();
      try {
        await checkRefused();
      } finally {
        await allowConnections();
      }
      expect((await health()).statusCode).toBe(200);
    });

    async function checkRefused() {
      const down = await health();
      expect(down.statusCode).toBe(503);
      expect(down.json()).toEqual({
        error: 'database_unavailable',
        database: 'postgres',
        message:
          'Cơ sở dữ liệu PostgreSQL không phản hồi (mã 55000). Máy chủ vetplan vẫn chạy và sẽ phục vụ lại ngay khi cơ sở dữ liệu hoạt động trở lại.',
        messageEn:
          'The PostgreSQL database does not answer (code 55000). The vetplan server is still running and serves again as soon as the database is back.',
      });
      const read = await t.app.inject({
        method: 'GET',
        url: `/api/data-values?org=${CELL.org}`,
        headers: { cookie: admin.session.cookie },
      });
      expect(read.statusCode).toBe(503);
    }

    it('undoes an import cut off half-way once the database is back, and tells the person who ran it', async () => {
      const lines = ['element,period,org,disagg,value,comment'];
      for (let m = 1; m <= 12; m++)
        for (const sex of ['M', 'F']) lines.push(`DE_LABOUR_FORCE,2016${String(m).padStart(2, '0')},${CELL.org},sex:${sex},${5000 + m},`);
      const jobs = new ImportJobs({
        pageRows: 10,
        afterPage: async (written) => {
          if (written !== 10) return;
          // Between two pages: the database stops taking connections and ends those it has.
          await sql.raw(`alter database ${name} with allow_connections false`).execute(server.db);
          await terminate();
        },
      });
      const job = jobs.start(t.ctx, admin.auth, { batches: csvBatches(lines.join('\n')), total: 24 }, 'atomic');
      try {
        await vi.waitFor(() => expect(job.status).toBe('failed'), { timeout: 20_000, interval: 20 });
        // The undo cannot be done while the database refuses connections: it waits, and is done once they are taken again.
        expect(job.error).toEqual({
          error: 'database_unavailable',
          undo: 'pending',
          message:
            'Mất kết nối tới cơ sở dữ liệu trong khi ghi số liệu; phần đã ghi sẽ được tự động hoàn tác ngay khi cơ sở dữ liệu hoạt động trở lại, không có số liệu nào của tệp được giữ lại. Hãy gửi lại tệp sau.',
          messageEn:
            'The database connection was lost while the values were written; what had been written is undone automatically as soon as the database is back, and nothing of the file is kept. Send the file again later.',
          errors: [],
        });
      } finally {
        await allowConnections();
      }
      await vi.waitFor(() => expect(job.error?.undo).toBe('undone'), { timeout: 20_000, interval: 50 });
      expect(job.error?.message).toBe(
        'Mất kết nối tới cơ sở dữ liệu trong khi ghi số liệu; phần đã ghi đã được hoàn tác, không có số liệu nào của tệp được lưu. Hãy gửi lại tệp sau ít phút.',
      );
      expect(await storedRows(CELL.org, '2016')).toEqual([]);
      const imports = await t.db.db.selectFrom('data_import').select('status').where('actor', '=', admin.auth.username).execute();
      expect(imports.map((i) => i.status)).toEqual(['rolled_back']);
      expect(await t.db.db.selectFrom('data_import_claim').selectAll().execute()).toEqual([]);
      await vi.waitFor(async () => expect(await stageTables(t.db.db)).toEqual([]), { timeout: 20_000, interval: 50 });
      expect(await verifyChain(t.db.db)).toMatchObject({ broken: null });
    });
  });
} else {
  describe('an embedded database whose engine has stopped', () => {
    it('answers 503 database_unavailable naming it, never 500, and the process goes on', async () => {
      const db = await createTestDatabase();
      const app = await buildApp(createContext(db.db, t.config));
      try {
        expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
        await db.pglite!.close();
        const health = await app.inject({ method: 'GET', url: '/api/health' });
        expect(health.statusCode).toBe(503);
        expect(health.json()).toEqual({
          error: 'database_unavailable',
          database: 'pglite',
          message:
            'Cơ sở dữ liệu nhúng (PGlite) không phản hồi. Máy chủ vetplan vẫn chạy và sẽ phục vụ lại ngay khi cơ sở dữ liệu hoạt động trở lại.',
          messageEn:
            'The embedded (PGlite) database does not answer. The vetplan server is still running and serves again as soon as the database is back.',
        });
        const login = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: admin.auth.username, password: 'whatever-it-is' },
        });
        expect(login.statusCode).toBe(503);
        expect(login.json<ErrorBody>().error).toBe('database_unavailable');
      } finally {
        await app.close();
        await db.destroy().catch(() => undefined);
      }
    });
  });
}

async function stageTables(db: Kysely<Database>): Promise<string[]> {
  return (
    await sql<{ name: string }>`select relname as name from pg_class where relkind = 'r' and starts_with(relname, 'import_stage_')`.execute(
      db,
    )
  ).rows.map((r) => r.name);
}
