import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type ErrorBody, type Session } from '../support/app.ts';
import { copyPlan, newCommuneOrganisation } from '../support/plans.ts';

/**
 * Issue 13, separation of duties in the approval workflow: nobody decides on
 * their own submission; an approval is undone only at its level or above; a
 * head decides only on what their own organisation reports; officers write a
 * period only while its form is open, or once it is returned or unlocked;
 * nobody adjusts their own unit's score.
 */
const t = useTestApp({ SESSION_IDLE_MINUTES: '10080' });
const FORM = 'F_COMMUNE_GDNN_6M';
const EDU_FORM = 'F_EDU_GRADUATES_Y';
const ORG = '07741';

const roles = {
  officer: { role: 'unit_officer', org: ORG },
  head: { role: 'unit_head', org: ORG },
  head2: { role: 'unit_head', org: ORG },
  communeManager: { role: 'plan_manager', org: ORG },
  manager: { role: 'plan_manager', org: '221' },
  manager2: { role: 'plan_manager', org: '221' },
  eduOfficer: { role: 'unit_officer', org: '221-GDDT' },
  eduHead: { role: 'unit_head', org: '221-GDDT' },
  admin: { role: 'admin', org: '221' },
} as const;
type Who = keyof typeof roles;
const names = {} as Record<Who, string>;
const s = {} as Record<Who, Session>;

/** Moves the clock and signs everyone in again (sessions end after 7 days). */
async function setDay(iso: string) {
  t.clock.current = new Date(`${iso}T03:00:00Z`);
  for (const who of Object.keys(roles) as Who[]) s[who] = await t.login(names[who]);
}

const versions = new Map<string, number>();
async function put(who: Who, cell: { element?: string; period: string; org?: string; value: number; disagg?: string }) {
  const body = { element: 'DE_LABOUR_FORCE', org: ORG, disagg: 'sex:M', ...cell };
  const key = `${body.element}|${body.period}|${body.org}|${body.disagg}`;
  const res = await t.app.inject({
    method: 'PUT',
    url: '/api/data-entry/cell',
    headers: s[who].write,
    payload: { ...body, baseVersion: versions.get(key) ?? 0 },
  });
  if (res.statusCode === 200) versions.set(key, res.json<{ cell: { version: number } }>().cell.version);
  return res;
}
function act(who: Who, action: string, period = '2025S1', form = FORM, comment = 'Lý do') {
  return t.app.inject({
    method: 'POST',
    url: `/api/forms/${form}/submissions/${ORG}/${period}/${action}`,
    headers: s[who].write,
    payload: { comment },
  });
}
const message = (res: { json: <T>() => T }) => res.json<ErrorBody>().message;

beforeAll(async () => {
  for (const [who, user] of Object.entries(roles)) names[who as Who] = await t.newUser(user);
  await copyPlan(t.db.db, 'YD-GDNN-2023', 'ZZ-TU-MAI', ORG);
  await newCommuneOrganisation(t.db.db, '07741-HTX', ORG);
  await setDay('2024-12-10');
  // The second half of 2024, filed while its form was open.
  expect((await put('officer', { period: '2024S2', value: 2000 })).statusCode).toBe(200);
  expect((await act('officer', 'submit', '2024S2')).statusCode).toBe(200);
  await setDay('2025-06-25');
});

