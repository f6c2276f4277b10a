import { COMPARATORS } from '@vetplan/domain';
import { apiGet } from '../../api/client.ts';
import { asObject, bool, list, num, numbers, numOrNull, oneOf, str, stringMap, strings, strOrNull, type Json } from '../../api/decode.ts';
import type {
  BasisDocument,
  Indicator,
  OrgGroup,
  Plan,
  PlanOrganisation,
  PlanRule,
  PlanSummary,
  Target,
  Task,
  TaskGroup,
} from './types.ts';

const PRECISIONS = ['day', 'month', 'year'] as const;
const RECURRENCES = ['continuous', 'yearly', 'six_monthly', 'once'] as const;
const RULE_KINDS = ['accountability', 'evaluation', 'reporting'] as const;

function codeName(value: unknown, path: string): { code: string; name: string } {
  const o = asObject(value, path);
  return { code: str(o, 'code', path), name: str(o, 'name', path) };
}

function mapSummary(value: unknown, path: string): PlanSummary {
  const o = asObject(value, path);
  return {
    code: str(o, 'code', path),
    docType: str(o, 'docType', path),
    number: strOrNull(o, 'number', path),
    symbol: str(o, 'symbol', path),
    title: str(o, 'title', path),
    issuedOn: strOrNull(o, 'issuedOn', path),
    issuedOnPrecision: oneOf(o, 'issuedOnPrecision', PRECISIONS, path),
    issuer: codeName(o.issuer, `${path}.issuer`),
    area: codeName(o.area, `${path}.area`),
  };
}

function mapBasis(value: unknown, path: string): BasisDocument {
  const o = asObject(value, path);
  return {
    code: str(o, 'code', path),
    number: str(o, 'number', path),
    docType: str(o, 'docType', path),
    title: str(o, 'title', path),
    issuedOn: strOrNull(o, 'issuedOn', path),
    issuer: str(o, 'issuer', path),
    relation: oneOf(o, 'relation', ['implements', 'guidance'], path),
    parent: strOrNull(o, 'parent', path),
  };
}

function mapIndicator(value: unknown, path: string): Indicator {
  const o = asObject(value, path);
  return {
    code: str(o, 'code', path),
    name: str(o, 'name', path),
    nameEn: strOrNull(o, 'nameEn', path),
    formula: str(o, 'formula', path),
    unit: oneOf(o, 'unit', ['percent', 'count'], path),
    unitLabel: strOrNull(o, 'unitLabel', path),
    unitLabelEn: strOrNull(o, 'unitLabelEn', path),
    decimals: num(o, 'decimals', path),
    externalCodes: stringMap(o, 'externalCodes', path),
  };
}

function mapTarget(value: unknown, path: string): Target {
  const o = asObject(value, path);
  return {
    indicator: str(o, 'indicator', path),
    year: num(o, 'year', path),
    comparator: oneOf(o, 'comparator', COMPARATORS, path),
    value: num(o, 'value', path),
    valueUpper: numOrNull(o, 'valueUpper', path),
    tolerance: numOrNull(o, 'tolerance', path),
    wording: str(o, 'wording', path),
    wordingEn: strOrNull(o, 'wordingEn', path),
  };
}

function mapTaskGroup(value: unknown, path: string): TaskGroup {
  const o = asObject(value, path);
  return { code: str(o, 'code', path), title: str(o, 'title', path), titleEn: strOrNull(o, 'titleEn', path) };
}

function mapTask(value: unknown, path: string): Task {
  const o = asObject(value, path);
  return {
    code: str(o, 'code', path),
    group: str(o, 'group', path),
    section: str(o, 'section', path),
    title: str(o, 'title', path),
    titleEn: strOrNull(o, 'titleEn', path),
    content: str(o, 'content', path),
    lead: strings(o, 'lead', path),
    coordinating: strings(o, 'coordinating', path),
    leadGroups: strings(o, 'leadGroups', path),
    coordinatingGroups: strings(o, 'coordinatingGroups', path),
    leadText: strOrNull(o, 'leadText', path),
    coordinatingText: strOrNull(o, 'coordinatingText', path),
    recurrence: oneOf(o, 'recurrence', RECURRENCES, path),
    reporting: strOrNull(o, 'reporting', path),
  };
}

function mapGroup(value: unknown, path: string): OrgGroup {
  const o = asObject(value, path);
  return {
    code: str(o, 'code', path),
    name: str(o, 'name', path),
    nameEn: strOrNull(o, 'nameEn', path),
    members: strings(o, 'members', path),
  };
}

function mapOrganisation(value: unknown, path: string): PlanOrganisation {
  const o = asObject(value, path);
  return {
    code: str(o, 'code', path),
    name: str(o, 'name', path),
    shortName: strOrNull(o, 'shortName', path),
    nameEn: strOrNull(o, 'nameEn', path),
  };
}

function mapRule(value: unknown, path: string): PlanRule {
  const o = asObject(value, path);
  return {
    code: str(o, 'code', path),
    kind: oneOf(o, 'kind', RULE_KINDS, path),
    text: str(o, 'text', path),
    textEn: strOrNull(o, 'textEn', path),
    evaluation: bool(o, 'evaluation', path),
    from: strings(o, 'from', path),
    to: strings(o, 'to', path),
    via: strOrNull(o, 'via', path),
    frequency: strOrNull(o, 'frequency', path),
  };
}

export function mapPlan(o: Json): Plan {
  const p = 'plan';
  const signer = asObject(o.signer, `${p}.signer`);
  return {
    ...mapSummary(o, p),
    titleEn: strOrNull(o, 'titleEn', p),
    place: str(o, 'place', p),
    signer: {
      name: str(signer, 'name', `${p}.signer`),
      title: str(signer, 'title', `${p}.signer`),
      authority: str(signer, 'authority', `${p}.signer`),
      delegation: strOrNull(signer, 'delegation', `${p}.signer`),
    },
    horizons: numbers(o, 'horizons', p),
    basis: list(o, 'basis', mapBasis, p),
    purposes: strings(o, 'purposes', p),
    requirements: strings(o, 'requirements', p),
    generalObjective: str(o, 'generalObjective', p),
    indicators: list(o, 'indicators', mapIndicator, p),
    targets: list(o, 'targets', mapTarget, p),
    taskGroups: list(o, 'taskGroups', mapTaskGroup, p),
    tasks: list(o, 'tasks', mapTask, p),
    groups: list(o, 'groups', mapGroup, p),
    organisations: list(o, 'organisations', mapOrganisation, p),
    rules: list(o, 'rules', mapRule, p),
    recipients: strings(o, 'recipients', p),
  };
}

export function fetchPlans(signal?: AbortSignal): Promise<PlanSummary[]> {
  return apiGet('/api/plans', (o) => list(o, 'plans', mapSummary, 'plans'), signal);
}

export function fetchPlan(code: string, signal?: AbortSignal): Promise<Plan> {
  return apiGet(`/api/plans/${encodeURIComponent(code)}`, mapPlan, signal);
}
