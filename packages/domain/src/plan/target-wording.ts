import type { Lang } from '../format/number.ts';
import { formatCountAsWritten, formatNumber } from '../format/number.ts';
import type { TargetRule } from './comparator.ts';

export type IndicatorUnit = 'percent' | 'count';

export interface TargetDescription extends TargetRule {
  unit: IndicatorUnit;
  /** Noun after a count, e.g. "cơ sở" / "institutions". */
  unitLabel?: string | null;
}

function amount(value: number, target: TargetDescription, lang: Lang): string {
  if (target.unit === 'percent') return `${formatNumber(value, { lang, maxDecimals: 1 })}%`;
  const n = formatCountAsWritten(value, lang);
  return target.unitLabel ? `${n} ${target.unitLabel}` : n;
}

const WORDS: Record<Lang, Record<Exclude<TargetRule['comparator'], 'range'>, string>> = {
  vi: { '>': 'trên', '>=': 'đạt', '~': 'khoảng', '<=': 'không quá', '<': 'dưới' },
  en: { '>': 'above', '>=': 'at least', '~': 'about', '<=': 'at most', '<': 'below' },
};

/**
 * The short form officials use in a targets table: "trên 40%", "đạt 36%",
 * "khoảng 05 cơ sở", "từ 50% đến 55%".
 */
export function describeTarget(target: TargetDescription, lang: Lang = 'vi'): string {
  if (target.comparator === 'range') {
    const upper = target.valueUpper ?? target.value;
    return lang === 'vi'
      ? `từ ${amount(target.value, { ...target, unitLabel: null }, lang)} đến ${amount(upper, target, lang)}`
      : `${amount(target.value, { ...target, unitLabel: null }, lang)} to ${amount(upper, target, lang)}`;
  }
  return `${WORDS[lang][target.comparator]} ${amount(target.value, target, lang)}`;
}
