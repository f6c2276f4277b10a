import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdmin } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { createContext, type AppContext } from '../src/context.ts';
import { loadDemoData, removeDemoData } from '../src/modules/demo/service.ts';
import { computeIndicators, loadIndicators } from '../src/modules/analytics/service.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';

let db: TestDatabase;
let ctx: AppContext;
beforeAll(async () => {
  db = await createTestDatabase();
  ctx = createContext(db.db, loadConfig({ LOG_LEVEL: 'silent', VETPLAN_ADMIN_PASSWORD: 'admin-pass-123' }));
  await ensureAdmin(ctx);
});
afterAll(async () => db.destroy());

describe('the demo history', () => {
  it('loads 2021–2025 for every commune, passing every validation rule, once', async () => {
    const result = await loadDemoData(ctx);
    expect(result).toMatchObject({ updated: 0, deleted: 0, errors: [] });
    // 18 communes × 5 years × (2 halves × 6 labour cells + 14 schooling cells) + 5 district counts.
    expect(result!.created).toBe(18 * 5 * (12 + 14) + 5);
    expect(await loadDemoData(ctx)).toBeNull();
  });

  it('gives plausible district indicators moving towards the targets', async () => {
    const rows = await computeIndicators(ctx, await loadIndicators(ctx, null), ['221'], ['2021', '2025']);
    const at = (indicator: string, period: string) => rows.find((r) => r.indicator === indicator && r.period === period)!.value!;
    for (const indicator of ['I_THCS_TO_VET', 'I_THPT_TO_VET_CD', 'I_LABOUR_TRAINED_CERT', 'I_LABOUR_RETRAINED']) {
      expect(at(indicator, '2025')).toBeGreaterThan(at(indicator, '2021'));
      expect(at(indicator, '2025')).toBeGreaterThan(20);
      expect(at(indicator, '2025')).toBeLessThan(60);
    }
    expect(at('I_VET_INSTITUTIONS', '2025')).toBe(5);
  });
});

describe('POST /api/demo-data', () => {
  it('refuses once figures exist, and is for administrators', async () => {
    const { buildApp } = await import('../src/app.ts');
    const app = await buildApp(ctx);
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'admin-pass-123' } });
    const cookie = `vetplan_session=${login.cookies.find((c) => c.name === 'vetplan_session')!.value}`;
    const res = await app.inject({
      method: 'POST',
      url: '/api/demo-data',
      headers: { cookie, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken },
    });
    expect(res.statusCode).toBe(409);
    expect((await app.inject({ method: 'POST', url: '/api/demo-data' })).statusCode).toBe(401);
    await app.close();
  });
});

describe('removing a demo history loaded before imports were marked (migration 0013)', () => {
  it('finds it by its rows, removes it and leaves an intact history', async () => {
    const { verifyChain } = await import('../src/modules/data-values/audit-chain.ts');
    await ctx.db.updateTable('data_import').set({ demo: false }).execute();
    const removal = await removeDemoData(ctx, null);
    expect(removal).toMatchObject({ values: 18 * 5 * (12 + 14) + 5, history: 18 * 5 * (12 + 14) + 5, kept: 0 });
    expect(await ctx.db.selectFrom('data_value').select('element_code').execute()).toEqual([]);
    expect(await verifyChain(ctx.db)).toEqual({ entries: 0, broken: null });
    expect(await removeDemoData(ctx, null)).toMatchObject({ values: 0, history: 0 });
  });
});
