import type { Generated } from 'kysely';
import type { DateText, Json, Timestamp, WithDefault } from './column-types.ts';
import type {
  AnalyticsStateTable,
  AnalyticsAreaUnitTable,
  AnalyticsUnitFigureTable,
  AnalyticsAreaFigureTable,
  AnalyticsAreaReportingTable,
} from './schema-analytics.ts';
import type {
  TaskDueRuleTable,
  TaskAssignmentTable,
  TaskProgressReportTable,
  TaskEvidenceTable,
  TaskExtensionTable,
  TaskEventTable,
  TaskGroupIndicatorTable,
  EvaluationRuleTable,
  ScoreAdjustmentTable,
} from './schema-tasks.ts';
import type {
  DataValueTable,
  DataValueAuditTable,
  ValidationRuleTable,
  ReportFormTable,
  ReportFormElementTable,
  ReportFormUnitTable,
  SubmissionTable,
  SubmissionEventTable,
  FormReminderTable,
  DataImportTable,
  DataImportClaimTable,
} from './schema-data-collection.ts';
import type { ReportDraftTable, ReportExportTable } from './schema-reports.ts';

/** The tables, one interface each; the later modules' tables live in schema-*.ts beside this file. */
export type {
  AnalyticsStateTable,
  AnalyticsAreaUnitTable,
  AnalyticsUnitFigureTable,
  AnalyticsAreaFigureTable,
  AnalyticsAreaReportingTable,
} from './schema-analytics.ts';
export type {
  TaskDueRuleTable,
  TaskAssignmentTable,
  TaskProgressReportTable,
  TaskEvidenceTable,
  TaskExtensionTable,
  TaskEventTable,
  TaskGroupIndicatorTable,
  EvaluationRuleTable,
  ScoreAdjustmentTable,
} from './schema-tasks.ts';
export type {
  DataValueTable,
  DataValueAuditTable,
  ValidationRuleTable,
  ReportFormTable,
  ReportFormElementTable,
  ReportFormUnitTable,
  SubmissionTable,
  SubmissionEventTable,
  FormReminderTable,
  DataImportTable,
  DataImportClaimTable,
} from './schema-data-collection.ts';
export type { ReportDraftTable, ReportExportTable } from './schema-reports.ts';

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
  /**
   * Set when an administrator set the password: every route but the password change answers 403 until it is changed (migration
   * 20261203_0011).
   */
  must_change_password: Generated<boolean>;
  /** Where reminders are e-mailed when SMTP_URL is set (migration 20261204_0014); optional. */
  email: WithDefault<string | null>;
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
  /** Migration 20261203_0011: a token past it is refused. */
  expires_at: Timestamp;
}

/** Login attempts of a username from an address, of a username (ip ''), or from an address (username ''): migration 20261203_0009. */
export interface LoginAttemptTable {
  username: string;
  ip: string;
  attempts: number;
  last_attempt_at: Timestamp;
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
  login_attempt: LoginAttemptTable;
  audit_event: AuditEventTable;
  schema_migration: SchemaMigrationTable;
  data_value: DataValueTable;
  data_value_audit: DataValueAuditTable;
  data_import: DataImportTable;
  data_import_claim: DataImportClaimTable;
  validation_rule: ValidationRuleTable;
  report_form: ReportFormTable;
  report_form_element: ReportFormElementTable;
  report_form_unit: ReportFormUnitTable;
  submission: SubmissionTable;
  submission_event: SubmissionEventTable;
  form_reminder: FormReminderTable;
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
