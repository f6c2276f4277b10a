import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type ErrorBody, type Session } from '../support/app.ts';

const t = useTestApp();
const HEADER = 'element,period,org,disagg,value,comment';

interface ImportBody {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  errors: { row: number; column: string | null; message: string; messageEn: string }[];
}
interface RejectBody extends ErrorBody {
  errors: ImportBody['errors'];
}

let admin: Session;
let officer: Session;
beforeAll(async () => {
  admin = await t.login(await t.newUser({ role: 'admin', org: 'VN' }));
  officer = await t.login(await t.newUser({ role: 'unit_officer', org: '07681' }));
});

const csv = (...lines: string[]) => [HEADER, ...lines].join('\n') + '\n';
function post(session: Session, body: string | unknown[], query = '') {
  const isCsv = typeof body === 'string';
  return t.app.inject({
    method: 'POST',
    url: `/api/data-values${query}`,
    headers: { ...session.write, 'content-type': isCsv ? 'text/csv' : 'application/json' },
    payload: isCsv ? body : JSON.stringify(body),
  });
}
const get = (session: Session, query: string) =>
  t.app.inject({ method: 'GET', url: `/api/data-values?${query}`, headers: { cookie: session.cookie } });

describe('POST /api/data-values', () => {
  it('stores the contract example and answers the counts', async () => {
    const res = await post(
      admin,
      csv('DE_THCS_GRAD,2024,07681,sex:F,132,', 'DE_THCS_TO_VET,2024,07681,sex:F;level:TC,40,', 'DE_VET_INSTITUTIONS,2024,221,,5,'),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json<ImportBody>()).toEqual({ created: 3, updated: 0, deleted: 0, unchanged: 0, errors: [] });
    const again = await post(admin, '\uFEFF' + csv('DE_THCS_GRAD,2024,07681,sex:F,140,', 'DE_VET_INSTITUTIONS,2024,221,,5,'));
    expect(again.json<ImportBody>()).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const rows = (await get(admin, 'element=DE_THCS_GRAD,DE_THCS_TO_VET&period=2024&org=07681')).json<{ rows: unknown[] }>().rows;
    expect(rows).toEqual([
      { element: 'DE_THCS_GRAD', period: '2024', org: '07681', disagg: 'sex:F', value: 140, comment: null },
      { element: 'DE_THCS_TO_VET', period: '2024', org: '07681', disagg: 'level:TC;sex:F', value: 40, comment: null },
    ]);
  });

  it('deletes a value given an empty value', async () => {
    await post(admin, csv('DE_THPT_GRAD,2023,07682,sex:M,90,'));
    const res = await post(admin, csv('DE_THPT_GRAD,2023,07682,sex:M,,'));
    expect(res.json<ImportBody>()).toMatchObject({ deleted: 1 });
    expect((await get(admin, 'element=DE_THPT_GRAD&org=07682')).json<{ rows: unknown[] }>().rows).toEqual([]);
  });

  it('accepts the same rows as JSON', async () => {
    const res = await post(admin, [
      { element: 'DE_LABOUR_FORCE', period: '2024', org: '07684', disagg: 'sex:F', value: 2210, comment: 'Theo điều tra' },
    ]);
    expect(res.json<ImportBody>()).toMatchObject({ created: 1 });
    expect((await get(admin, 'element=DE_LABOUR_FORCE&org=07684')).json<{ rows: { comment: string }[] }>().rows[0]!.comment).toBe(
      'Theo điều tra',
    );
  });

  it('rejects a whole file with a bad row, naming every bad row, and stores nothing', async () => {
    const res = await post(
      admin,
      csv(
        'DE_THCS_GRAD,2022,07690,sex:F,100,',
        'DE_NOPE,2022,07690,sex:F,1,',
        'DE_THCS_GRAD,2022,99999,sex:F,1,',
        'DE_THCS_GRAD,2022,07690,sex:X,1,',
        'DE_THCS_GRAD,2025Q5,07690,sex:F,1,',
        'DE_THCS_TO_VET,2022,07690,sex:F,1,',
        'DE_THCS_GRAD,2022,07690,sex:M,abc,',
        'DE_THCS_GRAD,2021,07690,sex:M,-4,',
        'DE_THCS_GRAD,2020,07690,sex:M,1.580,',
      ),
    );
    expect(res.statusCode).toBe(422);
    const body = res.json<RejectBody>();
    expect(body.error).toBe('import_rejected');
    expect(body.message).toBe('Có 8 dòng bị lỗi; không có số liệu nào được lưu. Hãy sửa các dòng được liệt kê rồi gửi lại.');
    expect(body.errors.map((e) => [e.row, e.column, e.messageEn])).toEqual([
      [2, 'element', '"DE_NOPE" is not a known data element'],
      [3, 'org', '"99999" is not a known area or organisation code'],
      [4, 'disagg', '"sex:X" is not a valid value (sex:M, sex:F)'],
      [5, 'period', '"2025Q5" is not a valid quarterly period'],
      [6, 'disagg', 'missing dimension level'],
      [7, 'value', '"abc" is not a number'],
      [8, 'value', '-4 is negative; a count must be 0 or more'],
      [
        9,
        'value',
        '"1.580" reads as 1.58 (CSV uses "." as the decimal point); a count must be whole: for 1580 write 1580, without the point',
      ],
    ]);
    expect(body.errors[7]!.message).toContain('"1.580" được đọc là 1,58 vì trong CSV dấu chấm "." là dấu thập phân');
    expect(body.errors[3]!.message).toBe('"2025Q5" không phải là kỳ quý hợp lệ');
    expect((await get(admin, 'org=07690')).json<{ rows: unknown[] }>().rows).toEqual([]);
  });

  it('rejects a rule violation with the rule’s Vietnamese message', async () => {
    const res = await post(admin, csv('DE_LABOUR_FORCE,2024,07741,sex:M,2210,', 'DE_LABOUR_TRAINED_CERT,2024,07741,sex:M,2315,'));
    expect(res.statusCode).toBe(422);
    expect(res.json<RejectBody>().errors).toEqual([
      {
        row: 2,
        column: 'value',
        message: 'Số lao động qua đào tạo có chứng chỉ (2.315) lớn hơn lực lượng lao động (2.210) (sex:M)',
        messageEn: 'Trained workers with a certificate (2,315) exceed the labour force (2,210) (sex:M)',
      },
    ]);
  });

  it('checks rules against values stored earlier', async () => {
    expect((await post(admin, csv('DE_THPT_GRAD,2024,07747,sex:F,50,'))).statusCode).toBe(200);
    const res = await post(admin, csv('DE_THPT_TO_VET,2024,07747,sex:F;level:CD,51,'));
    expect(res.statusCode).toBe(422);
    expect(res.json<RejectBody>().errors[0]!.message).toBe(
      'Số học sinh tốt nghiệp THPT vào học GDNN (51) lớn hơn số học sinh tốt nghiệp THPT (50) (sex:F)',
    );
  });

  it('in partial mode stores the good rows and reports the bad', async () => {
    const res = await post(
      admin,
      csv('DE_THCS_GRAD,2022,07708,sex:F,80,', 'DE_THCS_GRAD,2022,07708,sex:Q,1,', 'DE_THCS_TO_VET,2022,07708,sex:F;level:SC,90,'),
      '?mode=partial',
    );
    expect(res.statusCode).toBe(200);
    const body = res.json<ImportBody>();
    expect(body).toMatchObject({ created: 1, updated: 0, deleted: 0, unchanged: 0 });
    expect(body.errors.map((e) => e.row)).toEqual([2, 3]);
    expect((await get(admin, 'org=07708')).json<{ rows: unknown[] }>().rows).toHaveLength(1);
  });

  it('reports a duplicate cell, a missing header column and a bad JSON shape', async () => {
    const dup = await post(admin, csv('DE_THCS_GRAD,2022,07711,sex:F,1,', 'DE_THCS_GRAD,2022,07711,sex:F,2,'));
    expect(dup.json<RejectBody>().errors).toEqual([
      { row: 2, column: null, message: 'Trùng ô số liệu với dòng 1', messageEn: 'The same cell as row 1' },
    ]);
    const header = await t.app.inject({
      method: 'POST',
      url: '/api/data-values',
      headers: { ...admin.write, 'content-type': 'text/csv' },
      payload: 'element,period,org\nDE_X,2024,221\n',
    });
    expect(header.statusCode).toBe(422);
    expect(header.json<RejectBody>().errors).toEqual([
      { row: 0, column: 'value', message: 'Thiếu cột "value" trong dòng tiêu đề', messageEn: 'The header row lacks the column "value"' },
    ]);
    const shape = await post(admin, [{ element: 'DE_THCS_GRAD', period: '2022', org: '07711', disagg: 'sex:F', value: { n: 1 } }]);
    expect(shape.statusCode).toBe(400);
  });

  it('refuses a future period', async () => {
    const res = await post(admin, csv('DE_THCS_GRAD,2031,07681,sex:F,1,'));
    expect(res.json<RejectBody>().errors[0]!.messageEn).toBe('Period 2031 has not started; future periods cannot be written');
  });

  it('lets a unit officer write only their own unit', async () => {
    // 2025: the period whose form (opens 1 September) is open on the test clock's day, 2 March 2026.
    expect((await post(officer, csv('DE_THCS_GRAD,2025,07681,sex:F,120,'))).statusCode).toBe(200);
    const other = await post(officer, csv('DE_THCS_GRAD,2025,07682,sex:F,120,'));
    expect(other.statusCode).toBe(422);
    expect(other.json<RejectBody>().errors[0]).toMatchObject({
      row: 1,
      column: 'org',
      messageEn: '"07682" is outside the area or organisation you are assigned to',
    });
  });

  it('answers 401 without a session and 403 for a viewer', async () => {
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/data-values', headers: { 'content-type': 'text/csv' }, payload: csv() })).statusCode,
    ).toBe(401);
    const viewer = await t.login(await t.newUser({ role: 'viewer', org: '221' }));
    expect((await post(viewer, csv('DE_THCS_GRAD,2023,07681,sex:F,1,'))).statusCode).toBe(403);
  });

  it('records every change in the history with who, when and the source', async () => {
    await post(admin, csv('DE_THCS_GRAD,2021,07714,sex:M,10,'));
    await post(admin, csv('DE_THCS_GRAD,2021,07714,sex:M,12,'));
    await post(admin, csv('DE_THCS_GRAD,2021,07714,sex:M,,'));
    const history = await t.db.db.selectFrom('data_value_audit').selectAll().where('org_code', '=', '07714').orderBy('id').execute();
    expect(history.map((h) => [h.action, h.old_value, h.new_value, h.source])).toEqual([
      ['create', null, 10, 'import'],
      ['update', 10, 12, 'import'],
      ['delete', 12, null, 'import'],
    ]);
    expect(new Set(history.map((h) => h.actor)).size).toBe(1);
  });
});

