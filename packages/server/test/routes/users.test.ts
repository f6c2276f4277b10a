import { describe, expect, it } from 'vitest';
import { useTestApp, type ErrorBody } from '../support/app.ts';

const t = useTestApp();
const body = (over: Record<string, unknown> = {}) => ({
  username: 'lan.ldtbxh',
  password: 'long-enough-1',
  role: 'plan_manager',
  org: '221-LDTBXH',
  ...over,
});

describe('POST /api/users', () => {
  it('answers 401 without a session', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/users', payload: body() })).statusCode).toBe(401);
  });

  it('answers 403 for a role other than admin', async () => {
    const s = await t.login(await t.newUser({ role: 'plan_manager', org: '221' }));
    const res = await t.app.inject({ method: 'POST', url: '/api/users', headers: s.write, payload: body() });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>()).toEqual({
      error: 'forbidden',
      message: 'Bạn không có quyền thực hiện thao tác này.',
      messageEn: 'You are not allowed to do this.',
    });
  });

  it('answers 400 with exact messages for bad fields', async () => {
    const s = await t.login(await t.newUser({ role: 'admin', org: 'VN' }));
    const badRole = await t.app.inject({ method: 'POST', url: '/api/users', headers: s.write, payload: body({ role: 'boss' }) });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json<ErrorBody>().message).toBe(
      'role: phải là một trong các giá trị: admin, plan_manager, unit_officer, unit_head, viewer',
    );
    const shortPassword = await t.app.inject({ method: 'POST', url: '/api/users', headers: s.write, payload: body({ password: 'short' }) });
    expect(shortPassword.json<ErrorBody>().message).toBe('password: phải có ít nhất 8 ký tự');
    const unknownOrg = await t.app.inject({ method: 'POST', url: '/api/users', headers: s.write, payload: body({ org: '99999' }) });
    expect(unknownOrg.statusCode).toBe(400);
    expect(unknownOrg.json<ErrorBody>().message).toBe('org: "99999" không phải là mã địa bàn hoặc mã đơn vị đã có');
    const email = await t.app.inject({ method: 'POST', url: '/api/users', headers: s.write, payload: body({ email: 'lan-at-ldtbxh' }) });
    expect(email.statusCode).toBe(400);
    expect(email.json<ErrorBody>().message).toBe('email: phải là một địa chỉ thư điện tử, ví dụ lan@ldtbxh.vn');
    const extra = await t.app.inject({ method: 'POST', url: '/api/users', headers: s.write, payload: body({ isRoot: true }) });
    expect(extra.json<ErrorBody>().message).toBe('isRoot: là trường không được phép');
  });

  it('refuses a common password, a context word, the username and a password of only spaces, naming the field', async () => {
    const s = await t.login(await t.newUser({ role: 'admin', org: 'VN' }));
    const refused = async (password: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: s.write,
        payload: body({ username: 'weak.pass', password }),
      });
      expect(res.statusCode, password).toBe(400);
      const error = res.json<ErrorBody>();
      expect(error.error).toBe('validation_error');
      expect(error.details).toEqual([expect.objectContaining({ path: 'password' })]);
      return error.message;
    };
    expect(await refused(' '.repeat(8))).toBe('password: không được chỉ gồm dấu cách');
    expect(await refused('Password123')).toBe(
      'password: là một trong những mật khẩu phổ biến nhất nên rất dễ bị đoán; hãy chọn mật khẩu khác, tốt nhất là một cụm nhiều từ',
    );
    expect(await refused('12345678')).toMatch(/^password: là một trong những mật khẩu phổ biến nhất/);
    for (const word of ['YenDung@2025', 'Mật khẩu 123', 'weak.pass2024']) {
      expect(await refused(word)).toBe(
        'password: dựa trên tên đăng nhập, tên hệ thống, cơ quan hoặc địa danh nên dễ bị đoán; hãy chọn mật khẩu khác',
      );
    }
    expect(await t.db.db.selectFrom('app_user').select('id').where('username', '=', 'weak.pass').executeTakeFirst()).toBeUndefined();
    const phrase = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: s.write,
      payload: body({ username: 'good.pass', password: 'ngựa đúng pin kẹp ghim' }),
    });
    expect(phrase.statusCode).toBe(201);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'good.pass', password: 'ngựa đúng pin kẹp ghim' },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('creates a user, then answers 409 for the same username', async () => {
    const s = await t.login(await t.newUser({ role: 'admin', org: 'VN' }));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: s.write,
      payload: body({ displayName: 'Nguyễn Thị Lan', email: 'lan@ldtbxh.vn' }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'lan.ldtbxh',
      displayName: 'Nguyễn Thị Lan',
      email: 'lan@ldtbxh.vn',
      role: 'plan_manager',
      scope: { code: '221-LDTBXH', name: 'Phòng Lao động - Thương binh và Xã hội', type: 'organisation' },
      disabled: false,
    });
    const again = await t.app.inject({ method: 'POST', url: '/api/users', headers: s.write, payload: body() });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().message).toBe('Tên đăng nhập "lan.ldtbxh" đã được sử dụng.');
    const stored = await t.db.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('username', '=', 'lan.ldtbxh')
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    const audit = await t.db.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'user_created')
      .where('entity_key', '=', 'lan.ldtbxh')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses to create a user outside the admin’s own scope', async () => {
    const s = await t.login(await t.newUser({ role: 'admin', org: '07681' }));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: s.write,
      payload: body({ username: 'other', org: '07682' }),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().error).toBe('out_of_scope');
  });
});

