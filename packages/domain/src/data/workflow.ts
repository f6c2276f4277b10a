import { fail, ok, type Checked } from './messages.ts';

export const SUBMISSION_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export const SUBMISSION_ACTIONS = ['submit', 'withdraw', 'approve', 'return', 'unlock'] as const;
export type SubmissionAction = (typeof SUBMISSION_ACTIONS)[number];

export const STATUS_LABELS: Record<SubmissionStatus, { vi: string; en: string }> = {
  draft: { vi: 'Đang nhập', en: 'Draft' },
  submitted: { vi: 'Đã gửi', en: 'Submitted' },
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
};

const FROM: Record<SubmissionAction, { from: SubmissionStatus[]; to: SubmissionStatus }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  // The submitter takes a report back before it is decided, to correct it.
  withdraw: { from: ['submitted'], to: 'draft' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
  unlock: { from: ['approved'], to: 'draft' },
};

/** Whether the action can be taken from the status at all (reasons aside). */
export function actionAllowed(status: SubmissionStatus, action: SubmissionAction): boolean {
  return FROM[action].from.includes(status);
}

export interface TransitionInput {
  /** Rule violations in the figures being submitted. */
  violations: number;
  comment: string | null;
}

/**
 * The submission workflow: draft → submitted → approved, or returned with a
 * reason → submitted again, or withdrawn by the submitter → draft; an
 * approver may unlock approved figures with a reason. Submitting figures that break a rule needs a comment explaining it.
 */
export function transition(status: SubmissionStatus, action: SubmissionAction, input: TransitionInput): Checked<SubmissionStatus> {
  const step = FROM[action];
  if (!actionAllowed(status, action)) {
    return fail(
      `Không thể ${ACTION_VI[action]} báo cáo đang ở trạng thái "${STATUS_LABELS[status].vi}"`,
      `Cannot ${action} a report that is ${STATUS_LABELS[status].en.toLowerCase()}`,
    );
  }
  const comment = input.comment?.trim() ?? '';
  if ((action === 'return' || action === 'unlock') && comment === '') {
    return fail(action === 'return' ? 'Cần ghi lý do trả lại' : 'Cần ghi lý do mở khóa', `A reason is required to ${action}`);
  }
  if (action === 'submit' && input.violations > 0 && comment === '') {
    return fail(
      `Số liệu còn ${input.violations} vi phạm quy tắc kiểm tra; hãy sửa hoặc ghi giải trình trước khi gửi`,
      `The figures break ${input.violations} validation rule(s); fix them or explain them in a comment before submitting`,
    );
  }
  return ok(step.to);
}

const ACTION_VI: Record<SubmissionAction, string> = {
  submit: 'gửi',
  withdraw: 'rút lại',
  approve: 'phê duyệt',
  return: 'trả lại',
  unlock: 'mở khóa',
};
