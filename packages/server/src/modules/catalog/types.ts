import type { Comparator } from '@vetplan/domain';

export interface CatalogArea {
  code: string;
  level: 'nation' | 'province' | 'district' | 'commune';
  kind: string;
  name: string;
  nameEn: string | null;
  parent: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface CatalogOrganisation {
  code: string;
  name: string;
  shortName: string | null;
  nameEn: string | null;
  kind: string;
  area: string;
  parent: string | null;
}

export interface CatalogGroup {
  code: string;
  name: string;
  nameEn: string | null;
  kinds: string[];
  members: string[];
}

export interface CatalogDimension {
  code: string;
  name: string;
  nameEn: string | null;
  values: { code: string; name: string; nameEn: string | null }[];
}

export interface CatalogElement {
  code: string;
  name: string;
  nameEn: string | null;
  description: string | null;
  valueType: 'count' | 'number' | 'percentage' | 'boolean';
  aggregation: 'sum' | 'last';
  periodType: string;
  dimensions: { dimension: string; values: string[] | null }[];
}

export interface CatalogIndicator {
  code: string;
  name: string;
  nameEn: string | null;
  description: string | null;
  formula: string;
  unit: 'percent' | 'count';
  unitLabel: string | null;
  unitLabelEn: string | null;
  decimals: number;
  externalCodes: Record<string, string>;
}

export interface CatalogTarget {
  indicator: string;
  year: number;
  comparator: Comparator;
  value: number;
  valueUpper: number | null;
  tolerance: number | null;
  wording: string;
  wordingEn: string | null;
}

export interface CatalogTask {
  code: string;
  group: string;
  section: string;
  title: string;
  titleEn: string | null;
  content: string;
  lead: string[];
  coordinating: string[];
  leadText: string | null;
  coordinatingText: string | null;
  recurrence: 'continuous' | 'yearly' | 'six_monthly' | 'once';
  reporting: string | null;
}

export interface CatalogPlan {
  code: string;
  docType: string;
  number: string | null;
  symbol: string;
  title: string;
  titleEn: string | null;
  issuedOn: string | null;
  issuedOnPrecision: 'day' | 'month' | 'year';
  place: string;
  issuer: string;
  area: string;
  signer: { name: string; title: string; authority: string; delegation: string | null };
  horizons: number[];
  basis: {
    code: string;
    number: string;
    docType: string;
    title: string;
    issuedOn: string | null;
    issuer: string;
    relation: 'implements' | 'guidance';
    parent: string | null;
  }[];
  purposes: string[];
  requirements: string[];
  generalObjective: string;
  targets: CatalogTarget[];
  taskGroups: { code: string; title: string; titleEn: string | null }[];
  tasks: CatalogTask[];
  rules: {
    code: string;
    kind: 'accountability' | 'evaluation' | 'reporting';
    text: string;
    textEn: string | null;
    evaluation: boolean;
    from: string[];
    to: string[];
    via: string | null;
    frequency: string | null;
  }[];
  recipients: string[];
}

export interface CatalogValidationRule {
  code: string;
  name: string;
  nameEn: string | null;
  left: string;
  operator: string;
  right: string;
  perDimensions: string[];
  message: string;
  messageEn: string | null;
}

export interface DayInPeriod {
  month: number;
  day: number;
}

export interface CatalogForm {
  code: string;
  name: string;
  nameEn: string | null;
  periodType: 'monthly' | 'quarterly' | 'six_monthly' | 'yearly';
  elements: string[];
  /** Resolved unit codes (areas or organisations) that must report. */
  units: string[];
  reportedBy: string | null;
  opens: DayInPeriod;
  cutoff: DayInPeriod;
  due: DayInPeriod;
  approverRoles: string[];
}

export interface Catalog {
  code: string;
  name: string;
  checksum: string;
  areas: CatalogArea[];
  groups: CatalogGroup[];
  organisations: CatalogOrganisation[];
  dimensions: CatalogDimension[];
  elements: CatalogElement[];
  indicators: CatalogIndicator[];
  rules: CatalogValidationRule[];
  forms: CatalogForm[];
  plans: CatalogPlan[];
}
