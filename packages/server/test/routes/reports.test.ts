import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '@vetplan/domain';
import { ensureAdmin } from '../../src/bootstrap.ts';
import { loadDemoData } from '../../src/modules/demo/service.ts';
import { ensureAssignments } from '../../src/modules/tasks/assignments.ts';
import { computeIndicators, loadIndicators } from '../../src/modules/analytics/service.ts';
import { useTestApp, type ErrorBody, type Session } from '../support/app.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vetplan-reports-'));
const t = useTestApp({ DATA_DIR: dataDir, VETPLAN_ADMIN_PASSWORD: 'admin-pass-123' });
const PLAN = 'YD-GDNN-2023';
let manager: Session;
let communeHead: Session;
/** The district's 2025 figures, formatted as the report must write them. */
const expected = new Map<string, string>();

/** A progress report on a task instance the due rules created, as the tasks module stores it. */
async function fileProgress(
  task: string,
  org: string,
  period: string,
  report: {
    status: 'not_started' | 'in_progress' | 'done';
    percent: number;
    done?: string;
    results?: string;
    difficulties?: string;
    proposals?: string;
    completedOn?: string;
  } | null,
) {
  const a = await t.db.db
    .selectFrom('task_assignment')
    .select('id')
    .where('plan_code', '=', PLAN)
    .where('task_code', '=', task)
    .where('org_code', '=', org)
    .where('period', '=', period)
    .executeTakeFirstOrThrow();
  if (!report) return;
  await t.db.db
    .insertInto('task_progress_report')
    .values({
      assignment_id: a.id,
      status: report.status,
      percent: report.percent,
      done_text: report.done ?? '',
      results_text: report.results ?? '',
      difficulties_text: report.difficulties ?? '',
      proposals_text: report.proposals ?? '',
      completed_on: report.completedOn ?? null,
      reported_by: 'admin',
      reported_at: new Date('2025-12-10T03:00:00Z'),
    })
    .execute();
}

beforeAll(async () => {
  t.clock.current = new Date('2026-01-12T03:00:00Z');
  await ensureAdmin(t.ctx);
  await loadDemoData(t.ctx);
  manager = await t.login(await t.newUser({ role: 'plan_manager', org: '221' }));
  communeHead = await t.login(await t.newUser({ role: 'unit_head', org: '07684' }));
  await ensureAssignments(t.ctx, PLAN);
  await fileProgress('T1', '07684', '2025S2', {
    status: 'done',
    percent: 100,
    done: 'Tổ chức 12 buổi tuyên truyền về GDNN tại các thôn.',
    results: 'Hơn 900 lượt người dân được tuyên truyền.',
    completedOn: '2025-12-01',
    difficulties: 'Kinh phí tuyên truyền còn hạn chế.',
    proposals: 'Đề nghị bổ sung kinh phí tuyên truyền năm 2026.',
  });
  await fileProgress('T2.1', '221-LDTBXH', '2025S2', {
    status: 'in_progress',
    percent: 60,
    done: 'Hỗ trợ đào tạo nghề cho 150 lao động nông thôn.',
  });
  const rows = await computeIndicators(t.ctx, await loadIndicators(t.ctx, null), ['221'], ['2025']);
  for (const r of rows)
    if (r.value !== null)
      expected.set(
        r.indicator,
        r.indicator === 'I_VET_INSTITUTIONS' ? formatNumber(r.value) : `${formatNumber(r.value, { decimals: 1 })}%`,
      );
});

/** How many instances of a task (or of every task) the plan has in 2025. */
async function assignmentsOf(task: string | null): Promise<number> {
  const rows = await t.db.db
    .selectFrom('task_assignment')
    .select('id')
    .where('plan_code', '=', PLAN)
    .where('period', 'in', ['2025', '2025S1', '2025S2'])
    .$if(task !== null, (q) => q.where('task_code', '=', task!))
    .execute();
  return rows.length;
}

const exportReport = (session: Session | null, body: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: '/api/reports',
    headers: session?.write ?? {},
    payload: { type: 'plan-progress', plan: PLAN, org: '221', period: '2025', format: 'docx', ...body },
  });

