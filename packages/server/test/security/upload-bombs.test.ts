import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { authContextFor } from '../../src/modules/auth/service.ts';
import { importBatches } from '../../src/modules/data-values/import.ts';
import { csvBatches } from '../../src/modules/data-values/input.ts';
import { XLSX_TYPE } from '../../src/modules/data-entry/xlsx.ts';
import { useTestApp, type ErrorBody } from '../support/app.ts';
import { bombCorpus, type Bomb } from '../support/xlsx-bombs.ts';
import { FORM, ORG, PERIOD } from './fuzz-targets.ts';

/**
 * Files built to explode when read (issue 13, finding 1): each is refused
 * with the limit it broke, before it is built in memory, and nothing is
 * stored. bench/upload-bombs.ts sends the same corpus, larger and in
 * parallel, to a running server and measures health and memory meanwhile.
 */
const t = useTestApp({ IMPORT_MAX_ROWS: '5000' });
let admin: Record<string, string>;
let adminName: string;
let template: Buffer;
let corpus: Bomb[];

const stored = async () =>
  Number(
    (
      await t.ctx.db
        .selectFrom('data_value')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const upload = (file: Buffer) =>
  t.app.inject({ method: 'POST', url: `/api/forms/${FORM}/xlsx`, headers: { ...admin, 'content-type': XLSX_TYPE }, payload: file });
const postCsv = (csv: string, url = '/api/data-values') =>
  t.app.inject({ method: 'POST', url, headers: { ...admin, 'content-type': 'text/csv' }, payload: csv });

beforeAll(async () => {
  t.clock.current = new Date('2025-06-16T03:00:00Z');
  adminName = await t.newUser({ role: 'admin', org: '221' });
  admin = { authorization: `Bearer ${await t.token(adminName)}` };
  template = (await t.app.inject({ method: 'GET', url: `/api/forms/${FORM}/template.xlsx?org=${ORG}&period=${PERIOD}`, headers: admin }))
    .rawPayload;
  corpus = await bombCorpus(template, { inflatedBytes: 64 << 20, rows: 300_000 });
});

describe('Excel bombs', () => {
  const expected: Record<string, [number, string]> = {
    'decompression bomb': [413, 'khi giải nén vượt quá 8 MB'],
    'row bomb': [413, 'có hơn'],
    'entry-count bomb': [413, 'chứa hơn 1.000 tệp thành phần'],
    'deep XML': [413, 'lồng nhau quá 64 cấp'],
    'many sheets': [413, 'có hơn 100 trang tính'],
    'huge shared strings': [413, 'chứa hơn 100.000 chuỗi văn bản'],
    'entity expansion': [400, 'không phải là tệp Excel (.xlsx) đọc được'],
  };

  it('each is refused with the limit it broke, and nothing is stored', async () => {
    const before = await stored();
    const answers: Record<string, [number, string]> = {};
    for (const bomb of corpus) {
      const res = await upload(bomb.file);
      const key = bomb.name.split(':')[0]!;
      const [status, words] = expected[key]!;
      answers[key] = [res.statusCode, res.json<ErrorBody>().message.includes(words) ? words : res.json<ErrorBody>().message];
      expect(res.statusCode, bomb.name).toBe(status);
    }
    expect(answers).toEqual(expected);
    expect(await stored()).toBe(before);
    // The template itself still goes through.
    expect((await upload(template)).statusCode).toBe(200);
  });

  it('names the row cap of the form in the answer', async () => {
    const rowBomb = corpus.find((b) => b.name.startsWith('row bomb'))!;
    const body = (await upload(rowBomb.file)).json<ErrorBody>();
    expect(body.error).toBe('payload_too_large');
    expect(body.message).toMatch(
      /^Tệp Excel quá lớn: tệp có hơn \d{1,3}(\.\d{3})* dòng trong một trang \(biểu mẫu này có \d+ dòng\)\. Hãy tải lại biểu mẫu từ vetplan/,
    );
  });

  it('refuses a comment over 2,000 characters in a workbook, naming its cell', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template as unknown as ArrayBuffer);
    book.getWorksheet('Nhập số liệu')!.getCell('F8').value = 'x'.repeat(2001);
    const res = await upload(Buffer.from(await book.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(422);
    expect(res.json<{ errors: { cell: string; message: string }[] }>().errors).toEqual([
      expect.objectContaining({ cell: 'F8', message: 'Ghi chú dài 2.001 ký tự, vượt quá 2.000 ký tự cho phép' }),
    ]);
  });
});

describe('CSV bombs', () => {
  const header = 'element,period,org,disagg,value,comment\n';

  it('stops at a line that never ends, naming the limit', async () => {
    const res = await postCsv(`${header}DE_LABOUR_FORCE,2024,07741,sex:M,1,${'x'.repeat(200_000)}`);
    expect(res.statusCode).toBe(422);
    expect(res.json<{ errors: { message: string }[] }>().errors[0]!.message).toBe(
      'Tệp CSV bị lỗi: dòng 2 dài quá 65.536 ký tự (thiếu dấu xuống dòng hoặc một dấu ngoặc kép không được đóng)',
    );
  });

  it('refuses a file of more rows than IMPORT_MAX_ROWS with 413', async () => {
    const rows = Array.from({ length: 6_000 }, (_, i) => `DE_LABOUR_FORCE,2024,07741,sex:M,${i},`).join('\n');
    // Partial mode reads on past the errors (each row repeats the same cell) to the cap.
    const res = await postCsv(header + rows, '/api/data-values?mode=partial');
    expect(res.statusCode).toBe(413);
    expect(res.json<ErrorBody>().message).toContain('Tệp có hơn 5.000 dòng số liệu');
  });

  it('lists the first 1,000 errors of a file of bad rows, with their count, in the answer and in a job', async () => {
    const rows = Array.from({ length: 1_500 }, (_, i) => `DE_NOPE,2024,07741,,${i},`).join('\n');
    const res = await postCsv(header + rows);
    expect(res.statusCode).toBe(422);
    const body = res.json<ErrorBody & { errors: { row: number }[]; errorCount: number }>();
    expect({ listed: body.errors.length, first: body.errors[0]!.row, last: body.errors.at(-1)!.row, errorCount: body.errorCount }).toEqual({
      listed: 1000,
      first: 1,
      last: 1000,
      errorCount: 1500,
    });
    expect(body.message).toBe('Tệp có 1.500 lỗi; không có số liệu nào được lưu. Dưới đây là 1.000 lỗi đầu tiên: hãy sửa rồi gửi lại tệp.');
    const job = (await postCsv(header + rows, '/api/imports')).json<{ id: string }>();
    const state = await vi.waitFor(
      async () => {
        const now = (await t.app.inject({ method: 'GET', url: `/api/imports/${job.id}`, headers: admin })).json<{
          status: string;
          error: { errors: unknown[]; errorCount: number } | null;
        }>();
        expect(now.status).not.toBe('running');
        return now;
      },
      { timeout: 30_000, interval: 50 },
    );
    expect({ status: state.status, listed: state.error?.errors.length, errorCount: state.error?.errorCount }).toEqual({
      status: 'failed',
      listed: 1000,
      errorCount: 1500,
    });
  });

  it('stops checking an all-or-nothing file once it has more errors than are listed', async () => {
    const rows = Array.from({ length: 4_000 }, (_, i) => `DE_NOPE,2024,07741,,${i},`).join('\n');
    const auth = await authContextFor(t.ctx, adminName);
    const attempt = importBatches(t.ctx, auth, csvBatches(header + rows, 600), 'atomic', 'import');
    await expect(attempt).rejects.toMatchObject({
      status: 422,
      messageVi:
        'Tệp có ít nhất 1.200 lỗi (việc kiểm tra dừng sau dòng 1.200); không có số liệu nào được lưu. Dưới đây là 1.000 lỗi đầu tiên: hãy sửa rồi gửi lại tệp.',
      extra: { errorCount: 1200 },
    });
  });
});

describe('CSV exports', () => {
  it('defuse a cell a spreadsheet would run as a formula (OWASP CSV injection), and leave negative numbers alone', async () => {
    const comment = '=HYPERLINK("http://evil.example","Bấm vào đây")';
    const cell = await t.app.inject({
      method: 'PUT',
      url: '/api/data-entry/cell',
      headers: admin,
      payload: { element: 'DE_VET_INSTITUTIONS', period: '2019', org: '221', disagg: '', value: 3, comment, baseVersion: 0 },
    });
    expect(cell.statusCode).toBe(200);
    const csv = (
      await t.app.inject({
        method: 'GET',
        url: '/api/data-values?element=DE_VET_INSTITUTIONS&period=2019&org=221&format=csv',
        headers: admin,
      })
    ).body;
    expect(csv).toContain(`DE_VET_INSTITUTIONS,2019,221,,3,"'=HYPERLINK(""http://evil.example"",""Bấm vào đây"")"`);
    expect(csv).not.toMatch(/,=HYPERLINK|,"=HYPERLINK/);
  });
});
