import { describeTarget, formatNumber, satisfiesTarget, type Lang, type ProgressStatus, type TargetRule } from '@vetplan/domain';
import { pick } from '../../i18n/useLang.ts';
import type { Indicator } from '../../shared/plan/types.ts';
import type { ProgressRow } from './api.ts';

/** Badge colours of the statuses: done or on course green, narrowly behind orange, behind red. */
export const STATUS_COLORS: Record<ProgressStatus, string> = {
  met: 'green',
  not_met: 'red',
  on_track: 'green',
  at_risk: 'orange',
  off_track: 'red',
  no_data: 'gray',
};

/** Statuses that are final: the horizon year has its value. */
export function isFinal(status: ProgressStatus): boolean {
  return status === 'met' || status === 'not_met';
}

export function ruleOf(row: ProgressRow): TargetRule {
  return { comparator: row.comparator, value: row.target, valueUpper: row.targetUpper, tolerance: row.tolerance };
}

/** +1 when the target asks for more, −1 for less, 0 for "about" and ranges. */
function direction(row: Pick<ProgressRow, 'comparator'>): 1 | -1 | 0 {
  if (row.comparator === '>' || row.comparator === '>=') return 1;
  if (row.comparator === '<' || row.comparator === '<=') return -1;
  return 0;
}

/**
 * The horizon a leader looks at first: the nearest one with a target still
 * under way (Đúng tiến độ / Có nguy cơ chậm / Chậm tiến độ); else the nearest
 * not yet settled; else the last one.
 */
export function openHorizon(rows: readonly ProgressRow[], horizons: readonly number[]): number | undefined {
  const withTargets = horizons.filter((h) => rows.some((r) => r.year === h));
  const some = (h: number, test: (r: ProgressRow) => boolean) => rows.some((r) => r.year === h && test(r));
  return (
    withTargets.find((h) => some(h, (r) => !isFinal(r.status) && r.status !== 'no_data')) ??
    withTargets.find((h) => some(h, (r) => !isFinal(r.status))) ??
    withTargets[withTargets.length - 1]
  );
}

/** The horizon asked for in the address when the plan has it, else `fallback`. */
export function chosenHorizon(param: string | null, available: readonly number[], fallback: number | undefined): number | undefined {
  const asked = Number(param);
  return param && available.includes(asked) ? asked : fallback;
}

export function indicatorName(indicator: Indicator | undefined, code: string, lang: Lang): string {
  return indicator ? pick(lang, indicator.name, indicator.nameEn) : code;
}

function unitLabel(indicator: Indicator | undefined, lang: Lang): string | null {
  if (!indicator) return null;
  return lang === 'en' ? (indicator.unitLabelEn ?? indicator.unitLabel) : indicator.unitLabel;
}

/** "trên 40%", "đạt 36%", "khoảng 05 cơ sở": the target as the plan writes it. */
export function targetText(row: ProgressRow, indicator: Indicator | undefined, lang: Lang): string {
  return describeTarget({ ...ruleOf(row), unit: indicator?.unit ?? 'percent', unitLabel: unitLabel(indicator, lang) }, lang);
}

/** A value of the indicator: "35,9%" or "5 cơ sở" (one decimal for percentages). */
export function formatValue(value: number, indicator: Indicator | undefined, lang: Lang): string {
  const n = formatNumber(value, { lang, decimals: indicator?.decimals ?? 1 });
  if (!indicator || indicator.unit === 'percent') return `${n}%`;
  const label = unitLabel(indicator, lang);
  return label ? `${n} ${label}` : n;
}

/** A yearly change: percentage points for a percentage ("0,8"), the count otherwise ("0,5"). */
export function formatChange(value: number, indicator: Indicator | undefined, lang: Lang): string {
  const amount = Math.abs(value);
  return indicator?.unit === 'count' ? formatNumber(amount, { lang, maxDecimals: 1 }) : formatNumber(amount, { lang, decimals: 1 });
}

export type GainNeeded = { kind: 'up' | 'down'; amount: number } | { kind: 'keep' } | null;

/** What the unit still has to do each year until the horizon; null once the horizon has its value. */
export function gainNeeded(row: ProgressRow): GainNeeded {
  if (row.neededPerYear === null || row.value === null || isFinal(row.status)) return null;
  const dir = direction(row);
  const needed = row.neededPerYear;
  const meets = satisfiesTarget(row.value, ruleOf(row));
  if (dir === 1) return needed > 0 ? { kind: 'up', amount: needed } : { kind: 'keep' };
  if (dir === -1) return needed < 0 ? { kind: 'down', amount: -needed } : { kind: 'keep' };
  if (meets || needed === 0) return { kind: 'keep' };
  return needed > 0 ? { kind: 'up', amount: needed } : { kind: 'down', amount: -needed };
}
