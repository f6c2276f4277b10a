import { describe, expect, it } from 'vitest';
import { useTestApp, type ErrorBody } from '../support/app.ts';

const t = useTestApp();
const DAY_MS = 86_400_000;

interface TokenAnswer {
  id: number;
  name: string;
  username: string;
  expiresAt: string;
  expired: boolean;
  token?: string;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('API tokens', () => {
  it('answers 401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/tokens' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/tokens', payload: { name: 'x' } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/tokens/1' })).statusCode).toBe(401);
  });

  it('answers 400 with exact messages for a bad expiry or name', async () => {
    const s = await t.login(await t.newUser({ role: 'viewer', org: '221' }));
    const long = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: s.write,
      payload: { name: 'script', expiresInDays: 366 },
    });
    expect(long.statusCode).toBe(400);
    expect(long.json<ErrorBody>().message).toBe('expiresInDays: phải nhỏ hơn hoặc bằng 365');
    const empty = await t.app.inject({ method: 'POST', url: '/api/tokens', headers: s.write, payload: { name: '' } });
    expect(empty.json<ErrorBody>().message).toBe('name: không được để trống');
  });

  it('creates a token answered once, lists it without the secret, and refuses it once expired', async () => {
    const username = await t.newUser({ role: 'unit_officer', org: '07681' });
    const s = await t.login(username);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: s.write,
      payload: { name: 'Nhập số liệu hằng tuần' },
    });
    expect(created.statusCode).toBe(201);
    const body = created.json<TokenAnswer>();
    expect(body).toMatchObject({ name: 'Nhập số liệu hằng tuần', username, expired: false });
    expect(body.token).toMatch(/^vp_/);
    expect(new Date(body.expiresAt).getTime() - t.clock.now().getTime()).toBe(90 * DAY_MS);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(body.token!) })).statusCode).toBe(200);

    const list = await t.app.inject({ method: 'GET', url: '/api/tokens', headers: { cookie: s.cookie } });
    const tokens = list.json<{ tokens: TokenAnswer[] }>().tokens;
    expect(tokens.map((x) => x.id)).toEqual([body.id]);
    expect(JSON.stringify(list.json())).not.toContain(body.token!);

    const short = await t.app.inject({ method: 'POST', url: '/api/tokens', headers: s.write, payload: { name: 'ngắn', expiresInDays: 1 } });
    const shortToken = short.json<TokenAnswer>().token!;
    t.clock.advance(DAY_MS);
    const expired = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(shortToken) });
    expect(expired.statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/tokens', headers: bearer(body.token!) })).json<{ tokens: TokenAnswer[] }>().tokens,
    ).toEqual([expect.objectContaining({ name: 'ngắn', expired: true }), expect.objectContaining({ id: body.id, expired: false })]);
  });

  it('revokes one’s own token (401 afterwards), 404 for another user’s', async () => {
    const username = await t.newUser({ role: 'viewer', org: '221' });
    const s = await t.login(username);
    const other = await t.login(await t.newUser({ role: 'viewer', org: '221' }));
    const created = (
      await t.app.inject({ method: 'POST', url: '/api/tokens', headers: s.write, payload: { name: 'script' } })
    ).json<TokenAnswer>();
    const foreign = await t.app.inject({ method: 'DELETE', url: `/api/tokens/${created.id}`, headers: other.write });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json<ErrorBody>().message).toBe(`Không tìm thấy mã truy cập (token) số ${created.id}.`);
    const revoked = await t.app.inject({ method: 'DELETE', url: `/api/tokens/${created.id}`, headers: s.write });
    expect(revoked.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(created.token!) })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/tokens/${created.id}`, headers: s.write })).statusCode).toBe(404);
    const audit = await t.db.db
      .selectFrom('audit_event')
      .select('action')
      .where('entity_key', '=', username)
      .where('action', 'in', ['token_created', 'token_revoked'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['token_created', 'token_revoked']);
  });

  it('lets an administrator list and revoke the tokens of users in their scope only (403 beyond it, and for others)', async () => {
    const admin = await t.login(await t.newUser({ role: 'admin', org: '07681' }));
    const inside = await t.newUser({ role: 'unit_officer', org: '07681' });
    const outside = await t.newUser({ role: 'unit_officer', org: '07682' });
    const insideToken = await t.token(inside);
    await t.token(outside);
    const list = await t.app.inject({ method: 'GET', url: `/api/tokens?username=${inside}`, headers: { cookie: admin.cookie } });
    const [row] = list.json<{ tokens: TokenAnswer[] }>().tokens;
    expect(row).toMatchObject({ username: inside, name: 'test' });
    const out = await t.app.inject({ method: 'GET', url: `/api/tokens?username=${outside}`, headers: { cookie: admin.cookie } });
    expect(out.statusCode).toBe(403);
    expect(out.json<ErrorBody>().error).toBe('out_of_scope');
    const viewer = await t.login(await t.newUser({ role: 'viewer', org: '07681' }));
    const peek = await t.app.inject({ method: 'GET', url: `/api/tokens?username=${inside}`, headers: { cookie: viewer.cookie } });
    expect(peek.statusCode).toBe(403);
    expect(peek.json<ErrorBody>().message).toBe('Chỉ quản trị viên mới xem được mã truy cập (token) của người khác.');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/tokens/${row!.id}`, headers: admin.write })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(insideToken) })).statusCode).toBe(401);
  });
});
