import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/context.ts';
import { buildApp } from '../../src/app.ts';
import type { App } from '../../src/http/app-type.ts';
import { TEST_PASSWORD, useTestApp, type ErrorBody } from '../support/app.ts';

// LOGIN_MAX_FAILURES 5 and LOGIN_WINDOW_MINUTES 15, the defaults: 5 per username and address,
// 50 per username, 20 per address; then 1, 2, 4 ... minutes, at most 15.
const t = useTestApp();

let addresses = 0;
/** An address of its own for each use, so that the tests do not share the per-address budget. */
const newAddress = () => `198.51.100.${++addresses}`;

function login(username: string, password: string, remoteAddress: string, app: App = t.app) {
  return app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password } });
}

async function statuses(username: string, passwords: string[], remoteAddress: string, app?: App): Promise<number[]> {
  return (await Promise.all(passwords.map((p) => login(username, p, remoteAddress, app)))).map((r) => r.statusCode);
}

const wrong = (n: number) => Array.from({ length: n }, (_, i) => `wrong-password-${i}`);
const tally = (codes: number[]) => codes.reduce<Record<number, number>>((acc, c) => ({ ...acc, [c]: (acc[c] ?? 0) + 1 }), {});

/** Passwords checked for a username: its failed logins in the audit log. */
async function failedChecks(username: string): Promise<number> {
  const rows = await t.db.db
    .selectFrom('audit_event')
    .select('id')
    .where('action', '=', 'login_failed')
    .where('entity_key', '=', username)
    .execute();
  return rows.length;
}

describe('login throttling', () => {
  it('checks at most 5 of 100 wrong passwords sent at once for one user; the rest answer 429 before any check', async () => {
    const username = await t.newUser({ role: 'admin', org: 'VN' });
    const codes = await statuses(username, wrong(100), newAddress());
    expect(tally(codes)).toEqual({ 401: 5, 429: 95 });
    expect(await failedChecks(username)).toBe(5);
  });

  it('lets at most 5 of a burst through with the right password among them', async () => {
    const username = await t.newUser({ role: 'viewer', org: '221' });
    const passwords = wrong(100);
    passwords[50] = TEST_PASSWORD;
    const codes = await statuses(username, passwords, newAddress());
    expect((tally(codes)[401] ?? 0) + (tally(codes)[200] ?? 0)).toBeLessThanOrEqual(5);
    expect(tally(codes)[429]).toBeGreaterThanOrEqual(95);
  });

  it('refuses the right password after the burst until the delay has passed, then lets it in', async () => {
    const username = await t.newUser({ role: 'viewer', org: '221' });
    const address = newAddress();
    await statuses(username, wrong(100), address);
    const refused = await login(username, TEST_PASSWORD, address);
    expect(refused.statusCode).toBe(429);
    expect(refused.json<ErrorBody>()).toEqual({
      error: 'too_many_attempts',
      message: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 1 phút.',
      messageEn: 'Too many failed logins. Try again in 1 minute(s).',
    });
    expect(refused.headers['retry-after']).toBe('60');
    t.clock.advance(59_000);
    expect((await login(username, TEST_PASSWORD, address)).headers['retry-after']).toBe('1');
    t.clock.advance(1_000);
    expect((await login(username, TEST_PASSWORD, address)).statusCode).toBe(200);
  });

  it('makes each further failure wait twice as long, never longer than the window', async () => {
    const username = await t.newUser({ role: 'viewer', org: '221' });
    const address = newAddress();
    expect(await statuses(username, wrong(5), address)).toEqual([401, 401, 401, 401, 401]);
    const waits: string[] = [];
    for (let i = 0; i < 6; i++) {
      const refused = await login(username, 'wrong-again', address);
      expect(refused.statusCode).toBe(429);
      waits.push(refused.headers['retry-after'] as string);
      t.clock.advance(Number(refused.headers['retry-after']) * 1000);
      expect((await login(username, 'wrong-again', address)).statusCode).toBe(401);
    }
    // After 1, 2, 4 and 8 minutes the next would be 16: the window (15 minutes) caps it.
    expect(waits).toEqual(['60', '120', '240', '480', '900', '900']);
  });

  it('does not hold one user’s failures against another user from the same address, up to the address’s limit', async () => {
    const address = newAddress();
    const target = await t.newUser({ role: 'admin', org: 'VN' });
    await statuses(target, wrong(100), address);
    const colleague = await t.newUser({ role: 'viewer', org: '221' });
    expect((await login(colleague, TEST_PASSWORD, address)).statusCode).toBe(200);
    // Three more users fail five times each: 20 failures from the address, its limit.
    for (let i = 0; i < 3; i++)
      expect(await statuses(await t.newUser({ role: 'viewer', org: '221' }), wrong(5), address)).toEqual([401, 401, 401, 401, 401]);
    const another = await t.newUser({ role: 'viewer', org: '221' });
    expect((await login(another, TEST_PASSWORD, address)).statusCode).toBe(429);
    expect((await login(another, TEST_PASSWORD, newAddress())).statusCode).toBe(200);
  });

  it('does not lock a user out from another address; many addresses together only slow the account down', async () => {
    const username = await t.newUser({ role: 'admin', org: 'VN' });
    const first = newAddress();
    await statuses(username, wrong(100), first);
    expect((await login(username, TEST_PASSWORD, newAddress())).statusCode).toBe(200);
    // The success at the second address forgets nothing of the first's.
    expect((await login(username, TEST_PASSWORD, first)).statusCode).toBe(429);
    // Ten addresses with five failures each reach the username's own budget (50): then it waits a minute everywhere.
    for (let i = 0; i < 9; i++) expect(tally(await statuses(username, wrong(5), newAddress()))).toEqual({ 401: 5 });
    const refused = await login(username, TEST_PASSWORD, newAddress());
    expect([refused.statusCode, refused.headers['retry-after']]).toEqual([429, '60']);
    t.clock.advance(60_000);
    expect((await login(username, TEST_PASSWORD, newAddress())).statusCode).toBe(200);
  });

  it('forgets a user’s failures from an address once they log in from it', async () => {
    const username = await t.newUser({ role: 'viewer', org: '221' });
    const address = newAddress();
    expect(tally(await statuses(username, wrong(4), address))).toEqual({ 401: 4 });
    expect((await login(username, TEST_PASSWORD, address)).statusCode).toBe(200);
    expect(tally(await statuses(username, wrong(6), address))).toEqual({ 401: 5, 429: 1 });
  });

  it('counts attempts in the database: two servers on one database share the limits', async () => {
    const other = await buildApp(createContext(t.db.db, t.config, t.clock.now));
    try {
      const username = await t.newUser({ role: 'viewer', org: '221' });
      const address = newAddress();
      const codes = await Promise.all([statuses(username, wrong(50), address), statuses(username, wrong(50), address, other)]);
      expect(tally(codes.flat())).toEqual({ 401: 5, 429: 95 });
    } finally {
      await other.close();
    }
  });
});
