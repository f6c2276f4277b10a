import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { XLSX_TYPE } from '../../src/modules/data-entry/xlsx.ts';
import { useTestApp, type ErrorBody } from '../support/app.ts';

/** Oversized bodies and uploads: 413 with a message that says the limit, and nothing stored. */
const t = useTestApp({ BODY_LIMIT_BYTES: '2048', IMPORT_LIMIT_BYTES: '8192', XLSX_LIMIT_BYTES: '4096' });
let admin: Record<string, string>;

beforeAll(async () => {
  admin = { authorization: `Bearer ${await t.token(await t.newUser({ role: 'admin', org: '221' }))}` };
});

const csv = (bytes: number) => {
  const lines = ['element,period,org,disagg,value,comment'];
  while (lines.join('\n').length < bytes) lines.push(`DE_LABOUR_FORCE,2024,07741,sex:M,${lines.length},`);
  return `${lines.join('\n')}\n`;
};
const stored = async () =>
  Number(
    (
      await t.ctx.db
        .selectFrom('data_value')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

function expectTooLarge(res: { statusCode: number; json: <T>() => T }, limit: string) {
  expect(res.statusCode).toBe(413);
  expect(res.json<ErrorBody>()).toMatchObject({
    error: 'payload_too_large',
    message: `Dữ liệu gửi lên quá lớn: tối đa ${limit}. Hãy chia tệp thành nhiều tệp nhỏ hơn rồi gửi lại.`,
    messageEn: expect.stringContaining('too large'),
  });
}

describe('oversized bodies answer 413', () => {
  it('a JSON body over BODY_LIMIT_BYTES', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/data-entry/cell',
      headers: admin,
      payload: {
        element: 'DE_LABOUR_FORCE',
        period: '2024',
        org: '07741',
        disagg: 'sex:M',
        value: 1,
        baseVersion: 0,
        comment: 'x'.repeat(3000),
      },
    });
    expectTooLarge(res, '2 KB');
  });

  it('a CSV or JSON import over IMPORT_LIMIT_BYTES, storing nothing', async () => {
    const before = await stored();
    expectTooLarge(
      await t.app.inject({
        method: 'POST',
        url: '/api/data-values',
        headers: { ...admin, 'content-type': 'text/csv' },
        payload: csv(9000),
      }),
      '8 KB',
    );
    const rows = csv(9000)
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => ({ element: 'DE_LABOUR_FORCE', period: '2024', org: '07741', disagg: 'sex:M', value: Number(l.split(',')[4]) }));
    expectTooLarge(await t.app.inject({ method: 'POST', url: '/api/data-values', headers: admin, payload: rows }), '8 KB');
    expect(await stored()).toBe(before);
    // Under the limit, the same route reads the file (and checks its rows).
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/data-values',
          headers: { ...admin, 'content-type': 'text/csv' },
          payload: csv(500),
        })
      ).statusCode,
    ).not.toBe(413);
  });

  it('a streamed CSV import over IMPORT_LIMIT_BYTES, with or without a Content-Length', async () => {
    const before = await stored();
    expectTooLarge(
      await t.app.inject({ method: 'POST', url: '/api/imports', headers: { ...admin, 'content-type': 'text/csv' }, payload: csv(9000) }),
      '8 KB',
    );
    const chunked = await t.app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...admin, 'content-type': 'text/csv', 'transfer-encoding': 'chunked' },
      payload: Readable.from([csv(9000)]),
    });
    expectTooLarge(chunked, '8 KB');
    expect(await stored()).toBe(before);
  });

  it('an Excel upload over XLSX_LIMIT_BYTES', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/forms/F_COMMUNE_GDNN_6M/xlsx',
      headers: { ...admin, 'content-type': XLSX_TYPE },
      payload: Buffer.alloc(5000, 1),
    });
    expectTooLarge(res, '4 KB');
  });
});
