import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '@vetplan/domain';
import { loadConfig, type Config } from '../../src/config.ts';
import { createContext, type AppContext } from '../../src/context.ts';
import { buildApp } from '../../src/app.ts';
import type { App } from '../../src/http/app-type.ts';
import { createApiToken } from '../../src/modules/auth/service.ts';
import { createUser } from '../../src/modules/users/service.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export const TEST_PASSWORD = 'correct-horse-42';

/** A settable clock: tests move time forward instead of sleeping. */
export class TestClock {
  constructor(public current = new Date('2026-03-02T08:00:00Z')) {}
  now = () => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface Session {
  cookie: string;
  csrf: string;
  /** Headers for a write made with this session. */
  write: Record<string, string>;
}

export interface TestApp {
  app: App;
  ctx: AppContext;
  db: TestDatabase;
  clock: TestClock;
  config: Config;
  /** Creates a user with the test password. */
  newUser(options: { role: Role; org: string; username?: string }): Promise<string>;
  login(username: string, password?: string): Promise<Session>;
  token(username: string): Promise<string>;
}

let counter = 0;

/**
 * Builds the app on a private database copy and a private data folder for the test file; both go after it.
 * (One folder shared by all files let one file's exported reports change another's file counts.)
 */
export function useTestApp(env: Record<string, string> = {}): TestApp {
  const t = {} as TestApp;
  let ownDataDir: string | null = null;
  beforeAll(async () => {
    t.db = await createTestDatabase();
    t.clock = new TestClock();
    if (!env.DATA_DIR) ownDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-test-data-'));
    t.config = loadConfig({ DATA_DIR: ownDataDir ?? env.DATA_DIR, LOG_LEVEL: 'silent', ...env });
    t.ctx = createContext(t.db.db, t.config, t.clock.now);
    t.app = await buildApp(t.ctx);
    await t.app.ready();
    t.newUser = async ({ role, org, username }) => {
      const name = username ?? `${role.replace('_', '')}${++counter}`;
      await createUser(t.ctx, { username: name, password: TEST_PASSWORD, role, org }, { actor: null });
      return name;
    };
    t.login = async (username, password = TEST_PASSWORD) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login of ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'vetplan_session')!;
      const csrf = (res.json() as { csrfToken: string }).csrfToken;
      const header = `vetplan_session=${cookie.value}`;
      return { cookie: header, csrf, write: { cookie: header, 'x-csrf-token': csrf } };
    };
    t.token = (username) => createApiToken(t.ctx, username, 'test');
  });
  afterAll(async () => {
    await t.app?.close();
    await t.db?.destroy();
    if (ownDataDir) fs.rmSync(ownDataDir, { recursive: true, force: true });
  });
  return t;
}

/** The body of an error answer. */
export interface ErrorBody {
  error: string;
  message: string;
  messageEn: string;
  details?: { path: string; message: string; messageEn: string }[];
}
