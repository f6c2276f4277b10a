import type { DateText, Timestamp, WithDefault } from './column-types.ts';

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
