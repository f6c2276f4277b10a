import { REMINDER_DAYS, taskReminder, type TaskReportStatus } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { ScopeCache } from '../../access/scope-cache.ts';
import { isManager, mayReport } from './access.ts';
import { today } from './assignments.ts';
import * as repo from './repository.ts';

export type TaskInboxItem = {
  kind: 'task_due_7' | 'task_due_1' | 'task_overdue' | 'task_extension';
  form: string;
  formName: string;
  org: string;
  orgName: string;
  period: string;
  due: string;
  reason: string | null;
  assignmentId: number;
};

const KIND = { due_in_7_days: 'task_due_7', due_in_1_day: 'task_due_1', overdue: 'task_overdue' } as const;
/** Overdue assignments older than this no longer show in the inbox (they stay on the task board). */
const LOOK_BACK_DAYS = 366;

/**
 * Task reminders for the inbox: for the units a user reports for, the
 * assignments due within 7 days, within 1 day, or overdue; for plan
 * managers, the extension requests waiting for their decision. Reads the
 * assignments already created (by the task pages and scorecards) and creates
 * none, so that the inbox, loaded on every page, stays fast.
 */
export async function taskReminders(ctx: AppContext, auth: AuthContext): Promise<TaskInboxItem[]> {
  if (auth.role === 'viewer') return [];
  const plans = await ctx.db.selectFrom('plan').select('code').execute();
  const day = today(ctx);
  const since = new Date(Date.parse(day) - LOOK_BACK_DAYS * 86_400_000).toISOString().slice(0, 10);
  const soon = new Date(Date.parse(day) + REMINDER_DAYS[0] * 86_400_000).toISOString().slice(0, 10);
  const scope = new ScopeCache(ctx, auth);
  const items: TaskInboxItem[] = [];
  for (const { code } of plans) {
    // Only what can show: pending extensions for managers, assignments due from a year ago to 7 days ahead for units.
    const rows = await repo.assignmentRows(
      ctx.db,
      isManager(auth) ? { plan: code, pendingExtension: true } : { plan: code, dueBetween: [since, soon] },
    );
    const names = await repo.unitNames(ctx.db, [...new Set(rows.map((r) => r.org_code))]);
    for (const r of rows) {
      const base = {
        form: r.task_code,
        formName: r.title,
        org: r.org_code,
        orgName: names.get(r.org_code) ?? r.org_code,
        period: r.period,
        due: r.extended_to ?? r.due_on,
        assignmentId: Number(r.id),
      };
      if (isManager(auth)) {
        if (r.extension_status === 'pending' && (await scope.reaches(r.org_code)))
          items.push({ kind: 'task_extension', ...base, due: r.requested_to ?? base.due, reason: null });
        continue;
      }
      if ((r.extended_to ?? r.due_on) < since) continue;
      const reminder = taskReminder(
        {
          dueOn: r.due_on,
          extendedTo: r.extended_to,
          latest: r.report_status ? { status: r.report_status as TaskReportStatus, completedOn: r.completed_on } : null,
        },
        day,
      );
      if (reminder && mayReport(auth, await scope.reaches(r.org_code))) items.push({ kind: KIND[reminder], ...base, reason: null });
    }
  }
  return items;
}
