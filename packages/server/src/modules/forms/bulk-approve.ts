import type { AppContext } from '../../context.ts';
import { AppError, errors } from '../../http/errors.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { ScopeCache } from '../../access/scope-cache.ts';
import { boardUnits } from './board.ts';
import { formAndPeriod } from './entry.ts';
import { canApprove } from './duties.ts';
import { act } from './workflow.ts';

export interface BulkApproveInput {
  period: string;
  /** The units to approve; omitted, every submitted unit of the form in the caller's reach. */
  orgs?: string[];
}

const SKIP = {
  not_submitted: (state: string) => ({
    vi: state === 'approved' ? 'Đã được phê duyệt từ trước.' : 'Chưa gửi báo cáo nên chưa thể phê duyệt.',
    en: state === 'approved' ? 'Already approved.' : 'Not submitted, so it cannot be approved yet.',
  }),
  violations: (n: number) => ({
    vi: `Số liệu còn ${n} vi phạm quy tắc kiểm tra: hãy mở báo cáo để xem giải trình rồi phê duyệt hoặc trả lại.`,
    en: `The figures break ${n} validation rule(s): open the report, read the explanation, then approve or return it.`,
  }),
};

/**
 * Phê duyệt hàng loạt: approves every clean submission (submitted, no rule
 * violation) of a form's period in the caller's reach, each unit in its own
 * transaction through the one approval step (separation of duties, audit);
 * answers what was approved and what was skipped, and why.
 */
export async function approveClean(ctx: AppContext, auth: AuthContext, code: string, input: BulkApproveInput) {
  const { form, period } = await formAndPeriod(ctx, code, input.period);
  if (!canApprove(auth, form)) throw errors.forbidden('Bạn không có quyền phê duyệt biểu mẫu này.', 'You may not approve this form.');
  const scope = new ScopeCache(ctx, auth);
  for (const org of input.orgs ?? []) {
    if (!form.units.includes(org))
      throw errors.invalidField(
        'orgs',
        `Đơn vị "${org}" không phải báo cáo biểu mẫu "${form.name}"`,
        `"${org}" does not report form ${code}`,
      );
    if (!(await scope.reaches(org))) throw errors.outOfScope(org);
  }
  const { units } = await boardUnits(ctx, auth, form, period);
  const chosen = input.orgs ? units.filter((u) => input.orgs!.includes(u.org)) : units.filter((u) => u.state === 'submitted');
  const approved: { org: string; name: string }[] = [];
  const skipped: { org: string; name: string; reason: string; reasonEn: string }[] = [];
  for (const unit of chosen) {
    const skip = (why: { vi: string; en: string }) => skipped.push({ org: unit.org, name: unit.name, reason: why.vi, reasonEn: why.en });
    if (unit.state !== 'submitted') skip(SKIP.not_submitted(unit.state));
    else if ((unit.violations ?? 0) > 0) skip(SKIP.violations(unit.violations!));
    else {
      try {
        await act(ctx, auth, code, unit.org, period.code, 'approve', null);
        approved.push({ org: unit.org, name: unit.name });
      } catch (error) {
        if (!(error instanceof AppError) || error.status >= 500) throw error;
        skip({ vi: error.messageVi, en: error.messageEn });
      }
    }
  }
  return { form: code, period: period.code, approved, skipped };
}
