import { periodDates, type FormSchedule } from '../period/schedule.ts';
import { periodOfDate, previousPeriod, type Period, type PeriodType } from '../period/period.ts';
import type { SubmissionStatus } from './workflow.ts';

/**
 * A unit's place on the completeness board: `not_started` (Chưa nộp) when the
 * unit has entered no figure of the form for the period and never submitted
 * it, else its submission's status (a draft with figures is Đang nhập).
 */
export const BOARD_STATUSES = ['not_started', 'draft', 'returned', 'submitted', 'approved'] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];

export const BOARD_STATUS_LABELS: Record<BoardStatus, { vi: string; en: string }> = {
  not_started: { vi: 'Chưa nộp', en: 'Not started' },
  draft: { vi: 'Đang nhập', en: 'Draft' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  submitted: { vi: 'Đã gửi', en: 'Submitted' },
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
};

export function boardStatus(submission: SubmissionStatus | null, hasFigures: boolean): BoardStatus {
  if (submission === null || submission === 'draft') return hasFigures ? 'draft' : 'not_started';
  return submission;
}

/** A unit is late when its report is past the due day and not sent (not started, in draft, or returned and not sent again). */
export function isLate(status: BoardStatus, due: string, today: string): boolean {
  return today > due && (status === 'not_started' || status === 'draft' || status === 'returned');
}

/**
 * The reporting round a form is in on a day: the latest period whose report
 * has opened (the one being reported, or, between rounds, the one that last
 * closed). A 6-month form on 25/6/2026 is in 2026S1 (opened 1/6, due 20/6);
 * on 3/12/2026 in 2026S2 (opened 1/12).
 */
export function currentReportingPeriod(type: PeriodType, schedule: FormSchedule, today: string): Period {
  let p = periodOfDate(type, today);
  for (let i = 0; i < 24 && periodDates(p, schedule).opens > today; i++) p = previousPeriod(p);
  return p;
}
