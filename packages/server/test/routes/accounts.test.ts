import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp, type ErrorBody } from '../support/app.ts';

const t = useTestApp();
const NEW_PASSWORD = 'ngựa đúng pin kẹp ghim';

const patch = (username: string, headers: Record<string, string>, payload: unknown) =>
  t.app.inject({ method: 'PATCH', url: `/api/users/${username}`, headers, payload: payload as object });
const audits = (action: string, key: string) =>
  t.db.db.selectFrom('audit_event').selectAll().where('action', '=', action).where('entity_key', '=', key).execute();

describe('PATCH /api/users/{username}', () => {
  it('answers 401 without a session and 403 to a plan manager', async () => {
    const target = await t.newUser({ role: 'viewer', org: '221' });
    expect((await patch(target, {}, { role: 'unit_head' })).statusCode).toBe(401);
    const s = await t.login(await t.newUser({ role: 'plan_manager', org: '221' }));
    const res = await patch(target, s.write, { role: 'unit_head' });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().error).toBe('forbidden');
  });

  it('answers 400 with exact messages for a bad role, an unknown org, an unknown field and an empty body', async () => {
    const s = await t.login(await t.newUser({ role: 'admin', org: 'VN' }));
    const target = await t.newUser({ role: 'viewer', org: '221' });
    const role = await patch(target, s.write, { role: 'boss' });
    expect(role.statusCode).toBe(400);
    expect(role.json<ErrorBody>().message).toBe(
      'role: phải là một trong các giá trị: admin, plan_manager, unit_officer, unit_head, viewer',
    );
    const org = await patch(target, s.write, { org: '99999' });
    expect(org.statusCode).toBe(400);
    expect(org.json<ErrorBody>().message).toBe('org: "99999" không phải là mã địa bàn hoặc mã đơn vị đã có');
    expect((await patch(target, s.write, { password: 'x' })).json<ErrorBody>().message).toBe('password: là trường không được phép');
    const empty = await patch(target, s.write, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json<ErrorBody>().message).toBe('body: hãy gửi ít nhất một trường cần đổi: role, org, displayName, email hoặc active');
  });

  it('changes role, scope, name and active flag, audits each change, and ends the sessions of a deactivated user', async () => {
    const s = await t.login(await t.newUser({ role: 'admin', org: '221' }));
    const target = await t.newUser({ role: 'viewer', org: '221-LDTBXH' });
    const victim = await t.login(target);
    const res = await patch(target, s.write, { role: 'plan_manager', org: '221', displayName: '  Nguyễn Thị Lan ' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      username: target,
      role: 'plan_manager',
      displayName: 'Nguyễn Thị Lan',
      scope: { code: '221', type: 'area' },
      disabled: false,
    });
    const [audit] = await audits('user_updated', target);
    expect(audit!.details).toEqual({
      changes: {
        role: { from: 'viewer', to: 'plan_manager' },
        org: { from: '221-LDTBXH', to: '221' },
        displayName: { from: null, to: 'Nguyễn Thị Lan' },
      },
    });
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: victim.cookie } });
    expect(me.json()).toMatchObject({ user: { role: 'plan_manager', scope: { code: '221' } } });

    const off = await patch(target, s.write, { active: false });
    expect(off.json()).toMatchObject({ disabled: true });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: victim.cookie } })).statusCode).toBe(401);
    expect((await patch(target, s.write, { active: true })).json()).toMatchObject({ disabled: false });
    expect(await audits('user_updated', target)).toHaveLength(3);
    // Nothing changed: no audit row.
    expect((await patch(target, s.write, { role: 'plan_manager' })).statusCode).toBe(200);
    expect(await audits('user_updated', target)).toHaveLength(3);
  });

  it('refuses a user or an org outside the admin’s scope (403), and an unknown user (404)', async () => {
    const s = await t.login(await t.newUser({ role: 'admin', org: '07681' }));
    const inside = await t.newUser({ role: 'viewer', org: '07681' });
    const outside = await t.newUser({ role: 'viewer', org: '07682' });
    const out = await patch(outside, s.write, { displayName: 'X' });
    expect(out.statusCode).toBe(403);
    expect(out.json<ErrorBody>().error).toBe('out_of_scope');
    const moved = await patch(inside, s.write, { org: '221' });
    expect(moved.statusCode).toBe(403);
    expect(moved.json<ErrorBody>().message).toBe('Đơn vị "221" nằm ngoài phạm vi được giao của bạn.');
    expect((await patch('nobody', s.write, { displayName: 'X' })).statusCode).toBe(404);
  });

  it('does not let an admin lock themselves out', async () => {
    const me = await t.newUser({ role: 'admin', org: '07690' });
    const s = await t.login(me);
    // The administrators of the earlier tests (some over the whole country) are gone.
    await t.db.db
      .updateTable('app_user')
      .set({ disabled_at: t.clock.now() })
      .where('role', '=', 'admin')
      .where('username', '<>', me)
      .execute();
    const off = await patch(me, s.write, { active: false });
    expect(off.statusCode).toBe(409);
    expect(off.json<ErrorBody>().message).toBe('Bạn không thể tự khóa tài khoản của mình.');
    const demote = await patch(me, s.write, { role: 'viewer' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json<ErrorBody>().message).toMatch(/^Bạn là quản trị viên đang hoạt động cuối cùng của phạm vi này/);
    // With another administrator over the commune, the demotion is allowed.
    await t.newUser({ role: 'admin', org: '07690' });
    expect((await patch(me, s.write, { displayName: 'Chị Lan' })).statusCode).toBe(200);
    expect((await patch(me, s.write, { role: 'viewer' })).json()).toMatchObject({ role: 'viewer' });
  });
});

