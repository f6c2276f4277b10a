import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import * as repo from './login-attempts.ts';

/**
 * Login throttling, kept in the database so that it holds across server processes. An attempt is
 * counted before its password is checked, under locks on its username and its address, so attempts
 * sent at once cannot pass a limit together. Past a limit an attempt is not refused for good but
 * made to wait, longer after each further attempt; no account is ever locked.
 *
 * Three counts, with N = LOGIN_MAX_FAILURES and W = LOGIN_WINDOW_MINUTES:
 * - a username from one address: N attempts, then delays;
 * - a username from all addresses: 10 × N, so that other addresses slow an account down only when
 *   many of them are guessing at it;
 * - an address for all usernames: 4 × N (a shared office computer).
 * A count at its limit makes the next attempt wait 1 minute after that count's latest attempt, then
 * 2, 4, 8 ... minutes, never longer than W. A count is forgotten when it has been quiet for W past
 * its delay, and a successful login forgets its username's attempts from its address.
 */

/** The first delay once a limit is reached; each further attempt doubles it. */
export const FIRST_DELAY_MS = 60_000;

export interface ThrottleLimits {
  pair: number;
  user: number;
  address: number;
  windowMs: number;
}

export function throttleLimits(config: Pick<Config, 'loginMaxFailures' | 'loginWindowMinutes'>): ThrottleLimits {
  const n = config.loginMaxFailures;
  return { pair: n, user: n * 10, address: n * 4, windowMs: config.loginWindowMinutes * 60_000 };
}

/** The wait after a count's latest attempt before the next one: none below the limit. */
export function delayMs(attempts: number, limit: number, windowMs: number): number {
  return attempts < limit ? 0 : Math.min(windowMs, FIRST_DELAY_MS * 2 ** (attempts - limit));
}

/** The attempts that still count now: none once the count has been quiet for the window past its delay. */
export function liveAttempts(key: repo.KeyAttempts, limit: number, windowMs: number, now: Date): number {
  if (key.last === null) return 0;
  const quietMs = now.getTime() - key.last.getTime();
  return quietMs > delayMs(key.attempts, limit, windowMs) + windowMs ? 0 : key.attempts;
}

/** How long a count makes the next attempt wait, in milliseconds (0: it may go now). */
export function waitMs(key: repo.KeyAttempts, limit: number, windowMs: number, now: Date): number {
  const attempts = liveAttempts(key, limit, windowMs, now);
  if (attempts < limit) return 0;
  return Math.max(0, key.last!.getTime() + delayMs(attempts, limit, windowMs) - now.getTime());
}

/** A username from an address; usernames count together however they were typed. */
function pairKey(username: string, address: string): repo.AttemptKey {
  // '' stands for every address in login_attempt; a request always has one, but never let it mean that.
  return { username: username.toLowerCase(), ip: address || 'unknown' };
}

/** The three counts of an attempt with their limits. */
function countsOf(limits: ThrottleLimits, username: string, address: string): Array<{ key: repo.AttemptKey; limit: number }> {
  const { username: name, ip } = pairKey(username, address);
  return [
    { key: { username: name, ip }, limit: limits.pair },
    { key: { username: name, ip: '' }, limit: limits.user },
    { key: { username: '', ip }, limit: limits.address },
  ];
}

/**
 * Counts a login attempt of a username from an address, or answers how many seconds to wait first
 * (nothing counted then). The attempt counts as failed unless `forgiveAttempts` follows it.
 */
export async function reserveAttempt(
  db: Kysely<Database>,
  limits: ThrottleLimits,
  username: string,
  address: string,
  now: Date,
): Promise<number> {
  const counts = countsOf(limits, username, address);
  return db.transaction().execute(async (trx) => {
    await repo.lockAttemptKeys(trx, counts[0]!.key.username, counts[0]!.key.ip);
    const found = await repo.readAttempts(
      trx,
      counts.map((c) => c.key),
    );
    const wait = Math.max(...counts.map((c, i) => waitMs(found[i]!, c.limit, limits.windowMs, now)));
    if (wait > 0) return Math.ceil(wait / 1000);
    for (const [i, c] of counts.entries())
      await repo.saveAttempts(trx, c.key, liveAttempts(found[i]!, c.limit, limits.windowMs, now) + 1, now);
    // A count quiet for twice the window is forgotten whatever its delay was (delays never pass the window).
    await repo.pruneAttempts(trx, new Date(now.getTime() - 2 * limits.windowMs));
    return 0;
  });
}

/**
 * After a successful login, in its transaction: that username's attempts from that address no longer
 * count. Under the same locks as a reservation, taken first, before the transaction locks any row.
 */
export async function forgiveAttempts(trx: Kysely<Database>, username: string, address: string): Promise<void> {
  const { username: name, ip } = pairKey(username, address);
  await repo.lockAttemptKeys(trx, name, ip);
  await repo.forgiveAttempts(trx, name, ip);
}
