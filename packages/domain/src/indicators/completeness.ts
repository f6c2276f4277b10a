import { periodParts, type Period } from '../period/period.ts';

/**
 * When the figures of a period are complete enough to be final. Below it a
 * figure is provisional ("tạm tính"): it may be shown, marked, with its
 * completeness, but never as a headline or the current value of a target.
 */
export interface CompletenessRule {
  /** Share of the expected units (the communes of a district) that must have reported, 0 < share ≤ 1. */
  minShare: number;
}

/** All expected units: a district's figure of a year counts once every commune has reported it. */
export const DEFAULT_COMPLETENESS: CompletenessRule = { minShare: 1 };

/**
 * Why a period's figure is provisional:
 * - `period_open`: the period has not ended yet (2026 in December 2026);
 * - `units_missing`: fewer units reported than the rule asks;
 * - `parts_missing`: the year is reported by half-years and one half lacks units (only the first six months are in).
 */
export const PROVISIONAL_REASONS = ['period_open', 'units_missing', 'parts_missing'] as const;
export type ProvisionalReason = (typeof PROVISIONAL_REASONS)[number];

export interface PeriodReporting {
  /** Units below the unit with figures in the period. */
  reportingUnits: number;
  /** Units expected to report (1 for a commune or an organisation). */
  expectedUnits: number;
  /** For a year: the units reporting in each of its half-years, in order. */
  parts?: readonly number[];
}

/** The units a period needs to be complete: the rule's share of the expected ones, at least one. */
export function unitsNeeded(expectedUnits: number, rule: CompletenessRule = DEFAULT_COMPLETENESS): number {
  // The small allowance keeps 0.9 × 10 at 9 despite binary fractions.
  return Math.max(1, Math.ceil(rule.minShare * expectedUnits - 1e-9));
}

/** Why the figure of `period` is provisional on `today` (YYYY-MM-DD), or null when it is final. */
export function provisionalReason(
  period: Period,
  today: string,
  reporting: PeriodReporting,
  rule: CompletenessRule = DEFAULT_COMPLETENESS,
): ProvisionalReason | null {
  if (today < period.end) return 'period_open';
  const needed = unitsNeeded(reporting.expectedUnits, rule);
  if (reporting.reportingUnits < needed) return 'units_missing';
  const parts = reporting.parts ?? [];
  // A year reported as a whole (a yearly figure) has no half-year rows: only halves that were used are checked.
  if (parts.some((n) => n > 0) && parts.some((n) => n < needed)) return 'parts_missing';
  return null;
}

/** The periods whose reporting decides whether `period` is complete: a year's half-years; none for shorter periods. */
export function completenessParts(period: Period): Period[] {
  return period.type === 'yearly' ? periodParts(period, 'six_monthly') : [];
}