describe('GET /api/data-values', () => {
  it('answers only units in the caller’s scope', async () => {
    await post(admin, csv('DE_THCS_GRAD,2020,07681,sex:F,5,', 'DE_THCS_GRAD,2020,07682,sex:F,6,'));
    const own = (await get(officer, 'period=2020')).json<{ rows: { org: string }[] }>().rows;
    expect(own.map((r) => r.org)).toEqual(['07681']);
    const res = await get(officer, 'org=07682');
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().error).toBe('out_of_scope');
  });

  it('answers 400 for a bad period and 401 without a session', async () => {
    const res = await get(admin, 'period=2025Q5');
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().message).toBe('period: "2025Q5" không phải là kỳ quý hợp lệ');
    expect((await t.app.inject({ method: 'GET', url: '/api/data-values' })).statusCode).toBe(401);
  });

  it('exports the exchange format as CSV', async () => {
    const res = await get(admin, 'org=07681&period=2020&format=csv');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.body).toBe('element,period,org,disagg,value,comment\r\nDE_THCS_GRAD,2020,07681,sex:F,5,\r\n');
  });
});

describe('DHIS2 export', () => {
  it('answers the dataValueSets shape', async () => {
    const res = await get(admin, 'org=07681&period=2020&format=dhis2');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      dataValues: [
        {
          dataElement: 'DE_THCS_GRAD',
          period: '2020',
          orgUnit: '07681',
          categoryOptionCombo: 'sex:F',
          attributeOptionCombo: 'default',
          value: '5',
          storedBy: expect.any(String),
          lastUpdated: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
          followup: false,
        },
      ],
    });
  });
});

