import { SUBMISSION_STATUSES, type SubmissionStatus, type Timeliness } from '@vetplan/domain';
import { apiGet } from '../../api/client.ts';
import { asObject, list, num, oneOf, str, strOrNull, type Json } from '../../api/decode.ts';

export const TIMELINESS = ['on_time', 'late', 'overdue', 'not_due'] as const satisfies readonly Timeliness[];

export interface CompletenessUnit {
  org: string;
  name: string;
  status: SubmissionStatus;
  timeliness: Timeliness;
  submittedAt: string | null;
  submittedBy: string | null;
  reason: string | null;
}

export interface Completeness {
  form: string;
  period: string;
  due: string;
  summary: { units: number; onTime: number; late: number; overdue: number; notDue: number; approved: number; returned: number };
  units: CompletenessUnit[];
}

function mapUnit(value: unknown, path: string): CompletenessUnit {
  const o = asObject(value, path);
  return {
    org: str(o, 'org', path),
    name: str(o, 'name', path),
    status: oneOf(o, 'status', SUBMISSION_STATUSES, path),
    timeliness: oneOf(o, 'timeliness', TIMELINESS, path),
    submittedAt: strOrNull(o, 'submittedAt', path),
    submittedBy: strOrNull(o, 'submittedBy', path),
    reason: strOrNull(o, 'reason', path),
  };
}

export function mapCompleteness(o: Json): Completeness {
  const s = asObject(o.summary, 'completeness.summary');
  const n = (key: string) => num(s, key, 'completeness.summary');
  return {
    form: str(o, 'form', 'completeness'),
    period: str(o, 'period', 'completeness'),
    due: str(o, 'due', 'completeness'),
    summary: { units: n('units'), onTime: n('onTime'), late: n('late'), overdue: n('overdue'), notDue: n('notDue'), approved: n('approved'), returned: n('returned') },
    units: list(o, 'units', mapUnit, 'completeness'),
  };
}

export function fetchCompleteness(form: string, period: string, signal?: AbortSignal): Promise<Completeness> {
  return apiGet(`/api/forms/${encodeURIComponent(form)}/completeness?period=${encodeURIComponent(period)}`, mapCompleteness, signal);
}
