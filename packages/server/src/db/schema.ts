import type { ColumnType, Generated } from 'kysely';

/** A date column: written and read as 'YYYY-MM-DD' text (parsers are set per engine). */
type DateText = string;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type WithDefault<T> = ColumnType<T, T | undefined, T>;
type Json<T> = ColumnType<T, string, string>;

export interface AreaTable {
  code: string;
  level: string;
  created_at: Generated<Date>;
}

export interface AreaVersionTable {
  area_code: string;
  valid_from: WithDefault<DateText>;
  valid_to: WithDefault<DateText>;
  name: string;
  name_en: string | null;
  kind: string;
  parent_code: string | null;
}

export interface AreaCrosswalkTable {
  from_code: string;
  to_code: string;
  effective: DateText;
  share: number | null;
  note: string | null;
}

export interface OrganisationTable {
  code: string;
  name: string;
  short_name: string | null;
  name_en: string | null;
  kind: string;
  area_code: string;
  parent_code: string | null;
  valid_from: WithDefault<DateText>;
  valid_to: WithDefault<DateText>;
  created_at: Generated<Date>;
}

export interface OrganisationGroupTable {
  code: string;
  name: string;
  name_en: string | null;
  kinds: string[];
}

export interface OrganisationGroupMemberTable {
  group_code: string;
  org_code: string;
}

export interface DimensionTable {
  code: string;
  name: string;
  name_en: string | null;
}

export interface DimensionValueTable {
  dimension_code: string;
  code: string;
  name: string;
  name_en: string | null;
  position: number;
}

export interface DataElementTable {
  code: string;
  name: string;
  name_en: string | null;
  description: string | null;
  value_type: string;
  aggregation: string;
  period_type: string;
}

export interface DataElementDimensionTable {
  element_code: string;
  dimension_code: string;
  position: number;
  value_codes: string[] | null;
}

export interface IndicatorTable {
  code: string;
  name: string;
  name_en: string | null;
  description: string | null;
  formula: string;
  unit: string;
  unit_label: string | null;
  unit_label_en: string | null;
  decimals: number;
  external_codes: Json<Record<string, string>>;
}

export interface PlanSigner {
  name: string;
  title: string;
  authority: string;
  delegation: string | null;
}

export interface PlanTable {
  code: string;
  doc_type: string;
  number: string | null;
  symbol: string;
  title: string;
  title_en: string | null;
  issued_on: DateText | null;
  issued_on_precision: string;
  place: string;
  issuer_code: string;
  area_code: string;
  signer: Json<PlanSigner>;
  horizons: number[];
  purposes: string[];
  requirements: string[];
  general_objective: string;
  recipients: string[];
  catalog_code: string;
}

export interface PlanBasisTable {
  plan_code: string;
  code: string;
  position: number;
  number: string;
  doc_type: string;
  title: string;
  issued_on: DateText | null;
  issuer: string;
  relation: string;
  parent: string | null;
}

export interface TargetTable {
  plan_code: string;
  indicator_code: string;
  year: number;
  comparator: string;
  value: number;
  value_upper: number | null;
  tolerance: number | null;
  wording: string;
  wording_en: string | null;
}

export interface TaskGroupTable {
  plan_code: string;
  code: string;
  position: number;
  title: string;
  title_en: string | null;
}

export interface TaskTable {
  plan_code: string;
  code: string;
  group_code: string;
  position: number;
  section: string;
  title: string;
  title_en: string | null;
  content: string;
  lead_text: string | null;
  coordinating_text: string | null;
  recurrence: string;
  reporting: string | null;
  start_on: WithDefault<DateText | null>;
  due_on: WithDefault<DateText | null>;
  created_by: WithDefault<string | null>;
  created_at: WithDefault<Date | null>;
}

export interface TaskPartyTable {
  plan_code: string;
  task_code: string;
  role: string;
  position: number;
  org_code: string | null;
  group_code: string | null;
}

export interface PlanRuleTable {
  plan_code: string;
  code: string;
  position: number;
  kind: string;
  text: string;
  text_en: string | null;
  evaluation: boolean;
  from_codes: string[];
  to_codes: string[];
  via_code: string | null;
  frequency: string | null;
}

export interface CatalogLoadTable {
  id: Generated<number>;
  catalog_code: string;
  checksum: string;
  loaded_at: Generated<Date>;
  loaded_by: string;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string | null;
  password_hash: string;
  role: string;
  scope_code: string;
  disabled_at: Timestamp | null;
  created_at: Generated<Date>;
  last_login_at: Timestamp | null;
}

