import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type ErrorBody, type Session } from '../support/app.ts';

// One commune's figures stand for the district here (the rules of progress, not of completeness: provisional.test.ts).
const t = useTestApp({ COMPLETENESS_PERCENT: '1' });
let admin: Session;

interface Row {
  indicator: string;
  year: number;
  comparator: string;
  target: number;
  value: number | null;
  valueYear: number | null;
  status: string;
  projection: number | null;
  trajectory: number | null;
}

beforeAll(async () => {
  admin = await t.login(await t.newUser({ role: 'admin', org: 'VN' }));
  // Trained labour with certificates, district-wide: 30% (2021), 33% (2022), 36% (2023); institutions 5 every year.
  const lines = ['element,period,org,disagg,value'];
  for (const [year, trained] of [
    [2021, 300],
    [2022, 330],
    [2023, 360],
  ] as const) {
    lines.push(
      `DE_LABOUR_FORCE,${year},07681,sex:F,1000`,
      `DE_LABOUR_TRAINED_CERT,${year},07681,sex:F,${trained}`,
      `DE_VET_INSTITUTIONS,${year},221,,5`,
    );
  }
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/data-values',
    headers: { ...admin.write, 'content-type': 'text/csv' },
    payload: lines.join('\n'),
  });
  expect(res.statusCode).toBe(200);
});

async function progress(q: string, s = admin) {
  return t.app.inject({ method: 'GET', url: `/api/plans/YD-GDNN-2023/progress?${q}`, headers: { cookie: s.cookie } });
}

describe('GET /api/plans/YD-GDNN-2023/progress', () => {
  it('gives every target with its value, projection and status as of a year', async () => {
    const res = await progress('org=221&period=2023');
    expect(res.statusCode).toBe(200);
    const rows = res.json<{ rows: Row[] }>().rows;
    expect(rows).toHaveLength(12);
    const trained2025 = rows.find((r) => r.indicator === 'I_LABOUR_TRAINED_CERT' && r.year === 2025)!;
    expect(trained2025).toMatchObject({ comparator: '>=', target: 36, value: 36, valueYear: 2023, status: 'on_track' });
    expect(trained2025.projection).toBeCloseTo(42);
    const trained2030 = rows.find((r) => r.indicator === 'I_LABOUR_TRAINED_CERT' && r.year === 2030)!;
    expect(trained2030).toMatchObject({ target: 40, status: 'on_track' });
    expect(rows.find((r) => r.indicator === 'I_VET_INSTITUTIONS' && r.year === 2025)).toMatchObject({
      comparator: '~',
      value: 5,
      status: 'on_track',
    });
    expect(rows.find((r) => r.indicator === 'I_THCS_TO_VET')).toMatchObject({ status: 'no_data', value: null });
  });

  it('judges the horizon: met or not met once its year is complete', async () => {
    const csv =
      'element,period,org,disagg,value\nDE_LABOUR_FORCE,2025,07681,sex:F,1000\nDE_LABOUR_TRAINED_CERT,2025,07681,sex:F,355\nDE_VET_INSTITUTIONS,2025,221,,5\n';
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
    const rows = (await progress('org=221&period=2025')).json<{ rows: Row[] }>().rows;
    expect(rows.find((r) => r.indicator === 'I_LABOUR_TRAINED_CERT' && r.year === 2025)).toMatchObject({ value: 35.5, status: 'not_met' });
    expect(rows.find((r) => r.indicator === 'I_VET_INSTITUTIONS' && r.year === 2025)).toMatchObject({ status: 'met' });
    const midYear = (await progress('org=221&period=2025S1')).json<{ rows: Row[] }>().rows;
    expect(midYear.find((r) => r.indicator === 'I_LABOUR_TRAINED_CERT' && r.year === 2025)).toMatchObject({
      valueYear: 2023,
      status: 'on_track',
    });
  });

  it('answers 401, 403 out of scope and 400 for a bad period', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/plans/YD-GDNN-2023/progress' })).statusCode).toBe(401);
    const officer = await t.login(await t.newUser({ role: 'unit_officer', org: '07681' }));
    expect((await progress('', officer)).json<{ rows: Row[] }>().rows).toHaveLength(12);
    expect((await progress('org=221', officer)).statusCode).toBe(403);
    const bad = await progress('period=2025S3');
    expect([bad.statusCode, bad.json<ErrorBody>().messageEn]).toEqual([400, 'period: "2025S3" is not a valid six-monthly period']);
  });
});
