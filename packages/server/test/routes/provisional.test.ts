import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../support/app.ts';

// The moment of the issue: December 2026, every commune has reported 2025, one commune has sent its first half of 2026.
const t = useTestApp();
let admin: Session;
let communes: string[];

interface Provisional {
  year: number;
  value: number;
  reportingUnits: number;
  expectedUnits: number;
  reason: string;
}
interface Row {
  indicator: string;
  year: number;
  value: number | null;
  valueYear: number | null;
  status: string;
  series: { year: number }[];
  provisional: Provisional | null;
}
interface Value {
  indicator: string;
  org: string;
  period: string;
  value: number | null;
  provisional: boolean;
  provisionalReason: string | null;
  reportingUnits: number;
  expectedUnits: number;
}

const post = async (lines: string[]) => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/data-values',
    headers: { ...admin.write, 'content-type': 'text/csv' },
    payload: ['element,period,org,disagg,value', ...lines].join('\n'),
  });
  expect(res.statusCode, res.body).toBe(200);
};

/** Trained labour with certificates: `trained` of 1000 in each half-year, for each commune given. */
const halfYear = (period: string, orgs: string[], trained: number) =>
  orgs.flatMap((org) => [`DE_LABOUR_FORCE,${period},${org},sex:F,1000`, `DE_LABOUR_TRAINED_CERT,${period},${org},sex:F,${trained}`]);

async function progress(q: string): Promise<Row[]> {
  const res = await t.app.inject({ method: 'GET', url: `/api/plans/YD-GDNN-2023/progress?${q}`, headers: { cookie: admin.cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ rows: Row[] }>().rows;
}

const trained2030 = (rows: Row[]) => rows.find((r) => r.indicator === 'I_LABOUR_TRAINED_CERT' && r.year === 2030)!;

beforeAll(async () => {
  t.clock.current = new Date('2026-12-03T08:00:00Z');
  admin = await t.login(await t.newUser({ role: 'admin', org: 'VN' }));
  const rows = await t.db.db
    .selectFrom('area_version')
    .select('area_code')
    .distinct()
    .where('parent_code', '=', '221')
    .where('valid_from', '<', '2026-01-01')
    .where('valid_to', '>', '2024-01-01')
    .execute();
  communes = rows.map((r) => r.area_code).sort();
  // 2024: 35 %, 2025: 40 % in every commune, both halves; 2026S1: one commune at 21.7 %.
  await post([
    ...halfYear('2024S1', communes, 350),
    ...halfYear('2024S2', communes, 350),
    ...halfYear('2025S1', communes, 400),
    ...halfYear('2025S2', communes, 400),
  ]);
  await post(halfYear('2026S1', [communes[0]!], 217));
});

describe('a year counts as the latest only when it is complete', () => {
  it('the district card shows 2025, with 2026 beside it as provisional and how complete it is', async () => {
    const row = trained2030(await progress('org=221'));
    expect(row).toMatchObject({ value: 40, valueYear: 2025 });
    expect(row.series.map((s) => s.year)).toEqual([2024, 2025]);
    expect(row.provisional).toEqual({ year: 2026, value: 21.7, reportingUnits: 1, expectedUnits: communes.length, reason: 'period_open' });
  });

  it('the commune page shows the commune’s own final year, not the district equal to the commune', async () => {
    const row = trained2030(await progress(`org=${communes[0]}`));
    expect(row).toMatchObject({ value: 40, valueYear: 2025 });
    expect(row.provisional).toMatchObject({ year: 2026, value: 21.7, reportingUnits: 1, expectedUnits: 1, reason: 'period_open' });
  });

  it('indicator values and the pivot mark the partial year, and only it', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/analytics/indicators?indicator=I_LABOUR_TRAINED_CERT&org=221&period=2025,2026,2026S1',
      headers: { cookie: admin.cookie },
    });
    const rows = res.json<{ rows: Value[] }>().rows;
    expect(rows.map((r) => [r.period, r.value, r.provisional, r.provisionalReason])).toEqual([
      ['2025', 40, false, null],
      ['2026', 21.7, true, 'period_open'],
      // The half-year has ended, but one commune of all is not the district.
      ['2026S1', 21.7, true, 'units_missing'],
    ]);
    const pivot = await t.app.inject({
      method: 'GET',
      url: '/api/analytics/pivot?indicator=I_LABOUR_TRAINED_CERT&org=221&period=2025,2026',
      headers: { cookie: admin.cookie },
    });
    const table = pivot.json<{ rows: { org: string; total: boolean; values: (number | null)[]; provisional: boolean[] }[] }>();
    expect(table.rows.find((r) => r.total)).toMatchObject({ values: [40, 21.7], provisional: [false, true] });
    expect(table.rows.find((r) => r.org === communes[1])).toMatchObject({ values: [40, null], provisional: [false, true] });
  });

  it('the six-month report of 2026 quotes the same 2025 figure as the overview', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/reports/preview?plan=YD-GDNN-2023&org=221&period=2026S1',
      headers: { cookie: admin.cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    const target = res
      .json<{ targets: { indicator: string; valueYear: number | null; value: number | null }[] }>()
      .targets.find((x) => x.indicator === 'I_LABOUR_TRAINED_CERT')!;
    const card = trained2030(await progress('org=221'));
    expect([target.value, target.valueYear]).toEqual([card.value, card.valueYear]);
  });

  it('a year with one half missing in a commune is not final: the card falls back to the year before', async () => {
    // 2025S2 of the last commune is deleted: 2025 is then reported by every commune, but not in both halves.
    const last = communes.at(-1)!;
    await post([`DE_LABOUR_FORCE,2025S2,${last},sex:F,`, `DE_LABOUR_TRAINED_CERT,2025S2,${last},sex:F,`]);
    const row = trained2030(await progress('org=221'));
    expect(row).toMatchObject({ value: 35, valueYear: 2024 });
    expect(row.provisional).toMatchObject({ year: 2026, reason: 'period_open' });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/analytics/indicators?indicator=I_LABOUR_TRAINED_CERT&org=221&period=2025',
      headers: { cookie: admin.cookie },
    });
    expect(res.json<{ rows: Value[] }>().rows[0]).toMatchObject({
      provisional: true,
      provisionalReason: 'parts_missing',
      reportingUnits: communes.length,
    });
    await post(halfYear('2025S2', [last], 400));
  });
});

