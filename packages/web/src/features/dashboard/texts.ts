import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/useLang.ts';
import type { Indicator } from '../../shared/plan/types.ts';
import type { IndicatorValue, ProgressRow } from './api.ts';
import { formatChange, formatValue, gainNeeded } from './model.ts';

/** "18/18 xã báo cáo" for a district; "Đã báo cáo" for a figure kept by one unit. */
export function useReportingText(): (v: IndicatorValue | undefined) => string | null {
  const { t } = useTranslation();
  return (v) => {
    if (!v) return null;
    if (v.expectedUnits > 1) return t('dashboard.reporting', { reporting: v.reportingUnits, expected: v.expectedUnits });
    return v.reportingUnits > 0 ? t('dashboard.reported') : t('dashboard.notReported');
  };
}

/**
 * The later year not yet final, beside the value and never in its place:
 * "Năm 2026 (tạm tính): 21,7%, năm chưa kết thúc, 1/18 xã báo cáo".
 */
export function useProvisionalText(): (row: ProgressRow, indicator: Indicator | undefined) => string | null {
  const { t } = useTranslation();
  const { lang } = useLang();
  return (row, indicator) => {
    const p = row.provisional;
    if (!p) return null;
    const why = [t(`dashboard.provisionalWhy.${p.reason}`)];
    if (p.expectedUnits > 1) why.push(t('dashboard.reporting', { reporting: p.reportingUnits, expected: p.expectedUnits }));
    return t('dashboard.provisional', { year: p.year, value: formatValue(p.value, indicator, lang), why: why.join(', ') });
  };
}

export interface GainParts {
  kind: 'up' | 'down' | 'keep';
  /** "0,8 điểm %", "1 cơ sở"; null for "keep". */
  amount: string | null;
  /** "Mỗi năm cần tăng 0,8 điểm %" or "Cần giữ vững mức hiện nay". */
  text: string;
}

/** What the unit still has to do each year; null once the horizon is settled. */
export function useGain(): (row: ProgressRow, indicator: Indicator | undefined) => GainParts | null {
  const { t } = useTranslation();
  const { lang } = useLang();
  return (row, indicator) => {
    const gain = gainNeeded(row);
    if (!gain) return null;
    if (gain.kind === 'keep') return { kind: 'keep', amount: null, text: t('dashboard.gain.keep') };
    const number = formatChange(gain.amount, indicator, lang);
    const label = lang === 'en' ? (indicator?.unitLabelEn ?? indicator?.unitLabel) : indicator?.unitLabel;
    const amount = indicator?.unit === 'count' ? (label ? `${number} ${label}` : number) : t('dashboard.points', { value: number });
    return { kind: gain.kind, amount, text: t(`dashboard.gain.${gain.kind}`, { amount }) };
  };
}
