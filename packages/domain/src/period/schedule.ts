import { nextPeriod, type Period } from './period.ts';

/** A day named by its month within a period (1 = the period's first month; past the end for later deadlines). */
export interface DayInPeriod {
  month: number;
  day: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar date of a day within a period; a day past the month's end is its last day. */
export function dateInPeriod(period: Period, at: DayInPeriod): string {
  const startYear = Number(period.start.slice(0, 4));
  const startMonth = Number(period.start.slice(5, 7));
  const monthIndex = startMonth - 1 + at.month - 1;
  const year = startYear + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(at.day, lastDay))}`;
}

export interface FormSchedule {
  opens: DayInPeriod;
  cutoff: DayInPeriod;
  due: DayInPeriod;
}

export interface PeriodDates {
  opens: string;
  cutoff: string;
  due: string;
}

export function periodDates(period: Period, schedule: FormSchedule): PeriodDates {
  return {
    opens: dateInPeriod(period, schedule.opens),
    cutoff: dateInPeriod(period, schedule.cutoff),
    due: dateInPeriod(period, schedule.due),
  };
}

/** The days a period's figures are open to its unit's officers and heads (both included). */
export interface WriteWindow {
  opens: string;
  closes: string;
}

/**
 * A form's reporting round: a period opens on its opening day and stays open,
 * late reports included, until the next period's report is due (a 6-month
 * report opened on 1/6 closes on 20/12). At most two rounds are open at once,
 * and a period long past is closed to officers unless it is returned or unlocked.
 */
export function writeWindow(period: Period, schedule: Pick<FormSchedule, 'opens' | 'due'>): WriteWindow {
  return { opens: dateInPeriod(period, schedule.opens), closes: dateInPeriod(nextPeriod(period), schedule.due) };
}

/** Whether a day (YYYY-MM-DD) falls in a window. */
export const inWindow = (window: WriteWindow, day: string) => window.opens <= day && day <= window.closes;

export type Timeliness = 'on_time' | 'late' | 'overdue' | 'not_due';

/**
 * Whether a unit reported on time: submitted on or before the due day is on
 * time, after it late; not submitted and past the due day is overdue.
 * `submittedOn` and `today` are calendar days (YYYY-MM-DD).
 */
export function timeliness(due: string, submittedOn: string | null, today: string): Timeliness {
  if (submittedOn !== null) return submittedOn <= due ? 'on_time' : 'late';
  return today > due ? 'overdue' : 'not_due';
}
