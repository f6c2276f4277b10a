import { beforeAll, describe, expect, it } from 'vitest';
import { writeCatalog } from '../../src/modules/catalog/load.ts';
import { parseCatalog } from '../../src/modules/catalog/parse.ts';
import { DEFAULT_CATALOG_DIR } from '../support/engine.ts';
import { useTestApp, type Session } from '../support/app.ts';

// The dashboards keep the catalogue (targets, formulas) in the AppContext: a catalogue
// written by another process (`vetplan catalog load` beside a running server) must show
// at the next answer, without a restart.
// One commune's figures stand for the district here (what is tested is the catalogue, not completeness: provisional.test.ts).
const t = useTestApp({ COMPLETENESS_PERCENT: '1' });
let admin: Session;

beforeAll(async () => {
  admin = await t.login(await t.newUser({ role: 'admin', org: 'VN' }));
  const csv = 'element,period,org,disagg,value\nDE_LABOUR_FORCE,2024,07681,sex:F,1000\nDE_LABOUR_TRAINED_CERT,2024,07681,sex:F,300\n';
  expect(
    (await t.app.inject({ method: 'POST', url: '/api/data-values', headers: { ...admin.write, 'content-type': 'text/csv' }, payload: csv }))
      .statusCode,
  ).toBe(200);
});

const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: admin.cookie } });
  expect(res.statusCode).toBe(200);
  return res.json<{ rows: { indicator: string; year?: number; target?: number; value: number | null }[] }>().rows;
};

describe('the catalogue kept by the dashboards', () => {
  it('follows a catalogue loaded by another process: new targets and new formulas at the next answer', async () => {
    const progress = () => get('/api/plans/YD-GDNN-2023/progress?org=221&period=2024');
    const indicator = () => get('/api/analytics/indicators?indicator=I_LABOUR_TRAINED_CERT&org=221&period=2024');
    const target2025 = (rows: Awaited<ReturnType<typeof progress>>) =>
      rows.find((r) => r.indicator === 'I_LABOUR_TRAINED_CERT' && r.year === 2025)!;
    expect(target2025(await progress())).toMatchObject({ target: 36, value: 30 });
    expect((await indicator())[0]).toMatchObject({ value: 30 });

    const catalog = parseCatalog(DEFAULT_CATALOG_DIR);
    const plan = catalog.plans.find((p) => p.code === 'YD-GDNN-2023')!;
    plan.targets.find((x) => x.indicator === 'I_LABOUR_TRAINED_CERT' && x.year === 2025)!.value = 38;
    const rate = catalog.indicators.find((i) => i.code === 'I_LABOUR_TRAINED_CERT')!;
    rate.formula = `${rate.formula} * 2`;
    // Written straight to the database, past this app's context, as another process would.
    await writeCatalog(t.db.db, catalog, 'other-process');

    expect(target2025(await progress())).toMatchObject({ target: 38, value: 60 });
    expect((await indicator())[0]).toMatchObject({ value: 60 });
  });
});
