import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp, type ErrorBody, type Session } from '../support/app.ts';

/** Field-level rules: secrets never leave the server, and a client cannot set the fields the server owns. */
const t = useTestApp();
let admin: Session;
let officer: Session;

/** Every key of a JSON answer, at any depth. */
function keysOf(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, into));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.push(k);
      keysOf(v, into);
    }
  }
  return into;
}

const SECRET_KEY = /password|hash|secret|session|token/i;

beforeAll(async () => {
  t.clock.current = new Date('2025-06-16T03:00:00Z');
  admin = await t.login(await t.newUser({ role: 'admin', org: '221' }));
  officer = await t.login(await t.newUser({ role: 'unit_officer', org: '07741' }));
});

describe('secrets never leave the server', () => {
  it('answers user lists, created and changed users, login and me without password hashes, session or token secrets', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.write,
      payload: { username: 'field-rules-user', password: TEST_PASSWORD, role: 'viewer', org: '07741' },
    });
    expect(created.statusCode).toBe(201);
    const answers = [
      created.json(),
      (await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin.cookie } })).json(),
      (await t.app.inject({ method: 'POST', url: '/api/users/field-rules-user/disable', headers: admin.write })).json(),
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: officer.cookie } })).json(),
      (
        await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'field-rules-user', password: TEST_PASSWORD } })
      ).json(),
      (
        await t.app.inject({
          method: 'PATCH',
          url: '/api/users/field-rules-user',
          headers: admin.write,
          payload: { displayName: 'Field rules' },
        })
      ).json(),
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/users/field-rules-user/password',
          headers: admin.write,
          payload: { password: 'ngựa đúng pin kẹp ghim' },
        })
      ).json(),
    ];
    await t.token(
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: officer.cookie } })).json<{
        user: { username: string };
      }>().user.username,
    );
    const tokens = (await t.app.inject({ method: 'GET', url: '/api/tokens', headers: { cookie: officer.cookie } })).json<{
      tokens: unknown[];
    }>();
    expect(tokens.tokens).toHaveLength(1);
    answers.push(tokens);
    const keys = answers.flatMap((a) => keysOf(a));
    expect(keys).toContain('username');
    // csrfToken is the one secret a browser needs, and only the session's owner receives it; mustChangePassword is a flag; tokens (the list) holds none.
    expect(keys.filter((k) => SECRET_KEY.test(k) && !['csrfToken', 'mustChangePassword', 'tokens'].includes(k))).toEqual([]);
    expect(JSON.stringify(tokens)).not.toMatch(/vp_/);
    expect(JSON.stringify(answers)).not.toMatch(/\$argon2/);
  });
});

describe('fields the server owns', () => {
  it('refuses a new user that names its own id, hash or disabled state, and creates nothing', async () => {
    for (const extra of [{ password_hash: '$argon2id$v=19$x' }, { disabled: false }, { id: 1 }, { scope_code: 'VN' }]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: admin.write,
        payload: { username: 'field-rules-extra', password: TEST_PASSWORD, role: 'viewer', org: '07741', ...extra },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().error).toBe('validation_error');
    }
    const users = (await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: admin.cookie } })).json<{
      users: { username: string }[];
    }>().users;
    expect(users.map((u) => u.username)).not.toContain('field-rules-extra');
  });

  it('refuses a cell whose body sets who changed it, its version or its source', async () => {
    for (const extra of [{ updatedBy: 'someone-else' }, { version: 99 }, { source: 'api' }]) {
      const res = await t.app.inject({
        method: 'PUT',
        url: '/api/data-entry/cell',
        headers: officer.write,
        payload: { element: 'DE_LABOUR_FORCE', period: '2025S1', org: '07741', disagg: 'sex:M', value: 3, baseVersion: 0, ...extra },
      });
      expect(res.statusCode).toBe(400);
    }
    const stored = await t.ctx.db.selectFrom('data_value').select('org_code').where('org_code', '=', '07741').execute();
    expect(stored).toEqual([]);
  });

  it('refuses imported rows that set their author or source, naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/data-values',
      headers: officer.write,
      payload: [
        {
          element: 'DE_LABOUR_FORCE',
          period: '2025S1',
          org: '07741',
          disagg: 'sex:F',
          value: 4,
          updated_by: 'someone-else',
          source: 'entry',
        },
      ],
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(JSON.stringify(res.json())).toContain('Trường \\"updated_by\\" không có trong định dạng trao đổi');
    const stored = await t.ctx.db.selectFrom('data_value').select('org_code').where('org_code', '=', '07741').execute();
    expect(stored).toEqual([]);
  });

  it('records the signed-in user as the author of a write, whatever the request says', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/data-entry/cell',
      headers: officer.write,
      payload: { element: 'DE_LABOUR_FORCE', period: '2025S1', org: '07741', disagg: 'sex:M', value: 3, baseVersion: 0 },
    });
    expect(res.statusCode).toBe(200);
    const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: officer.cookie } })).json<{
      user: { username: string };
    }>();
    expect(res.json()).toMatchObject({ cell: { updatedBy: me.user.username } });
  });
});
