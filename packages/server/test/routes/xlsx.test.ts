import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type ErrorBody, type Session } from '../support/app.ts';

const t = useTestApp();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let officer: Session;

beforeAll(async () => {
  t.clock.current = new Date('2025-06-16T03:00:00Z');
  officer = await t.login(await t.newUser({ role: 'unit_officer', org: '07735' }));
});

async function download(): Promise<ExcelJS.Workbook> {
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/forms/F_COMMUNE_GDNN_6M/template.xlsx?org=07735&period=2025S1',
    headers: { cookie: officer.cookie },
  });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

function rowOf(sheet: ExcelJS.Worksheet, element: string, disagg: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell('A').value === element && row.getCell('C').value === disagg) found = row;
  });
  if (!found) throw new Error(`no row ${element} ${disagg}`);
  return found;
}

async function upload(wb: ExcelJS.Workbook) {
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return t.app.inject({
    method: 'POST',
    url: '/api/forms/F_COMMUNE_GDNN_6M/xlsx',
    headers: { ...officer.write, 'content-type': XLSX },
    payload: body,
  });
}

describe('the Excel template', () => {
  it('lists every cell of the form with protected headings and open value cells', async () => {
    const wb = await download();
    const sheet = wb.getWorksheet('Nhập số liệu')!;
    expect(sheet.getCell('A1').value).toBe('Báo cáo 6 tháng về GDNN của xã, thị trấn');
    const force = rowOf(sheet, 'DE_LABOUR_FORCE', 'sex:F');
    expect(force.getCell('D').value).toBe('Nữ');
    expect(force.getCell('E').protection).toMatchObject({ locked: false });
    expect(force.getCell('E').dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual' });
    expect(wb.getWorksheet('vetplan')!.state).toBe('veryHidden');
  });

  it('round-trips: download, fill, upload → stored, then shown filled in the next download', async () => {
    const wb = await download();
    const sheet = wb.getWorksheet('Nhập số liệu')!;
    rowOf(sheet, 'DE_LABOUR_FORCE', 'sex:F').getCell('E').value = 3100;
    rowOf(sheet, 'DE_LABOUR_FORCE', 'sex:M').getCell('E').value = 3300;
    rowOf(sheet, 'DE_LABOUR_TRAINED_CERT', 'sex:F').getCell('E').value = 1000;
    rowOf(sheet, 'DE_LABOUR_TRAINED_CERT', 'sex:F').getCell('F').value = 'Theo rà soát tháng 6';
    const res = await upload(wb);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 3, errors: [] });
    const again = (await download()).getWorksheet('Nhập số liệu')!;
    expect(rowOf(again, 'DE_LABOUR_FORCE', 'sex:M').getCell('E').value).toBe(3300);
    expect(rowOf(again, 'DE_LABOUR_TRAINED_CERT', 'sex:F').getCell('F').value).toBe('Theo rà soát tháng 6');
  });

  it('names the sheet and cell of a bad value, and stores nothing', async () => {
    const wb = await download();
    const sheet = wb.getWorksheet('Nhập số liệu')!;
    rowOf(sheet, 'DE_LABOUR_FORCE', 'sex:F').getCell('E').value = 3200;
    const bad = rowOf(sheet, 'DE_LABOUR_RETRAINED', 'sex:M');
    bad.getCell('E').value = 'nhiều';
    const res = await upload(wb);
    expect(res.statusCode).toBe(422);
    const body = res.json<ErrorBody & { errors: { sheet: string; cell: string; message: string }[] }>();
    expect(body.errors).toEqual([
      expect.objectContaining({ sheet: 'Nhập số liệu', cell: `E${bad.number}`, message: '"nhiều" không phải là số' }),
    ]);
    const stored = await t.app.inject({
      method: 'GET',
      url: '/api/data-values?element=DE_LABOUR_FORCE&org=07735&period=2025S1',
      headers: { cookie: officer.cookie },
    });
    expect(stored.json<{ rows: { disagg: string; value: number }[] }>().rows.find((r) => r.disagg === 'sex:F')!.value).toBe(3100);
  });

  it('refuses a file that is not a template', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/forms/F_COMMUNE_GDNN_6M/xlsx',
      headers: { ...officer.write, 'content-type': XLSX },
      payload: Buffer.from('not a workbook'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().message).toBe('Tệp tải lên không phải là tệp Excel (.xlsx) đọc được.');
  });
});
