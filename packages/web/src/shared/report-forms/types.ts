import type { FormSchedule, PeriodType } from '@vetplan/domain';

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

/** Which screen: a form, a unit and a period. */
export interface EntryTarget {
  form: string;
  org: string;
  period: string;
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

export interface CellWrite {
  element: string;
  disagg: string;
  /** null deletes the figure. */
  value: number | null;
  comment?: string | null;
  /** The cell's version when editing began; 0 for an empty cell. */
  baseVersion: number;
}