describe('GET /api/users and disabling', () => {
  it('lists only the users in the admin’s scope', async () => {
    const communeAdmin = await t.newUser({ role: 'admin', org: '07690' });
    const inside = await t.newUser({ role: 'unit_officer', org: '07690-UBND' });
    const outside = await t.newUser({ role: 'unit_officer', org: '07702' });
    const s = await t.login(communeAdmin);
    const res = await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: s.cookie } });
    const names = res.json<{ users: { username: string }[] }>().users.map((u) => u.username);
    expect(names).toContain(inside);
    expect(names).toContain(communeAdmin);
    expect(names).not.toContain(outside);
  });

  it('disables a user, ending their sessions, and enables them again', async () => {
    const admin = await t.login(await t.newUser({ role: 'admin', org: 'VN' }));
    const username = await t.newUser({ role: 'viewer', org: '221' });
    const victim = await t.login(username);
    const res = await t.app.inject({ method: 'POST', url: `/api/users/${username}/disable`, headers: admin.write });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username, disabled: true });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: victim.cookie } })).statusCode).toBe(401);
    const enabled = await t.app.inject({ method: 'POST', url: `/api/users/${username}/enable`, headers: admin.write });
    expect(enabled.json()).toMatchObject({ disabled: false });
    expect((await t.app.inject({ method: 'POST', url: '/api/users/nobody/disable', headers: admin.write })).statusCode).toBe(404);
  });

  it('does not let an admin disable themself', async () => {
    const me = await t.newUser({ role: 'admin', org: 'VN' });
    const s = await t.login(me);
    const res = await t.app.inject({ method: 'POST', url: `/api/users/${me}/disable`, headers: s.write });
    expect(res.statusCode).toBe(409);
  });
});

describe('field messages', () => {
  it('explain the username format in Vietnamese', async () => {
    const s = await t.login(await t.newUser({ role: 'admin', org: 'VN' }));
    const res = await t.app.inject({ method: 'POST', url: '/api/users', headers: s.write, payload: body({ username: 'Chị Lan' }) });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().message).toBe('username: chỉ gồm chữ thường không dấu, chữ số và các dấu . _ - (ví dụ: lan.ldtbxh)');
  });
});