describe('who writes a period', () => {
  it('refuses an officer a period whose form is no longer open: four years back, or last half-year', async () => {
    const old = await put('officer', { period: '2021S1', value: 1 });
    expect(old.statusCode).toBe(403);
    expect(message(old)).toBe(
      'Kỳ báo cáo 2021S1 của biểu mẫu "Báo cáo 6 tháng về GDNN của xã, thị trấn" đã hết thời gian nhập số liệu (từ 01/06/2021 đến 20/12/2021); muốn sửa số liệu, hãy đề nghị cấp phê duyệt trả lại hoặc mở khóa báo cáo.',
    );
    expect((await put('head', { period: '2021S1', value: 1 })).statusCode).toBe(403);
    expect((await put('officer', { period: '2024S1', value: 1 })).statusCode).toBe(403);
    const csv = 'element,period,org,disagg,value\nDE_LABOUR_FORCE,2021S1,07741,sex:F,9\n';
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/data-values',
      headers: { ...s.officer.write, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(imported.statusCode).toBe(422);
    expect(imported.json<{ errors: { message: string }[] }>().errors[0]!.message).toMatch(
      /^Kỳ báo cáo 2021S1 .* đã hết thời gian nhập số liệu/,
    );
  });

  it('lets the officer write the open period', async () => {
    expect((await put('officer', { period: '2025S1', value: 2210 })).statusCode).toBe(200);
  });

  it('reopens a closed period to the officer once it is returned, and again once unlocked', async () => {
    expect((await put('officer', { period: '2024S2', value: 2001 })).statusCode).toBe(403);
    expect((await act('manager', 'return', '2024S2', FORM, 'Thiếu số liệu nữ')).statusCode).toBe(200);
    expect((await put('officer', { period: '2024S2', value: 2002 })).statusCode).toBe(200);
    expect((await act('officer', 'submit', '2024S2')).statusCode).toBe(200);
    expect((await act('manager', 'approve', '2024S2')).statusCode).toBe(200);
    expect((await act('manager', 'unlock', '2024S2', FORM, 'Điều chỉnh theo điều tra')).statusCode).toBe(200);
    expect((await put('officer', { period: '2024S2', value: 2003 })).statusCode).toBe(200);
  });

  it('lets a plan manager or administrator write outside the window, and flags each such change in the audit log', async () => {
    expect((await put('manager', { period: '2021S1', value: 1800 })).statusCode).toBe(200);
    expect((await put('admin', { period: '2021S1', value: 1900 })).statusCode).toBe(200);
    const res = await t.app.inject({ method: 'GET', url: `/api/data-values/audit?org=${ORG}`, headers: { cookie: s.admin.cookie } });
    const entries = res.json<{ entries: { period: string; actor: string; outsideWindow: boolean }[] }>().entries;
    expect(entries.filter((e) => e.period === '2021S1').map((e) => [e.actor, e.outsideWindow])).toEqual([
      [names.admin, true],
      [names.manager, true],
    ]);
    expect(entries.find((e) => e.period === '2025S1')).toMatchObject({ actor: names.officer, outsideWindow: false });
  });
});

describe('who decides on a submission', () => {
  it('refuses a head approving, returning or unlocking their own submission; another head approves it', async () => {
    expect((await put('head', { period: '2025S1', value: 2300, disagg: 'sex:F' })).statusCode).toBe(200);
    expect((await act('head', 'submit')).statusCode).toBe(200);
    const own = await act('head', 'approve');
    expect(own.statusCode).toBe(403);
    expect(message(own)).toBe(
      'Bạn không thể phê duyệt, trả lại hoặc mở khóa báo cáo do chính mình gửi; việc này do một người có thẩm quyền khác thực hiện.',
    );
    expect((await act('head', 'return')).statusCode).toBe(403);
    expect((await act('head2', 'approve')).statusCode).toBe(200);
    expect((await act('head', 'unlock')).statusCode).toBe(403);
  });

  it('keeps a district approval from being undone or overruled at the commune', async () => {
    expect((await act('manager', 'unlock')).statusCode).toBe(200);
    expect((await act('officer', 'submit')).statusCode).toBe(200);
    expect((await act('manager', 'approve')).statusCode).toBe(200);
    const unlock = await act('head2', 'unlock');
    expect(unlock.statusCode).toBe(403);
    expect(message(unlock)).toBe(
      `Báo cáo đã được ${names.manager} (phạm vi "221") phê duyệt; chỉ người có thẩm quyền từ cấp đó trở lên mới được trả lại, mở khóa hoặc phê duyệt lại.`,
    );
    expect((await act('manager2', 'unlock')).statusCode).toBe(200);
    expect((await act('officer', 'submit')).statusCode).toBe(200);
    expect((await act('head2', 'approve')).statusCode).toBe(403);
    expect((await act('head2', 'return')).statusCode).toBe(403);
    expect((await act('manager2', 'approve')).statusCode).toBe(200);
  });

  it('lets only the reporting office decide on what it reports for a commune', async () => {
    expect((await put('eduOfficer', { element: 'DE_THCS_GRAD', period: '2024', value: 100 })).statusCode).toBe(200);
    expect((await act('eduOfficer', 'submit', '2024', EDU_FORM)).statusCode).toBe(200);
    const commune = await act('head', 'approve', '2024', EDU_FORM);
    expect(commune.statusCode).toBe(403);
    expect(message(commune)).toBe(
      'Biểu mẫu này của đơn vị "07741" do "221-GDDT" báo cáo; chỉ người có thẩm quyền của đơn vị báo cáo hoặc cấp trên mới được phê duyệt, trả lại hoặc mở khóa.',
    );
    expect((await act('communeManager', 'approve', '2024', EDU_FORM)).statusCode).toBe(403);
    expect((await act('eduHead', 'approve', '2024', EDU_FORM)).statusCode).toBe(200);
    expect((await act('head', 'unlock', '2024', EDU_FORM)).statusCode).toBe(403);
  });

  it('tells the data entry screen who may decide', async () => {
    const entry = (who: Who) =>
      t.app.inject({ method: 'GET', url: `/api/forms/${EDU_FORM}/entry?org=${ORG}&period=2024`, headers: { cookie: s[who].cookie } });
    expect((await entry('head')).json()).toMatchObject({ canApprove: false });
    expect((await entry('eduHead')).json()).toMatchObject({ canApprove: true });
  });
});

describe('who adjusts a score', () => {
  const adjust = (who: Who, org: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/evaluation/adjustments',
      headers: s[who].write,
      payload: { plan: 'ZZ-TU-MAI', org, year: 2025, delta: 50, reason: 'Hoàn thành xuất sắc' },
    });

  it('refuses a commune’s manager an adjustment of the commune’s own score, under either of its codes', async () => {
    const own = await adjust('communeManager', ORG);
    expect(own.statusCode).toBe(403);
    expect(message(own)).toBe('Bạn không thể điều chỉnh điểm của chính đơn vị mình ("07741"); việc điều chỉnh điểm do cấp trên thực hiện.');
    expect((await adjust('communeManager', '07741-UBND')).statusCode).toBe(403);
    expect(await t.db.db.selectFrom('score_adjustment').selectAll().execute()).toEqual([]);
  });

  it('lets the commune’s manager adjust a unit below the commune', async () => {
    expect((await adjust('communeManager', '07741-HTX')).statusCode).toBe(200);
  });
});
