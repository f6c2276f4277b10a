import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { formatDate, inRoleGroup, MANAGER_ROLES, type Role } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import { submissionsWith } from './repository.ts';
import { displayNames } from '../users/display-names.ts';

export interface Lock {
  vi: string;
  en: string;
  /** Approved: locked for everyone until unlocked. Submitted: locked for the unit's officers and heads until returned or withdrawn. */
  kind: 'approved' | 'submitted';
}

/**
 * Figures of an approved submission are locked for everyone until an approver
 * unlocks them; figures of a submitted one, for the unit's officers and heads
 * until the approver returns it or the submitter withdraws it. Keyed by
 * `element|org|period`.
 */
export async function lockedCells(ctx: AppContext, orgs: string[], periods: string[], role: Role): Promise<Map<string, Lock>> {
  const statuses: ('approved' | 'submitted')[] = inRoleGroup(MANAGER_ROLES, role) ? ['approved'] : ['approved', 'submitted'];
  const rows = await submissionsWith(ctx.db, statuses, orgs, periods);
  // People are named as they are shown in the app, by their display names.
  const nameOf = await displayNames(
    ctx.db,
    rows.flatMap((r) => [r.decided_by, r.submitted_by]),
  );
  const named = <T extends { decided_by: string | null; submitted_by: string | null }>(r: T): T => ({
    ...r,
    decided_by: nameOf(r.decided_by),
    submitted_by: nameOf(r.submitted_by),
  });
  const locks = new Map<string, Lock>();
  for (const r of rows) {
    const key = `${r.element_code}|${r.org_code}|${r.period}`;
    if (r.status === 'approved') locks.set(key, approvedLock(named(r)));
    else if (!locks.has(key)) locks.set(key, submittedLock(named(r)));
  }
  return locks;
}

const day = (d: Date | string | null) => (d ? formatDate(new Date(d).toISOString().slice(0, 10)) : '');

function approvedLock(r: { form_code: string; decided_by: string | null; decided_at: Date | string | null }): Lock {
  const when = day(r.decided_at);
  return {
    kind: 'approved',
    vi:
      `Số liệu đã được ${r.decided_by ?? 'người phê duyệt'} phê duyệt${when ? ` ngày ${when}` : ''} (biểu mẫu ${r.form_code}) ` +
      `và đang bị khóa; cần mở khóa trước khi sửa`,
    en:
      `The figures were approved by ${r.decided_by ?? 'an approver'}${when ? ` on ${when}` : ''} (form ${r.form_code}) ` +
      `and are locked; they must be unlocked before any change`,
  };
}

function submittedLock(r: { form_code: string; period: string; submitted_by: string | null; submitted_at: Date | string | null }): Lock {
  const when = day(r.submitted_at);
  const who = r.submitted_by ?? 'người báo cáo';
  return {
    kind: 'submitted',
    vi:
      `Báo cáo kỳ ${r.period} (biểu mẫu ${r.form_code}) đã được ${who} gửi${when ? ` ngày ${when}` : ''} và đang chờ phê duyệt: ` +
      `số liệu không sửa được. Muốn sửa, ${who} hãy rút lại báo cáo (nút "Rút lại" trên màn hình nhập số liệu), ` +
      `hoặc đề nghị cấp phê duyệt trả lại.`,
    en:
      `The ${r.period} report (form ${r.form_code}) was submitted by ` +
      `${r.submitted_by ?? 'the reporting unit'}${when ? ` on ${when}` : ''} and awaits approval: its figures cannot be changed. ` +
      `To change them, the submitter withdraws it ("Rút lại" on the data entry screen), or the approver returns it.`,
  };
}

/** The refusal met by anyone writing a unit-period that an import is writing. */
export function claimedError(org: string, period: string): AppError {
  return new AppError(
    'import_running',
    409,
    `Đang nhập dữ liệu từ tệp cho đơn vị ${org}, kỳ ${period}; hãy thử lại khi việc nhập xong.`,
    `A file import is writing unit ${org}, period ${period}; try again when it has finished.`,
  );
}

/**
 * Refuses a write (a cell, a submission) of a unit-period an import is writing. Call inside the writer's transaction, after its
 * unit-period lock.
 */
export async function assertNotClaimed(trx: Kysely<Database>, org: string, period: string): Promise<void> {
  const claim = await trx
    .selectFrom('data_import_claim')
    .select('import_id')
    .where('org_code', '=', org)
    .where('period', '=', period)
    .executeTakeFirst();
  if (claim) throw claimedError(org, period);
}
