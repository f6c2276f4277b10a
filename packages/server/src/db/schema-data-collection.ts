import type { Generated } from 'kysely';
import type { Timestamp, WithDefault } from './column-types.ts';

/** Data values, their history, validation rules, report forms and submissions. */

export interface DataValueTable {
  element_code: string;
  period: string;
  org_code: string;
  disagg: string;
  value: number;
  comment: string | null;
  version: WithDefault<number>;
  updated_at: Timestamp;
  updated_by: string;
}

export interface DataValueAuditTable {
  id: Generated<number>;
  element_code: string;
  period: string;
  org_code: string;
  disagg: string;
  action: 'create' | 'update' | 'delete';
  old_value: number | null;
  new_value: number | null;
  old_comment: string | null;
  new_comment: string | null;
  source: 'entry' | 'import' | 'api';
  actor: string;
  at: Timestamp;
  hash: string | null;
  /** The import that wrote the entry (data_import.id), null for a typed cell. */
  import_id: number | null;
  /** For an entry written when a failed import was undone: the id of the entry it undoes. */
  undoes: number | null;
}

/** One import that writes in pages: 'applying' while its pages are written, then 'applied' or 'rolled_back'. */
export interface DataImportTable {
  id: Generated<number>;
  status: 'applying' | 'applied' | 'rolled_back';
  source: 'entry' | 'import' | 'api';
  actor: string;
  /** The writing process's tag (its connections' application_name on a PostgreSQL server). */
  owner: string;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  /** The synthetic demo history (demo.ts), which `vetplan demo remove` takes out. */
  demo: WithDefault<boolean>;
}

/** A unit-period an applying import writes: no one else may write it until the import ends. */
export interface DataImportClaimTable {
  org_code: string;
  period: string;
  import_id: number;
}

export interface ValidationRuleTable {
  code: string;
  name: string;
  name_en: string | null;
  left_side: string;
  operator: string;
  right_side: string;
  per_dimensions: string[];
  message: string;
  message_en: string | null;
}

export interface ReportFormTable {
  code: string;
  name: string;
  name_en: string | null;
  period_type: string;
  opens_month: number;
  opens_day: number;
  cutoff_month: number;
  cutoff_day: number;
  due_month: number;
  due_day: number;
  reported_by: string | null;
  approver_roles: string[];
}

export interface ReportFormElementTable {
  form_code: string;
  element_code: string;
  position: number;
}

export interface ReportFormUnitTable {
  form_code: string;
  org_code: string;
}

export type SubmissionStatus = 'draft' | 'submitted' | 'approved' | 'returned';

export interface SubmissionTable {
  form_code: string;
  org_code: string;
  period: string;
  status: SubmissionStatus;
  version: WithDefault<number>;
  submitted_at: Timestamp | null;
  submitted_by: string | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  reason: string | null;
  comment: string | null;
}

/** A reminder sent to a late unit about a form's period (migration 20261204_0014). */
export interface FormReminderTable {
  id: Generated<number>;
  form_code: string;
  org_code: string;
  period: string;
  sent_by: string;
  sent_at: Timestamp;
  recipients: number;
  emailed: WithDefault<number>;
}

export interface SubmissionEventTable {
  id: Generated<number>;
  form_code: string;
  org_code: string;
  period: string;
  action: 'submit' | 'withdraw' | 'approve' | 'return' | 'unlock';
  from_status: SubmissionStatus;
  to_status: SubmissionStatus;
  actor: string;
  at: Timestamp;
  comment: string | null;
}
