import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type ErrorBody, type Session } from '../support/app.ts';

const t = useTestApp();
let admin: Session;

interface Row {
  indicator: string;
  org: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reason: string | null;
}
const query = async (s: Session, q: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/analytics/indicators?${q}`, headers: { cookie: s.cookie } });
  return { status: res.statusCode, rows: res.statusCode === 200 ? res.json<{ rows: Row[] }>().rows : [], body: res.json<ErrorBody>() };
};

beforeAll(async () => {
  admin = await t.login(await t.newUser({ role: 'admin', org: 'VN' }));
  const csv = [
    'element,period,org,disagg,value',
    'DE_THCS_GRAD,2024,07681,sex:F,60',
    'DE_THCS_GRAD,2024,07681,sex:M,40',
    'DE_THCS_TO_VET,2024,07681,sex:F;level:SC,10',
    'DE_THCS_TO_VET,2024,07681,sex:M;level:TC,20',
    'DE_THCS_GRAD,2024,07682,sex:F,100',
    'DE_THCS_GRAD,2024,07682,sex:M,100',
    'DE_THCS_TO_VET,2024,07682,sex:F;level:TC,50',
    'DE_THCS_TO_VET,2024,07682,sex:M;level:SC,40',
    'DE_LABOUR_FORCE,2024S1,07681,sex:F,1000',
    'DE_LABOUR_FORCE,2024S2,07681,sex:F,1100',
    'DE_LABOUR_TRAINED_CERT,2024S1,07681,sex:F,300',
    'DE_LABOUR_TRAINED_CERT,2024S2,07681,sex:F,385',
    'DE_VET_INSTITUTIONS,2024,221,,5',
  ].join('\n');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/data-values',
    headers: { ...admin.write, 'content-type': 'text/csv' },
    payload: csv,
  });
  expect(res.statusCode).toBe(200);
});

describe('GET /api/analytics/indicators', () => {
  it('computes the district as the ratio of its communes’ sums', async () => {
    const { rows } = await query(
      admin,
      'indicator=I_THCS_TO_VET,I_LABOUR_TRAINED_CERT,I_VET_INSTITUTIONS,I_THPT_TO_VET_CD&org=221,07681&period=2024',
    );
    const at = (indicator: string, org: string) => rows.find((r) => r.indicator === indicator && r.org === org);
    expect(at('I_THCS_TO_VET', '221')).toEqual({
      indicator: 'I_THCS_TO_VET',
      org: '221',
      period: '2024',
      value: 40,
      numerator: 120,
      denominator: 300,
      reason: null,
      reportingUnits: 2,
      expectedUnits: 18,
      provisional: true,
      provisionalReason: 'units_missing',
    });
    // The commune's own figure of an ended year is final: it is the whole of that unit.
    expect(at('I_THCS_TO_VET', '07681')).toMatchObject({ provisional: false, provisionalReason: null });
    expect(at('I_VET_INSTITUTIONS', '221')).toMatchObject({ reportingUnits: 1, expectedUnits: 1 });
    expect(at('I_THCS_TO_VET', '07681')).toMatchObject({ value: 30, numerator: 30, denominator: 100 });
    expect(at('I_LABOUR_TRAINED_CERT', '221')).toMatchObject({ value: 35, numerator: 385, denominator: 1100 });
    expect(at('I_VET_INSTITUTIONS', '221')).toMatchObject({ value: 5, denominator: null });
    expect(at('I_THPT_TO_VET_CD', '221')).toMatchObject({ value: null, reason: 'missing_data' });
  });

  it('follows the hierarchy as it stood in the period', async () => {
    await t.db.db.insertInto('area').values({ code: '07998', level: 'commune' }).execute();
    await t.db.db
      .insertInto('area_version')
      .values({
        area_code: '07998',
        name: 'Xã cũ',
        name_en: null,
        kind: 'commune',
        parent_code: '221',
        valid_from: '2000-01-01',
        valid_to: '2020-01-01',
      })
      .execute();
    const csv =
      'element,period,org,disagg,value\nDE_VET_INSTITUTIONS,2019,07998,,2\nDE_VET_INSTITUTIONS,2019,221,,3\nDE_VET_INSTITUTIONS,2021,07998,,7\nDE_VET_INSTITUTIONS,2021,221,,4\n';
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/data-values',
          headers: { ...admin.write, 'content-type': 'text/csv' },
          payload: csv,
        })
      ).statusCode,
    ).toBe(200);
    const { rows } = await query(admin, 'indicator=I_VET_INSTITUTIONS&org=221&period=2019,2021');
    expect(rows.map((r) => [r.period, r.value])).toEqual([
      ['2019', 5],
      ['2021', 4],
    ]);
  });

  it('keeps a commune officer to their commune, and explains bad parameters', async () => {
    const officer = await t.login(await t.newUser({ role: 'unit_officer', org: '07681' }));
    const own = await query(officer, 'indicator=I_THCS_TO_VET&period=2024');
    expect(own.rows).toEqual([expect.objectContaining({ org: '07681', value: 30 })]);
    expect((await query(officer, 'indicator=I_THCS_TO_VET&org=221&period=2024')).status).toBe(403);
    const badPeriod = await query(admin, 'period=2024Q7');
    expect([badPeriod.status, badPeriod.body.message]).toEqual([400, 'period: "2024Q7" không phải là kỳ quý hợp lệ']);
    const badIndicator = await query(admin, 'indicator=I_NOPE');
    expect([badIndicator.status, badIndicator.body.messageEn]).toEqual([400, 'indicator: "I_NOPE" is not a known indicator']);
    expect((await t.app.inject({ method: 'GET', url: '/api/analytics/indicators' })).statusCode).toBe(401);
  });
});

describe('GET /api/analytics/pivot', () => {
  it('lays out the communes below the district by period, with the district as their total', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/analytics/pivot?indicator=I_THCS_TO_VET&org=221&period=2023,2024',
      headers: { cookie: admin.cookie },
    });
    expect(res.statusCode).toBe(200);
    const table = res.json<{ periods: string[]; rows: { org: string; orgName: string; total: boolean; values: (number | null)[] }[] }>();
    expect(table.periods).toEqual(['2023', '2024']);
    expect(table.rows).toHaveLength(19);
    expect(table.rows.find((r) => r.org === '07681')).toMatchObject({ orgName: 'Thị trấn Nham Biền', total: false, values: [null, 30] });
    expect(table.rows.at(-1)).toMatchObject({ org: '221', total: true, values: [null, 40] });
  });

  it('exports CSV with a BOM and Vietnamese numbers, and XLSX', async () => {
    const csv = await t.app.inject({
      method: 'GET',
      url: '/api/analytics/pivot?indicator=I_THCS_TO_VET&org=221&period=2024&format=csv',
      headers: { cookie: admin.cookie },
    });
    expect(csv.body.startsWith('\uFEFFMã chỉ số,Chỉ số,Mã đơn vị,Đơn vị,2024\r\n')).toBe(true);
    expect(csv.body).toContain('221,Huyện Yên Dũng (tổng),"40,0"');
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/analytics/pivot?indicator=I_THCS_TO_VET&org=221&period=2024&format=xlsx',
      headers: { cookie: admin.cookie },
    });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Chỉ số')!;
    // Two communes of eighteen reported 2024: the heading for people says the figures are provisional.
    expect(sheet.getRow(1).values).toEqual([undefined, 'Mã chỉ số', 'Chỉ số', 'Mã đơn vị', 'Đơn vị', '2024 (tạm tính)']);
    expect(sheet.getRow(20).getCell(5).value).toBe(40);
  });

  it('lays out data elements too, summed over their disaggregations or the ones named, half-years by the element’s own rule', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/analytics/pivot?indicator=I_THCS_TO_VET&element=DE_THCS_GRAD,DE_THCS_TO_VET[sex:F],DE_LABOUR_FORCE&org=221&period=2024',
      headers: { cookie: admin.cookie },
    });
    expect(res.statusCode).toBe(200);
    const rows = res.json<{
      rows: { kind: string; indicator: string; indicatorName: string; org: string; total: boolean; values: (number | null)[] }[];
    }>().rows;
    const at = (code: string, org: string) => rows.find((r) => r.indicator === code && r.org === org);
    expect(rows.map((r) => r.indicator).filter((c, i, all) => all.indexOf(c) === i)).toEqual([
      'I_THCS_TO_VET',
      'DE_THCS_GRAD',
      'DE_THCS_TO_VET[sex:F]',
      'DE_LABOUR_FORCE',
    ]);
    expect(at('I_THCS_TO_VET', '221')).toMatchObject({ kind: 'indicator', values: [40] });
    expect(at('DE_THCS_GRAD', '07681')).toMatchObject({ kind: 'element', values: [100] });
    expect(at('DE_THCS_GRAD', '221')).toMatchObject({ kind: 'element', total: true, values: [300] });
    expect(at('DE_THCS_TO_VET[sex:F]', '221')).toMatchObject({ values: [60] });
    expect(at('DE_THCS_TO_VET[sex:F]', '221')!.indicatorName).toMatch(/\(sex: F\)$/);
    // The labour force is counted at a moment: the year takes the last half-year (1100), not the sum (2100).
    expect(at('DE_LABOUR_FORCE', '221')).toMatchObject({ values: [1100] });
    expect(at('DE_LABOUR_FORCE', '07682')).toMatchObject({ values: [null] });

    const csv = await t.app.inject({
      method: 'GET',
      url: '/api/analytics/pivot?element=DE_THCS_GRAD&org=221&period=2024&format=csv',
      headers: { cookie: admin.cookie },
    });
    expect(csv.body.startsWith('\uFEFF"Mã chỉ số, chỉ tiêu","Chỉ số, chỉ tiêu",Mã đơn vị,Đơn vị,2024\r\n')).toBe(true);
    expect(csv.body).toContain('221,Huyện Yên Dũng (tổng),300\r\n');
  });

  it('names a bad element, dimension or value', async () => {
    const ask = async (element: string) => {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/analytics/pivot?element=${encodeURIComponent(element)}&org=221&period=2024`,
        headers: { cookie: admin.cookie },
      });
      return [res.statusCode, res.json<ErrorBody>().message];
    };
    expect(await ask('DE_NOPE')).toEqual([400, 'element: "DE_NOPE" không phải là chỉ tiêu đã có']);
    expect(await ask('DE_THCS_GRAD[colour:red]')).toEqual([400, 'element: "DE_THCS_GRAD" không có phân tổ "colour"']);
    expect(await ask('DE_THCS_GRAD[sex:X]')).toEqual([400, 'element: "sex:X" không phải là giá trị phân tổ của "DE_THCS_GRAD"']);
    expect(await ask('DE_THCS_GRAD/2')).toEqual([
      400,
      'element: "DE_THCS_GRAD/2" không phải là mã chỉ tiêu (ví dụ DE_LABOUR_FORCE hoặc DE_LABOUR_FORCE[sex:F])',
    ]);
  });
});
