import { describeTarget, formatNumber, type IndicatorUnit } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { findUnit } from '../../access/units.ts';
import { planProgress, type ProgressRow } from '../plans/progress.ts';
import { requirePlan } from './assignments.ts';

/** Reads a plan's progress as the plan itself (its whole area): tasks and scorecards show figures a unit may not browse. */
async function planReader(ctx: AppContext, plan: string): Promise<{ auth: AuthContext; area: string }> {
  const row = await requirePlan(ctx.db, plan);
  const scope = (await findUnit(ctx.db, row.area_code))!;
  return {
    auth: { userId: 0, username: 'system', displayName: null, role: 'admin', scope, via: 'token', csrfToken: null, sessionIdHash: null },
    area: row.area_code,
  };
}

/** Progress rows by place and year, shared by the scorecards of one ranking (agencies all read the plan's area). */
export type ProgressCache = Map<string, Promise<ProgressRow[]>>;

/** The place whose figures judge a unit: a commune (area code) its own, an agency the plan's area. */
export async function progressFor(
  ctx: AppContext,
  plan: string,
  unit: string,
  year: number,
  cache: ProgressCache = new Map(),
): Promise<ProgressRow[]> {
  const { auth, area } = await planReader(ctx, plan);
  const found = await findUnit(ctx.db, unit);
  const place = found?.type === 'area' ? unit : area;
  const key = `${plan}|${place}|${year}`;
  if (!cache.has(key)) cache.set(key, planProgress(ctx, auth, plan, place, String(year)));
  return cache.get(key)!;
}

/** For each indicator, the target that counts in a year: the nearest horizon at or after it, else the last. */
export function targetForYear(rows: ProgressRow[], indicator: string, year: number): ProgressRow | null {
  const mine = rows.filter((r) => r.indicator === indicator).sort((a, b) => a.year - b.year);
  return mine.find((r) => r.year >= year) ?? mine.at(-1) ?? null;
}

type IndicatorRef = { code: string; name: string; name_en: string | null; unit: string; unit_label: string | null };

/** "trên 40% (2025)" and "38,8% (2024)": a target and a figure as officials write them. */
export function targetText(t: ProgressRow, i: Pick<IndicatorRef, 'unit' | 'unit_label'>): string {
  const target = describeTarget({
    comparator: t.comparator,
    value: t.target,
    valueUpper: t.targetUpper,
    unit: i.unit as IndicatorUnit,
    unitLabel: i.unit_label,
  });
  return `${target} (${t.year})`;
}
export function valueText(t: ProgressRow | null, i: Pick<IndicatorRef, 'unit'>): string | null {
  if (!t || t.value === null) return null;
  return `${formatNumber(t.value, { maxDecimals: 1 })}${i.unit === 'percent' ? '%' : ''} (${t.valueYear})`;
}

/** The indicators linked to a task (through its group), with the unit's current figure and status against the target. */
export async function linkedIndicators(ctx: AppContext, plan: string, unit: string, year: number, indicators: IndicatorRef[]) {
  if (indicators.length === 0) return [];
  const rows = await progressFor(ctx, plan, unit, year);
  return indicators.map((i) => {
    const t = targetForYear(rows, i.code, year);
    return {
      code: i.code,
      name: i.name,
      nameEn: i.name_en,
      targetText: t ? targetText(t, i) : null,
      valueText: valueText(t, i),
      year: t?.year ?? null,
      comparator: t?.comparator ?? null,
      target: t?.target ?? null,
      value: t?.value ?? null,
      valueYear: t?.valueYear ?? null,
      status: t?.status ?? 'no_data',
    };
  });
}
