import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { XLSX_TYPE } from '../../src/modules/data-entry/xlsx.ts';
import { useTestApp, type ErrorBody, type Session } from '../support/app.ts';

/**
 * A submitted report cannot change silently (issue 14, item 2; data-contract.md, "Forms,
 * submissions and accounts"): once sent, its unit's officers and heads write none of its figures,
 * by any path, until the approver returns it or the submitter withdraws it (recorded).
 */
const t = useTestApp();
const FORM = 'F_COMMUNE_GDNN_6M';
const ORG = '07741';
const PERIOD = '2026S1';
let officer: Session;
let officerName: string;
let colleague: Session;
let manager: Session;
let token: string;

const cell = (s: Session | string, value: number, baseVersion: number) =>
  t.app.inject({
    method: 'PUT',
    url: '/api/data-entry/cell',
    headers: typeof s === 'string' ? { authorization: `Bearer ${s}` } : s.write,
    payload: { element: 'DE_LABOUR_FORCE', period: PERIOD, org: ORG, disagg: 'sex:M', value, baseVersion },
  });
const act = (s: Session, action: string, comment?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/forms/${FORM}/submissions/${ORG}/${PERIOD}/${action}`,
    headers: s.write,
    payload: comment ? { comment } : {},
  });
const version = async () =>
  Number(
    (
      await t.db.db
        .selectFrom('data_value')
        .select('version')
        .where('org_code', '=', ORG)
        .where('period', '=', PERIOD)
        .where('disagg', '=', 'sex:M')
        .where('element_code', '=', 'DE_LABOUR_FORCE')
        .executeTakeFirst()
    )?.version ?? 0,
  );

beforeAll(async () => {
  // 3/12/2026: the first half-year's report is open to officers until 20/12.
  t.clock.current = new Date('2026-12-03T03:00:00Z');
  officerName = await t.newUser({ role: 'unit_officer', org: ORG });
  officer = await t.login(officerName);
  token = await t.token(officerName);
  colleague = await t.login(await t.newUser({ role: 'unit_head', org: ORG }));
  manager = await t.login(await t.newUser({ role: 'plan_manager', org: '221' }));
});

describe('a submitted report', () => {
  it('refuses the officers’ writes by every path with 409 naming who submitted and how to withdraw', async () => {
    expect((await cell(officer, 2200, 0)).statusCode).toBe(200);
    const submitted = await act(officer, 'submit', 'Số liệu theo điều tra lao động');
    expect(submitted.statusCode, submitted.body).toBe(200);

    const byCell = await cell(officer, 2300, await version());
    expect(byCell.statusCode).toBe(409);
    expect(byCell.json<ErrorBody>()).toMatchObject({ error: 'submitted' });
    expect(byCell.json<ErrorBody>().message).toMatch(
      new RegExp(
        `^Báo cáo kỳ ${PERIOD} \\(biểu mẫu ${FORM}\\) đã được ${officerName} gửi ngày 03/12/2026 và đang chờ phê duyệt: số liệu không sửa được\\. Muốn sửa, ${officerName} hãy rút lại báo cáo`,
      ),
    );

    const byToken = await cell(token, 2300, await version());
    expect([byToken.statusCode, byToken.json<ErrorBody>().error]).toEqual([409, 'submitted']);

    const byCsv = await t.app.inject({
      method: 'POST',
      url: '/api/data-values',
      headers: { ...officer.write, 'content-type': 'text/csv' },
      payload: `element,period,org,disagg,value\nDE_LABOUR_FORCE,${PERIOD},${ORG},sex:M,2400\n`,
    });
    expect(byCsv.statusCode).toBe(409);
    expect(byCsv.json<{ errors: { message: string }[] }>().errors[0]!.message).toContain('đang chờ phê duyệt: số liệu không sửa được');

    const template = await t.app.inject({
      method: 'GET',
      url: `/api/forms/${FORM}/template.xlsx?org=${ORG}&period=${PERIOD}`,
      headers: { cookie: officer.cookie },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    book.getWorksheet('Nhập số liệu')!.getCell('E8').value = 2500;
    const byExcel = await t.app.inject({
      method: 'POST',
      url: `/api/forms/${FORM}/xlsx`,
      headers: { ...officer.write, 'content-type': XLSX_TYPE },
      payload: Buffer.from(await book.xlsx.writeBuffer()),
    });
    expect(byExcel.statusCode).toBe(409);

    const stored = await t.db.db
      .selectFrom('data_value')
      .select('value')
      .where('org_code', '=', ORG)
      .where('period', '=', PERIOD)
      .where('disagg', '=', 'sex:M')
      .where('element_code', '=', 'DE_LABOUR_FORCE')
      .executeTakeFirstOrThrow();
    expect(stored.value).toBe(2200);
  });

  it('shows as read-only to its officers, with the withdrawal offered to the submitter only', async () => {
    const mine = (
      await t.app.inject({
        method: 'GET',
        url: `/api/forms/${FORM}/entry?org=${ORG}&period=${PERIOD}`,
        headers: { cookie: officer.cookie },
      })
    ).json<{ canEdit: boolean; canWithdraw: boolean }>();
    expect({ canEdit: mine.canEdit, canWithdraw: mine.canWithdraw }).toEqual({ canEdit: false, canWithdraw: true });
    const theirs = (
      await t.app.inject({
        method: 'GET',
        url: `/api/forms/${FORM}/entry?org=${ORG}&period=${PERIOD}`,
        headers: { cookie: colleague.cookie },
      })
    ).json<{ canEdit: boolean; canWithdraw: boolean }>();
    expect({ canEdit: theirs.canEdit, canWithdraw: theirs.canWithdraw }).toEqual({ canEdit: false, canWithdraw: false });
  });

  it('may be withdrawn by its submitter only; the withdrawal is recorded and the figures open again', async () => {
    const notMine = await act(colleague, 'withdraw');
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json<ErrorBody>().message).toBe(
      `Chỉ người đã gửi báo cáo (${officerName}) mới rút lại được; cấp phê duyệt có thể trả lại báo cáo kèm lý do.`,
    );
    const withdrawn = await act(officer, 'withdraw');
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const submission = withdrawn.json<{
      status: string;
      decidedBy: string | null;
      events: { action: string; actor: string; toStatus: string }[];
    }>();
    expect({ status: submission.status, decidedBy: submission.decidedBy, last: submission.events.at(-1) }).toMatchObject({
      status: 'draft',
      decidedBy: null,
      last: { action: 'withdraw', actor: officerName, toStatus: 'draft' },
    });
    expect((await cell(officer, 2300, await version())).statusCode).toBe(200);
    // Withdrawing what is not submitted is a conflict.
    expect((await act(officer, 'withdraw')).statusCode).toBe(409);
  });

  it('stays writable to the plan manager, as the data contract lets managers write', async () => {
    expect((await act(officer, 'submit', 'Gửi lại')).statusCode).toBe(200);
    expect((await cell(manager, 2350, await version())).statusCode).toBe(200);
  });
});