export interface UserSessionTable {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: Generated<Date>;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor: string | null;
  action: string;
  entity: string;
  entity_key: string | null;
  details: Json<Record<string, unknown>>;
  ip: string | null;
}

export interface SchemaMigrationTable {
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}

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

export interface SubmissionEventTable {
  id: Generated<number>;
  form_code: string;
  org_code: string;
  period: string;
  action: 'submit' | 'approve' | 'return' | 'unlock';
  from_status: SubmissionStatus;
  to_status: SubmissionStatus;
  actor: string;
  at: Timestamp;
  comment: string | null;
}

export interface Database {
  area: AreaTable;
  area_version: AreaVersionTable;
  area_crosswalk: AreaCrosswalkTable;
  organisation: OrganisationTable;
  organisation_group: OrganisationGroupTable;
  organisation_group_member: OrganisationGroupMemberTable;
  dimension: DimensionTable;
  dimension_value: DimensionValueTable;
  data_element: DataElementTable;
  data_element_dimension: DataElementDimensionTable;
  indicator: IndicatorTable;
  plan: PlanTable;
  plan_basis: PlanBasisTable;
  target: TargetTable;
  task_group: TaskGroupTable;
  task: TaskTable;
  task_party: TaskPartyTable;
  plan_rule: PlanRuleTable;
  catalog_load: CatalogLoadTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  audit_event: AuditEventTable;
  schema_migration: SchemaMigrationTable;
  data_value: DataValueTable;
  data_value_audit: DataValueAuditTable;
  validation_rule: ValidationRuleTable;
  report_form: ReportFormTable;
  report_form_element: ReportFormElementTable;
  report_form_unit: ReportFormUnitTable;
  submission: SubmissionTable;
  submission_event: SubmissionEventTable;
  analytics_state: AnalyticsStateTable;
  analytics_area_unit: AnalyticsAreaUnitTable;
  analytics_unit_figure: AnalyticsUnitFigureTable;
  analytics_area_figure: AnalyticsAreaFigureTable;
  analytics_area_reporting: AnalyticsAreaReportingTable;
  task_due_rule: TaskDueRuleTable;
  task_assignment: TaskAssignmentTable;
  task_progress_report: TaskProgressReportTable;
  task_evidence: TaskEvidenceTable;
  task_extension: TaskExtensionTable;
  task_event: TaskEventTable;
  task_group_indicator: TaskGroupIndicatorTable;
  evaluation_rule: EvaluationRuleTable;
  score_adjustment: ScoreAdjustmentTable;
  report_draft: ReportDraftTable;
  report_export: ReportExportTable;
}

// Analytics aggregate (migration 20261128_0005).
export interface AnalyticsStateTable {
  id: WithDefault<boolean>;
  stale: boolean;
  generation: WithDefault<number>;
  rebuilt_at: Timestamp | null;
}

export interface AnalyticsAreaUnitTable {
  area_code: string;
  unit_code: string;
  is_area: boolean;
  lo: DateText;
  hi: DateText;
  more_lo: DateText[] | null;
  more_hi: DateText[] | null;
}

export interface AnalyticsUnitFigureTable {
  unit_code: string;
  period: string;
  element_code: string;
  disagg: string;
  period_start: DateText;
  period_end: DateText;
  value: number;
}

export interface AnalyticsAreaFigureTable {
  area_code: string;
  period: string;
  element_code: string;
  disagg: string;
  value: number;
  units: number;
}

export interface AnalyticsAreaReportingTable {
  area_code: string;
  period: string;
  elements: string;
  units: number;
}

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

// --- Official reports (migration 20261128_0007_reports.sql) ---

export interface ReportDraftTable {
  id: Generated<number>;
  type: string;
  plan_code: string;
  org_code: string;
  period: string;
  sections: Json<Record<string, string[]>>;
  version: WithDefault<number>;
  created_by: string;
  created_at: Timestamp;
  updated_by: string;
  updated_at: Timestamp;
}

export interface ReportExportTable {
  id: Generated<number>;
  type: string;
  plan_code: string;
  org_code: string;
  period: string;
  format: string;
  file_name: string;
  stored_path: string;
  size_bytes: number;
  sha256: string;
  draft_version: number | null;
  created_by: string;
  created_at: Timestamp;
}
