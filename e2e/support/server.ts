import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { freePort, startServer as spawnServer, waitForHealth } from '../../packages/server/test/kit/index.ts';
import { launchBrowser } from './browser.ts';

export interface RunningServer {
  baseUrl: string;
  adminPassword: string;
  stop(): Promise<void>;
}

export const ADMIN_PASSWORD = 'admin-pass-e2e-123';

/**
 * Starts `vetplan serve` on a free port with a fresh installation (a copy of
 * the first start made once by global-setup.ts) and a known admin password;
 * `E2E_BASE_URL` points the tests at a server already running instead.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const external = process.env.E2E_BASE_URL;
  if (external) {
    return { baseUrl: external.replace(/\/$/, ''), adminPassword: process.env.E2E_ADMIN_PASSWORD ?? ADMIN_PASSWORD, stop: async () => {} };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-e2e-'));
  fs.cpSync(inject('e2eTemplateDir'), dataDir, { recursive: true });
  // The embedded database is wanted even when the runner has DATABASE_URL set.
  const server = spawnServer({ DATA_DIR: dataDir, VETPLAN_ADMIN_PASSWORD: ADMIN_PASSWORD, DATABASE_URL: '', ...env }, await freePort());
  const stop = async () => {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(server, 180_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl: server.url, adminPassword: ADMIN_PASSWORD, stop };
}

/**
 * The built app served on a fresh data folder, and Chromium, for one test file; `env` adds server variables
 * (e.g. VETPLAN_TEST_CLOCK=1). With `today`, the server's clock is set to it once started, so that which
 * periods are open to officers does not depend on the day the suite runs.
 */
export function useAppUnderTest(
  env: Record<string, string> = {},
  options: { today?: string } = {},
): { server: RunningServer; browser: Browser } {
  const t = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    // The web build and the server bundle are made once, by global-setup.ts.
    t.server = await startServer(options.today ? { ...env, VETPLAN_TEST_CLOCK: '1' } : env);
    if (options.today) await setServerClock(t.server, options.today);
    t.browser = await launchBrowser();
  });
  afterAll(async () => {
    await t.browser?.close();
    await t.server?.stop();
  });
  return t;
}

/** Sets the clock of a server started with VETPLAN_TEST_CLOCK=1, as its first administrator. */
export async function setServerClock(server: RunningServer, iso: string): Promise<void> {
  const login = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: server.adminPassword }),
  });
  if (login.status !== 200) throw new Error(`setting the clock: login answered ${login.status}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const set = await fetch(`${server.baseUrl}/api/test/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ now: iso }),
  });
  if (set.status !== 200) throw new Error(`setting the clock answered ${set.status}: ${await set.text()}`);
}

/** The day the browser tests that write half-years run on: 2026S1 (until 20/12) and 2026S2 (from 1/12) are both open to officers. */
export const E2E_TODAY = '2026-12-03T03:00:00.000Z';
