import type { Comparator, DatePrecision, IndicatorUnit } from '@vetplan/domain';

export interface PlanSummary {
  code: string;
  docType: string;
  number: string | null;
  symbol: string;
  title: string;
  issuedOn: string | null;
  issuedOnPrecision: DatePrecision;
  issuer: { code: string; name: string };
  area: { code: string; name: string };
}

export interface BasisDocument {
  code: string;
  number: string;
  docType: string;
  title: string;
  issuedOn: string | null;
  issuer: string;
  relation: 'implements' | 'guidance';
  parent: string | null;
}

export interface Indicator {
  code: string;
  name: string;
  nameEn: string | null;
  formula: string;
  unit: IndicatorUnit;
  unitLabel: string | null;
  unitLabelEn: string | null;
  decimals: number;
  externalCodes: Record<string, string>;
}

export interface Target {
  indicator: string;
  year: number;
  comparator: Comparator;
  value: number;
  valueUpper: number | null;
  tolerance: number | null;
  wording: string;
  wordingEn: string | null;
}

export interface TaskGroup {
  code: string;
  title: string;
  titleEn: string | null;
}

export type Recurrence = 'continuous' | 'yearly' | 'six_monthly' | 'once';

export interface Task {
  code: string;
  group: string;
  section: string;
  title: string;
  titleEn: string | null;
  content: string;
  lead: string[];
  coordinating: string[];
  leadGroups: string[];
  coordinatingGroups: string[];
  leadText: string | null;
  coordinatingText: string | null;
  recurrence: Recurrence;
  reporting: string | null;
}

export interface OrgGroup {
  code: string;
  name: string;
  nameEn: string | null;
  members: string[];
}

export interface PlanOrganisation {
  code: string;
  name: string;
  shortName: string | null;
  nameEn: string | null;
}

export interface PlanRule {
  code: string;
  kind: 'accountability' | 'evaluation' | 'reporting';
  text: string;
  textEn: string | null;
  evaluation: boolean;
  from: string[];
  to: string[];
  via: string | null;
  frequency: string | null;
}

export interface Signer {
  name: string;
  title: string;
  authority: string;
  delegation: string | null;
}

export interface Plan {
  code: string;
  docType: string;
  number: string | null;
  symbol: string;
  title: string;
  titleEn: string | null;
  issuedOn: string | null;
  issuedOnPrecision: DatePrecision;
  place: string;
  issuer: { code: string; name: string };
  area: { code: string; name: string };
  signer: Signer;
  horizons: number[];
  basis: BasisDocument[];
  purposes: string[];
  requirements: string[];
  generalObjective: string;
  indicators: Indicator[];
  targets: Target[];
  taskGroups: TaskGroup[];
  tasks: Task[];
  groups: OrgGroup[];
  organisations: PlanOrganisation[];
  rules: PlanRule[];
  recipients: string[];
}
