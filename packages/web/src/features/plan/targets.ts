import { describeTarget, type Lang } from '@vetplan/domain';
import { pick } from '../../i18n/useLang.ts';
import type { Indicator, Plan, Target } from '../../shared/plan/types.ts';

export interface TargetCell {
  year: number;
  /** "trên 40%", as the targets table states it; null where the plan sets none. */
  text: string | null;
  /** The plan's own sentence for this target. */
  wording: string | null;
}

export interface TargetRow {
  indicator: Indicator;
  name: string;
  cells: TargetCell[];
}

function cell(indicator: Indicator, target: Target | undefined, year: number, lang: Lang): TargetCell {
  if (!target) return { year, text: null, wording: null };
  const text = describeTarget(
    {
      comparator: target.comparator,
      value: target.value,
      valueUpper: target.valueUpper,
      tolerance: target.tolerance,
      unit: indicator.unit,
      unitLabel: lang === 'en' ? (indicator.unitLabelEn ?? indicator.unitLabel) : indicator.unitLabel,
    },
    lang,
  );
  return { year, text, wording: pick(lang, target.wording, target.wordingEn) };
}

/** One row per indicator that has a target, one cell per horizon (2025, 2030, 2045). */
export function targetRows(plan: Pick<Plan, 'indicators' | 'targets' | 'horizons'>, lang: Lang): TargetRow[] {
  return plan.indicators
    .filter((indicator) => plan.targets.some((t) => t.indicator === indicator.code))
    .map((indicator) => ({
      indicator,
      name: pick(lang, indicator.name, indicator.nameEn),
      cells: plan.horizons.map((year) =>
        cell(
          indicator,
          plan.targets.find((t) => t.indicator === indicator.code && t.year === year),
          year,
          lang,
        ),
      ),
    }));
}

/** The plan's text split into its paragraphs. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
