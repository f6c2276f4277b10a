import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdmin } from '../src/bootstrap.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
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

  it('is not created with a VETPLAN_ADMIN_PASSWORD the password rules refuse, and the start stops naming the variable', async () => {
    const empty = await createTestDatabase();
    try {
      for (const [password, reason] of [
        ['password123', 'is one of the most common passwords'],
        [' '.repeat(8), 'must not be only spaces'],
        ['BacGiang@2025', 'is built on the username, the name of this system'],
      ] as const) {
        const ctx = createContext(empty.db, loadConfig({ LOG_LEVEL: 'silent', VETPLAN_ADMIN_PASSWORD: password }));
        const error = await ensureAdmin(ctx).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).problems[0]).toContain(`VETPLAN_ADMIN_PASSWORD: the password of the first administrator ${reason}`);
      }
      expect(await empty.db.selectFrom('app_user').select('id').execute()).toEqual([]);
      const ok = createContext(empty.db, loadConfig({ LOG_LEVEL: 'silent', VETPLAN_ADMIN_PASSWORD: '  hai dấu cách ở đầu  ' }));
      expect(await ensureAdmin(ok)).toEqual({ created: true, printedPassword: null });
      // Kept exactly as given, the spaces at both ends included.
      await expect(login(ok, 'admin', 'hai dấu cách ở đầu', { ip: '127.0.0.2', userAgent: null })).rejects.toThrow(
        'Wrong username or password.',
      );
      expect((await login(ok, 'admin', '  hai dấu cách ở đầu  ', { ip: '127.0.0.2', userAgent: null })).auth.username).toBe('admin');
    } finally {
      await empty.destroy();
    }
  });
});
