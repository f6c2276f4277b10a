import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type ErrorBody, type Session } from '../support/app.ts';

// Sessions outlive the days this test moves the clock through.
const t = useTestApp({ SESSION_IDLE_MINUTES: '10080' });
const FORM = 'F_COMMUNE_GDNN_6M';
const ORG = '07741';

let officer: Session;
let manager: Session;
let otherOfficer: Session;

beforeAll(async () => {
  t.clock.current = new Date('2025-06-16T03:00:00Z');
  officer = await t.login(await t.newUser({ role: 'unit_officer', org: ORG }));
  // The labour office's specialist oversees the whole district.
  manager = await t.login(await t.newUser({ role: 'plan_manager', org: '221' }));
  otherOfficer = await t.login(await t.newUser({ role: 'unit_officer', org: '07747' }));
});

function put(s: Session, body: Record<string, unknown>) {
  return t.app.inject({ method: 'PUT', url: '/api/data-entry/cell', headers: s.write, payload: { period: '2025S1', org: ORG, ...body } });
}
function act(s: Session, action: string, comment?: string) {
  return t.app.inject({
    method: 'POST',
    url: `/api/forms/${FORM}/submissions/${ORG}/2025S1/${action}`,
    headers: s.write,
    payload: comment ? { comment } : {},
  });
}
async function entry(s: Session, org = ORG) {
  return t.app.inject({ method: 'GET', url: `/api/forms/${FORM}/entry?org=${org}&period=2025S1`, headers: { cookie: s.cookie } });
}

