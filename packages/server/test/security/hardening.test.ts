import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createContext } from '../../src/context.ts';
import { buildApp } from '../../src/app.ts';
import { TEST_PASSWORD, useTestApp, type ErrorBody } from '../support/app.ts';

// One hop of reverse proxy, and the test clock route, on one app.
const t = useTestApp({ TRUST_PROXY: '1', VETPLAN_TEST_CLOCK: '1' });

async function loginAddress(username: string, headers: Record<string, string>, remoteAddress = '127.0.0.1'): Promise<string | null> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers,
    payload: { username, password: TEST_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  const row = await t.db.db
    .selectFrom('audit_event')
    .select('ip')
    .where('action', '=', 'login')
    .where('entity_key', '=', username)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return row.ip;
}

describe('TRUST_PROXY as a number of hops', () => {
  it('takes the address the trusted proxy wrote, not a forged leftmost X-Forwarded-For entry', async () => {
    const username = await t.newUser({ role: 'viewer', org: '221' });
    expect(await loginAddress(username, { 'x-forwarded-for': '203.0.113.7' })).toBe('203.0.113.7');
    expect(await loginAddress(username, { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' })).toBe('203.0.113.7');
    expect(await loginAddress(username, { 'x-forwarded-for': '6.6.6.6, 7.7.7.7, 203.0.113.7' })).toBe('203.0.113.7');
  });

  it('takes an address list: a client that is not a listed proxy keeps its own address', async () => {
    const ctx = createContext(t.db.db, loadConfig({ LOG_LEVEL: 'silent', TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }), t.clock.now);
    const app = await buildApp(ctx);
    try {
      const username = await t.newUser({ role: 'viewer', org: '221' });
      const login = (remoteAddress: string) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress,
          headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' },
          payload: { username, password: TEST_PASSWORD },
        });
      const ips = async () =>
        (
          await t.db.db
            .selectFrom('audit_event')
            .select('ip')
            .where('action', '=', 'login')
            .where('entity_key', '=', username)
            .orderBy('id')
            .execute()
        ).map((r) => r.ip);
      expect((await login('10.1.2.3')).statusCode).toBe(200);
      expect((await login('198.51.100.4')).statusCode).toBe(200);
      expect(await ips()).toEqual(['203.0.113.9', '198.51.100.4']);
    } finally {
      await app.close();
    }
  });
});

describe('Cache-Control on API answers', () => {
  it('is no-store on every /api answer: success, refusal, error and unknown route', async () => {
    const answers = await Promise.all([
      t.app.inject({ method: 'GET', url: '/api/health' }),
      t.app.inject({ method: 'GET', url: '/api/auth/me' }),
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody' } }),
      t.app.inject({ method: 'GET', url: '/api/no-such-route?x=1' }),
      t.app.inject({ method: 'GET', url: '/api/openapi.json' }),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 401, 400, 404, 200]);
    for (const res of answers) expect(res.headers['cache-control']).toBe('no-store');
  });

  it('leaves the web app’s files to their own caching', async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-web-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>vetplan</title>');
    fs.writeFileSync(path.join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    const app = await buildApp(t.ctx, { webDistDir: dist });
    try {
      const asset = await app.inject({ method: 'GET', url: '/assets/app-1234.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect((await app.inject({ method: 'GET', url: '/plans' })).headers['cache-control']).not.toBe('no-store');
    } finally {
      await app.close();
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('POST /api/test/clock (VETPLAN_TEST_CLOCK=1)', () => {
  const setClock = async (org: string) => {
    const admin = await t.login(await t.newUser({ role: 'admin', org }));
    return t.app.inject({ method: 'POST', url: '/api/test/clock', headers: admin.write, payload: { now: '2027-01-04T08:00:00Z' } });
  };

  it('refuses an administrator scoped below the nation (commune, district, organisation)', async () => {
    for (const org of ['07681', '221', '221-LDTBXH']) {
      const res = await setClock(org);
      expect(res.statusCode).toBe(403);
      expect(res.json<ErrorBody>()).toMatchObject({
        error: 'forbidden',
        message: 'Chỉ quản trị viên có phạm vi toàn quốc mới được đặt đồng hồ thử nghiệm của máy chủ.',
      });
    }
    expect(t.ctx.now().getUTCFullYear()).toBe(2026);
  });

  it('lets an administrator scoped to the nation move the clock', async () => {
    const res = await setClock('VN');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ now: '2027-01-04T08:00:00.000Z' });
  });
});
