import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql, type RawBuilder } from 'kysely';
import pg from 'pg';
import { redactUrl } from '../config.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Database } from './schema.ts';
import { failureCode } from './unavailable.ts';

export type Engine = 'pglite' | 'postgres';

export type ConnectionLossListener = (error: Error) => void;

/** A lost connection as the command line, the tests and the benchmarks report it (on standard error). */
export function warnConnectionLost(error: Error): void {
  process.stderr.write(
    `vetplan: warning: a database connection was lost (${failureCode(error)}: ${error.message}); a new one is opened when needed\n`,
  );
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  /** Where the data lives, for messages: a folder or a redacted URL. */
  location: string;
  /** The embedded database itself, for what Kysely does not carry (COPY from a blob, dumps); null on a server. */
  pglite: PGlite | null;
  /** Flushes dirty pages so the next start does not replay the WAL. */
  checkpoint(): Promise<void>;
  /**
   * Where a lost connection is reported (a line on standard error until the
   * server hands its logger here). The pool opens a new connection when one
   * is next needed; the embedded database has none to lose.
   */
  onConnectionLost(listener: ConnectionLossListener): void;
  close(): Promise<void>;
}

const OID = { int8: 20, numeric: 1700, date: 1082 } as const;

/** Both engines return the same JavaScript types: dates as 'YYYY-MM-DD', numerics and bigints as numbers. */
const parseNumber = (value: string) => Number(value);
const keepText = (value: string) => value;

/** The folder inside DATA_DIR that holds the embedded PostgreSQL cluster. */
export function embeddedClusterDir(dataDir: string): string {
  return path.join(dataDir, 'db');
}

/** The Kysely instances over an embedded database, where one statement blocks the event loop (pages are sized by it). */
const embedded = new WeakSet<object>();
const PROCESS_ID = randomUUID();

/**
 * This process's tag: the application_name of its connections to a
 * PostgreSQL server, and the owner of the imports it writes, so that another
 * process can tell a live import from one a dead process left behind.
 */
export function processTag(): string {
  return `vetplan ${PROCESS_ID}`;
}

export function isEmbedded(db: object): boolean {
  return embedded.has(db);
}

/**
 * A condition: the process whose tag (processTag) is `owner` still has a
 * connection. On the embedded database only this process is ever connected,
 * so any other owner is gone.
 */
export function ownerAlive(db: object, owner: RawBuilder<unknown>): RawBuilder<boolean> {
  return isEmbedded(db) ? sql<boolean>`false` : sql<boolean>`exists (select 1 from pg_stat_activity a where a.application_name = ${owner})`;
}

/**
 * PGlite's own start parameters, with PostgreSQL's shared buffers at 32 MB
 * instead of 128 MB: they live in the WebAssembly memory, which never shrinks,
 * and a district's data fits in them many times over (the files stay in the
 * operating system's cache). A reopened server idles about 85 MB lower, with
 * imports no slower (docs/performance.md, "PGlite's memory"). Given on the
 * command line, so postgresql.conf is left as initdb wrote it.
 */
const EMBEDDED_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

export async function openEmbedded(dataDir: string | null): Promise<DatabaseHandle> {
  let location = 'memory';
  if (dataDir) {
    location = embeddedClusterDir(dataDir);
    fs.mkdirSync(location, { recursive: true });
  }
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir: location } : {}),
    startParams: EMBEDDED_START_PARAMS,
    parsers: { [OID.int8]: parseNumber, [OID.numeric]: parseNumber, [OID.date]: keepText },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  embedded.add(db);
  return {
    db,
    engine: 'pglite',
    location,
    pglite,
    checkpoint: async () => {
      await sql`checkpoint`.execute(db);
    },
    onConnectionLost: () => undefined,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

/** How long a new connection to a PostgreSQL server may take. */
const CONNECT_TIMEOUT_MS = 10_000;

export async function openPostgres(url: string, maxConnections = 10): Promise<DatabaseHandle> {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === OID.int8 || oid === OID.numeric) return parseNumber;
      if (oid === OID.date) return keepText;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: maxConnections,
    types,
    application_name: processTag(),
    // A server that does not answer (a network cut, a failover in progress) fails the request as 503 after this long.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
  });
  let report: ConnectionLossListener = warnConnectionLost;
  // A connection the server ends (restart, failover, pg_terminate_backend, a pooler's timeout) emits 'error' on its
  // client, and an 'error' nobody listens to stops Node. pg-pool listens only while a client is idle (it then drops
  // the client and re-emits the error on the pool); a client checked out between two statements of a transaction
  // has no listener at all. So every client gets one for its whole life, and the pool's re-emission is answered
  // (reported once, here). The statement in flight fails on its own, as database_unavailable (http/error-handler.ts).
  pool.on('connect', (client) => client.on('error', (error) => report(error)));
  pool.on('error', () => undefined);
  // An unreachable server is reported at start-up, not at the first request.
  const client = await pool.connect().catch(async (error: unknown) => {
    await pool.end().catch(() => undefined);
    throw error;
  });
  client.release();
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    location: redactUrl(url),
    pglite: null,
    checkpoint: async () => {
      // A server manages its own checkpoints; an unprivileged role may not run CHECKPOINT.
    },
    onConnectionLost: (listener) => {
      report = listener;
    },
    close: async () => {
      await db.destroy();
    },
  };
}
