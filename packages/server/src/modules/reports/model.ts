import type { ProgressStatus, TaskStatus } from '@vetplan/domain';

/**
 * The plan-progress report as pure data, in document order. Built once from
 * stored data (and a draft's narrative), then rendered to DOCX, XLSX, PDF and
 * the web preview alike: every renderer shows the same words and figures.
 */
export interface ReportModel {
  type: 'plan-progress';
  plan: { code: string; reference: string };
  org: { code: string; name: string };
  period: { code: string; label: string; nextLabel: string; year: number };
  header: ReportHeader;
  /** "BÁO CÁO" */
  docType: string;
  /** The summary line under the title. */
  summary: string;
  intro: string;
  /** I. Tình hình chung */
  general: NarrativeSection;
  /** II. headings, and the target table (II.1) as the documents print it */
  results: {
    heading: string;
    targetsHeading: string;
    targetsIntro: string;
    tableHeader: string[];
    tableRows: string[][];
    tasksHeading: string;
  };
  /** II.1 results per target */
  targets: TargetResult[];
  /** II.2 results per task group */
  taskGroups: TaskGroupResult[];
  /** III. Khó khăn, vướng mắc và nguyên nhân */
  difficulties: NarrativeSection;
  /** IV. Đề xuất, kiến nghị */
  proposals: NarrativeSection;
  /** V. Nhiệm vụ trọng tâm kỳ tới */
  nextTasks: NarrativeSection;
  closing: string;
  signature: { authority: string | null; delegation: string | null; title: string; name: string };
  recipients: string[];
  /** Indicators by commune and period (the XLSX annex). */
  communeTable: CommuneTable;
  /** Version of the draft whose narrative is used; null when all narratives are computed. */
  draftVersion: number | null;
}

export interface ReportHeader {
  /** The body above the issuing body (not bold), e.g. "UBND HUYỆN YÊN DŨNG"; null for a People's Committee. */
  parentBody: string | null;
  /** The issuing body in capitals, one entry per line, bold. */
  body: string[];
  nationalName: string;
  motto: string;
  /** "Số:      /BC-UBND" */
  number: string;
  /** "Yên Dũng, ngày 15 tháng 6 năm 2025" (set in italics) */
  placeDate: string;
}

export const NARRATIVE_SECTIONS = ['general', 'difficulties', 'proposals', 'nextTasks'] as const;
export type NarrativeKey = (typeof NARRATIVE_SECTIONS)[number];

export interface NarrativeSection {
  heading: string;
  paragraphs: string[];
  /** 'draft' when a user wrote it; 'computed' when merged from the progress reports and figures. */
  source: 'computed' | 'draft';
  /** What the computed text would be (shown beside a user's edit). */
  computed: string[];
}

export interface TargetResult {
  indicator: string;
  name: string;
  wording: string;
  /** "trên 40% (năm 2025)" */
  targetText: string;
  horizon: number;
  value: number | null;
  /** "37,4%" or "Chưa có số liệu" */
  valueText: string;
  valueYear: number | null;
  status: ProgressStatus;
  statusText: string;
  /** A sentence for the body text. */
  sentence: string;
}

export interface TaskGroupResult {
  code: string;
  title: string;
  /** "2.1. …" */
  heading: string;
  tasks: TaskResult[];
}

export interface TaskResult {
  code: string;
  title: string;
  lead: string[];
  coordinating: string[];
  instances: TaskInstanceResult[];
  /** Narrative lines merged from the units' progress reports. */
  narrative: string[];
  /** The task's paragraphs in the body, as every rendering prints them. */
  lines: { kind: 'title' | 'text'; text: string }[];
}

export interface TaskInstanceResult {
  org: string;
  orgName: string;
  role: 'lead' | 'coordinating';
  period: string;
  dueOn: string;
  status: TaskStatus;
  statusText: string;
  percent: number | null;
  done: string;
  results: string;
}

export interface CommuneTable {
  periods: string[];
  rows: {
    indicator: string;
    indicatorName: string;
    org: string;
    orgName: string;
    total: boolean;
    values: (number | null)[];
    provisional: boolean[];
  }[];
}
