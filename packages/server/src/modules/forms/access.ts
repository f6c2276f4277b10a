import { formatDate, inWindow, parsePeriod, writeWindow, type Period, inRoleGroup, MANAGER_ROLES } from '@vetplan/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ScopeCache } from '../../access/scope-cache.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { findSubmission, type FormWithParts } from './repository.ts';

export function formSchedule(form: FormWithParts) {
  return {
    opens: { month: form.opens_month, day: form.opens_day },
    cutoff: { month: form.cutoff_month, day: form.cutoff_day },
    due: { month: form.due_month, day: form.due_day },
  };
}

/** Whether the user reports this form for the unit: the unit is theirs, or their organisation reports it for the unit. */
export async function reportsFor(scope: ScopeCache, form: FormWithParts, org: string): Promise<boolean> {
  if (!form.units.includes(org)) return false;
  if (await scope.reaches(org)) return true;
  return form.reported_by !== null && (await scope.reaches(form.reported_by));
}

export type WriteDecision = { ok: true } | { ok: false; vi: string; en: string };

/**
 * Per request: whether an approver has reopened a unit's report of a period
 * (returned it, or unlocked it: a stored draft), which opens its cells to the
 * unit's officers again after the form's window has closed.
 */
export class ReopenedReports {
  private readonly cache = new Map<string, Promise<boolean>>();
  constructor(private readonly db: Kysely<Database>) {}

  reopened(form: string, org: string, period: string): Promise<boolean> {
    const key = `${form}|${org}|${period}`;
    if (!this.cache.has(key))
      this.cache.set(
        key,
        findSubmission(this.db, form, org, period).then((s) => s?.status === 'returned' || s?.status === 'draft'),
      );
    return this.cache.get(key)!;
  }
}

const outside = (org: string): WriteDecision => ({
  ok: false,
  vi: `Đơn vị "${org}" nằm ngoài phạm vi được giao của bạn`,
  en: `"${org}" is outside the area or organisation you are assigned to`,
});

function closed(form: FormWithParts, period: Period): WriteDecision {
  const w = writeWindow(period, formSchedule(form));
  return {
    ok: false,
    vi:
      `Kỳ báo cáo ${period.code} của biểu mẫu "${form.name}" đã hết thời gian nhập số liệu (từ ${formatDate(w.opens)} đến ` +
      `${formatDate(w.closes)}); muốn sửa số liệu, hãy đề nghị cấp phê duyệt trả lại hoặc mở khóa báo cáo.`,
    en:
      `Period ${period.code} of form ${form.code} is closed to entry (it was open from ${w.opens} to ${w.closes}); ` +
      `to change its figures, ask the approver to return or unlock the report.`,
  };
}

/**
 * Who may write a figure: administrators and plan managers any unit in their
 * scope, any period up to the current one (back-filling history is normal; the
 * audit log flags such writes outside the window). Unit officers and heads
 * only the units they report for, through a form whose period is open (from
 * its opening day until the next period opens), or whose report an approver
 * has returned or unlocked.
 */
export async function canWrite(
  auth: AuthContext,
  scope: ScopeCache,
  forms: FormWithParts[],
  element: string,
  org: string,
  periodCode: string,
  today: string,
  reopened: ReopenedReports,
): Promise<WriteDecision> {
  if (inRoleGroup(MANAGER_ROLES, auth.role)) return (await scope.reaches(org)) ? { ok: true } : outside(org);
  const parsed = parsePeriod(periodCode);
  if (!parsed.ok) return { ok: false, vi: parsed.messageVi, en: parsed.message };
  let reports = false;
  let closedForm: FormWithParts | null = null;
  for (const form of forms) {
    if (!form.elements.includes(element) || !(await reportsFor(scope, form, org))) continue;
    reports = true;
    if (form.period_type !== parsed.period.type) continue;
    const window = writeWindow(parsed.period, formSchedule(form));
    if (window.opens > today) continue;
    if (inWindow(window, today) || (await reopened.reopened(form.code, org, parsed.period.code))) return { ok: true };
    closedForm ??= form;
  }
  if (closedForm) return closed(closedForm, parsed.period);
  if (!reports && !(await scope.reaches(org))) return outside(org);
  return {
    ok: false,
    vi: `Chưa có biểu mẫu báo cáo nào đang mở cho chỉ tiêu ${element} của đơn vị ${org} kỳ ${periodCode}`,
    en: `No report form is open for ${element} of ${org} in period ${periodCode}`,
  };
}
