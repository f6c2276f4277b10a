import type { SubmissionAction, SubmissionStatus, ValueType } from '@vetplan/domain';
import type { Cell, FormSummary } from '../../shared/report-forms/types.ts';

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

export interface SavedCell {
  cell: Cell | null;
  violations: Violation[];
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
