import { actionAllowed, transition, type SubmissionAction, type SubmissionStatus } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import { AppError, errors } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { assertNotClaimed } from './locks.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { canWrite, ReopenedReports } from './access.ts';
import { canApprove, decisionRefusal } from './duties.ts';
import { formViolations, resolveFormUnit, submissionDto } from './entry.ts';
import { findSubmission, saveSubmission } from './repository.ts';

/** Moves a submission one step: submit, approve, return (with a reason) or unlock (with a reason). */
export async function act(
  ctx: AppContext,
  auth: AuthContext,
  code: string,
  org: string,
  periodCode: string,
  action: SubmissionAction,
  comment: string | null,
) {
  const f = await resolveFormUnit(ctx, auth, code, org, periodCode);
  const today = ctx.now().toISOString().slice(0, 10);
  if (action === 'submit') {
    const decision = await canWrite(auth, f.scope, [f.form], f.form.elements[0]!, org, f.period.code, today, new ReopenedReports(ctx.db));
    if (!decision.ok) throw errors.forbidden(decision.vi, decision.en);
  } else if (action !== 'withdraw' && !canApprove(auth, f.form)) {
    throw errors.forbidden(
      'Bạn không có quyền phê duyệt, trả lại hoặc mở khóa biểu mẫu này.',
      'You may not approve, return or unlock this form.',
    );
  }
  const violations = action === 'submit' ? (await formViolations(ctx, f.form, org, f.period.code)).length : 0;
  return ctx.db.transaction().execute(async (trx) => {
    await assertNotClaimed(trx, org, f.period.code);
    const current = await findSubmission(trx, code, org, f.period.code);
    if (action === 'withdraw') {
      if (current?.status === 'submitted' && current.submitted_by !== auth.username) throw notSubmitter(current.submitted_by);
    } else if (action !== 'submit') {
      const refusal = await decisionRefusal({ ...ctx, db: trx }, auth, {
        form: f.form,
        org,
        period: f.period.code,
        submittedBy: current?.submitted_by ?? null,
      });
      if (refusal) throw refusal;
    }
    const from: SubmissionStatus = current?.status ?? 'draft';
    const next = transition(from, action, { violations, comment });
    if (!next.ok) {
      // A step the state allows failed for want of a reason or explanation: the request is incomplete (400), not in conflict.
      throw actionAllowed(from, action)
        ? errors.invalidField('comment', next.problem.vi, next.problem.en)
        : new AppError('conflict', 409, next.problem.vi, next.problem.en);
    }
    const now = ctx.now();
    await saveSubmission(trx, {
      form_code: code,
      org_code: org,
      period: f.period.code,
      status: next.value,
      submitted_at: action === 'submit' ? now : (current?.submitted_at ?? null),
      submitted_by: action === 'submit' ? auth.username : (current?.submitted_by ?? null),
      // Withdrawn, a report is a draft again, decided by no one.
      decided_at: action === 'submit' || action === 'withdraw' ? null : now,
      decided_by: action === 'submit' || action === 'withdraw' ? null : auth.username,
      reason: action === 'return' || action === 'unlock' ? comment : null,
      comment: action === 'submit' ? comment : (current?.comment ?? null),
    });
    await trx
      .insertInto('submission_event')
      .values({
        form_code: code,
        org_code: org,
        period: f.period.code,
        action,
        from_status: from,
        to_status: next.value,
        actor: auth.username,
        at: now,
        comment,
      })
      .execute();
    await recordAudit(trx, {
      actor: auth.username,
      action: `submission_${action}`,
      entity: 'submission',
      entityKey: `${code}|${org}|${f.period.code}`,
      details: { from, to: next.value, comment },
    });
    return submissionDto({ ...ctx, db: trx }, code, org, f.period.code);
  });
}

function notSubmitter(submittedBy: string | null): AppError {
  return errors.forbidden(
    `Chỉ người đã gửi báo cáo (${submittedBy ?? 'người báo cáo'}) mới rút lại được; cấp phê duyệt có thể trả lại báo cáo kèm lý do.`,
    `Only the person who submitted the report (${submittedBy ?? 'the reporter'}) may withdraw it; an approver may return it with a reason.`,
  );
}
