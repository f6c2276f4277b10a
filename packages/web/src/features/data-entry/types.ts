import type { FormSchedule, PeriodType, SubmissionAction, SubmissionStatus, ValueType } from '@vetplan/domain';

/** A report form (Biểu mẫu báo cáo) with the units in the caller's reach that report it. */
export interface FormSummary {
  code: string;
  name: string;
  nameEn: string | null;
  periodType: PeriodType;
  elements: string[];
  units: { code: string; name: string }[];
  reportedBy: string | null;
  approverRoles: string[];
  schedule: FormSchedule;
  /** The reporting round the form is in on the server's day: the latest period whose report has opened. */
  current: { period: string; opens: string; due: string };
}

export interface DimensionValue {
  code: string;
  name: string;
  nameEn: string | null;
}

export interface EntryDimension {
  dimension: string;
  name: string;
  values: DimensionValue[];
}

export interface EntryElement {
  code: string;
  name: string;
  nameEn: string | null;
  valueType: ValueType;
  dimensions: EntryDimension[];
}

/** One stored figure: `disagg` is 'level:TC;sex:F' (dimensions sorted by code), '' for none. */
export interface Cell {
  element: string;
  disagg: string;
  value: number;
  comment: string | null;
  version: number;
  updatedBy: string;
  updatedAt: string;
}

export interface Violation {
  rule: string;
  message: string;
  messageEn: string;
  /** The dimension values it holds for, e.g. { sex: 'M' }. */
  where: Record<string, string>;
  /** The elements the rule compares, the left side's first. */
  elements: string[];
  /** The left side's elements: the part that exceeds, whose cells are marked. */
  leftElements: string[];
}

export interface SubmissionEvent {
  action: SubmissionAction;
  fromStatus: string;
  toStatus: string;
  actor: string;
  at: string;
  comment: string | null;
}

export interface Submission {
  status: SubmissionStatus;
  version: number;
  submittedAt: string | null;
  submittedBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  reason: string | null;
  comment: string | null;
  events: SubmissionEvent[];
}

/** Everything the entry screen shows for one form, unit and period. */
export interface Entry {
  form: FormSummary;
  org: { code: string; name: string };
  period: string;
  dates: { opens: string; cutoff: string; due: string };
  elements: EntryElement[];
  values: Cell[];
  previous: { period: string; values: Cell[] };
  submission: Submission;
  violations: Violation[];
  locked: boolean;
  canEdit: boolean;
  /** The caller submitted this report and may take it back before it is decided. */
  canWithdraw: boolean;
  canApprove: boolean;
}

/** Which screen: a form, a unit and a period. */
export interface EntryTarget {
  form: string;
  org: string;
  period: string;
}

export interface SavedCell {
  cell: Cell | null;
  violations: Violation[];
}

export interface CellWrite {
  element: string;
  disagg: string;
  /** null deletes the figure. */
  value: number | null;
  comment?: string | null;
  /** The cell's version when editing began; 0 for an empty cell. */
  baseVersion: number;
}

export type HistorySource = 'entry' | 'import' | 'api';

export interface HistoryEntry {
  disagg: string;
  action: 'create' | 'update' | 'delete';
  oldValue: number | null;
  newValue: number | null;
  oldComment: string | null;
  newComment: string | null;
  source: HistorySource;
  actor: string;
  at: string;
}
