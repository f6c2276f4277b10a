import { TASK_REPORT_STATUSES, TASK_STATUSES, type TaskReportStatus, type TaskStatus } from '@vetplan/domain';
import { apiGet, apiSend } from '../../api/client.ts';
import { asObject, bool, list, num, numOrNull, oneOf, str, strOrNull, type Json } from '../../api/decode.ts';
import { uploadFile } from '../../api/upload.ts';

export interface Assignment {
  id: number;
  plan: string;
  task: string;
  title: string;
  titleEn: string | null;
  group: string;
  org: string;
  orgName: string;
  role: 'lead' | 'coordinating';
  period: string;
  dueOn: string;
  extendedTo: string | null;
  status: TaskStatus;
  percent: number | null;
  reportedAt: string | null;
  extension: 'pending' | 'approved' | 'refused' | null;
  canReport: boolean;
  /** The user's own unit (their scope, or its People's Committee): what "Nhiệm vụ của tôi" lists. */
  own: boolean;
}

const EXT = ['pending', 'approved', 'refused'] as const;

function mapAssignment(value: unknown, path: string): Assignment {
  const o = asObject(value, path);
  return {
    id: num(o, 'id', path),
    plan: str(o, 'plan', path),
    task: str(o, 'task', path),
    title: str(o, 'title', path),
    titleEn: strOrNull(o, 'titleEn', path),
    group: str(o, 'group', path),
    org: str(o, 'org', path),
    orgName: str(o, 'orgName', path),
    role: oneOf(o, 'role', ['lead', 'coordinating'] as const, path),
    period: str(o, 'period', path),
    dueOn: str(o, 'dueOn', path),
    extendedTo: strOrNull(o, 'extendedTo', path),
    status: oneOf(o, 'status', TASK_STATUSES, path),
    percent: numOrNull(o, 'percent', path),
    reportedAt: strOrNull(o, 'reportedAt', path),
    extension: o.extension === null ? null : oneOf(o, 'extension', EXT, path),
    canReport: bool(o, 'canReport', path),
    own: bool(o, 'own', path),
  };
}

export interface AssignmentList {
  year: number;
  today: string;
  assignments: Assignment[];
}

export function fetchAssignments(
  q: { plan: string; year: number | null; org?: string | null },
  signal?: AbortSignal,
): Promise<AssignmentList> {
  const params = new URLSearchParams({ plan: q.plan });
  if (q.year !== null) params.set('year', String(q.year));
  if (q.org) params.set('org', q.org);
  return apiGet(
    `/api/task-assignments?${params}`,
    (o) => ({ year: num(o, 'year'), today: str(o, 'today'), assignments: list(o, 'assignments', mapAssignment, 'assignments') }),
    signal,
  );
}

export interface ProgressReport {
  id: number;
  status: TaskReportStatus;
  percent: number;
  doneText: string;
  resultsText: string;
  difficultiesText: string;
  proposalsText: string;
  completedOn: string | null;
  reportedBy: string;
  reportedAt: string;
}
export interface Evidence {
  id: number;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}
export interface Extension {
  requestedTo: string;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  status: 'pending' | 'approved' | 'refused';
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}
export interface LinkedIndicator {
  code: string;
  name: string;
  nameEn: string | null;
  targetText: string | null;
  valueText: string | null;
  year: number | null;
  comparator: string | null;
  target: number | null;
  value: number | null;
  valueYear: number | null;
  status: string;
}
export interface HistoryEvent {
  kind: string;
  actor: string;
  at: string;
  details: Json;
}

export interface AssignmentDetail {
  assignment: Assignment;
  task: {
    code: string;
    section: string;
    content: string;
    leadText: string | null;
    coordinatingText: string | null;
    recurrence: string;
    reporting: string | null;
  };
  indicators: LinkedIndicator[];
  reports: ProgressReport[];
  evidence: Evidence[];
  extension: Extension | null;
  history: HistoryEvent[];
  canApproveExtension: boolean;
}

export function mapEvidence(value: unknown, path: string): Evidence {
  const o = asObject(value, path);
  return {
    id: num(o, 'id', path),
    fileName: str(o, 'fileName', path),
    mimeType: str(o, 'mimeType', path),
    sizeBytes: num(o, 'sizeBytes', path),
    sha256: str(o, 'sha256', path),
    uploadedBy: str(o, 'uploadedBy', path),
    uploadedAt: str(o, 'uploadedAt', path),
  };
}

