import type { Generated } from 'kysely';
import type { Timestamp, WithDefault, Json } from './column-types.ts';

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
