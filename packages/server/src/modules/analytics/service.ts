import { computeIndicator, formulaRefs, parseFormula, parsePeriod, periodsWithin, type Formula, type NullReason, type Period } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import { errors } from '../../http/errors.ts';
import type { AuthContext } from '../auth/service.ts';
import { loadDataMetadata } from '../data-values/metadata.ts';
import { assertReadable } from '../areas/scope-check.ts';
import * as repo from './repository.ts';

export interface IndicatorRow {
  indicator: string;
  org: string;
  period: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  reason: NullReason | null;
  /** Units below the unit that have figures for the indicator's elements in the period. */
  reportingUnits: number;
  /** The lowest-level areas below the unit (the communes of a district); 1 for a commune or an organisation. */
  expectedUnits: number;
}

export interface IndicatorSpec {
  code: string;
  formula: Formula;
}

export async function loadIndicators(ctx: AppContext, codes: string[] | null): Promise<IndicatorSpec[]> {
  const rows = await ctx.db.selectFrom('indicator').select(['code', 'formula']).orderBy('code').execute();
  if (codes) {
    const unknown = codes.filter((c) => !rows.some((r) => r.code === c));
    if (unknown.length) throw errors.invalidField('indicator', `"${unknown[0]}" không phải là mã chỉ số đã có`, `"${unknown[0]}" is not a known indicator`);
  }
  return rows
    .filter((r) => !codes || codes.includes(r.code))
    .map((r) => {
      const parsed = parseFormula(r.formula);
      if (!parsed.ok) throw new Error(`indicator ${r.code} has a bad formula: ${parsed.message}`);
      return { code: r.code, formula: parsed.formula };
    });
}

function parsePeriods(codes: string[]): Period[] {
  return codes.map((code) => {
    const parsed = parsePeriod(code);
    if (!parsed.ok) throw errors.invalidField('period', parsed.messageVi, parsed.message);
    return parsed.period;
  });
}

/** Indicators for units and periods, each from the figures of the units below the unit as they stood in the period. */
export async function computeIndicators(ctx: AppContext, indicators: IndicatorSpec[], orgs: string[], periodCodes: string[]): Promise<IndicatorRow[]> {
  const metadata = await loadDataMetadata(ctx.db);
  const aggregationOf = (element: string) => metadata.elements.get(element)?.aggregation ?? 'sum';
  const elements = [...new Set(indicators.flatMap((i) => formulaRefs(i.formula).map((r) => r.element)))];
  const periods = parsePeriods(periodCodes);
  const rows: IndicatorRow[] = [];
  for (const org of orgs) {
    const isOrganisation = (await ctx.db.selectFrom('organisation').select('code').where('code', '=', org).executeTakeFirst()) !== undefined;
    for (const period of periods) {
      const units = isOrganisation ? await repo.unitsOfOrganisation(ctx.db, org) : await repo.unitsOfArea(ctx.db, org, period.start, period.end);
      const figures = await repo.figures(ctx.db, elements, units, periodsWithin(period));
      const expected = isOrganisation ? 1 : await repo.leafAreaCount(ctx.db, units);
      for (const indicator of indicators) {
        const own = new Set(formulaRefs(indicator.formula).map((r) => r.element));
        const reporting = new Set(figures.filter((f) => own.has(f.element)).map((f) => f.unit));
        // A figure kept for the unit itself (the district's count of institutions) stands for the whole.
        const expectedUnits = reporting.size === 1 && reporting.has(org) ? 1 : expected;
        rows.push({ indicator: indicator.code, org, period: period.code, ...computeIndicator(indicator.formula, figures, period, aggregationOf), reportingUnits: reporting.size, expectedUnits });
      }
    }
  }
  return rows;
}

/** The requested units, each known and in the user's reach; the user's own unit by default. */
export async function readableUnits(ctx: AppContext, auth: AuthContext, codes: string[] | null): Promise<string[]> {
  const units = codes ?? [auth.scope.code];
  await assertReadable(ctx, auth, units);
  return units;
}

/** The last `count` years up to the current one. */
export function recentYears(ctx: AppContext, count = 5): string[] {
  const year = ctx.now().getUTCFullYear();
  return Array.from({ length: count }, (_, i) => String(year - count + 1 + i));
}
