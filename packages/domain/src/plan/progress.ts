import { satisfiesTarget, type TargetRule } from './comparator.ts';

/**
 * Whether a plan is on track for a target. The rules are written down in
 * docs/progress-rules.md; this is their one implementation.
 */
export const PROGRESS_STATUSES = ['met', 'not_met', 'on_track', 'at_risk', 'off_track', 'no_data'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export interface YearValue {
  year: number;
  value: number;
}

export interface TargetProgress {
  status: ProgressStatus;
  /** The latest yearly value at or before the "as of" year (and not after the horizon). */
  current: YearValue | null;
  baseline: YearValue | null;
  /** Where the straight line from the baseline to the target stands in the current year. */
  trajectory: number | null;
  /** current − trajectory: positive is ahead when the target asks for more. */
  gap: number | null;
  /** The least-squares trend of the yearly values, carried to the horizon year. */
  projection: number | null;
  /** The change per year still needed from the current value to reach the target by the horizon. */
  neededPerYear: number | null;
}

/** Least-squares line through the points; null with fewer than two distinct years. */
export function leastSquares(points: readonly YearValue[]): { slope: number; intercept: number } | null {
  if (new Set(points.map((p) => p.year)).size < 2) return null;
  const n = points.length;
  const mx = points.reduce((a, p) => a + p.year, 0) / n;
  const my = points.reduce((a, p) => a + p.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.year - mx) * (p.value - my);
    sxx += (p.year - mx) ** 2;
  }
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

/** The number the target line aims at: the bound for comparisons, the lower bound of a range. */
function aim(rule: TargetRule): number {
  return rule.value;
}

/** +1 when the target asks for more, −1 for less, 0 for "about" and ranges (two-sided). */
function direction(rule: TargetRule): number {
  if (rule.comparator === '>' || rule.comparator === '>=') return 1;
  if (rule.comparator === '<' || rule.comparator === '<=') return -1;
  return 0;
}

/** How far a projected value falls short of the target, in the target's units (0 when it satisfies it). */
function shortfall(rule: TargetRule, v: number): number {
  if (satisfiesTarget(v, rule)) return 0;
  switch (rule.comparator) {
    case '~':
      return Math.abs(v - rule.value) - (rule.tolerance ?? 0);
    case 'range':
      return v < rule.value ? rule.value - v : v - (rule.valueUpper ?? rule.value);
    default:
      return Math.abs(v - rule.value);
  }
}

export interface ProgressInput {
  rule: TargetRule;
  horizon: number;
  /** Yearly values, any order; years after the horizon are ignored. */
  series: readonly YearValue[];
  /** The year the status is judged in; `horizonComplete` tells whether the horizon year's data are final. */
  asOfYear: number;
  /** A configured baseline year; by default the first year with data. */
  baselineYear?: number | null;
}

export function targetProgress(input: ProgressInput): TargetProgress {
  const { rule, horizon, asOfYear } = input;
  const series = input.series.filter((p) => p.year <= Math.min(horizon, asOfYear)).sort((a, b) => a.year - b.year);
  const empty: TargetProgress = {
    status: 'no_data',
    current: null,
    baseline: null,
    trajectory: null,
    gap: null,
    projection: null,
    neededPerYear: null,
  };
  if (series.length === 0) return empty;
  const current = series[series.length - 1]!;
  const baseline = (input.baselineYear != null ? series.find((p) => p.year === input.baselineYear) : undefined) ?? series[0]!;
  const target = aim(rule);
  const span = horizon - baseline.year;
  const trajectory = span > 0 ? baseline.value + ((target - baseline.value) * (current.year - baseline.year)) / span : target;
  const trend = leastSquares(series.filter((p) => p.year >= baseline.year));
  const projection = trend ? trend.slope * horizon + trend.intercept : current.value;
  const yearsLeft = horizon - current.year;
  const neededPerYear = yearsLeft > 0 ? (target - current.value) / yearsLeft : null;
  const result = { current, baseline, trajectory, gap: current.value - trajectory, projection, neededPerYear };

  if (current.year >= horizon && asOfYear >= horizon)
    return { ...result, status: satisfiesTarget(current.value, rule) ? 'met' : 'not_met' };
  if (satisfiesTarget(projection, rule)) return { ...result, status: 'on_track' };
  // "About X" is a level to reach and hold, not a growth to carry on: inside the band, the trend's slope is not extrapolated.
  if (rule.comparator === '~' && satisfiesTarget(current.value, rule)) {
    const previous = series.length > 1 ? series[series.length - 2]! : null;
    return { ...result, status: previous === null || satisfiesTarget(previous.value, rule) ? 'on_track' : 'at_risk' };
  }
  // Not on course by the trend: at risk when it keeps pace with the straight line now, or misses only narrowly.
  const scale =
    rule.comparator === '~'
      ? Math.max(rule.tolerance ?? 0, Math.abs(target) * 0.05)
      : Math.max(Math.abs(target - baseline.value), Math.abs(target) * 0.1);
  const keepsPace = direction(rule) !== 0 && direction(rule) * (current.value - trajectory) >= 0;
  const narrow = shortfall(rule, projection) <= 0.25 * scale;
  return { ...result, status: keepsPace || narrow ? 'at_risk' : 'off_track' };
}
