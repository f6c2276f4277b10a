import { beforeAll, describe, expect, it } from 'vitest';
import { ensureAdmin } from '../../src/bootstrap.ts';
import { loadDemoData } from '../../src/modules/demo/service.ts';
import { computeIndicators, loadIndicators } from '../../src/modules/analytics/service.ts';
import { verifyChain } from '../../src/modules/data-values/audit-chain.ts';
import { useTestApp, type Session } from '../support/app.ts';

// Item 9 of issue 14: going live takes the demo history out and keeps what people entered.
const t = useTestApp({ VETPLAN_ADMIN_PASSWORD: 'admin-pass-123' });
let admin: Session;
let manager: Session;
let demoValues = 0;

const csv = (s: Session, body: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/data-values',
    headers: { ...s.write, 'content-type': 'text/csv' },
    payload: `element,period,org,disagg,value\n${body}\n`,
  });
const remove = (s: Session | null) => t.app.inject({ method: 'DELETE', url: '/api/demo-data', headers: s?.write ?? {} });

beforeAll(async () => {
  await ensureAdmin(t.ctx);
  demoValues = (await loadDemoData(t.ctx))!.created;
  admin = await t.login('admin', 'admin-pass-123');
  manager = await t.login(await t.newUser({ role: 'plan_manager', org: '221' }));
  // People's work: a new figure of 2026, and a demo figure of 2025 corrected.
  expect((await csv(manager, 'DE_LABOUR_FORCE,2026S1,07741,sex:M,2301')).statusCode).toBe(200);
  expect((await csv(manager, 'DE_LABOUR_FORCE,2025S2,07741,sex:M,2299')).statusCode).toBe(200);
});

describe('DELETE /api/demo-data', () => {
  it('is for administrators', async () => {
    expect((await remove(null)).statusCode).toBe(401);
    expect((await remove(manager)).statusCode).toBe(403);
  });

  it('removes the demo values and their history, keeps people’s values, users and an intact history, and refreshes the figures', async () => {
    const usersBefore = await t.db.db.selectFrom('app_user').select('username').execute();
    const res = await remove(admin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ values: demoValues - 1, history: demoValues - 1, kept: 1, submissions: 0, taskReports: 0 });
    expect(res.json<{ message: string }>().message).toContain(`Đã xóa số liệu mẫu: ${demoValues - 1} giá trị`);
    const left = await t.db.db.selectFrom('data_value').select(['element_code', 'period', 'org_code', 'value']).orderBy('period').execute();
    expect(left.map((v) => [v.element_code, v.period, v.org_code, Number(v.value)])).toEqual([
      ['DE_LABOUR_FORCE', '2025S2', '07741', 2299],
      ['DE_LABOUR_FORCE', '2026S1', '07741', 2301],
    ]);
    expect(await t.db.db.selectFrom('app_user').select('username').execute()).toEqual(usersBefore);
    expect(await verifyChain(t.db.db)).toMatchObject({ broken: null, entries: 3 });
    const rows = await computeIndicators(t.ctx, await loadIndicators(t.ctx, null), ['221'], ['2024']);
    expect(rows.filter((r) => r.value !== null)).toEqual([]);
    const audit = await t.db.db.selectFrom('audit_event').select(['action', 'actor']).where('action', '=', 'demo_remove').execute();
    expect(audit).toEqual([{ action: 'demo_remove', actor: 'admin' }]);
  });

  it('says there is nothing to remove the second time', async () => {
    const res = await remove(admin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ values: 0, history: 0, kept: 1 });
    expect(res.json<{ message: string; messageEn: string }>().messageEn).toBe(
      'There is no demo history to remove. 1 demo cell(s) people changed are kept as theirs.',
    );
  });
});
