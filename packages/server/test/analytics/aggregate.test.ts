import { computeIndicator, parsePeriod, periodsWithin } from '@vetplan/domain';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { random } from '../../src/modules/demo/random.ts';
import { rebuildAggregates } from '../../src/modules/analytics/aggregate.ts';
import * as repo from '../../src/modules/analytics/repository.ts';
import { computeIndicators, loadIndicators } from '../../src/modules/analytics/service.ts';
import { authContextFor } from '../../src/modules/auth/service.ts';
import { importDataValues } from '../../src/modules/data-values/import.ts';
import { loadDataMetadata } from '../../src/modules/data-elements/metadata.ts';
import { useTestApp } from '../support/app.ts';

const t = useTestApp();

const CELLS: [string, string[]][] = [
  ['DE_THCS_GRAD', ['sex:M', 'sex:F']],
  ['DE_THCS_TO_VET', ['level:SC;sex:M', 'level:TC;sex:F']],
  ['DE_THPT_GRAD', ['sex:F']],
  ['DE_THPT_TO_VET', ['level:CD;sex:F', 'level:TC;sex:M']],
  ['DE_LABOUR_FORCE', ['sex:M', 'sex:F']],
  ['DE_LABOUR_TRAINED_CERT', ['sex:M', 'sex:F']],
  ['DE_VET_INSTITUTIONS', ['']],
];
// A commune that moved from 221 to a new district in mid-2023 (two paths up to the province), with an organisation in it.
const UNITS = ['07681', '07682', 'X_C1', 'X_C1-ORG', '221', 'X_D2'];
const PERIODS = ['2022', '2023', '2023S1', '2023S2', '2023Q3', '202311', '2024', '2024S1', '2024S2'];
const AREAS = ['07681', '07682', 'X_C1', '221', 'X_D2', '24', 'VN'];
const QUERY_PERIODS = ['2022', '2023', '2023S1', '2023S2', '2023Q3', '2023Q4', '202311', '2024', '2024S1', '2024S2'];

/** Every row of the aggregate's tables, in a fixed order, numbers as text. */
async function snapshot(): Promise<string[]> {
  const rows = await sql<{ r: string }>`
    select 'unit|' || unit_code || '|' || period || '|' || element_code || '|' || disagg || '|' || period_start || '|' || period_end || '|' || value::text as r from analytics_unit_figure
    union all select 'area|' || area_code || '|' || period || '|' || element_code || '|' || disagg || '|' || value::text || '|' || units from analytics_area_figure
    union all select 'reporting|' || area_code || '|' || period || '|' || elements || '|' || units from analytics_area_reporting
    union all select 'path|' || area_code || '|' || unit_code || '|' || is_area || '|' || lo || '|' || hi || '|' || coalesce(more_lo::text, '') || coalesce(more_hi::text, '') from analytics_area_unit
    order by 1`.execute(t.db.db);
  return rows.rows.map((r) => r.r);
}

beforeAll(async () => {
  const db = t.db.db;
  await db
    .insertInto('area')
    .values([
      { code: 'X_D2', level: 'district' },
      { code: 'X_C1', level: 'commune' },
    ])
    .execute();
  await db
    .insertInto('area_version')
    .values([
      { area_code: 'X_D2', name: 'Huyện mới', name_en: null, kind: 'district', parent_code: '24' },
      {
        area_code: 'X_C1',
        name: 'Xã chuyển',
        name_en: null,
        kind: 'commune',
        parent_code: '221',
        valid_from: '2000-01-01',
        valid_to: '2023-07-01',
      },
      {
        area_code: 'X_C1',
        name: 'Xã chuyển',
        name_en: null,
        kind: 'commune',
        parent_code: 'X_D2',
        valid_from: '2023-07-01',
        valid_to: 'infinity',
      },
    ])
    .execute();
  await db
    .insertInto('organisation')
    .values({ code: 'X_C1-ORG', name: 'Trường nghề xã', kind: 'vet_institution', area_code: 'X_C1' })
    .execute();
  await rebuildAggregates(db);
});

describe('the incrementally maintained aggregate', () => {
  it('equals a full rebuild, row for row, after random imports, updates and deletes', async () => {
    const rnd = random(7);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const auth = await authContextFor(t.ctx, await t.newUser({ role: 'admin', org: 'VN' }));
    let writes = 0;
    for (let round = 0; round < 24; round++) {
      const rows = Array.from({ length: 1 + Math.floor(rnd() * 25) }, (_, i) => {
        const [element, disaggs] = pick(CELLS);
        // One row in five deletes its cell; some values have decimals, which must add up exactly.
        const value = rnd() < 0.2 ? null : rnd() < 0.2 ? Math.round(rnd() * 5000) / 10 : Math.floor(rnd() * 400);
        return { row: i + 1, element, period: pick(PERIODS), org: pick(UNITS), disagg: pick(disaggs), value, comment: null };
      });
      const result = await importDataValues(t.ctx, auth, { rows, errors: [] }, 'partial', 'import');
      writes += result.created + result.updated + result.deleted;
      if (round % 6 === 5) {
        const incremental = await snapshot();
        await rebuildAggregates(t.db.db);
        expect(incremental).toEqual(await snapshot());
      }
    }
    expect(writes).toBeGreaterThan(100);
    expect((await snapshot()).filter((r) => r.startsWith('area|VN|2023|')).length).toBeGreaterThan(0);
  });

  it('answers as the figures of the units below, summed as the hierarchy stood in each period', async () => {
    const db = t.db.db;
    const indicators = await loadIndicators(t.ctx, null);
    const metadata = await loadDataMetadata(db);
    const aggregationOf = (e: string) => metadata.elements.get(e)?.aggregation ?? 'sum';
    const elements = [...metadata.elements.keys()];
    const answers = await computeIndicators(t.ctx, indicators, AREAS, QUERY_PERIODS);
    let checked = 0;
    for (const area of AREAS) {
      for (const code of QUERY_PERIODS) {
        const period = (parsePeriod(code) as { ok: true; period: Parameters<typeof periodsWithin>[0] }).period;
        const units = await repo.unitsOfArea(db, area, period.start, period.end);
        const figures = (await repo.figures(db, elements, units, periodsWithin(period))).map((f) => ({ ...f, value: Number(f.value) }));
        for (const indicator of indicators) {
          const got = answers.find((a) => a.indicator === indicator.code && a.org === area && a.period === code)!;
          const want = computeIndicator(indicator.formula, figures, period, aggregationOf);
          expect({
            area,
            code,
            indicator: indicator.code,
            value: got.value,
            numerator: got.numerator,
            denominator: got.denominator,
            reason: got.reason,
          }).toEqual({
            area,
            code,
            indicator: indicator.code,
            ...want,
          });
          if (want.value !== null) checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    // X_C1 counts for 221 in the first half of 2023 only, for X_D2 in the second, for both over the year.
    const x = await sql<{ area_code: string; period: string }>`select distinct area_code, period from analytics_area_figure f
      where exists (select 1 from analytics_unit_figure u where u.unit_code = 'X_C1' and u.period = f.period) and area_code in ('221', 'X_D2') and period in ('2023S1', '2023S2') order by 1, 2`.execute(
      db,
    );
    expect(x.rows.length).toBeGreaterThan(0);
  });
});
