import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdmin } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { createContext } from '../src/context.ts';
import { login } from '../src/modules/auth/service.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db.destroy());

describe('the first administrator', () => {
  it('is created once with a random password to print, scoped to the nation', async () => {
    const ctx = createContext(db.db, loadConfig({ LOG_LEVEL: 'silent' }));
    const first = await ensureAdmin(ctx);
    expect(first.created).toBe(true);
    expect(first.printedPassword).toMatch(/^[\w-]{16}$/);
    const session = await login(ctx, 'admin', first.printedPassword!, { ip: '127.0.0.1', userAgent: null });
    expect(session.auth).toMatchObject({ username: 'admin', role: 'admin', scope: { code: 'VN' } });
    expect(await ensureAdmin(ctx)).toEqual({ created: false, printedPassword: null });
  });
});
