import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type ErrorBody, type Session } from '../support/app.ts';

// Evidence files are written under DATA_DIR: a folder of this test's own.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-tasks-test-'));
const t = useTestApp({ DATA_DIR: dataDir });
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const PLAN = 'YD-GDNN-2023';
const ORG = '07741';

let officer: Session;
let otherOfficer: Session;
let manager: Session;
let leader: Session;
let t1: number;

type Assignment = {
  id: number;
  task: string;
  org: string;
  own: boolean;
  role: string;
  period: string;
  dueOn: string;
  extendedTo: string | null;
  status: string;
  percent: number | null;
};

const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
const post = (s: Session, url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: s.write, payload: payload as object });
const list = async (s: Session, query = '') =>
  (await get(s, `/api/task-assignments?plan=${PLAN}&year=2025${query}`)).json<{ assignments: Assignment[] }>().assignments;
const report = (s: Session, id: number, body: Record<string, unknown>) => post(s, `/api/task-assignments/${id}/reports`, body);
const upload = (s: Session, id: number, name: string, body: Buffer) =>
  t.app.inject({
    method: 'POST',
    url: `/api/task-assignments/${id}/evidence?name=${encodeURIComponent(name)}`,
    headers: { ...s.write, 'content-type': 'application/octet-stream' },
    payload: body,
  });
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const names: string[] = [];
/** Moves the clock and logs everyone in again (sessions end after 7 idle days). */
async function setDay(iso: string) {
  t.clock.current = new Date(`${iso}T03:00:00Z`);
  [officer, otherOfficer, manager, leader] = (await Promise.all(names.map((n) => t.login(n)))) as [Session, Session, Session, Session];
}

beforeAll(async () => {
  names.push(
    await t.newUser({ role: 'unit_officer', org: ORG }),
    await t.newUser({ role: 'unit_officer', org: '07747' }),
    await t.newUser({ role: 'plan_manager', org: '221' }),
    await t.newUser({ role: 'viewer', org: '221' }),
  );
  await setDay('2025-06-10');
});

