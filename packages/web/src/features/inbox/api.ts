import { apiGet } from '../../api/client.ts';
import { asObject, list, numOrNull, oneOf, str, strOrNull } from '../../api/decode.ts';

export const INBOX_KINDS = [
  'reminder',
  'returned',
  'overdue',
  'to_approve',
  'due',
  'task_due_7',
  'task_due_1',
  'task_overdue',
  'task_extension',
] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

/** Something waiting for the user: a report due, overdue, returned to them, or to approve. */
export interface InboxItem {
  kind: InboxKind;
  form: string;
  formName: string;
  org: string;
  orgName: string;
  period: string;
  due: string;
  reason: string | null;
  /** Task reminders: the assignment to open (form and formName hold the task code and title). */
  assignmentId: number | null;
  /** A plan manager's reminder: when, and who sent it. */
  reminder: { at: string; byName: string } | null;
}

function mapItem(value: unknown, path: string): InboxItem {
  const o = asObject(value, path);
  return {
    kind: oneOf(o, 'kind', INBOX_KINDS, path),
    form: str(o, 'form', path),
    formName: str(o, 'formName', path),
    org: str(o, 'org', path),
    orgName: str(o, 'orgName', path),
    period: str(o, 'period', path),
    due: str(o, 'due', path),
    reason: strOrNull(o, 'reason', path),
    assignmentId: o.assignmentId === undefined ? null : numOrNull(o, 'assignmentId', path),
    reminder: o.sentAt === undefined ? null : { at: str(o, 'sentAt', path), byName: str(o, 'sentByName', path) },
  };
}

export function fetchInbox(signal?: AbortSignal): Promise<InboxItem[]> {
  return apiGet('/api/inbox', (o) => list(o, 'items', mapItem, 'inbox'), signal);
}
