import { beforeAll } from 'vitest';
import { authContextFor } from '../../src/modules/auth/service.ts';
import { type AuthContext } from '../../src/access/auth-context.ts';
import type { Session, TestApp } from './app.ts';

export interface StoredRow {
  element: string;
  disagg: string;
  value: number;
  comment?: string | null;
}

/**
 * A nation-wide admin for tests that import in-process and type cells over
 * HTTP: their session and auth context (set before the tests run), a cell
 * write from version 0, and the stored values of a unit-period.
 */
export function useImportAdmin(t: TestApp) {
  const admin = { session: null as unknown as Session, auth: null as unknown as AuthContext };
  beforeAll(async () => {
    const name = await t.newUser({ role: 'admin', org: 'VN' });
    admin.session = await t.login(name);
    admin.auth = await authContextFor(t.ctx, name);
  });
  return {
    admin,
    putCell: (body: Record<string, unknown>) =>
      t.app.inject({ method: 'PUT', url: '/api/data-entry/cell', headers: admin.session.write, payload: { baseVersion: 0, ...body } }),
    storedRows: async (org: string, period: string): Promise<StoredRow[]> => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/data-values?org=${org}&period=${period}`,
        headers: { cookie: admin.session.cookie },
      });
      return res.json<{ rows: StoredRow[] }>().rows;
    },
  };
}
