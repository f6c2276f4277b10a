import {
  COMPARATORS,
  PROGRESS_STATUSES,
  PROVISIONAL_REASONS,
  type Comparator,
  type ProgressStatus,
  type ProvisionalReason,
} from '@vetplan/domain';
import { apiGet } from '../../api/client.ts';
import { asObject, list, num, numOrNull, oneOf, str, type Json } from '../../api/decode.ts';

export interface YearValue {
  year: number;
  value: number;
}

/** One target of the plan for one unit: where it stands, as GET /api/plans/{code}/progress gives it. */
export interface ProgressRow {
  indicator: string;
  /** The horizon: 2025, 2030, 2045. */
  year: number;
  comparator: Comparator;
  target: number;
  targetUpper: number | null;
  tolerance: number | null;
  /** The latest yearly value, of `valueYear`. */
  value: number | null;
  valueYear: number | null;
  status: ProgressStatus;
  baseline: YearValue | null;
  trajectory: number | null;
  gap: number | null;
  projection: number | null;
  neededPerYear: number | null;
  /** Final years only. */
  series: YearValue[];
  /** The latest later year not yet final (tạm tính), shown beside the value, never in its place. */
  provisional: ProvisionalFigure | null;
}

export interface ProvisionalFigure extends YearValue {
  reportingUnits: number;
  expectedUnits: number;
  reason: ProvisionalReason;
}

/** One indicator for one unit and period, from GET /api/analytics/indicators. */
export interface IndicatorValue {
  indicator: string;
  org: string;
  period: string;
  value: number | null;
  reason: 'missing_data' | 'zero_denominator' | null;
  reportingUnits: number;
  expectedUnits: number;
  /** Not complete enough to be final (tạm tính). */
  provisional: boolean;
}

function mapYearValue(value: unknown, path: string): YearValue {
  const o = asObject(value, path);
  return { year: num(o, 'year', path), value: num(o, 'value', path) };
}

function mapProgressRow(value: unknown, path: string): ProgressRow {
  const o = asObject(value, path);
  return {
    indicator: str(o, 'indicator', path),
    year: num(o, 'year', path),
    comparator: oneOf(o, 'comparator', COMPARATORS, path),
    target: num(o, 'target', path),
    targetUpper: numOrNull(o, 'targetUpper', path),
    tolerance: numOrNull(o, 'tolerance', path),
    value: numOrNull(o, 'value', path),
    valueYear: numOrNull(o, 'valueYear', path),
    status: oneOf(o, 'status', PROGRESS_STATUSES, path),
    baseline: o.baseline === null || o.baseline === undefined ? null : mapYearValue(o.baseline, `${path}.baseline`),
    trajectory: numOrNull(o, 'trajectory', path),
    gap: numOrNull(o, 'gap', path),
    projection: numOrNull(o, 'projection', path),
    neededPerYear: numOrNull(o, 'neededPerYear', path),
    series: list(o, 'series', mapYearValue, path),
    provisional: o.provisional === null || o.provisional === undefined ? null : mapProvisional(o.provisional, `${path}.provisional`),
  };
}

function mapProvisional(value: unknown, path: string): ProvisionalFigure {
  const o = asObject(value, path);
  return {
    ...mapYearValue(value, path),
    reportingUnits: num(o, 'reportingUnits', path),
    expectedUnits: num(o, 'expectedUnits', path),
    reason: oneOf(o, 'reason', PROVISIONAL_REASONS, path),
  };
}

function mapIndicatorValue(value: unknown, path: string): IndicatorValue {
  const o = asObject(value, path);
  const reason = o.reason === null || o.reason === undefined ? null : oneOf(o, 'reason', ['missing_data', 'zero_denominator'], path);
  return {
    indicator: str(o, 'indicator', path),
    org: str(o, 'org', path),
    period: str(o, 'period', path),
    value: numOrNull(o, 'value', path),
    reason,
    reportingUnits: num(o, 'reportingUnits', path),
    expectedUnits: num(o, 'expectedUnits', path),
    provisional: o.provisional === true,
  };
}

export function mapProgress(o: Json): ProgressRow[] {
  return list(o, 'rows', mapProgressRow, 'progress');
}

export function mapIndicatorValues(o: Json): IndicatorValue[] {
  return list(o, 'rows', mapIndicatorValue, 'indicators');
}

/** Every target of a plan for a unit, judged as of today (the server's clock). */
export function fetchProgress(plan: string, org: string, signal?: AbortSignal): Promise<ProgressRow[]> {
  const query = new URLSearchParams({ org });
  return apiGet(`/api/plans/${encodeURIComponent(plan)}/progress?${query}`, mapProgress, signal);
}

export interface IndicatorQuery {
  indicators: readonly string[];
  orgs: readonly string[];
  periods: readonly string[];
}

export function fetchIndicatorValues(q: IndicatorQuery, signal?: AbortSignal): Promise<IndicatorValue[]> {
  const query = new URLSearchParams({ indicator: q.indicators.join(','), org: q.orgs.join(','), period: q.periods.join(',') });
  return apiGet(`/api/analytics/indicators?${query}`, mapIndicatorValues, signal);
}