/** The text of a Word document's body, tags removed. */
async function docxText(bytes: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

describe('POST /api/reports: access and input', () => {
  it('needs a signed-in reporter whose scope holds the unit', async () => {
    expect((await exportReport(null, {})).statusCode).toBe(401);
    const viewer = await t.login(await t.newUser({ role: 'viewer', org: '221' }));
    expect((await exportReport(viewer, {})).statusCode).toBe(403);
    const officer = await t.login(await t.newUser({ role: 'unit_officer', org: '221' }));
    expect((await exportReport(officer, {})).statusCode).toBe(403);
    const res = await exportReport(communeHead, {});
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>()).toMatchObject({ error: 'out_of_scope', message: 'Đơn vị "221" nằm ngoài phạm vi được giao của bạn.' });
  });

  it('refuses a period that is not a half-year or a year, an unknown format or plan, in Vietnamese', async () => {
    const quarter = await exportReport(manager, { period: '2025Q1' });
    expect(quarter.statusCode).toBe(400);
    expect(quarter.json<ErrorBody>().message).toBe(
      'period: "2025Q1" không phải là kỳ báo cáo 6 tháng (ví dụ 2025S1) hoặc năm (ví dụ 2025)',
    );
    const format = await exportReport(manager, { format: 'odt' });
    expect(format.statusCode).toBe(400);
    expect(format.json<ErrorBody>().message).toBe('format: phải là một trong các giá trị: docx, xlsx, pdf');
    const type = await exportReport(manager, { type: 'bao-cao-khac' });
    expect(type.json<ErrorBody>().message).toBe('type: phải là một trong các giá trị: plan-progress');
    const unknownUnit = await exportReport(manager, { org: '99999' });
    expect(unknownUnit.statusCode).toBe(404);
    expect(unknownUnit.json<ErrorBody>().message).toBe('Không tìm thấy địa bàn hoặc đơn vị "99999".');
    const plan = await exportReport(manager, { plan: 'KHONG-CO' });
    expect(plan.statusCode).toBe(404);
    expect(plan.json<ErrorBody>().message).toBe('Không tìm thấy kế hoạch "KHONG-CO".');
  });
});

describe('the 2025 plan-progress report', () => {
  let docx: Buffer;

  it('answers a Word document in the state format with the stored figures', async () => {
    const res = await exportReport(manager, {});
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Bao-cao-nam-2025-UBND-huyen-Yen-Dung.docx"; filename*=UTF-8''${encodeURIComponent('Báo cáo năm 2025 - UBND huyện Yên Dũng.docx')}`,
    );
    docx = res.rawPayload;
    fs.writeFileSync(path.join(dataDir, 'check-2025.docx'), docx);
    const text = await docxText(docx);
    for (const words of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ỦY BAN NHÂN DÂN',
      'HUYỆN YÊN DŨNG',
      'Số:        /BC-UBND',
      'Yên Dũng, ngày 12 tháng 1 năm 2026',
      'BÁO CÁO',
      'Nơi nhận:',
      'TM. ỦY BAN NHÂN DÂN',
      'Nguyễn Hữu Hưng',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).toContain('Kết quả năm 2025 thực hiện Kế hoạch số …/KH-UBND tháng 10/2023 của UBND huyện Yên Dũng');
    for (const indicator of ['I_THCS_TO_VET', 'I_THPT_TO_VET_CD', 'I_LABOUR_TRAINED_CERT', 'I_LABOUR_RETRAINED']) {
      expect(expected.get(indicator)).toMatch(/^\d+,\d%$/);
      expect(text).toContain(`${expected.get(indicator)} (năm 2025)`);
    }
    // Narratives merged from the units' progress reports, with their status.
    expect(text).toContain(
      '- UBND xã Lão Hộ: Tổ chức 12 buổi tuyên truyền về GDNN tại các thôn. Hơn 900 lượt người dân được tuyên truyền.',
    );
    expect(text).toContain('UBND xã Lão Hộ: Kinh phí tuyên truyền còn hạn chế.');
    // Every instance of T1 in 2025 the due rules created, one of them done: the same count as the task pages.
    const t1 = await assignmentsOf('T1');
    expect(t1).toBeGreaterThan(20);
    expect(text).toContain(`Tiến độ: 1 lượt hoàn thành đúng hạn, ${t1 - 1} lượt quá hạn (trên tổng số ${t1} lượt được giao).`);
    expect(text).toContain('V. NHIỆM VỤ TRỌNG TÂM NĂM 2026');
  });

  it('answers the XLSX annex with the commune table', async () => {
    const res = await exportReport(manager, { format: 'xlsx' });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Chỉ số theo xã')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.find((r) => r[0] === 'Mã chỉ số')!;
    expect(header.slice(4)).toEqual(['Năm 2022', 'Năm 2023', 'Năm 2024', 'Năm 2025']);
    const thcs = rows.filter((r) => r[0] === 'I_THCS_TO_VET');
    expect(thcs).toHaveLength(19);
    expect(thcs.find((r) => r[2] === '07684')![3]).toBe('Xã Lão Hộ');
    const total = thcs.find((r) => r[2] === '221')!;
    expect(`${formatNumber(total[7] as number, { decimals: 1 })}%`).toBe(expected.get('I_THCS_TO_VET'));
    const tasks = wb.getWorksheet('Nhiệm vụ')!;
    const statuses: unknown[] = [];
    tasks.eachRow((row, n) => n > 4 && statuses.push(`${row.getCell(2).value} ${row.getCell(4).value}: ${row.getCell(8).value}`));
    expect(statuses).toHaveLength(await assignmentsOf(null));
    expect(statuses).toContain('T1 UBND xã Lão Hộ: Hoàn thành đúng hạn');
    expect(statuses).toContain('T1 UBND thị trấn Nham Biền: Quá hạn');
    expect(statuses).toContain('T2.1 Phòng LĐ-TB&XH: Quá hạn');
  });

  it('answers a PDF whose text is correct Vietnamese', async () => {
    const res = await exportReport(manager, { format: 'pdf' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = path.join(dataDir, 'check-2025.pdf');
    fs.writeFileSync(file, res.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const words of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BÁO CÁO',
      'Nơi nhận:',
      'TM. ỦY BAN NHÂN DÂN',
      'KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN',
      'Nguyễn Hữu Hưng',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).toContain(expected.get('I_LABOUR_TRAINED_CERT'));
  });

  it('keeps every exported file with its checksum, who and when, and serves it back intact', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/reports/exports?plan=${PLAN}&org=221`,
      headers: { cookie: manager.cookie },
    });
    expect(res.statusCode).toBe(200);
    const list = res.json<{
      exports: { id: number; format: string; createdBy: string; createdAt: string; sha256: string; fileName: string }[];
    }>().exports;
    expect(list.map((e) => e.format)).toEqual(['pdf', 'xlsx', 'docx']);
    const word = list.find((e) => e.format === 'docx')!;
    expect(word).toMatchObject({ createdAt: '2026-01-12T03:00:00.000Z', fileName: 'Báo cáo năm 2025 - UBND huyện Yên Dũng.docx' });
    expect(word.createdBy).toMatch(/^planmanager/);
    const file = await t.app.inject({ method: 'GET', url: `/api/reports/exports/${word.id}/file`, headers: { cookie: manager.cookie } });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(docx)).toBe(true);
    // A commune head sees none of the district's reports.
    const theirs = await t.app.inject({ method: 'GET', url: '/api/reports/exports', headers: { cookie: communeHead.cookie } });
    expect(theirs.json()).toEqual({ exports: [] });
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/reports/exports/${word.id}/file`, headers: { cookie: communeHead.cookie } }))
        .statusCode,
    ).toBe(403);
  });
});