describe('GET /api/data-values/audit', () => {
  it('lists changes per unit, newest first, within scope', async () => {
    await post(admin, csv('DE_THPT_GRAD,2021,07717,sex:M,30,'));
    await post(admin, csv('DE_THPT_GRAD,2021,07717,sex:M,31,'));
    const res = await t.app.inject({ method: 'GET', url: '/api/data-values/audit?org=07717', headers: { cookie: admin.cookie } });
    expect(res.json<{ entries: { action: string; newValue: number }[] }>().entries.map((e) => [e.action, e.newValue])).toEqual([
      ['update', 31],
      ['create', 30],
    ]);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/data-values/audit?org=07717', headers: { cookie: officer.cookie } })).statusCode,
    ).toBe(403);
  });

  it('lists a user’s own changes, and refuses another’s to non-administrators', async () => {
    const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: officer.cookie } })).json<{
      user: { username: string };
    }>().user.username;
    const own = await t.app.inject({ method: 'GET', url: `/api/data-values/audit?actor=${me}`, headers: { cookie: officer.cookie } });
    expect(own.statusCode).toBe(200);
    expect(own.json<{ entries: { actor: string }[] }>().entries.every((e) => e.actor === me)).toBe(true);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/data-values/audit?actor=someone', headers: { cookie: officer.cookie } })).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/data-values/audit', headers: { cookie: admin.cookie } })).statusCode).toBe(400);
  });
});
