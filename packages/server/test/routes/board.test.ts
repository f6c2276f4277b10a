import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type ErrorBody, type Session } from '../support/app.ts';

/**
 * Chị Lan's board (issue 14, item 5): Chưa nộp apart from Đang nhập, reminders
 * to late units (inbox, and e-mail through a real SMTP server on this machine),
 * and the bulk approval of clean submissions.
 */
const FORM = 'F_COMMUNE_GDNN_6M';
const PERIOD = '2025S1';
const CLEAN = '07741';
const BROKEN = '07747';
const DRAFT = '07738';
const IDLE = '07750';

// A mail sink: a real SMTP server in this process, started before the app so that SMTP_URL names it.
const mails: { to: string[]; body: string }[] = [];
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, done) {
    let body = '';
    stream.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    stream.on('end', () => {
      mails.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
      done();
    });
  },
});
const env: Record<string, string> = { SESSION_IDLE_MINUTES: '10080' };
beforeAll(async () => {
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const address = sink.server.address();
  env.SMTP_URL = `smtp://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => sink.close(() => resolve())));

const t = useTestApp(env);
let lan: Session;
let communeManager: Session;
let idleOfficer: Session;
let officer: Session;
let anonymous: Record<string, string>;
const officers = new Map<string, Session>();

async function put(s: Session, org: string, element: string, value: number) {
  const res = await t.app.inject({
    method: 'PUT',
    url: '/api/data-entry/cell',
    headers: s.write,
    payload: { element, period: PERIOD, org, disagg: 'sex:M', value, baseVersion: 0 },
  });
  expect(res.statusCode).toBe(200);
}
async function submit(s: Session, org: string, comment?: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/forms/${FORM}/submissions/${org}/${PERIOD}/submit`,
    headers: s.write,
    payload: comment ? { comment } : {},
  });
  expect(res.statusCode).toBe(200);
}
const board = async (s: Session) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/forms/${FORM}/completeness?period=${PERIOD}`, headers: { cookie: s.cookie } });
  expect(res.statusCode).toBe(200);
  return res.json<{
    summary: Record<string, number>;
    units: { org: string; state: string; late: boolean; violations: number | null; lastReminder: { at: string; byName: string } | null }[];
  }>();
};
const remind = (s: Session | null, body: unknown) =>
  t.app.inject({
    method: 'POST',
    url: `/api/forms/${FORM}/reminders`,
    headers: s ? s.write : anonymous,
    payload: body as Record<string, unknown>,
  });
const approveAll = (s: Session | null, body: unknown) =>
  t.app.inject({
    method: 'POST',
    url: `/api/forms/${FORM}/approvals`,
    headers: s ? s.write : anonymous,
    payload: body as Record<string, unknown>,
  });

beforeAll(async () => {
  anonymous = {};
  t.clock.current = new Date('2025-06-18T03:00:00Z');
  const lanName = await t.newUser({ role: 'plan_manager', org: '221', username: 'lan' });
  await t.ctx.db.updateTable('app_user').set({ display_name: 'Nguyễn Thị Lan' }).where('username', '=', lanName).execute();
  const communeManagerName = await t.newUser({ role: 'plan_manager', org: CLEAN });
  const names = new Map<string, string>();
  for (const org of [CLEAN, BROKEN, DRAFT]) names.set(org, await t.newUser({ role: 'unit_officer', org }));
  for (const [org, name] of names) officers.set(org, await t.login(name));
  const officerName = names.get(CLEAN)!;
  const idleName = await t.newUser({ role: 'unit_officer', org: IDLE, username: 'tuan' });
  // The administrator gives Anh Tuấn an e-mail address (PATCH /api/users/{username}).
  const admin = await t.login(await t.newUser({ role: 'admin', org: '221' }));
  const bad = await t.app.inject({
    method: 'PATCH',
    url: `/api/users/${idleName}`,
    headers: admin.write,
    payload: { email: 'tuan at xa' },
  });
  expect(bad.statusCode).toBe(400);
  expect(bad.json<ErrorBody>().message).toBe('email: phải là một địa chỉ thư điện tử, ví dụ lan@ldtbxh.vn');
  const patched = await t.app.inject({
    method: 'PATCH',
    url: `/api/users/${idleName}`,
    headers: admin.write,
    payload: { email: 'tuan@xa-07750.example' },
  });
  expect(patched.json()).toMatchObject({ username: idleName, email: 'tuan@xa-07750.example' });
  // Tư Mại sends clean figures; Đồng Việt sends figures that break a rule, explained; Cảnh Thụy has begun.
  await put(officers.get(CLEAN)!, CLEAN, 'DE_LABOUR_FORCE', 2210);
  await submit(officers.get(CLEAN)!, CLEAN);
  await put(officers.get(BROKEN)!, BROKEN, 'DE_LABOUR_FORCE', 2210);
  await put(officers.get(BROKEN)!, BROKEN, 'DE_LABOUR_TRAINED_CERT', 2315);
  await submit(officers.get(BROKEN)!, BROKEN, 'Số liệu học viên liên kết huyện bạn');
  await put(officers.get(DRAFT)!, DRAFT, 'DE_LABOUR_FORCE', 1500);
  // A week later, past the due day (20/6): everyone signs in afresh.
  t.clock.current = new Date('2025-06-25T03:00:00Z');
  lan = await t.login(lanName);
  communeManager = await t.login(communeManagerName);
  officer = await t.login(officerName);
  idleOfficer = await t.login(idleName);
});

describe('the board', () => {
  it('opens on the form’s current round: the latest period whose report has opened', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/forms', headers: { cookie: lan.cookie } });
    const form = res.json<{ forms: { code: string; current: unknown }[] }>().forms.find((f) => f.code === FORM);
    expect(form?.current).toEqual({ period: PERIOD, opens: '2025-06-01', due: '2025-06-20' });
  });

  it('says Chưa nộp for a unit that entered nothing, Đang nhập for one that has figures, and which are late', async () => {
    const b = await board(lan);
    const unit = (org: string) => b.units.find((u) => u.org === org)!;
    expect(unit(IDLE)).toMatchObject({ state: 'not_started', late: true, violations: null, lastReminder: null });
    expect(unit(DRAFT)).toMatchObject({ state: 'draft', late: true });
    expect(unit(CLEAN)).toMatchObject({ state: 'submitted', late: false, violations: 0 });
    expect(unit(BROKEN)).toMatchObject({ state: 'submitted', late: false, violations: 1 });
    expect(b.summary).toMatchObject({ units: 18, submitted: 2, cleanSubmitted: 1, notStarted: 15, toRemind: 16 });
  });
});

describe('POST /api/forms/{code}/reminders', () => {
  it('answers 401 without a session and 403 to a unit officer', async () => {
    expect((await remind(null, { period: PERIOD })).statusCode).toBe(401);
    expect((await remind(officer, { period: PERIOD, orgs: [IDLE] })).statusCode).toBe(403);
  });

  it('answers 400 naming a bad period or a unit that does not report the form', async () => {
    const bad = await remind(lan, { period: '2025S3' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().message).toMatch(/^period: /);
    const stranger = await remind(lan, { period: PERIOD, orgs: ['221'] });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json<ErrorBody>().message).toBe(
      'orgs: Đơn vị "221" không phải báo cáo biểu mẫu "Báo cáo 6 tháng về GDNN của xã, thị trấn"',
    );
  });

  it('refuses a unit outside the manager’s scope (403) and sends nothing', async () => {
    const res = await remind(communeManager, { period: PERIOD, orgs: [IDLE] });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>()).toMatchObject({ error: 'out_of_scope', message: 'Đơn vị "07750" nằm ngoài phạm vi được giao của bạn.' });
  });

  it('refuses a unit that is not late (409) in Vietnamese and English, and sends nothing to the others named', async () => {
    const res = await remind(lan, { period: PERIOD, orgs: [IDLE, CLEAN] });
    expect(res.statusCode).toBe(409);
    expect(res.json<ErrorBody>()).toMatchObject({
      error: 'conflict',
      message:
        'Không gửi nhắc nhở: Xã Tư Mại không chậm nộp báo cáo "Báo cáo 6 tháng về GDNN của xã, thị trấn" kỳ 2025S1, vì đã gửi báo cáo lúc 18/06/2025. Chỉ nhắc các đơn vị quá hạn mà chưa gửi báo cáo.',
      messageEn: expect.stringContaining('Xã Tư Mại is not late'),
    });
    expect((await board(lan)).units.find((u) => u.org === IDLE)!.lastReminder).toBeNull();
  });

  it('refuses before the due day: nobody is late yet', async () => {
    const saved = t.clock.current;
    t.clock.current = new Date('2025-06-19T03:00:00Z');
    try {
      const res = await remind(lan, { period: PERIOD, orgs: [IDLE] });
      expect(res.statusCode).toBe(409);
      expect(res.json<ErrorBody>().message).toContain('vì chưa đến hạn nộp (20/06/2025)');
    } finally {
      t.clock.current = saved;
    }
  });

  it('reminds a late unit: its officer finds it in the inbox, by e-mail too, and the board says when', async () => {
    const res = await remind(lan, { period: PERIOD, orgs: [IDLE] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      sentAt: '2025-06-25T03:00:00.000Z',
      sent: [{ org: IDLE, name: 'Xã Đồng Phúc', recipients: 1, emailed: 1 }],
      mailErrors: [],
    });
    const inbox = await t.app.inject({ method: 'GET', url: '/api/inbox', headers: { cookie: idleOfficer.cookie } });
    expect(inbox.json<{ items: unknown[] }>().items).toContainEqual(
      expect.objectContaining({
        kind: 'reminder',
        form: FORM,
        org: IDLE,
        period: PERIOD,
        sentAt: '2025-06-25T03:00:00.000Z',
        sentByName: 'Nguyễn Thị Lan',
      }),
    );
    // Another commune's officer is not reminded.
    const other = await t.app.inject({ method: 'GET', url: '/api/inbox', headers: { cookie: officer.cookie } });
    expect(other.json<{ items: { kind: string }[] }>().items.filter((i) => i.kind === 'reminder')).toEqual([]);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(['tuan@xa-07750.example']);
    expect(mails[0]!.body).toContain('Subject: =?UTF-8?');
    expect((await board(lan)).units.find((u) => u.org === IDLE)!.lastReminder).toEqual({
      at: '2025-06-25T03:00:00.000Z',
      by: 'lan',
      byName: 'Nguyễn Thị Lan',
    });
    const audit = await t.ctx.db.selectFrom('audit_event').select(['actor', 'entity_key']).where('action', '=', 'reminder_sent').execute();
    expect(audit).toEqual([{ actor: 'lan', entity_key: `${FORM}|${IDLE}|${PERIOD}` }]);
  });

  it('with no unit named, reminds every late unit in reach with one click', async () => {
    t.clock.advance(3_600_000);
    const res = await remind(lan, { period: PERIOD });
    expect(res.statusCode).toBe(200);
    const sent = res.json<{ sent: { org: string }[] }>().sent.map((s) => s.org);
    expect(sent).toHaveLength(16);
    expect(sent).toContain(DRAFT);
    expect(sent).not.toContain(CLEAN);
  });
});

describe('POST /api/forms/{code}/approvals', () => {
  it('answers 401 without a session and 403 to a unit officer', async () => {
    expect((await approveAll(null, { period: PERIOD })).statusCode).toBe(401);
    expect((await approveAll(officer, { period: PERIOD })).statusCode).toBe(403);
  });

  it('refuses a unit outside the caller’s scope (403)', async () => {
    const res = await approveAll(communeManager, { period: PERIOD, orgs: [BROKEN] });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().error).toBe('out_of_scope');
  });

  it('approves the clean submissions in one action and says what it skipped and why', async () => {
    const res = await approveAll(lan, { period: PERIOD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      form: FORM,
      period: PERIOD,
      approved: [{ org: CLEAN, name: 'Xã Tư Mại' }],
      skipped: [
        {
          org: BROKEN,
          name: 'Xã Đồng Việt',
          reason: 'Số liệu còn 1 vi phạm quy tắc kiểm tra: hãy mở báo cáo để xem giải trình rồi phê duyệt hoặc trả lại.',
          reasonEn: expect.stringContaining('1 validation rule'),
        },
      ],
    });
    const b = await board(lan);
    expect(b.units.find((u) => u.org === CLEAN)!.state).toBe('approved');
    expect(b.units.find((u) => u.org === BROKEN)!.state).toBe('submitted');
    const events = await t.ctx.db.selectFrom('submission_event').select(['org_code', 'actor']).where('action', '=', 'approve').execute();
    expect(events).toEqual([{ org_code: CLEAN, actor: 'lan' }]);
  });

  it('names why each unit named was skipped', async () => {
    const res = await approveAll(lan, { period: PERIOD, orgs: [CLEAN, IDLE] });
    expect(res.json()).toMatchObject({
      approved: [],
      skipped: [
        { org: CLEAN, reason: 'Đã được phê duyệt từ trước.' },
        { org: IDLE, reason: 'Chưa gửi báo cáo nên chưa thể phê duyệt.' },
      ],
    });
  });
});
