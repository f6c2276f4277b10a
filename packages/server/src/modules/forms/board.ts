import { boardStatus, isLate, periodDates, timeliness, type BoardStatus, type Period, type SubmissionStatus } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { displayNames } from '../users/display-names.ts';
import { formSchedule, reportsFor } from './access.ts';
import { ScopeCache } from '../../access/scope-cache.ts';
import { formAndPeriod, formViolations } from './entry.ts';
import { lastReminders, unitsWithFigures } from './reminder-store.ts';
import { submissionsOf, type FormWithParts } from './repository.ts';

const dayOf = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString().slice(0, 10));
const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

export interface BoardUnit {
  org: string;
  name: string;
  status: SubmissionStatus;
  /** Chưa nộp (no figure entered, never submitted), Đang nhập, Đã gửi, Bị trả lại, Đã phê duyệt. */
  state: BoardStatus;
  timeliness: ReturnType<typeof timeliness>;
  /** Past the due day and not sent: a reminder may go to it. */
  late: boolean;
  /** Rule violations of a submitted report (what keeps it out of a bulk approval); null for the others. */
  violations: number | null;
  submittedAt: string | null;
  submittedBy: string | null;
  submittedByName: string | null;
  reason: string | null;
  lastReminder: { at: string; by: string; byName: string } | null;
}

/** The units of a form in the user's reach, with their place on the board for a period. */
export async function boardUnits(
  ctx: AppContext,
  auth: AuthContext,
  form: FormWithParts,
  period: Period,
): Promise<{ due: string; units: BoardUnit[] }> {
  const scope = new ScopeCache(ctx, auth);
  const due = periodDates(period, formSchedule(form)).due;
  const today = ctx.now().toISOString().slice(0, 10);
  const reach: string[] = [];
  for (const org of form.units) if ((await scope.reaches(org)) || (await reportsFor(scope, form, org))) reach.push(org);
  const [submissionRows, figures, reminders] = await Promise.all([
    submissionsOf(ctx.db, form.code, period.code),
    unitsWithFigures(ctx.db, form.elements, period.code, reach),
    lastReminders(ctx.db, form.code, period.code),
  ]);
  const submissions = new Map(submissionRows.map((s) => [s.org_code, s]));
  const nameOf = await displayNames(ctx.db, [
    ...submissionRows.map((s) => s.submitted_by),
    ...[...reminders.values()].map((r) => r.sentBy),
  ]);
  const units: BoardUnit[] = [];
  for (const org of reach) {
    const s = submissions.get(org);
    const status: SubmissionStatus = s?.status ?? 'draft';
    const state = boardStatus(s?.status ?? null, figures.has(org));
    const submittedOn = status === 'draft' ? null : dayOf(s?.submitted_at ?? null);
    const reminder = reminders.get(org);
    units.push({
      org,
      name: (await scope.unit(org))?.name ?? org,
      status,
      state,
      timeliness: timeliness(due, submittedOn, today),
      late: isLate(state, due, today),
      violations: status === 'submitted' ? (await formViolations(ctx, form, org, period.code)).length : null,
      submittedAt: iso(s?.submitted_at),
      submittedBy: s?.submitted_by ?? null,
      submittedByName: nameOf(s?.submitted_by ?? null),
      reason: s?.reason ?? null,
      lastReminder: reminder ? { at: reminder.sentAt.toISOString(), by: reminder.sentBy, byName: nameOf(reminder.sentBy)! } : null,
    });
  }
  return { due, units };
}

/** Tình hình nộp báo cáo: which units reported a period on time, late, or not yet, and who was reminded when. */
export async function completeness(ctx: AppContext, auth: AuthContext, code: string, periodCode: string) {
  const { form, period } = await formAndPeriod(ctx, code, periodCode);
  const { due, units } = await boardUnits(ctx, auth, form, period);
  const count = (pred: (u: BoardUnit) => boolean) => units.filter(pred).length;
  return {
    form: code,
    period: period.code,
    due,
    summary: {
      units: units.length,
      onTime: count((u) => u.timeliness === 'on_time'),
      late: count((u) => u.timeliness === 'late'),
      overdue: count((u) => u.timeliness === 'overdue'),
      notDue: count((u) => u.timeliness === 'not_due'),
      approved: count((u) => u.status === 'approved'),
      returned: count((u) => u.status === 'returned'),
      notStarted: count((u) => u.state === 'not_started'),
      submitted: count((u) => u.state === 'submitted'),
      toRemind: count((u) => u.late),
      cleanSubmitted: count((u) => u.state === 'submitted' && u.violations === 0),
    },
    units,
  };
}
