import type { ColumnType, Generated } from 'kysely';
import type { DateText, Timestamp } from './column-types.ts';

// --- Tasks and evaluation (migration 0006) ---

export interface TaskDueRuleTable {
  period_type: 'six_monthly' | 'yearly';
  due_month: number;
  due_day: number;
}

export interface TaskAssignmentTable {
  id: Generated<number>;
  plan_code: string;
  task_code: string;
  org_code: string;
  role: 'lead' | 'coordinating';
  period: string;
  due_on: DateText;
  extended_to: DateText | null;
  created_at: Generated<Timestamp>;
}

export interface TaskProgressReportTable {
  id: Generated<number>;
  assignment_id: number;
  status: 'not_started' | 'in_progress' | 'done';
  percent: number;
  done_text: Generated<string>;
  results_text: Generated<string>;
  difficulties_text: Generated<string>;
  proposals_text: Generated<string>;
  completed_on: DateText | null;
  reported_by: string;
  reported_at: Timestamp;
}

export interface TaskEvidenceTable {
  id: Generated<number>;
  assignment_id: number;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

export interface TaskExtensionTable {
  assignment_id: number;
  requested_to: DateText;
  reason: string;
  requested_by: string;
  requested_at: Timestamp;
  status: Generated<'pending' | 'approved' | 'refused'>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
}

export interface TaskEventTable {
  id: Generated<number>;
  assignment_id: number;
  kind: string;
  actor: string;
  at: Timestamp;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface TaskGroupIndicatorTable {
  plan_code: string;
  group_code: string;
  indicator_code: string;
}

export interface EvaluationRuleTable {
  key: string;
  value: number;
  note: Generated<string>;
}

export interface ScoreAdjustmentTable {
  id: Generated<number>;
  plan_code: string;
  org_code: string;
  year: number;
  delta: number;
  reason: string;
  adjusted_by: string;
  adjusted_at: Timestamp;
}
