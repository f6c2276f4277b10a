import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, type Session } from '../support/app.ts';

// Item 3 of issue 14: the history is kept by half-year; the annual form shows last year's figures.
const t = useTestApp();
const ORG = '07741';
let manager: Session;
let officer: Session;

beforeAll(async () => {
  t.clock.current = new Date('2026-12-05T03:00:00Z');
  manager = await t.login(await t.newUser({ role: 'plan_manager', org: '221' }));
  officer = await t.login(await t.newUser({ role: 'unit_officer', org: ORG }));
  const csv = [
    'element,period,org,disagg,value',
    // `last` elements: the year's figure is the second half's.
    `DE_LABOUR_FORCE,2025S1,${ORG},sex:M,2200`,
    `DE_LABOUR_FORCE,2025S2,${ORG},sex:M,2210`,
    `DE_LABOUR_FORCE,2025S1,${ORG},sex:F,2040`,
    `DE_LABOUR_TRAINED_CERT,2025S1,${ORG},sex:M,700`,
    `DE_LABOUR_TRAINED_CERT,2025S2,${ORG},sex:M,760`,
    // A `sum` element: the halves add up.
    `DE_LABOUR_RETRAINED,2025S1,${ORG},sex:M,31`,
    `DE_LABOUR_RETRAINED,2025S2,${ORG},sex:M,27`,
    // Another commune's figures stay out.
    'DE_LABOUR_RETRAINED,2025S2,07747,sex:M,99',
  ].join('\n');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/data-values',
    headers: { ...manager.write, 'content-type': 'text/csv' },
    payload: csv,
  });
  expect(res.statusCode, res.body).toBe(200);
});

type Previous = { period: string; values: { element: string; disagg: string; value: number }[] };
async function previousOf(s: Session, form: string, period: string): Promise<Previous> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/forms/${form}/entry?org=${ORG}&period=${period}`,
    headers: { cookie: s.cookie },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ previous: Previous }>().previous;
}
const pairs = (p: Previous) => p.values.map((v) => [v.element, v.disagg, v.value]);

describe('the previous period on the entry screen', () => {
  it('gives an annual form of 2026 the 2025 figures formed from the half-years by each element’s aggregation', async () => {
    const previous = await previousOf(officer, 'F_COMMUNE_GDNN_Y', '2026');
    expect(previous.period).toBe('2025');
    expect(pairs(previous)).toEqual([
      ['DE_LABOUR_FORCE', 'sex:F', 2040],
      ['DE_LABOUR_FORCE', 'sex:M', 2210],
      ['DE_LABOUR_RETRAINED', 'sex:M', 58],
      ['DE_LABOUR_TRAINED_CERT', 'sex:M', 760],
    ]);
  });

  it('prefers a figure stored for the year itself', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/data-values',
      headers: { ...manager.write, 'content-type': 'text/csv' },
      payload: `element,period,org,disagg,value\nDE_LABOUR_RETRAINED,2025,${ORG},sex:M,60\n`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const previous = await previousOf(manager, 'F_COMMUNE_GDNN_Y', '2026');
    expect(previous.values.find((v) => v.element === 'DE_LABOUR_RETRAINED')).toMatchObject({ value: 60 });
  });

  it('keeps a 6-month form on the half-year before it', async () => {
    const previous = await previousOf(officer, 'F_COMMUNE_GDNN_6M', '2026S1');
    expect(previous.period).toBe('2025S2');
    expect(pairs(previous)).toEqual([
      ['DE_LABOUR_FORCE', 'sex:M', 2210],
      ['DE_LABOUR_RETRAINED', 'sex:M', 27],
      ['DE_LABOUR_TRAINED_CERT', 'sex:M', 760],
    ]);
  });
});
