import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Advisory lock classes (two-key form, apart from the one-key locks elsewhere): one per username, one per address. */
const USERNAME_LOCK = 7403010;
const ADDRESS_LOCK = 7403011;

/**
 * Holds, until the transaction ends, the lock of a username and then that of an address. Every
 * writer of login_attempt takes them, in this order and in separate classes, so two never wait for
 * each other in a circle.
 */
export async function lockAttemptKeys(trx: Kysely<Database>, username: string, ip: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${USERNAME_LOCK}, hashtext(${username}))`.execute(trx);
  await sql`select pg_advisory_xact_lock(${ADDRESS_LOCK}, hashtext(${ip}))`.execute(trx);
}

/** A username from an address; '' stands for every username or every address. */
export interface AttemptKey {
  username: string;
  ip: string;
}

export interface KeyAttempts {
  attempts: number;
  last: Date | null;
}

const sameKey = (a: AttemptKey, b: AttemptKey) => a.username === b.username && a.ip === b.ip;

/** The attempts counted against each key (none for a key without a row). */
export async function readAttempts(db: Kysely<Database>, keys: AttemptKey[]): Promise<KeyAttempts[]> {
  const rows = await db
    .selectFrom('login_attempt')
    .selectAll()
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('username', '=', k.username), eb('ip', '=', k.ip)]))))
    .execute();
  return keys.map((k) => {
    const row = rows.find((r) => sameKey(r, k));
    return row ? { attempts: row.attempts, last: new Date(row.last_attempt_at) } : { attempts: 0, last: null };
  });
}

export async function saveAttempts(db: Kysely<Database>, key: AttemptKey, attempts: number, at: Date): Promise<void> {
  await db
    .insertInto('login_attempt')
    .values({ ...key, attempts, last_attempt_at: at })
    .onConflict((oc) => oc.columns(['username', 'ip']).doUpdateSet({ attempts, last_attempt_at: at }))
    .execute();
}

/** Forgets a username's attempts from an address, and takes them off the username's and the address's counts. */
export async function forgiveAttempts(db: Kysely<Database>, username: string, ip: string): Promise<void> {
  const pair = await db
    .deleteFrom('login_attempt')
    .where('username', '=', username)
    .where('ip', '=', ip)
    .returning('attempts')
    .executeTakeFirst();
  if (!pair) return;
  await db
    .updateTable('login_attempt')
    .set({ attempts: sql`greatest(attempts - ${pair.attempts}, 0)` })
    .where((eb) =>
      eb.or([eb.and([eb('username', '=', username), eb('ip', '=', '')]), eb.and([eb('username', '=', ''), eb('ip', '=', ip)])]),
    )
    .execute();
}

/**
 * Deletes up to `limit` keys quiet since `before`, of any username or address. Rows another
 * transaction has locked are skipped, not waited for: the clean-up never holds a login up.
 */
export async function pruneAttempts(db: Kysely<Database>, before: Date, limit = 500): Promise<void> {
  await sql`delete from login_attempt where (username, ip) in (
    select username, ip from login_attempt where last_attempt_at < ${before}
      order by last_attempt_at limit ${limit} for update skip locked)`.execute(db);
}
