import { apiFile, apiGet, apiSend } from '../../api/client.ts';
import { asObject, list, num, numOrNull, oneOf, str, strOrNull, strings, type Json } from '../../api/decode.ts';

export const REPORT_FORMATS = ['docx', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const NARRATIVE_KEYS = ['general', 'difficulties', 'proposals', 'nextTasks'] as const;
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];
export type DraftKey = NarrativeKey | 'recipients';

export interface ReportKey {
  plan: string;
  org: string;
  period: string;
}

export interface Narrative {
  heading: string;
  paragraphs: string[];
  source: 'computed' | 'draft';
  computed: string[];
}

export interface TargetResult {
  indicator: string;
  name: string;
  targetText: string;
  valueText: string;
  valueYear: number | null;
  status: string;
  statusText: string;
}

export interface TaskInstance {
  org: string;
  orgName: string;
  statusText: string;
  status: string;
  percent: number | null;
}

export interface TaskResult {
  code: string;
  lines: { kind: 'title' | 'text'; text: string }[];
  instances: TaskInstance[];
}

export interface ReportModel {
  header: { parentBody: string | null; body: string[]; nationalName: string; motto: string; number: string; placeDate: string };
  docType: string;
  summary: string;
  intro: string;
  sections: Record<NarrativeKey, Narrative>;
  results: {
    heading: string;
    targetsHeading: string;
    targetsIntro: string;
    tableHeader: string[];
    tableRows: string[][];
    tasksHeading: string;
  };
  targets: TargetResult[];
  taskGroups: { code: string; heading: string; tasks: TaskResult[] }[];
  closing: string;
  signature: { authority: string | null; delegation: string | null; title: string; name: string };
  recipients: string[];
  draftVersion: number | null;
}

export interface ExportedReport {
  id: number;
  plan: string;
  org: string;
  period: string;
  format: ReportFormat;
  fileName: string;
  sizeBytes: number;
  createdBy: string;
  createdAt: string;
}

function narrative(o: Json, key: string): Narrative {
  const n = asObject(o[key], `report.${key}`);
  return {
    heading: str(n, 'heading'),
    paragraphs: strings(n, 'paragraphs'),
    source: oneOf(n, 'source', ['computed', 'draft'] as const),
    computed: strings(n, 'computed'),
  };
}

function mapTarget(value: unknown, path: string): TargetResult {
  const o = asObject(value, path);
  return {
    indicator: str(o, 'indicator', path),
    name: str(o, 'name', path),
    targetText: str(o, 'targetText', path),
    valueText: str(o, 'valueText', path),
    valueYear: numOrNull(o, 'valueYear', path),
    status: str(o, 'status', path),
    statusText: str(o, 'statusText', path),
  };
}

function mapInstance(value: unknown, path: string): TaskInstance {
  const o = asObject(value, path);
  return {
    org: str(o, 'org', path),
    orgName: str(o, 'orgName', path),
    status: str(o, 'status', path),
    statusText: str(o, 'statusText', path),
    percent: numOrNull(o, 'percent', path),
  };
}

function mapTask(value: unknown, path: string): TaskResult {
  const o = asObject(value, path);
  const line = (v: unknown, p: string) => {
    const l = asObject(v, p);
    return { kind: oneOf(l, 'kind', ['title', 'text'] as const, p), text: str(l, 'text', p) };
  };
  return { code: str(o, 'code', path), lines: list(o, 'lines', line, path), instances: list(o, 'instances', mapInstance, path) };
}

function mapResults(r: Json): ReportModel['results'] {
  const rows = Array.isArray(r.tableRows) ? r.tableRows : [];
  return {
    heading: str(r, 'heading'),
    targetsHeading: str(r, 'targetsHeading'),
    targetsIntro: str(r, 'targetsIntro'),
    tableHeader: strings(r, 'tableHeader'),
    tableRows: rows.map((row) => (Array.isArray(row) ? row.map(String) : [])),
    tasksHeading: str(r, 'tasksHeading'),
  };
}

export function mapReport(o: Json): ReportModel {
  const h = asObject(o.header, 'report.header');
  const s = asObject(o.signature, 'report.signature');
  return {
    header: {
      parentBody: strOrNull(h, 'parentBody'),
      body: strings(h, 'body'),
      nationalName: str(h, 'nationalName'),
      motto: str(h, 'motto'),
      number: str(h, 'number'),
      placeDate: str(h, 'placeDate'),
    },
    docType: str(o, 'docType'),
    summary: str(o, 'summary'),
    intro: str(o, 'intro'),
    sections: {
      general: narrative(o, 'general'),
      difficulties: narrative(o, 'difficulties'),
      proposals: narrative(o, 'proposals'),
      nextTasks: narrative(o, 'nextTasks'),
    },
    results: mapResults(asObject(o.results, 'report.results')),
    targets: list(o, 'targets', mapTarget, 'report'),
    taskGroups: list(
      o,
      'taskGroups',
      (v, p) => {
        const g = asObject(v, p);
        return { code: str(g, 'code', p), heading: str(g, 'heading', p), tasks: list(g, 'tasks', mapTask, p) };
      },
      'report',
    ),
    closing: str(o, 'closing'),
    signature: {
      authority: strOrNull(s, 'authority'),
      delegation: strOrNull(s, 'delegation'),
      title: str(s, 'title'),
      name: str(s, 'name'),
    },
    recipients: strings(o, 'recipients'),
    draftVersion: numOrNull(o, 'draftVersion'),
  };
}

function mapExport(value: unknown, path: string): ExportedReport {
  const o = asObject(value, path);
  return {
    id: num(o, 'id', path),
    plan: str(o, 'plan', path),
    org: str(o, 'org', path),
    period: str(o, 'period', path),
    format: oneOf(o, 'format', REPORT_FORMATS, path),
    fileName: str(o, 'fileName', path),
    sizeBytes: num(o, 'sizeBytes', path),
    createdBy: str(o, 'createdBy', path),
    createdAt: str(o, 'createdAt', path),
  };
}

const query = (k: ReportKey) => new URLSearchParams({ plan: k.plan, org: k.org, period: k.period }).toString();

export function fetchPreview(key: ReportKey, signal?: AbortSignal): Promise<ReportModel> {
  return apiGet(`/api/reports/preview?${query(key)}`, mapReport, signal);
}

export function fetchExports(key: Pick<ReportKey, 'plan' | 'org'>, signal?: AbortSignal): Promise<ExportedReport[]> {
  const q = new URLSearchParams({ plan: key.plan, org: key.org }).toString();
  return apiGet(`/api/reports/exports?${q}`, (o) => list(o, 'exports', mapExport, 'exports'), signal);
}

export function saveDraft(key: ReportKey, baseVersion: number | null, sections: Partial<Record<DraftKey, string[]>>): Promise<ReportModel> {
  return apiSend(
    'PUT',
    '/api/reports/draft',
    { type: 'plan-progress', ...key, ...(baseVersion !== null ? { baseVersion } : {}), sections },
    mapReport,
  );
}

export function exportReport(key: ReportKey, format: ReportFormat) {
  return apiFile('/api/reports', { method: 'POST', body: { type: 'plan-progress', ...key, format } }, `bao-cao.${format}`);
}

export const exportFileUrl = (id: number) => `/api/reports/exports/${id}/file`;
