import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../src/modules/data-values/audit-chain.ts';
import { useTestApp } from './support/app.ts';

const t = useTestApp();

async function importCsv(lines: string[]) {
  const admin = await t.login(await t.newUser({ role: 'admin', org: 'VN' }));
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/data-values',
    headers: { ...admin.write, 'content-type': 'text/csv' },
    payload: ['element,period,org,disagg,value', ...lines].join('\n'),
  });
  expect(res.statusCode).toBe(200);
}

describe('the history of values', () => {
  it('is hash-chained: verify passes on an untouched history', async () => {
    await importCsv(['DE_THCS_GRAD,2022,07681,sex:F,10', 'DE_THCS_GRAD,2022,07681,sex:M,12']);
    await importCsv(['DE_THCS_GRAD,2022,07681,sex:F,11', 'DE_THCS_GRAD,2022,07682,sex:F,7']);
    expect(await verifyChain(t.db.db)).toEqual({ entries: 4, broken: null });
  });

  it('refuses updates and deletions', async () => {
    await expect(sql`update data_value_audit set new_value = 99`.execute(t.db.db)).rejects.toThrow(
      'data_value_audit is append-only: UPDATE is not allowed',
    );
    await expect(sql`delete from data_value_audit`.execute(t.db.db)).rejects.toThrow(
      'data_value_audit is append-only: DELETE is not allowed',
    );
  });

  it('finds an entry edited behind the database’s back, and one deleted', async () => {
    const ids = (await t.db.db.selectFrom('data_value_audit').select('id').orderBy('id').execute()).map((r) => r.id);
    await sql`alter table data_value_audit disable trigger data_value_audit_append_only`.execute(t.db.db);
    await sql`update data_value_audit set new_value = 1000 where id = ${ids[2]}`.execute(t.db.db);
    expect(await verifyChain(t.db.db)).toMatchObject({ entries: 2, broken: { id: ids[2] } });
    await sql`update data_value_audit set new_value = 11 where id = ${ids[2]}`.execute(t.db.db);
    expect((await verifyChain(t.db.db)).broken).toBeNull();
    await sql`delete from data_value_audit where id = ${ids[1]}`.execute(t.db.db);
    expect(await verifyChain(t.db.db)).toMatchObject({ entries: 1, broken: { id: ids[2] } });
    await sql`alter table data_value_audit enable trigger data_value_audit_append_only`.execute(t.db.db);
  });
});
