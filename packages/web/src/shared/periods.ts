import { parsePeriod, periodDates, periodOfDate, previousPeriod, type FormSchedule, type Period, type PeriodType } from '@vetplan/domain';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';

/** How many periods the choosers offer, newest first. */
const RECENT: Record<PeriodType, number> = { monthly: 12, quarterly: 8, six_monthly: 6, yearly: 6 };

/** Today as YYYY-MM-DD in the browser's time zone (the day the person sees on their calendar). */
export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

export interface PeriodChoice {
  period: Period;
  opens: string;
  /** The period has not opened yet (a unit officer cannot enter it). */
  notOpen: boolean;
}

/** The current period of the form's type and the ones before it, newest first. */
export function recentPeriods(type: PeriodType, schedule: FormSchedule, today: string): PeriodChoice[] {
  const out: PeriodChoice[] = [];
  let p = periodOfDate(type, today);
  for (let i = 0; i < RECENT[type]; i++) {
    const opens = periodDates(p, schedule).opens;
    out.push({ period: p, opens, notOpen: opens > today });
    p = previousPeriod(p);
  }
  return out;
}

/** The current period if it has opened, else the latest one that has. */
export function defaultPeriod(type: PeriodType, schedule: FormSchedule, today: string): string {
  const choices = recentPeriods(type, schedule, today);
  return (choices.find((c) => !c.notOpen) ?? choices[0])!.period.code;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "6 tháng đầu năm 2026", "Quý I năm 2026", "Tháng 3 năm 2026", "Năm 2026" (or their English). */
export function periodLabel(code: string, t: TFunction): string {
  const parsed = parsePeriod(code);
  if (!parsed.ok) return code;
  const { type, year, index } = parsed.period;
  switch (type) {
    case 'yearly':
      return t('periods.yearly', { year });
    case 'six_monthly':
      return index === 1 ? t('periods.firstHalf', { year }) : t('periods.secondHalf', { year });
    case 'quarterly':
      return t('periods.quarter', { year, index, quarter: ROMAN[index - 1] ?? String(index) });
    case 'monthly': {
      const monthName = dayjs(`${year}-${String(index).padStart(2, '0')}-01`)
        .locale('en')
        .format('MMMM');
      return t('periods.month', { year, month: index, monthName });
    }
  }
}