function mapDetail(o: Json): AssignmentDetail {
  const task = asObject(o.task, 'task');
  const ext = o.extension === null ? null : asObject(o.extension, 'extension');
  return {
    assignment: mapAssignment(o.assignment, 'assignment'),
    task: {
      code: str(task, 'code'),
      section: str(task, 'section'),
      content: str(task, 'content'),
      leadText: strOrNull(task, 'leadText'),
      coordinatingText: strOrNull(task, 'coordinatingText'),
      recurrence: str(task, 'recurrence'),
      reporting: strOrNull(task, 'reporting'),
    },
    indicators: list(o, 'indicators', (v, p) => {
      const i = asObject(v, p);
      return {
        code: str(i, 'code', p),
        name: str(i, 'name', p),
        nameEn: strOrNull(i, 'nameEn', p),
        targetText: strOrNull(i, 'targetText', p),
        valueText: strOrNull(i, 'valueText', p),
        year: numOrNull(i, 'year', p),
        comparator: strOrNull(i, 'comparator', p),
        target: numOrNull(i, 'target', p),
        value: numOrNull(i, 'value', p),
        valueYear: numOrNull(i, 'valueYear', p),
        status: str(i, 'status', p),
      };
    }),
    reports: list(o, 'reports', (v, p) => {
      const r = asObject(v, p);
      return {
        id: num(r, 'id', p),
        status: oneOf(r, 'status', TASK_REPORT_STATUSES, p),
        percent: num(r, 'percent', p),
        doneText: str(r, 'doneText', p),
        resultsText: str(r, 'resultsText', p),
        difficultiesText: str(r, 'difficultiesText', p),
        proposalsText: str(r, 'proposalsText', p),
        completedOn: strOrNull(r, 'completedOn', p),
        // People are shown by name (the username where the account has none).
        reportedBy: strOrNull(r, 'reportedByName', p) ?? str(r, 'reportedBy', p),
        reportedAt: str(r, 'reportedAt', p),
      };
    }),
    evidence: list(o, 'evidence', mapEvidence),
    extension: ext
      ? {
          requestedTo: str(ext, 'requestedTo'),
          reason: str(ext, 'reason'),
          requestedBy: strOrNull(ext, 'requestedByName') ?? str(ext, 'requestedBy'),
          requestedAt: str(ext, 'requestedAt'),
          status: oneOf(ext, 'status', EXT),
          decidedBy: strOrNull(ext, 'decidedByName') ?? strOrNull(ext, 'decidedBy'),
          decidedAt: strOrNull(ext, 'decidedAt'),
          decisionNote: strOrNull(ext, 'decisionNote'),
        }
      : null,
    history: list(o, 'history', (v, p) => {
      const h = asObject(v, p);
      return {
        kind: str(h, 'kind', p),
        actor: strOrNull(h, 'actorName', p) ?? str(h, 'actor', p),
        at: str(h, 'at', p),
        details: asObject(h.details, `${p}.details`),
      };
    }),
    canApproveExtension: bool(o, 'canApproveExtension'),
  };
}

export const fetchAssignment = (id: number, signal?: AbortSignal) => apiGet(`/api/task-assignments/${id}`, mapDetail, signal);

export interface ProgressInput {
  status: TaskReportStatus;
  percent: number;
  doneText: string;
  resultsText: string;
  difficultiesText: string;
  proposalsText: string;
}
export const sendReport = (id: number, body: ProgressInput) => apiSend('POST', `/api/task-assignments/${id}/reports`, body, mapDetail);
export const askExtension = (id: number, body: { requestedTo: string; reason: string }) =>
  apiSend('POST', `/api/task-assignments/${id}/extension`, body, mapDetail);
export const decideExtension = (id: number, body: { decision: 'approve' | 'refuse'; note?: string }) =>
  apiSend('POST', `/api/task-assignments/${id}/extension/decision`, body, mapDetail);
export const uploadEvidence = (id: number, file: File, csrfToken: string | null) =>
  uploadFile(
    `/api/task-assignments/${id}/evidence?name=${encodeURIComponent(file.name)}`,
    file,
    { contentType: 'application/octet-stream', csrfToken },
    (o) => mapEvidence(o, 'evidence'),
  );
