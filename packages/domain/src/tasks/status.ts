import { nextPeriod, periodOfDate, type Period } from '../period/period.ts';
import { dateInPeriod, type DayInPeriod } from '../period/schedule.ts';

/** What a unit says of its work in a progress report. */
export const TASK_REPORT_STATUSES = ['not_started', 'in_progress', 'done'] as const;
export type TaskReportStatus = (typeof TASK_REPORT_STATUSES)[number];

/** The status of an assignment computed from its reports, its due date and the day. */
export const TASK_STATUSES = ['done_on_time', 'done_late', 'in_progress', 'overdue', 'not_started'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_STATUS_LABELS: Record<TaskStatus, { vi: string; en: string }> = {
  done_on_time: { vi: 'Hoàn thành đúng hạn', en: 'Done on time' },
  done_late: { vi: 'Hoàn thành quá hạn', en: 'Done late' },
  in_progress: { vi: 'Đang thực hiện', en: 'In progress' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  not_started: { vi: 'Chưa triển khai', en: 'Not started' },
};

export interface AssignmentFacts {
  dueOn: string;
  /** Set when an extension was approved. */
  extendedTo: string | null;
  /** The latest progress report, if any. */
  latest: { status: TaskReportStatus; completedOn: string | null } | null;
}

/** The due date that counts: the extended one when an extension was approved. */
export const effectiveDue = (a: Pick<AssignmentFacts, 'dueOn' | 'extendedTo'>): string => a.extendedTo ?? a.dueOn;

/**
 * Done on or before the (extended) due date is on time, after it late; not
 * done and past the due date is overdue; otherwise in progress when a report
 * says so, else not started. Days are YYYY-MM-DD.
 */
export function taskStatus(a: AssignmentFacts, today: string): TaskStatus {
  const due = effectiveDue(a);
  if (a.latest?.status === 'done') return (a.latest.completedOn ?? today) <= due ? 'done_on_time' : 'done_late';
  if (today > due) return 'overdue';
  return a.latest?.status === 'in_progress' ? 'in_progress' : 'not_started';
}

export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

export type TaskReminder = 'due_in_7_days' | 'due_in_1_day' | 'overdue';

/** Reminder days before the due date (7 and 1), then every day once overdue. */
export const REMINDER_DAYS = [7, 1] as const;

/**
 * Which reminder an unfinished assignment shows today: from 7 days before the
 * due date, from 1 day before, and once the due date has passed. Done
 * assignments get none.
 */
export function taskReminder(a: AssignmentFacts, today: string): TaskReminder | null {
  if (a.latest?.status === 'done') return null;
  const left = daysBetween(today, effectiveDue(a));
  if (left < 0) return 'overdue';
  if (left <= REMINDER_DAYS[1]) return 'due_in_1_day';
  if (left <= REMINDER_DAYS[0]) return 'due_in_7_days';
  return null;
}

/** How often a task is reported on, and how a due date is set. */
export const TASK_RECURRENCES = ['continuous', 'yearly', 'six_monthly', 'once'] as const;
export type TaskRecurrence = (typeof TASK_RECURRENCES)[number];
export const TASK_REPORTING = ['six_monthly', 'yearly'] as const;
export type TaskReporting = (typeof TASK_REPORTING)[number];

/** The day a progress report of each kind of period is due (data: kept in the `task_due_rule` table). */
export type TaskDueRules = Record<TaskReporting, DayInPeriod>;

/** Defaults: like the catalogue's 6-month and annual report forms, due on 20/6 and 20/12. */
export const DEFAULT_TASK_DUE_RULES: TaskDueRules = {
  six_monthly: { month: 6, day: 20 },
  yearly: { month: 12, day: 20 },
};

export interface TaskSchedule {
  recurrence: TaskRecurrence;
  /** How often progress is reported (ignored for `once`). */
  reporting: TaskReporting | null;
  /** First day of the task (the plan's date for catalogue tasks). */
  startOn: string;
  /** The one due date of a `once` task. */
  dueOn: string | null;
}

export interface TaskInstance {
  period: string;
  dueOn: string;
}

/**
 * The instances of a task up to a day: a `once` task has one instance (the
 * year of its due date, due that day); other tasks have one per reporting
 * period (six-monthly or yearly) from the period holding the start date to
 * the period holding `until`, each due on the rule's day of the period.
 */
export function taskInstances(s: TaskSchedule, until: string, rules: TaskDueRules = DEFAULT_TASK_DUE_RULES): TaskInstance[] {
  if (s.recurrence === 'once') {
    if (!s.dueOn) return [];
    return [{ period: s.dueOn.slice(0, 4), dueOn: s.dueOn }];
  }
  const type: TaskReporting = s.reporting ?? (s.recurrence === 'six_monthly' ? 'six_monthly' : 'yearly');
  const out: TaskInstance[] = [];
  if (until < s.startOn) return out;
  let p: Period = periodOfDate(type, s.startOn);
  const last = periodOfDate(type, until);
  while (p.start <= last.start) {
    out.push({ period: p.code, dueOn: dateInPeriod(p, rules[type]) });
    p = nextPeriod(p);
  }
  return out;
}