describe('assignments from the catalogue and the due rules', () => {
  it('shows a commune officer only the commune’s assignments, due 20/6 and 20/12', async () => {
    const rows = await list(officer);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.org))).toEqual(new Set([ORG]));
    const first = rows.find((r) => r.task === 'T1' && r.period === '2025S1')!;
    expect(first).toMatchObject({ role: 'lead', dueOn: '2025-06-20', status: 'not_started', extendedTo: null });
    // The second half-year's assignments appear once it begins.
    expect(rows.some((r) => r.period === '2025S2')).toBe(false);
    expect(rows.find((r) => r.task === 'T2.1')!.role).toBe('coordinating');
    t1 = first.id;
  });

  it('lets the plan manager see every unit, and filter by status', async () => {
    const rows = await list(manager);
    expect(new Set(rows.map((r) => r.org)).size).toBeGreaterThan(10);
    expect(rows.some((r) => r.org === '221-GDDT' && r.task === 'T3.2')).toBe(true);
    expect((await list(manager, '&status=overdue')).every((r) => r.status === 'overdue')).toBe(true);
  });

  it('marks the user’s own unit: a commune’s for its officer, an office’s for its head, none for the district leader', async () => {
    expect((await list(officer)).every((r) => r.own)).toBe(true);
    // The plan gives the district's committee no task of its own: the leader follows the others'.
    const rows = await list(leader);
    expect(rows.filter((r) => r.own)).toEqual([]);
    expect(rows.length).toBeGreaterThan(100);
    const head = await t.login(await t.newUser({ role: 'unit_head', org: '221-GDDT' }));
    const office = await list(head);
    expect(office.length).toBeGreaterThan(0);
    expect(office.every((r) => r.own && r.org === '221-GDDT')).toBe(true);
    expect((await list(manager)).filter((r) => r.own)).toEqual([]);
  });

  it('keeps other communes out: 403 on the list, the detail and every write', async () => {
    expect((await get(otherOfficer, `/api/task-assignments?plan=${PLAN}&org=${ORG}`)).statusCode).toBe(403);
    const detail = await get(otherOfficer, `/api/task-assignments/${t1}`);
    expect(detail.statusCode).toBe(403);
    expect(detail.json<ErrorBody>().message).toBe(`Đơn vị "${ORG}" nằm ngoài phạm vi được giao của bạn.`);
    expect((await report(otherOfficer, t1, { status: 'in_progress', percent: 10 })).statusCode).toBe(403);
    expect((await upload(otherOfficer, t1, 'a.pdf', PDF)).statusCode).toBe(403);
    expect((await list(otherOfficer)).some((r) => r.org === ORG)).toBe(false);
  });

  it('answers 404 for an unknown assignment and 401 without a session', async () => {
    expect((await get(officer, '/api/task-assignments/999999')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/task-assignments/${t1}` })).statusCode).toBe(401);
  });
});

describe('progress reports and evidence', () => {
  it('refuses inconsistent reports with a Vietnamese message', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ status: 'done', percent: 50, resultsText: 'x' }, 'percent: Nhiệm vụ đã hoàn thành thì tiến độ phải là 100%'],
      [{ status: 'not_started', percent: 10 }, 'percent: Nhiệm vụ chưa triển khai thì tiến độ phải là 0%'],
      [{ status: 'done', percent: 100 }, 'resultsText: Hãy ghi kết quả thực hiện khi báo cáo hoàn thành nhiệm vụ'],
      [
        { status: 'done', percent: 100, resultsText: 'x', completedOn: '2025-07-01' },
        'completedOn: Ngày hoàn thành (01/07/2025) không được sau ngày hôm nay',
      ],
    ];
    for (const [body, message] of cases) {
      const res = await report(officer, t1, body);
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().message).toBe(message);
    }
    expect((await report(officer, t1, { status: 'in_progress', percent: 140 })).statusCode).toBe(400);
  });

  it('files a report in progress and keeps it in the history', async () => {
    const res = await report(officer, t1, {
      status: 'in_progress',
      percent: 40,
      doneText: 'Tổ chức 3 buổi tuyên truyền',
      difficultiesText: 'Thiếu kinh phí',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      assignment: Assignment;
      reports: { percent: number; difficultiesText: string }[];
      history: { kind: string }[];
      indicators: { code: string }[];
    }>();
    expect(body.assignment).toMatchObject({ status: 'in_progress', percent: 40 });
    expect(body.reports[0]).toMatchObject({ percent: 40, difficultiesText: 'Thiếu kinh phí' });
    expect(body.history.map((h) => h.kind)).toEqual(['progress_report']);
    expect(body.indicators.map((i) => i.code)).toContain('I_THCS_TO_VET');
  });

  it('stores a PDF with its checksum and gives it back only to those in scope', async () => {
    const res = await upload(officer, t1, 'Biên bản tuyên truyền.pdf', PDF);
    expect(res.statusCode).toBe(200);
    const ev = res.json<{ id: number; mimeType: string; sha256: string; fileName: string }>();
    expect(ev).toMatchObject({ mimeType: 'application/pdf', fileName: 'Biên bản tuyên truyền.pdf' });
    expect(ev.sha256).toMatch(/^[0-9a-f]{64}$/);
    const down = await get(officer, `/api/task-evidence/${ev.id}`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.rawPayload.equals(PDF)).toBe(true);
    expect(fs.readFileSync(path.join(dataDir, 'evidence', ev.sha256.slice(0, 2), ev.sha256)).equals(PDF)).toBe(true);
    expect((await get(otherOfficer, `/api/task-evidence/${ev.id}`)).statusCode).toBe(403);
  });

  it('refuses a program named .pdf (the content is checked), and a file over 10 MB with 413', async () => {
    const spoof = await upload(
      officer,
      t1,
      'bao-cao.pdf',
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00 This program cannot be run in DOS mode'),
    );
    expect(spoof.statusCode).toBe(415);
    expect(spoof.json<ErrorBody>().message).toMatch(/^Tệp "bao-cao.pdf" không phải là PDF, ảnh/);
    const big = await upload(officer, t1, 'big.pdf', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
  });
});

describe('deadlines, reminders and the one extension', () => {
  it('reminds 7 days before the due date', async () => {
    await setDay('2025-06-13');
    const items = (await get(officer, '/api/inbox')).json<{ items: { kind: string; assignmentId?: number }[] }>().items;
    expect(items.find((i) => i.assignmentId === t1)?.kind).toBe('task_due_7');
  });

  it('shows the assignment overdue after its due date, in the list and the inbox', async () => {
    await setDay('2025-06-21');
    expect((await list(officer)).find((r) => r.id === t1)!.status).toBe('overdue');
    const items = (await get(officer, '/api/inbox')).json<{ items: { kind: string; assignmentId?: number }[] }>().items;
    expect(items.find((i) => i.assignmentId === t1)?.kind).toBe('task_overdue');
  });

  it('refuses an extension without a reason or not after the due date', async () => {
    const noReason = await post(officer, `/api/task-assignments/${t1}/extension`, { requestedTo: '2025-07-10', reason: '  ' });
    expect(noReason.json<ErrorBody>().message).toBe('reason: Hãy ghi lý do xin gia hạn');
    const early = await post(officer, `/api/task-assignments/${t1}/extension`, { requestedTo: '2025-06-20', reason: 'Chờ kinh phí' });
    expect(early.statusCode).toBe(400);
    expect(early.json<ErrorBody>().message).toBe('requestedTo: Ngày xin gia hạn phải sau thời hạn hiện tại (20/06/2025)');
  });

  it('takes one request, refuses a second, lets only the plan manager approve, and moves the due date', async () => {
    const asked = await post(officer, `/api/task-assignments/${t1}/extension`, {
      requestedTo: '2025-07-10',
      reason: 'Chờ kinh phí hỗ trợ',
    });
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toMatchObject({ extension: { status: 'pending', requestedTo: '2025-07-10' } });
    const again = await post(officer, `/api/task-assignments/${t1}/extension`, { requestedTo: '2025-07-20', reason: 'Lần nữa' });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().message).toBe('Nhiệm vụ này đã có yêu cầu gia hạn; mỗi nhiệm vụ chỉ được gia hạn một lần.');
    expect((await post(officer, `/api/task-assignments/${t1}/extension/decision`, { decision: 'approve' })).statusCode).toBe(403);
    const inbox = (await get(manager, '/api/inbox')).json<{ items: { kind: string; assignmentId?: number }[] }>().items;
    expect(inbox.some((i) => i.kind === 'task_extension' && i.assignmentId === t1)).toBe(true);
    const approved = await post(manager, `/api/task-assignments/${t1}/extension/decision`, { decision: 'approve' });
    expect(approved.json()).toMatchObject({
      assignment: { extendedTo: '2025-07-10', status: 'in_progress' },
      extension: { status: 'approved' },
    });
    expect((await post(manager, `/api/task-assignments/${t1}/extension/decision`, { decision: 'refuse', note: 'x' })).statusCode).toBe(409);
  });

  it('counts a task done within the extension as done on time, and adds the new half-year', async () => {
    await setDay('2025-07-05');
    expect((await list(officer)).find((r) => r.task === 'T1' && r.period === '2025S2')!.dueOn).toBe('2025-12-20');
    const res = await report(officer, t1, { status: 'done', percent: 100, resultsText: 'Đã tổ chức 5 buổi, 400 lượt người nghe' });
    expect(res.json()).toMatchObject({ assignment: { status: 'done_on_time' }, reports: [{ completedOn: '2025-07-05' }, {}] });
  });
});

describe('evaluation', () => {
  type Card = {
    total: number | null;
    computed: number | null;
    parts: { part: string; score: number | null; items: { key: string; status: string; points: number | null }[] }[];
    adjustments: { reason: string }[];
  };
  const card = async (s: Session, org = ORG) => get(s, `/api/evaluation/scorecard?plan=${PLAN}&org=${org}&year=2025`);

  it('explains the commune’s score by its tasks, indicators and reports', async () => {
    const res = await card(officer);
    expect(res.statusCode).toBe(200);
    const c = res.json<Card>();
    const tasks = c.parts.find((p) => p.part === 'tasks')!;
    expect(tasks.items.find((i) => i.key === 'T1|2025S1')).toMatchObject({ status: 'done_on_time', points: 100 });
    expect(tasks.items.find((i) => i.key === 'T1|2025S2')).toMatchObject({ status: 'not_started', points: null });
    expect(c.parts.find((p) => p.part === 'indicators')!.items.map((i) => i.key)).toContain('I_LABOUR_TRAINED_CERT');
    expect(c.parts.find((p) => p.part === 'reports')!.items.some((i) => i.key.startsWith('F_COMMUNE_GDNN_6M|07741|2025S1'))).toBe(true);
    expect((await card(otherOfficer)).statusCode).toBe(403);
  });

  it('answers weights that add up to 100 % and parts that multiply and add up to the score', async () => {
    const c = (await card(manager)).json<
      Omit<Card, 'parts'> & { sum: number; parts: { score: number | null; sharePercent: number; contribution: number }[] }
    >();
    const counted = c.parts.filter((p) => p.score !== null);
    expect(counted.length).toBeGreaterThan(1);
    expect(Math.round(counted.reduce((a, p) => a + p.sharePercent, 0) * 100)).toBe(10_000);
    for (const p of counted)
      expect(Math.round(p.contribution * 100_000)).toBe(Math.round(p.sharePercent * 100) * Math.round(p.score! * 10));
    expect(Math.round(c.parts.reduce((a, p) => a + p.contribution, 0) * 100_000)).toBe(Math.round(c.sum * 100_000));
    expect(c.computed).toBe(Math.floor((Math.round(c.sum * 100_000) + 5_000) / 10_000) / 10);
  });

  it('lets the plan manager adjust a score with a reason, and audits it', async () => {
    const before = (await card(manager)).json<Card>();
    const noReason = await post(manager, '/api/evaluation/adjustments', { plan: PLAN, org: ORG, year: 2025, delta: 5, reason: '' });
    expect(noReason.json<ErrorBody>().message).toBe('reason: Hãy ghi lý do điều chỉnh điểm');
    expect(
      (await post(officer, '/api/evaluation/adjustments', { plan: PLAN, org: ORG, year: 2025, delta: 5, reason: 'x' })).statusCode,
    ).toBe(403);
    const res = await post(manager, '/api/evaluation/adjustments', {
      plan: PLAN,
      org: ORG,
      year: 2025,
      delta: -5,
      reason: 'Báo cáo thiếu minh chứng',
    });
    const after = res.json<Card>();
    expect(after.adjustments.map((a) => a.reason)).toEqual(['Báo cáo thiếu minh chứng']);
    expect(after.total).toBe(Math.max(0, Math.round((before.computed! - 5) * 10) / 10));
    const audit = await t.db.db.selectFrom('audit_event').select(['action', 'actor']).where('action', '=', 'score_adjust').execute();
    expect(audit).toHaveLength(1);
  });

  it('ranks agencies and communes apart, for those who oversee the plan', async () => {
    const res = await get(manager, `/api/evaluation/ranking?plan=${PLAN}&year=2025`);
    const r = res.json<{ agencies: { org: string; rank: number | null }[]; communes: { org: string; rank: number | null }[] }>();
    expect(r.communes.some((c) => c.org === ORG)).toBe(true);
    expect(r.agencies.some((a) => a.org === '221-LDTBXH')).toBe(true);
    expect(r.communes.every((c) => /^\d{5}$/.test(c.org))).toBe(true);
    expect((await get(officer, `/api/evaluation/ranking?plan=${PLAN}&year=2025`)).statusCode).toBe(403);
  });
});

describe('tasks added by the plan manager', () => {
  const base = {
    plan: PLAN,
    group: '1',
    title: 'Tổ chức ngày hội tư vấn tuyển sinh GDNN',
    lead: ['221-LDTBXH'],
    coordinating: ['COMMUNE_PPC'],
    startOn: '2025-07-01',
    recurrence: 'once',
    dueOn: '2025-09-30',
  };
  it('creates a one-off task with its assignments, due on its date', async () => {
    const res = await post(manager, '/api/tasks', base);
    expect(res.statusCode).toBe(200);
    const { code, assignments } = res.json<{ code: string; assignments: number }>();
    expect(code).toBe('NV1');
    expect(assignments).toBe(19);
    expect((await list(officer)).find((r) => r.task === 'NV1')).toMatchObject({
      role: 'coordinating',
      period: '2025',
      dueOn: '2025-09-30',
    });
  });
  it('refuses bad input and non-managers', async () => {
    expect((await post(officer, '/api/tasks', base)).statusCode).toBe(403);
    const cases: [Record<string, unknown>, string][] = [
      [{ group: '9' }, 'group: Nhóm nhiệm vụ "9" không có trong kế hoạch'],
      [{ dueOn: null }, 'dueOn: Nhiệm vụ thực hiện một lần cần có thời hạn'],
      [{ dueOn: '2025-06-01' }, 'dueOn: Thời hạn phải từ ngày bắt đầu trở đi'],
      [{ lead: ['221-XYZ'] }, 'lead: "221-XYZ" không phải là mã cơ quan, đơn vị hoặc nhóm đơn vị đã có'],
    ];
    for (const [over, message] of cases) {
      const res = await post(manager, '/api/tasks', { ...base, ...over });
      expect(res.statusCode).toBe(400);
      expect(res.json<ErrorBody>().message).toBe(message);
    }
  });
});
