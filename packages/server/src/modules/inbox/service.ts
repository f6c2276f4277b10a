import { periodDates, periodOfDate, previousPeriod, type PeriodType, inRoleGroup, MANAGER_ROLES } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { formSchedule, reportsFor } from '../forms/access.ts';
import { ScopeCache } from '../../access/scope-cache.ts';
import { decisionRefusal } from '../forms/duties.ts';
import { lastReminders } from '../forms/reminder-store.ts';
import { loadForms, submissionsOf } from '../forms/repository.ts';
import { displayNames } from '../users/display-names.ts';
import { taskReminders, type TaskInboxItem } from '../tasks/reminders.ts';

/** How many days before the due day a report shows as due. */
const DUE_SOON_DAYS = 14;

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

type Item =
  | {
      kind: 'due' | 'overdue' | 'returned' | 'to_approve' | 'reminder';
      sentAt?: string;
      sentByName?: string;
      form: string;
      formName: string;
      org: string;
      orgName: string;
      period: string;
      due: string;
      reason: string | null;
    }
  | TaskInboxItem;

/**
 * A user's inbox: reports due soon or overdue for the units they report,
 * reports returned to them, and, for approvers, reports waiting for approval.
 * Plan managers and administrators see the overdue units in their reach.
 */
export async function inbox(ctx: AppContext, auth: AuthContext): Promise<{ items: Item[] }> {
  if (auth.role === 'viewer') return { items: [] };
  const today = ctx.now().toISOString().slice(0, 10);
  const scope = new ScopeCache(ctx, auth);
  const manager = inRoleGroup(MANAGER_ROLES, auth.role);
  const items: Item[] = [];
  for (const form of await loadForms(ctx.db)) {
    const current = periodOfDate(form.period_type as PeriodType, today);
    for (const period of [previousPeriod(current), current]) {
      const dates = periodDates(period, formSchedule(form));
      if (dates.opens > today) continue;
      const submissions = new Map((await submissionsOf(ctx.db, form.code, period.code)).map((s) => [s.org_code, s]));
      const reminders = await lastReminders(ctx.db, form.code, period.code);
      const nameOf = await displayNames(
        ctx.db,
        [...reminders.values()].map((r) => r.sentBy),
      );
      for (const org of form.units) {
        const reports = await reportsFor(scope, form, org);
        if (!reports && !(manager && (await scope.reaches(org)))) continue;
        const s = submissions.get(org);
        const status = s?.status ?? 'draft';
        const base = {
          form: form.code,
          formName: form.name,
          org,
          orgName: (await scope.unit(org))?.name ?? org,
          period: period.code,
          due: dates.due,
          reason: s?.reason ?? null,
        };
        const decides =
          status === 'submitted' &&
          (await decisionRefusal(ctx, auth, { form, org, period: period.code, submittedBy: s?.submitted_by ?? null })) === null;
        if (decides) items.push({ kind: 'to_approve', ...base });
        if (status === 'returned' && reports && !manager) items.push({ kind: 'returned', ...base });
        const reminder = reminders.get(org);
        // A plan manager's reminder stays in the unit's inbox until the report is sent.
        if (reminder && reports && !manager && (status === 'draft' || status === 'returned')) {
          items.push({ kind: 'reminder', ...base, sentAt: reminder.sentAt.toISOString(), sentByName: nameOf(reminder.sentBy)! });
        }
        if (status === 'draft' || status === 'returned') {
          if (today > dates.due) items.push({ kind: 'overdue', ...base });
          else if (!manager && daysBetween(today, dates.due) <= DUE_SOON_DAYS) items.push({ kind: 'due', ...base });
        }
      }
    }
  }
  items.push(...(await taskReminders(ctx, auth)));
  const order = {
    reminder: 0,
    returned: 0,
    overdue: 1,
    task_overdue: 1,
    to_approve: 2,
    task_extension: 2,
    task_due_1: 3,
    due: 3,
    task_due_7: 4,
  };
  items.sort((a, b) => order[a.kind] - order[b.kind] || a.due.localeCompare(b.due) || a.org.localeCompare(b.org));
  return { items };
}
