import { parsePeriod, targetProgress, type Comparator, type ProgressStatus } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import { errors } from '../../http/errors.ts';
import type { AuthContext } from '../auth/service.ts';
import { computeIndicators, loadIndicators, readableUnits } from '../analytics/service.ts';
import * as repo from './repository.ts';

/** The first year the series of a plan's indicators is read from. */
const FIRST_YEAR = 2015;

export interface ProgressRow {
  indicator: string;
  year: number;
  comparator: Comparator;
  target: number;
  targetUpper: number | null;
  tolerance: number | null;
  value: number | null;
  valueYear: number | null;
  status: ProgressStatus;
  baseline: { year: number; value: number } | null;
  trajectory: number | null;
  gap: number | null;
  projection: number | null;
  neededPerYear: number | null;
  series: { year: number; value: number }[];
}

/** Each target of a plan for a unit, as of a period: current value, trajectory, projection and status. */
export async function planProgress(ctx: AppContext, auth: AuthContext, code: string, org: string | undefined, periodCode: string | undefined): Promise<ProgressRow[]> {
  const plan = await repo.findPlan(ctx.db, code);
  if (!plan) throw errors.notFound(`kế hoạch "${code}"`, `Plan "${code}"`);
  const [unit] = await readableUnits(ctx, auth, org ? [org] : [auth.scope.type === 'area' ? auth.scope.code : plan.area_code]);
  const asOf = periodCode ?? String(ctx.now().getUTCFullYear());
  const parsed = parsePeriod(asOf);
  if (!parsed.ok) throw errors.invalidField('period', parsed.messageVi, parsed.message);
  const asOfYear = parsed.period.year;
  const targets = await repo.planTargets(ctx.db, code);
  const indicators = await loadIndicators(ctx, [...new Set(targets.map((t) => t.indicator_code))]);
  // Statuses are judged on complete years: as of 2025S1, the last complete year is 2024.
  const lastCompleteYear = parsed.period.type === 'yearly' ? asOfYear : asOfYear - 1;
  const lastYear = Math.min(lastCompleteYear, Math.max(...targets.map((t) => t.year)));
  const years = Array.from({ length: Math.max(0, lastYear - FIRST_YEAR + 1) }, (_, i) => String(FIRST_YEAR + i));
  const values = await computeIndicators(ctx, indicators, [unit!], years);
  return targets.map((t) => {
    const series = values
      .filter((v) => v.indicator === t.indicator_code && v.value !== null)
      .map((v) => ({ year: Number(v.period.slice(0, 4)), value: v.value! }));
    const comparator = t.comparator as Comparator;
    const rule = { comparator, value: t.value, valueUpper: t.value_upper, tolerance: t.tolerance };
    const p = targetProgress({ rule, horizon: t.year, series, asOfYear: lastCompleteYear });
    return {
      indicator: t.indicator_code,
      year: t.year,
      comparator,
      target: t.value,
      targetUpper: t.value_upper,
      tolerance: t.tolerance,
      value: p.current?.value ?? null,
      valueYear: p.current?.year ?? null,
      status: p.status,
      baseline: p.baseline,
      trajectory: p.trajectory,
      gap: p.gap,
      projection: p.projection,
      neededPerYear: p.neededPerYear,
      series: series.filter((x) => x.year <= t.year),
    };
  });
}