describe('drafts', () => {
  const key = { type: 'plan-progress', plan: PLAN, org: '07684', period: '2025S2' };
  const save = (body: Record<string, unknown>) =>
    t.app.inject({ method: 'PUT', url: '/api/reports/draft', headers: communeHead.write, payload: { ...key, ...body } });

  it('keeps the user’s narrative and the computed figures; a stale edit is refused', async () => {
    const before = await t.app.inject({
      method: 'GET',
      url: `/api/reports/preview?plan=${PLAN}&org=07684&period=2025S2`,
      headers: { cookie: communeHead.cookie },
    });
    expect(before.statusCode).toBe(200);
    const model = before.json<{
      header: { body: string[] };
      general: { source: string };
      draftVersion: number | null;
      recipients: string[];
    }>();
    expect(model).toMatchObject({
      header: { body: ['ỦY BAN NHÂN DÂN', 'XÃ LÃO HỘ'] },
      general: { source: 'computed' },
      draftVersion: null,
    });
    expect(model.recipients).toEqual(['UBND huyện Yên Dũng;', 'Phòng LĐ-TB&XH;', 'Lưu: VT.']);

    const first = await save({ sections: { general: ['Xã đã quán triệt Kế hoạch đến các thôn.', '  '] } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      draftVersion: 1,
      general: { source: 'draft', paragraphs: ['Xã đã quán triệt Kế hoạch đến các thôn.'] },
      proposals: { source: 'computed' },
    });
    const second = await save({ baseVersion: 1, sections: { proposals: ['Đề nghị huyện hỗ trợ kinh phí.'] } });
    expect(second.json()).toMatchObject({
      draftVersion: 2,
      general: { source: 'draft' },
      proposals: { paragraphs: ['Đề nghị huyện hỗ trợ kinh phí.'] },
    });
    expect((await save({ plan: 'KHONG-CO', sections: {} })).statusCode).toBe(404);
    const stale = await save({ baseVersion: 1, sections: { general: [] } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorBody>().message).toMatch(/^Bản dự thảo đã được unithead\d+ sửa lúc 2026-01-12 03:00/);

    const exported = await t.app.inject({
      method: 'POST',
      url: '/api/reports',
      headers: communeHead.write,
      payload: { ...key, format: 'docx' },
    });
    expect(exported.statusCode).toBe(200);
    const text = await docxText(exported.rawPayload);
    expect(text).toContain('Xã đã quán triệt Kế hoạch đến các thôn.');
    expect(text).toContain('Kết quả 6 tháng cuối năm 2025 thực hiện Kế hoạch số …/KH-UBND');
    expect(text).toContain('Lão Hộ, ngày 12 tháng 1 năm 2026');
    const audit = await t.db.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', 'in', ['report_draft_saved', 'report_exported'])
      .execute();
    expect(audit.filter((a) => a.action === 'report_draft_saved')).toHaveLength(2);
  });
});
