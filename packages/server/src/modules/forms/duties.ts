import type { AppContext } from '../../context.ts';
import { AppError, errors } from '../../http/errors.ts';
import { findUnit, unitWithin } from '../../access/units.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { findUserByUsername } from '../users/repository.ts';
import { ScopeCache } from '../../access/scope-cache.ts';
import type { FormWithParts } from './repository.ts';

/** The submission a decision (approve, return, unlock) is about. */
export interface DecisionTarget {
  form: FormWithParts;
  org: string;
  period: string;
  /** Who submitted it, if anyone has. */
  submittedBy: string | null;
}

/** Whether the user's role may decide on the form's submissions at all. */
export function canApprove(auth: AuthContext, form: FormWithParts): boolean {
  return form.approver_roles.includes(auth.role) || auth.role === 'admin';
}

const ownSubmission = () =>
  errors.forbidden(
    'Bạn không thể phê duyệt, trả lại hoặc mở khóa báo cáo do chính mình gửi; việc này do một người có thẩm quyền khác thực hiện.',
    'You may not approve, return or unlock a report you submitted yourself; someone else with the authority does that.',
  );

const reportedByOther = (org: string, reporter: string) =>
  errors.forbidden(
    `Biểu mẫu này của đơn vị "${org}" do "${reporter}" báo cáo; chỉ người có thẩm quyền của đơn vị báo cáo hoặc cấp trên mới được phê ` +
      `duyệt, trả lại hoặc mở khóa.`,
    `This form of "${org}" is reported by "${reporter}"; only someone with the authority in the reporting organisation or above may ` +
      `approve, return or unlock it.`,
  );

const approvedAbove = (approver: string, scope: string) =>
  errors.forbidden(
    `Báo cáo đã được ${approver} (phạm vi "${scope}") phê duyệt; chỉ người có thẩm quyền từ cấp đó trở lên mới được trả lại, ` +
      `mở khóa hoặc phê duyệt lại.`,
    `The report was approved by ${approver} (scope "${scope}"); only someone at that level or above may return, ` +
      `unlock or approve it again.`,
  );

/**
 * The first earlier approver of the submission whose scope the user's does not cover: a decision is taken at its approvals' level or
 * above.
 */
async function approverAbove(ctx: AppContext, auth: AuthContext, t: DecisionTarget): Promise<{ approver: string; scope: string } | null> {
  const approvers = await ctx.db
    .selectFrom('submission_event')
    .select('actor')
    .distinct()
    .where('form_code', '=', t.form.code)
    .where('org_code', '=', t.org)
    .where('period', '=', t.period)
    .where('action', '=', 'approve')
    .orderBy('actor')
    .execute();
  for (const { actor } of approvers) {
    if (actor === auth.username) continue;
    const user = await findUserByUsername(ctx.db, actor);
    const unit = user ? await findUnit(ctx.db, user.scope_code) : null;
    if (!unit || !(await unitWithin(ctx.db, auth.scope, unit))) return { approver: actor, scope: user?.scope_code ?? '?' };
  }
  return null;
}

/**
 * Separation of duties on a decision: the role must be one of the form's
 * approvers; nobody decides on their own submission; the user's scope must
 * reach the organisation that reports the form for the unit (a commune's head
 * does not decide on what the education office reports for the commune); and
 * an approval is undone, or overruled, only at its level or above. Answers the
 * refusal, or null. Pass a context bound to the request's transaction.
 */
export async function decisionRefusal(ctx: AppContext, auth: AuthContext, t: DecisionTarget): Promise<AppError | null> {
  if (!canApprove(auth, t.form))
    return errors.forbidden(
      'Bạn không có quyền phê duyệt, trả lại hoặc mở khóa biểu mẫu này.',
      'You may not approve, return or unlock this form.',
    );
  if (t.submittedBy === auth.username) return ownSubmission();
  const reporter = t.form.reported_by ?? t.org;
  if (!(await new ScopeCache(ctx, auth).reaches(reporter)))
    return t.form.reported_by ? reportedByOther(t.org, reporter) : errors.outOfScope(t.org);
  const above = await approverAbove(ctx, auth, t);
  return above ? approvedAbove(above.approver, above.scope) : null;
}
