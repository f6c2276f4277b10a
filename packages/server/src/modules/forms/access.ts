import { parsePeriod, periodDates } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import { findUnit, unitWithin, type Unit } from '../areas/scope.ts';
import type { AuthContext } from '../auth/service.ts';
import type { FormWithParts } from './repository.ts';

export function formSchedule(form: FormWithParts) {
  return {
    opens: { month: form.opens_month, day: form.opens_day },
    cutoff: { month: form.cutoff_month, day: form.cutoff_day },
    due: { month: form.due_month, day: form.due_day },
  };
}

/** Answers, for one request, whether the user reaches units (cached per code). */
export class ScopeCache {
  private readonly reach = new Map<string, boolean>();
  private readonly units = new Map<string, Unit | null>();
  constructor(
    private readonly ctx: AppContext,
    private readonly auth: AuthContext,
  ) {}

  async unit(code: string): Promise<Unit | null> {
    if (!this.units.has(code)) this.units.set(code, await findUnit(this.ctx.db, code));
    return this.units.get(code)!;
  }

  async reaches(code: string): Promise<boolean> {
    if (!this.reach.has(code)) {
      const unit = await this.unit(code);
      this.reach.set(code, unit !== null && (await unitWithin(this.ctx.db, this.auth.scope, unit)));
    }
    return this.reach.get(code)!;
  }
}

/** Whether the user reports this form for the unit: the unit is theirs, or their organisation reports it for the unit. */
export async function reportsFor(scope: ScopeCache, form: FormWithParts, org: string): Promise<boolean> {
  if (!form.units.includes(org)) return false;
  if (await scope.reaches(org)) return true;
  return form.reported_by !== null && (await scope.reaches(form.reported_by));
}

export type WriteDecision = { ok: true } | { ok: false; vi: string; en: string };

const MANAGERS = new Set(['admin', 'plan_manager']);

/**
 * Who may write a figure: administrators and plan managers any unit in their
 * scope, any period up to the current one (back-filling history is normal);
 * unit officers and heads only the units they report for, through a form
 * whose period has opened.
 */
export async function canWrite(
  auth: AuthContext,
  scope: ScopeCache,
  forms: FormWithParts[],
  element: string,
  org: string,
  periodCode: string,
  today: string,
): Promise<WriteDecision> {
  if (MANAGERS.has(auth.role)) {
    return (await scope.reaches(org))
      ? { ok: true }
      : { ok: false, vi: `Đơn vị "${org}" nằm ngoài phạm vi được giao của bạn`, en: `"${org}" is outside the area or organisation you are assigned to` };
  }
  const parsed = parsePeriod(periodCode);
  if (!parsed.ok) return { ok: false, vi: parsed.messageVi, en: parsed.message };
  let reports = false;
  for (const form of forms) {
    if (!form.elements.includes(element) || !(await reportsFor(scope, form, org))) continue;
    reports = true;
    if (form.period_type !== parsed.period.type) continue;
    if (periodDates(parsed.period, formSchedule(form)).opens <= today) return { ok: true };
  }
  if (!reports && !(await scope.reaches(org))) {
    return { ok: false, vi: `Đơn vị "${org}" nằm ngoài phạm vi được giao của bạn`, en: `"${org}" is outside the area or organisation you are assigned to` };
  }
  return {
    ok: false,
    vi: `Chưa có biểu mẫu báo cáo nào đang mở cho chỉ tiêu ${element} của đơn vị ${org} kỳ ${periodCode}`,
    en: `No report form is open for ${element} of ${org} in period ${periodCode}`,
  };
}
