import { parsePeriod, targetProgress, type Comparator, type ProgressStatus, type ProvisionalReason } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import { errors } from '../../http/errors.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import type { CachedIndicator, CachedTarget } from '../../db/catalogue-cache.ts';
import { answerRead, assertChecked, indicatorsFromRead, indicatorsOf, parsePeriods } from '../analytics/service.ts';

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
  /**
   * The latest year after `valueYear` whose figure is not yet final (tạm tính), with how complete it is:
   * shown beside the current value, never in its place.
   */
  provisional: ProvisionalFigure | null;
}

export interface ProvisionalFigure {
  year: number;
  value: number;
  reportingUnits: number;
  expectedUnits: number;
  reason: ProvisionalReason;
}

/**
 * Each target of a plan for a unit, as of a period: current value, trajectory, projection and status.
 * The plan's targets and indicators come from the catalogue cache; the unit's check and the
 * aggregate's rows are read in one statement (analytics/answer-read.ts).
 */
export async function planProgress(
  ctx: AppContext,
  auth: AuthContext,
  code: string,
  org: string | undefined,
  periodCode: string | undefined,
): Promise<ProgressRow[]> {
  const asOf = periodCode ?? String(ctx.now().getUTCFullYear());
  const parsed = parsePeriod(asOf);
  let targets: CachedTarget[] = [];
  let indicators: CachedIndicator[] = [];
  // Statuses are judged on complete years: as of 2025S1, the last complete year is 2024.
  const lastCompleteYear = parsed.ok ? (parsed.period.type === 'yearly' ? parsed.period.year : parsed.period.year - 1) : 0;
  let years: string[] = [];
  const { cat, read } = await answerRead(ctx, (c) => {
    const plan = c.plans.get(code);
    if (!plan) throw errors.notFound(`kế hoạch "${code}"`, `Plan "${code}"`);
    targets = plan.targets;
    indicators = indicatorsOf(c, [...new Set(targets.map((t) => t.indicator_code))]);
    const unit = org ? org : auth.scope.type === 'area' ? auth.scope.code : plan.areaCode;
    // A bad period is told after the unit's check, as before: the statement then reads no figures.
    const lastYear = Math.min(lastCompleteYear, Math.max(...targets.map((t) => t.year)));
    years = parsed.ok ? Array.from({ length: Math.max(0, lastYear - FIRST_YEAR + 1) }, (_, i) => String(FIRST_YEAR + i)) : [];
    return { units: [unit], scope: auth.scope, elements: [...new Set(indicators.flatMap((i) => i.elements))], periods: years };
  });
  assertChecked(read.units);
  if (!parsed.ok) throw errors.invalidField('period', parsed.messageVi, parsed.message);
  const values = await indicatorsFromRead(ctx, cat, read, indicators, [read.units[0]!.code], parsePeriods(years));
  return targets.map((t) => {
    const own = values.filter((v) => v.indicator === t.indicator_code && v.value !== null);
    // Only final years make the series: a year still open or short of units is never the current value (progress-rules.md).
    const series = own.filter((v) => !v.provisional).map((v) => ({ year: Number(v.period.slice(0, 4)), value: v.value! }));
    const comparator = t.comparator as Comparator;
    const rule = { comparator, value: t.value, valueUpper: t.value_upper, tolerance: t.tolerance };
    const p = targetProgress({ rule, horizon: t.year, series, asOfYear: lastCompleteYear });
    const later = own.filter((v) => v.provisional && Number(v.period) > (p.current?.year ?? 0) && Number(v.period) <= t.year).at(-1);
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
      provisional: later
        ? {
            year: Number(later.period),
            value: later.value!,
            reportingUnits: later.reportingUnits,
            expectedUnits: later.expectedUnits,
            reason: later.provisionalReason!,
          }
        : null,
    };
  });
}
