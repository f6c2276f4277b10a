import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, loginCookie, startServer, waitForHealth, type ServerProcess } from '../support/process.ts';

const ADMIN_PASSWORD = 'admin-pass-123';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-serve-'));
// As an installation from before the data folder was kept private left it.
fs.chmodSync(dataDir, 0o755);
const env = { DATA_DIR: dataDir, VETPLAN_ADMIN_PASSWORD: ADMIN_PASSWORD, WEB_DIST_DIR: path.join(dataDir, 'no-web') };
const started: ServerProcess[] = [];

async function start(): Promise<ServerProcess> {
  const server = startServer(env, await freePort());
  started.push(server);
  await waitForHealth(server);
  return server;
}

afterAll(() => {
  for (const s of started) s.child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('vetplan serve on the embedded database', { timeout: 180_000 }, () => {
  let first: ServerProcess;

  it('starts on an empty folder, loads the catalogue and creates admin', async () => {
    first = await start();
    expect(first.output()).toContain('loaded catalogue yen-dung-2023');
    const { cookie } = await loginCookie(first.url, 'admin', ADMIN_PASSWORD);
    const plan = await fetch(`${first.url}/api/plans/YD-GDNN-2023`, { headers: { cookie } });
    expect(plan.status).toBe(200);
  });

  it('keeps the data folder private: the folder and every folder in it 0700, every file 0600 or tighter', () => {
    const open: string[] = [];
    const visit = (entry: string) => {
      const stat = fs.statSync(entry);
      if ((stat.mode & 0o077) !== 0) open.push(`${path.relative(dataDir, entry) || '.'} ${(stat.mode & 0o777).toString(8)}`);
      if (stat.isDirectory()) for (const name of fs.readdirSync(entry)) visit(path.join(entry, name));
    };
    visit(dataDir);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dataDir, 'vetplan.lock')).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.join(dataDir, 'db')).length).toBeGreaterThan(5);
    expect(open).toEqual([]);
  });

  it('refuses a second process on the same folder while the first keeps serving', async () => {
    const second = startServer(env, await freePort());
    started.push(second);
    const { code } = await second.exited;
    expect(code).not.toBe(0);
    expect(second.output()).toContain(`The data folder ${dataDir} is in use by another vetplan process (pid ${first.child.pid}`);
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
  });

  it('loses no acknowledged write when killed with SIGKILL', async () => {
    const { cookie, csrf } = await loginCookie(first.url, 'admin', ADMIN_PASSWORD);
    for (const username of ['kill.one', 'kill.two']) {
      const res = await fetch(`${first.url}/api/users`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'long-enough-1', role: 'unit_officer', org: '07681' }),
      });
      expect(res.status).toBe(201);
    }
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');

    // The lock of the killed process is stale: the restart takes it over and finds every write.
    first = await start();
    for (const username of ['kill.one', 'kill.two']) await loginCookie(first.url, username, 'long-enough-1');
  });

  it('stops cleanly on SIGTERM and releases the lock', async () => {
    first.child.kill('SIGTERM');
    const { code } = await first.exited;
    expect(code).toBe(0);
    expect(first.output()).toContain('SIGTERM received, finishing requests and closing the database');
    expect(fs.existsSync(path.join(dataDir, 'vetplan.lock'))).toBe(false);
    const again = await start();
    await loginCookie(again.url, 'kill.one', 'long-enough-1');
    again.child.kill('SIGTERM');
    expect((await again.exited).code).toBe(0);
  });
});

describe('vetplan serve at its first start without VETPLAN_ADMIN_PASSWORD', { timeout: 180_000 }, () => {
  it('prints the generated password last, in a box, and logs one line per API request at the default level', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-first-'));
    const server = startServer(
      { DATA_DIR: dir, VETPLAN_ADMIN_PASSWORD: '', DEMO_DATA: 'false', LOG_LEVEL: 'info', WEB_DIST_DIR: path.join(dir, 'no-web') },
      await freePort(),
    );
    started.push(server);
    try {
      await waitForHealth(server);
      const startup = server.output();
      const box = startup.slice(startup.indexOf('╔'));
      expect(startup.indexOf('╔')).toBeGreaterThan(startup.indexOf('vetplan: đang phục vụ tại / serving'));
      expect(box).toContain('Đã tạo tài khoản "admin". Mật khẩu chỉ hiển thị một lần này:');
      expect(box).toContain('Created user "admin". Its password is shown only this once:');
      const password = /║ {5}(\S+) +║/.exec(box)![1]!;
      const { cookie } = await loginCookie(server.url, 'admin', password);
      await fetch(`${server.url}/api/plans`, { headers: { cookie } });
      await fetch(`${server.url}/`);
      // waitForHealth's probes, the login, the plans: one line each, when answered; nothing for the page.
      const lines = server
        .output()
        .split('\n')
        .filter((l) => l.includes('"msg":"request"'));
      expect(lines.some((l) => l.includes('"url":"/api/auth/login"') && l.includes('"status":200'))).toBe(true);
      expect(lines.filter((l) => l.includes('"url":"/api/plans"'))).toHaveLength(1);
      expect(server.output()).not.toMatch(/incoming request|request completed|"url":"\/"/);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