describe('the completeness is configurable', () => {
  const loose = useTestApp({ COMPLETENESS_PERCENT: '50' });

  it('with half the communes enough, a year half of them reported is final', async () => {
    loose.clock.current = new Date('2026-12-03T08:00:00Z');
    const manager = await loose.login(await loose.newUser({ role: 'admin', org: 'VN' }));
    const half = communes.slice(0, Math.ceil(communes.length / 2));
    const lines = [
      'element,period,org,disagg,value',
      ...half.flatMap((org) => [`DE_LABOUR_FORCE,2025,${org},sex:F,1000`, `DE_LABOUR_TRAINED_CERT,2025,${org},sex:F,380`]),
    ];
    expect(
      (
        await loose.app.inject({
          method: 'POST',
          url: '/api/data-values',
          headers: { ...manager.write, 'content-type': 'text/csv' },
          payload: lines.join('\n'),
        })
      ).statusCode,
    ).toBe(200);
    const res = await loose.app.inject({
      method: 'GET',
      url: '/api/plans/YD-GDNN-2023/progress?org=221',
      headers: { cookie: manager.cookie },
    });
    expect(res.json<{ rows: Row[] }>().rows.find((r) => r.indicator === 'I_LABOUR_TRAINED_CERT' && r.year === 2030)).toMatchObject({
      value: 38,
      valueYear: 2025,
      provisional: null,
    });
  });
});
