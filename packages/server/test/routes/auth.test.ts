import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp, type ErrorBody } from '../support/app.ts';

const t = useTestApp({ LOGIN_MAX_FAILURES: '3' });

describe('POST /api/auth/login', () => {
  it('signs in and sets an HttpOnly SameSite session cookie', async () => {
    const username = await t.newUser({ role: 'viewer', org: '221' });
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'vetplan_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.json()).toMatchObject({ user: { username, role: 'viewer', scope: { code: '221', name: 'Huyện Yên Dũng', type: 'area' } } });
    expect(res.json().csrfToken).toMatch(/^[\w-]{40,}$/);
  });

  it('answers 401 with a Vietnamese message for a wrong password or an unknown user', async () => {
    const username = await t.newUser({ role: 'viewer', org: '221' });
    for (const payload of [
      { username, password: 'wrong-password' },
      { username: 'nobody', password: 'whatever1' },
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expect(res.statusCode).toBe(401);
      expect(res.json<ErrorBody>()).toEqual({
        error: 'invalid_credentials',
        message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
        messageEn: 'Wrong username or password.',
      });
    }
  });

  it('answers 400 naming the missing field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin' } });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>()).toMatchObject({
      error: 'validation_error',
      message: 'password: là trường bắt buộc',
      messageEn: 'password: is required',
    });
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error).toBe('invalid_json');
  });

  it('refuses further attempts with 429 after repeated failures, even with the right password, and forgets them after a quiet window', async () => {
    const username = await t.newUser({ role: 'viewer', org: '221' });
    for (let i = 0; i < 3; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'wrong-password' } });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json<ErrorBody>().message).toBe('Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 1 phút.');
    expect(blocked.headers['retry-after']).toBe('60');
    // Quiet for the delay (1 minute) and then the window (15 minutes): the failures no longer count.
    t.clock.advance(16 * 60_000 + 1000);
    expect(
      await Promise.all(
        [0, 1, 2].map(
          async () =>
            (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'wrong-password' } })).statusCode,
        ),
      ),
    ).toEqual([401, 401, 401]);
    t.clock.advance(17 * 60_000);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
    expect(again.statusCode).toBe(200);
  });

  it('refuses a disabled user', async () => {
    const username = await t.newUser({ role: 'viewer', org: '221' });
    const admin = await t.login(await t.newUser({ role: 'admin', org: 'VN' }));
    await t.app.inject({ method: 'POST', url: `/api/users/${username}/disable`, headers: admin.write });
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(401);
  });
});

describe('sessions', () => {
  it('GET /api/auth/me answers 401 without a session and the user with one', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const username = await t.newUser({ role: 'unit_officer', org: '07681' });
    const s = await t.login(username);
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      user: { username, role: 'unit_officer', scope: { code: '07681', name: 'Thị trấn Nham Biền' } },
      csrfToken: s.csrf,
    });
  });

  it('ends after the idle timeout', async () => {
    const s = await t.login(await t.newUser({ role: 'viewer', org: '221' }));
    t.clock.advance(t.config.sessionIdleMinutes * 60_000 + 1000);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });

  it('logout needs the CSRF token, then ends the session', async () => {
    const s = await t.login(await t.newUser({ role: 'viewer', org: '221' }));
    const noToken = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json<ErrorBody>().error).toBe('csrf_failed');
    const wrongToken = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrongToken.statusCode).toBe(403);
    const crossSite = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { ...s.write, origin: 'https://evil.example' },
    });
    expect(crossSite.statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.write });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });

  it('logout without a session answers 401', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(401);
  });
});

describe('API tokens', () => {
  it('authenticate scripts with Authorization: Bearer, without CSRF', async () => {
    const username = await t.newUser({ role: 'admin', org: 'VN' });
    const token = await t.token(username);
    expect(token).toMatch(/^vp_/);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { username }, csrfToken: null });
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { authorization: `Bearer ${token}` },
      payload: { username: 'from-script', password: 'long-enough-1', role: 'viewer', org: '221' },
    });
    expect(write.statusCode).toBe(201);
  });

  it('refuses an unknown token with 401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: 'Bearer vp_not-a-real-token' } });
    expect(res.statusCode).toBe(401);
  });
});
