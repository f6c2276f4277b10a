import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { AppContext } from '../../src/context.ts';
import type { App } from '../../src/http/app-type.ts';
import type { FuzzEnv } from './fuzz-targets.ts';

export interface FuzzOutcome {
  status?: number;
  /** What broke: a 5xx, an unexpected exception, a partial write. */
  problem: string | null;
}

/** Tables a write endpoint changes: a refused write must leave the row count of every one as it was. */
const COUNTED = [
  'data_value',
  'data_value_audit',
  'app_user',
  'data_element',
  'data_element_dimension',
  'submission',
  'submission_event',
  'audit_event',
  'task',
  'task_assignment',
  'task_party',
  'task_event',
  'task_evidence',
  'task_extension',
  'task_progress_report',
  'score_adjustment',
  'report_draft',
  'report_export',
];
/** A refused login, and a refused password change (wrong current password), record their failure in the audit trail on purpose (docs/access.md); every other audit event counts. */
const countOf = (table: string) =>
  table === 'audit_event'
    ? `(select count(*) from audit_event where action not in ('login_failed', 'password_change_failed'))`
    : `(select count(*) from ${table})`;
const COUNTS_SQL = `select pg_snapshot_xmax(pg_current_snapshot())::text as next_xid, ${COUNTED.map((table) => `${countOf(table)} as ${table}`).join(', ')}`;
const XID_SQL = 'select pg_snapshot_xmax(pg_current_snapshot())::text as next_xid';

interface Fingerprint {
  /** The next transaction id: it moves only when some transaction wrote (committed or not). */
  nextXid: string;
  counts: string;
}

/**
 * The state a refused write must leave alone, read cheaply: the next
 * transaction id first (one tiny query); only when it moved — something wrote,
 * maybe a rolled-back attempt — are the counts of every table read again (one
 * statement, one snapshot). A request that assigned no transaction id cannot
 * have changed any table, counted or not, so skipping the counts then checks
 * no less than counting.
 */
export class WriteFingerprint {
  private last: Fingerprint | null = null;
  constructor(private readonly ctx: AppContext) {}

  get dataDir(): string {
    return this.ctx.config.dataDir;
  }

  private async read(): Promise<Fingerprint> {
    const row = (await sql.raw<Record<string, string | number>>(COUNTS_SQL).execute(this.ctx.db)).rows[0]!;
    this.last = { nextXid: String(row.next_xid), counts: COUNTED.map((table) => `${table}=${row[table]}`).join(' ') };
    return this.last;
  }

  private async nextXid(): Promise<string> {
    return String((await sql.raw<{ next_xid: string }>(XID_SQL).execute(this.ctx.db)).rows[0]!.next_xid);
  }

  /** The state now: the remembered one if no transaction has written since it was read. */
  async now(): Promise<Fingerprint> {
    if (this.last && (await this.nextXid()) === this.last.nextXid) return this.last;
    return this.read();
  }

  /** The counts that changed since `before`, or null. */
  async changedSince(before: Fingerprint): Promise<string | null> {
    if ((await this.nextXid()) === before.nextXid) return null;
    const after = await this.read();
    return after.counts === before.counts ? null : `${before.counts} → ${after.counts}`;
  }
}

/** The files under DATA_DIR/<folder> (evidence, kept reports), counted: a refused upload must not leave one behind. */
export function countFiles(dataDir: string, folder: string): number {
  const root = path.join(dataDir, folder);
  if (!fs.existsSync(root)) return 0;
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

export interface WriteRequest {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** A folder under DATA_DIR the route writes files into. */
  filesIn?: string;
}

const fingerprints = new WeakMap<FuzzEnv, WriteFingerprint>();

/** Sends one request and checks: no 5xx, a refused request answers a message and leaves the tables (and files) as they were. */
export function probeWrite(env: FuzzEnv, request: WriteRequest): Promise<FuzzOutcome> {
  let fingerprint = fingerprints.get(env);
  if (!fingerprint) fingerprints.set(env, (fingerprint = new WriteFingerprint(env.ctx)));
  return probeWriteWith(env.app, fingerprint, request);
}

async function probeWriteWith(app: App, fingerprint: WriteFingerprint, request: WriteRequest): Promise<FuzzOutcome> {
  const before = await fingerprint.now();
  const filesBefore = request.filesIn ? countFiles(fingerprint.dataDir, request.filesIn) : 0;
  let res;
  try {
    res = await app.inject({ method: request.method, url: request.url, headers: request.headers, payload: request.payload });
  } catch (error) {
    return { problem: `the request threw: ${(error as Error).message}` };
  }
  const where = `${request.method} ${request.url.slice(0, 200)}`;
  if (res.statusCode >= 500) return { status: res.statusCode, problem: `${where} → ${res.statusCode} ${res.body.slice(0, 300)}` };
  if (res.statusCode >= 400) {
    const changed = await fingerprint.changedSince(before);
    if (changed) return { status: res.statusCode, problem: `${where} → ${res.statusCode} but the database changed: ${changed}` };
    if (request.filesIn) {
      const filesAfter = countFiles(fingerprint.dataDir, request.filesIn);
      if (filesAfter !== filesBefore)
        return {
          status: res.statusCode,
          problem: `${where} → ${res.statusCode} but the database changed: ${request.filesIn}/ held ${filesBefore} files, now ${filesAfter}`,
        };
    }
    const body = res.json<{ message?: string }>();
    if (typeof body.message !== 'string' || body.message.length === 0)
      return { status: res.statusCode, problem: `${where} → ${res.statusCode} without a message` };
  }
  return { status: res.statusCode, problem: null };
}