describe('a commune’s 6-month report, from entry to approval', () => {
  it('lists the form for the commune officer', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/forms', headers: { cookie: officer.cookie } });
    const forms = res.json<{ forms: { code: string; units: { code: string }[] }[] }>().forms;
    expect(forms.find((f) => f.code === FORM)!.units.map((u) => u.code)).toEqual([ORG]);
  });

  it('opens the form as a draft the officer can edit', async () => {
    const res = await entry(officer);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      period: '2025S1',
      dates: { opens: '2025-06-01', cutoff: '2025-06-14', due: '2025-06-20' },
      submission: { status: 'draft' },
      canEdit: true,
      locked: false,
      previous: { period: '2024S2' },
    });
  });

  it('saves cells, shows a rule violation, refuses to submit it without explanation, and accepts the fix', async () => {
    const force = await put(officer, { element: 'DE_LABOUR_FORCE', disagg: 'sex:M', value: 2210, baseVersion: 0 });
    expect(force.statusCode).toBe(200);
    expect(force.json()).toMatchObject({ cell: { value: 2210, version: 1 }, violations: [] });
    const trained = await put(officer, { element: 'DE_LABOUR_TRAINED_CERT', disagg: 'sex:M', value: '2315', baseVersion: 0 });
    expect(trained.json<{ violations: { message: string }[] }>().violations.map((v) => v.message)).toEqual([
      'Số lao động qua đào tạo có chứng chỉ (2.315) lớn hơn lực lượng lao động (2.210) (sex:M)',
    ]);
    const submit = await act(officer, 'submit');
    expect(submit.statusCode).toBe(400);
    expect(submit.json<ErrorBody>().message).toBe(
      'comment: Số liệu còn 1 vi phạm quy tắc kiểm tra; hãy sửa hoặc ghi giải trình trước khi gửi',
    );
    const fixed = await put(officer, { element: 'DE_LABOUR_TRAINED_CERT', disagg: 'sex:M', value: 2100, baseVersion: 1 });
    expect(fixed.json()).toMatchObject({ cell: { value: 2100, version: 2 }, violations: [] });
  });

  it('answers a stale write with 409 and the current value', async () => {
    const res = await put(officer, { element: 'DE_LABOUR_FORCE', disagg: 'sex:M', value: 2300, baseVersion: 0 });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'stale_write', current: { value: 2210, version: 1 } });
  });

  it('refuses a bad value and another commune’s officer', async () => {
    const bad = await put(officer, { element: 'DE_LABOUR_FORCE', disagg: 'sex:F', value: '-5', baseVersion: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().message).toBe('value: -5 là số âm; số lượng phải từ 0 trở lên');
    expect((await entry(otherOfficer)).statusCode).toBe(403);
    const write = await put(otherOfficer, { element: 'DE_LABOUR_FORCE', disagg: 'sex:F', value: 5, baseVersion: 0 });
    expect(write.statusCode).toBe(403);
  });

  it('refuses a period whose form has not opened yet for a unit officer', async () => {
    const res = await put(officer, { element: 'DE_LABOUR_FORCE', disagg: 'sex:F', value: 5, baseVersion: 0, period: '2025S2' });
    expect(res.statusCode).toBe(400);
  });

  it('submits, is returned with a reason, is resubmitted, then approved and locked', async () => {
    expect((await act(officer, 'submit')).json()).toMatchObject({ status: 'submitted', submittedBy: expect.any(String) });
    expect((await act(officer, 'approve')).statusCode).toBe(403);
    const noReason = await act(manager, 'return');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<ErrorBody>().message).toBe('comment: Cần ghi lý do trả lại');
    expect((await act(manager, 'return', 'Thiếu số liệu lao động nữ')).json()).toMatchObject({
      status: 'returned',
      reason: 'Thiếu số liệu lao động nữ',
    });

    const inbox = await t.app.inject({ method: 'GET', url: '/api/inbox', headers: { cookie: officer.cookie } });
    expect(inbox.json<{ items: unknown[] }>().items).toContainEqual(
      expect.objectContaining({ kind: 'returned', form: FORM, org: ORG, period: '2025S1', reason: 'Thiếu số liệu lao động nữ' }),
    );

    await put(officer, { element: 'DE_LABOUR_FORCE', disagg: 'sex:F', value: 2050, baseVersion: 0 });
    expect((await act(officer, 'submit')).json()).toMatchObject({ status: 'submitted' });
    const managerInbox = await t.app.inject({ method: 'GET', url: '/api/inbox', headers: { cookie: manager.cookie } });
    expect(managerInbox.json<{ items: { kind: string; org: string }[] }>().items).toContainEqual(
      expect.objectContaining({ kind: 'to_approve', org: ORG }),
    );
    const approved = await act(manager, 'approve');
    expect(approved.json()).toMatchObject({
      status: 'approved',
      events: [{ action: 'submit' }, { action: 'return' }, { action: 'submit' }, { action: 'approve' }],
    });
    expect((await act(manager, 'approve')).statusCode).toBe(409);

    const locked = await put(officer, { element: 'DE_LABOUR_FORCE', disagg: 'sex:F', value: 1, baseVersion: 1 });
    expect(locked.statusCode).toBe(409);
    expect(locked.json<ErrorBody>().error).toBe('locked');
    const admin = await t.login(await t.newUser({ role: 'admin', org: 'VN' }));
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/data-values',
      headers: { ...admin.write, 'content-type': 'text/csv' },
      payload: 'element,period,org,disagg,value\nDE_LABOUR_FORCE,2025S1,07741,sex:F,9\n',
    });
    expect(imported.statusCode).toBe(409);
    expect(imported.json<ErrorBody>().message).toMatch(
      /^Số liệu đã được planmanager\d+ phê duyệt ngày 16\/06\/2025 \(biểu mẫu F_COMMUNE_GDNN_6M\) và đang bị khóa/,
    );
    expect((await entry(officer)).json()).toMatchObject({ locked: true, canEdit: false });
  });

  it('shows who reported on time, and who is overdue once the due day has passed', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/forms/${FORM}/completeness?period=2025S1`,
      headers: { cookie: manager.cookie },
    });
    const body = res.json<{ due: string; summary: Record<string, number>; units: { org: string; timeliness: string; status: string }[] }>();
    expect(body.due).toBe('2025-06-20');
    expect(body.summary).toMatchObject({ units: 18, onTime: 1, approved: 1, notDue: 17, overdue: 0 });
    t.clock.current = new Date('2025-06-21T03:00:00Z');
    const later = (
      await t.app.inject({ method: 'GET', url: `/api/forms/${FORM}/completeness?period=2025S1`, headers: { cookie: manager.cookie } })
    ).json<typeof body>();
    expect(later.summary).toMatchObject({ onTime: 1, overdue: 17 });
    expect(later.units.find((u) => u.org === ORG)).toMatchObject({ status: 'approved', timeliness: 'on_time' });
  });

  it('lets an approver unlock with a reason', async () => {
    expect((await act(manager, 'unlock')).statusCode).toBe(400);
    expect((await act(manager, 'unlock', 'Điều chỉnh theo số liệu điều tra')).json()).toMatchObject({
      status: 'draft',
      reason: 'Điều chỉnh theo số liệu điều tra',
    });
    expect((await put(officer, { element: 'DE_LABOUR_FORCE', disagg: 'sex:F', value: 2060, baseVersion: 1 })).statusCode).toBe(200);
  });

  it('keeps the history of a cell: who, when, old → new, source', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/data-values/history?element=DE_LABOUR_TRAINED_CERT&period=2025S1&org=${ORG}&disagg=sex:M`,
      headers: { cookie: officer.cookie },
    });
    const entries = res.json<{
      entries: { action: string; oldValue: number | null; newValue: number | null; source: string; actor: string; at: string }[];
    }>().entries;
    expect(entries.map((e) => [e.action, e.oldValue, e.newValue, e.source])).toEqual([
      ['create', null, 2315, 'entry'],
      ['update', 2315, 2100, 'entry'],
    ]);
    expect(entries[0]!.at).toBe('2025-06-16T03:00:00.000Z');
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/data-values/history?element=DE_LABOUR_FORCE&period=2025S1&org=${ORG}`,
          headers: { cookie: otherOfficer.cookie },
        })
      ).statusCode,
    ).toBe(403);
  });
});