describe('POST /api/users/{username}/password and the change at the next login', () => {
  it('answers 401, 403, 400 with the exact message, and 409 for one’s own', async () => {
    const target = await t.newUser({ role: 'viewer', org: '221' });
    const url = `/api/users/${target}/password`;
    expect((await t.app.inject({ method: 'POST', url, payload: { password: NEW_PASSWORD } })).statusCode).toBe(401);
    const pm = await t.login(await t.newUser({ role: 'plan_manager', org: '221' }));
    expect((await t.app.inject({ method: 'POST', url, headers: pm.write, payload: { password: NEW_PASSWORD } })).statusCode).toBe(403);
    const adminName = await t.newUser({ role: 'admin', org: 'VN' });
    const admin = await t.login(adminName);
    const short = await t.app.inject({ method: 'POST', url, headers: admin.write, payload: { password: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json<ErrorBody>().message).toBe('password: phải có ít nhất 8 ký tự');
    const common = await t.app.inject({ method: 'POST', url, headers: admin.write, payload: { password: 'Password123' } });
    expect(common.json<ErrorBody>().message).toMatch(/^password: là một trong những mật khẩu phổ biến nhất/);
    const own = await t.app.inject({
      method: 'POST',
      url: `/api/users/${adminName}/password`,
      headers: admin.write,
      payload: { password: NEW_PASSWORD },
    });
    expect(own.statusCode).toBe(409);
  });

  it('sets a password that must be changed: sessions end, login says so, other routes answer 403 until it is changed', async () => {
    const admin = await t.login(await t.newUser({ role: 'admin', org: 'VN' }));
    const target = await t.newUser({ role: 'plan_manager', org: '221' });
    const before = await t.login(target);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/users/${target}/password`,
      headers: admin.write,
      payload: { password: 'tạm thời mật khẩu 7' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: target, mustChangePassword: true });
    expect(await audits('password_reset', target)).toHaveLength(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: before.cookie } })).statusCode).toBe(401);
    await expect(t.login(target)).rejects.toThrow(/401/);

    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: target, password: 'tạm thời mật khẩu 7' },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ mustChangePassword: true });
    const s = await t.login(target, 'tạm thời mật khẩu 7');
    const plans = await t.app.inject({ method: 'GET', url: '/api/plans', headers: { cookie: s.cookie } });
    expect(plans.statusCode).toBe(403);
    expect(plans.json<ErrorBody>()).toEqual({
      error: 'password_change_required',
      message: 'Quản trị viên đã đặt lại mật khẩu của bạn. Hãy đổi sang mật khẩu mới của riêng bạn trước khi tiếp tục.',
      messageEn: 'An administrator has reset your password. Change it to a new one of your own before you continue.',
    });
    const token = await t.token(target);
    expect((await t.app.inject({ method: 'GET', url: '/api/plans', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } })).json()).toMatchObject({
      mustChangePassword: true,
    });

    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: s.write,
      payload: { currentPassword: 'tạm thời mật khẩu 7', newPassword: NEW_PASSWORD },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ mustChangePassword: false });
    expect((await t.app.inject({ method: 'GET', url: '/api/plans', headers: { cookie: s.cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.write })).statusCode).toBe(204);
  });
});

describe('POST /api/auth/password', () => {
  const change = (headers: Record<string, string>, payload: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/auth/password', headers, payload: payload as object });

  it('answers 401 without a session', async () => {
    expect((await change({}, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(401);
  });

  it('answers 400 with exact messages: a wrong current password, a weak or unchanged new one, a missing field', async () => {
    const username = await t.newUser({ role: 'viewer', org: '221' });
    const s = await t.login(username);
    const wrong = await change(s.write, { currentPassword: 'not-my-password', newPassword: NEW_PASSWORD });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<ErrorBody>().message).toBe('currentPassword: mật khẩu hiện tại không đúng');
    expect(await audits('password_change_failed', username)).toHaveLength(1);
    const weak = await change(s.write, { currentPassword: TEST_PASSWORD, newPassword: `${username}2026` });
    expect(weak.json<ErrorBody>().message).toBe(
      'newPassword: dựa trên tên đăng nhập, tên hệ thống, cơ quan hoặc địa danh nên dễ bị đoán; hãy chọn mật khẩu khác',
    );
    const same = await change(s.write, { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD });
    expect(same.json<ErrorBody>().message).toBe('newPassword: phải khác mật khẩu hiện tại');
    const missing = await change(s.write, { newPassword: NEW_PASSWORD });
    expect(missing.json<ErrorBody>().message).toBe('currentPassword: là trường bắt buộc');
  });

  it('answers 403 for a cookie write without the CSRF token', async () => {
    const s = await t.login(await t.newUser({ role: 'viewer', org: '221' }));
    const res = await change({ cookie: s.cookie }, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().error).toBe('csrf_failed');
  });

  it('changes the password: the old one stops working, other sessions end, this one stays', async () => {
    const username = await t.newUser({ role: 'unit_officer', org: '07681' });
    const here = await t.login(username);
    const elsewhere = await t.login(username);
    const res = await change(here.write, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { username }, mustChangePassword: false });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: here.cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: elsewhere.cookie } })).statusCode).toBe(401);
    await expect(t.login(username)).rejects.toThrow(/401/);
    await t.login(username, NEW_PASSWORD);
    expect(await audits('password_changed', username)).toHaveLength(1);
  });
});

describe('POST /api/users with the command line’s names', () => {
  it('takes name as the display name', async () => {
    const s = await t.login(await t.newUser({ role: 'admin', org: 'VN' }));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: s.write,
      payload: { username: 'hoa.gddt', password: NEW_PASSWORD, role: 'unit_head', org: '221', name: 'Trần Thị Hoa' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ displayName: 'Trần Thị Hoa', mustChangePassword: false });
  });
});
