import { BOARD_STATUSES, SUBMISSION_STATUSES, type BoardStatus, type SubmissionStatus, type Timeliness } from '@vetplan/domain';
import { apiGet, apiSend } from '../../api/client.ts';
import { asObject, bool, list, num, numOrNull, oneOf, str, strOrNull, type Json } from '../../api/decode.ts';

export const TIMELINESS = ['on_time', 'late', 'overdue', 'not_due'] as const satisfies readonly Timeliness[];

export interface CompletenessUnit {
  org: string;
  name: string;
  status: SubmissionStatus;
  /** Chưa nộp, Đang nhập, Bị trả lại, Đã gửi, Đã phê duyệt. */
  state: BoardStatus;
  timeliness: Timeliness;
  /** Past the due day and not sent: may be reminded. */
  late: boolean;
  /** A submitted report's rule violations; null when not submitted. */
  violations: number | null;
  submittedAt: string | null;
  submittedBy: string | null;
  submittedByName: string | null;
  reason: string | null;
  lastReminder: { at: string; byName: string } | null;
}

export interface CompletenessSummary {
  units: number;
  onTime: number;
  late: number;
  overdue: number;
  notDue: number;
  approved: number;
  returned: number;
  notStarted: number;
  submitted: number;
  toRemind: number;
  cleanSubmitted: number;
}

export interface Completeness {
  form: string;
  period: string;
  due: string;
  summary: CompletenessSummary;
  units: CompletenessUnit[];
}

function mapReminder(value: unknown, path: string): CompletenessUnit['lastReminder'] {
  if (value === null || value === undefined) return null;
  const o = asObject(value, path);
  return { at: str(o, 'at', path), byName: str(o, 'byName', path) };
}

function mapUnit(value: unknown, path: string): CompletenessUnit {
  const o = asObject(value, path);
  return {
    org: str(o, 'org', path),
    name: str(o, 'name', path),
    status: oneOf(o, 'status', SUBMISSION_STATUSES, path),
    state: oneOf(o, 'state', BOARD_STATUSES, path),
    timeliness: oneOf(o, 'timeliness', TIMELINESS, path),
    late: bool(o, 'late', path),
    violations: numOrNull(o, 'violations', path),
    submittedAt: strOrNull(o, 'submittedAt', path),
    submittedBy: strOrNull(o, 'submittedBy', path),
    submittedByName: strOrNull(o, 'submittedByName', path),
    reason: strOrNull(o, 'reason', path),
    lastReminder: mapReminder(o.lastReminder, `${path}.lastReminder`),
  };
}

const SUMMARY_KEYS = [
  'units',
  'onTime',
  'late',
  'overdue',
  'notDue',
  'approved',
  'returned',
  'notStarted',
  'submitted',
  'toRemind',
  'cleanSubmitted',
] as const;

export function mapCompleteness(o: Json): Completeness {
  const s = asObject(o.summary, 'completeness.summary');
  return {
    form: str(o, 'form', 'completeness'),
    period: str(o, 'period', 'completeness'),
    due: str(o, 'due', 'completeness'),
    summary: Object.fromEntries(SUMMARY_KEYS.map((k) => [k, num(s, k, 'completeness.summary')])) as unknown as CompletenessSummary,
    units: list(o, 'units', mapUnit, 'completeness'),
  };
}

export function fetchCompleteness(form: string, period: string, signal?: AbortSignal): Promise<Completeness> {
  return apiGet(`/api/forms/${encodeURIComponent(form)}/completeness?period=${encodeURIComponent(period)}`, mapCompleteness, signal);
}

export interface ReminderResult {
  sentAt: string;
  sent: { org: string; name: string; recipients: number; emailed: number }[];
  mailErrors: string[];
}

/** Reminds the late units named, or every late unit in reach. */
export function sendReminders(form: string, period: string, orgs?: string[]): Promise<ReminderResult> {
  return apiSend('POST', `/api/forms/${encodeURIComponent(form)}/reminders`, orgs ? { period, orgs } : { period }, (o) => ({
    sentAt: str(o, 'sentAt', 'reminders'),
    sent: list(
      o,
      'sent',
      (v, p) => {
        const x = asObject(v, p);
        return { org: str(x, 'org', p), name: str(x, 'name', p), recipients: num(x, 'recipients', p), emailed: num(x, 'emailed', p) };
      },
      'reminders',
    ),
    mailErrors: list(o, 'mailErrors', (v) => String(v), 'reminders'),
  }));
}

export interface BulkApproval {
  approved: { org: string; name: string }[];
  skipped: { org: string; name: string; reason: string; reasonEn: string }[];
}

/** Approves the clean submissions (submitted, no rule violation) of a period. */
export function approveClean(form: string, period: string): Promise<BulkApproval> {
  return apiSend('POST', `/api/forms/${encodeURIComponent(form)}/approvals`, { period }, (o) => ({
    approved: list(
      o,
      'approved',
      (v, p) => {
        const x = asObject(v, p);
        return { org: str(x, 'org', p), name: str(x, 'name', p) };
      },
      'approvals',
    ),
    skipped: list(
      o,
      'skipped',
      (v, p) => {
        const x = asObject(v, p);
        return { org: str(x, 'org', p), name: str(x, 'name', p), reason: str(x, 'reason', p), reasonEn: str(x, 'reasonEn', p) };
      },
      'approvals',
    ),
  }));
}
