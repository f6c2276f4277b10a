import { COMPARATORS, targetRuleProblems } from '@vetplan/domain';
import { FieldReader, type CatalogProblem } from './reader.ts';
import type { CatalogPlan, CatalogTarget, CatalogTask } from './types.ts';

export interface PlanReferences {
  areas: Set<string>;
  organisations: Set<string>;
  groups: Set<string>;
  indicators: Set<string>;
}

const RECURRENCES = ['continuous', 'yearly', 'six_monthly', 'once'] as const;
const RULE_KINDS = ['accountability', 'evaluation', 'reporting'] as const;

function readTargets(r: FieldReader, root: Record<string, unknown>, refs: PlanReferences): CatalogTarget[] {
  const seen = new Set<string>();
  return r.items(root, 'targets', '', (o, path) => {
    const target: CatalogTarget = {
      indicator: r.text(o, 'indicator', path),
      year: r.number(o, 'year', path),
      comparator: r.choice(o, 'comparator', path, COMPARATORS),
      value: r.number(o, 'value', path),
      valueUpper: r.optionalNumber(o, 'valueUpper', path),
      tolerance: r.optionalNumber(o, 'tolerance', path),
      wording: r.text(o, 'wording', path),
      wordingEn: r.optionalText(o, 'wordingEn', path),
    };
    if (target.indicator && !refs.indicators.has(target.indicator))
      r.problem(`${path}.indicator`, `"${target.indicator}" is not a known indicator (see indicators.yaml)`);
    if (!Number.isInteger(target.year) || target.year < 1900 || target.year > 2200)
      r.problem(`${path}.year`, 'must be a year such as 2025');
    for (const p of targetRuleProblems(target)) r.problem(path, p);
    r.unique(seen, `${target.indicator} ${target.year}`, path, 'target (indicator and year)');
    return target;
  });
}

function readParties(r: FieldReader, o: Record<string, unknown>, key: string, path: string, refs: PlanReferences): string[] {
  const codes = r.texts(o, key, path, false);
  codes.forEach((c, j) => {
    if (!refs.organisations.has(c) && !refs.groups.has(c))
      r.problem(`${path}.${key}[${j}]`, `"${c}" is not a known organisation or group code (see organisations.yaml)`);
  });
  return codes;
}

function readTasks(r: FieldReader, root: Record<string, unknown>, groupCodes: Set<string>, refs: PlanReferences): CatalogTask[] {
  const seen = new Set<string>();
  return r.items(root, 'tasks', '', (o, path) => {
    const task: CatalogTask = {
      code: r.text(o, 'code', path),
      group: r.text(o, 'group', path),
      section: r.text(o, 'section', path),
      title: r.text(o, 'title', path),
      titleEn: r.optionalText(o, 'titleEn', path),
      content: r.text(o, 'content', path),
      lead: readParties(r, o, 'lead', path, refs),
      coordinating: o.coordinating === undefined ? [] : readParties(r, o, 'coordinating', path, refs),
      leadText: r.optionalText(o, 'leadText', path),
      coordinatingText: r.optionalText(o, 'coordinatingText', path),
      recurrence: r.choice(o, 'recurrence', path, RECURRENCES),
      reporting: r.optionalText(o, 'reporting', path),
    };
    r.unique(seen, task.code, `${path}.code`, 'task');
    if (task.group && !groupCodes.has(task.group)) r.problem(`${path}.group`, `"${task.group}" is not one of the plan's taskGroups`);
    if (o.lead !== undefined && task.lead.length === 0) r.problem(`${path}.lead`, 'names no lead organisation');
    return task;
  });
}

/** The legal documents the plan rests on ("Căn cứ"); a document may name one listed above it as its parent. */
function readBasis(r: FieldReader, root: Record<string, unknown>): CatalogPlan['basis'] {
  const basisSeen = new Set<string>();
  return r.items(
    root,
    'basis',
    '',
    (o, path) => {
      const b = {
        code: r.text(o, 'code', path),
        number: r.text(o, 'number', path),
        docType: r.text(o, 'docType', path),
        title: r.text(o, 'title', path),
        issuedOn: r.date(o, 'issuedOn', path),
        issuer: r.text(o, 'issuer', path),
        relation: r.choice(o, 'relation', path, ['implements', 'guidance'] as const, 'implements'),
        parent: r.optionalText(o, 'parent', path),
      };
      r.unique(basisSeen, b.code, `${path}.code`, 'basis document');
      if (b.parent && !basisSeen.has(b.parent)) r.problem(`${path}.parent`, `"${b.parent}" is not a basis document listed above this one`);
      return b;
    },
    true,
  );
}

export function readPlan(file: string, doc: unknown, refs: PlanReferences, problems: CatalogProblem[]): CatalogPlan | null {
  const r = new FieldReader(file, problems);
  const root = r.object(doc, '');
  if (!root) return null;
  const signer = r.object(root.signer, 'signer') ?? {};
  const groupSeen = new Set<string>();
  const taskGroups = r.items(root, 'taskGroups', '', (o, path) => {
    const g = { code: r.text(o, 'code', path), title: r.text(o, 'title', path), titleEn: r.optionalText(o, 'titleEn', path) };
    r.unique(groupSeen, g.code, `${path}.code`, 'task group');
    return g;
  });
  const plan: CatalogPlan = {
    code: r.text(root, 'code', ''),
    docType: r.text(root, 'docType', ''),
    number: r.optionalText(root, 'number', ''),
    symbol: r.text(root, 'symbol', ''),
    title: r.text(root, 'title', ''),
    titleEn: r.optionalText(root, 'titleEn', ''),
    issuedOn: r.date(root, 'issuedOn', ''),
    issuedOnPrecision: r.choice(root, 'issuedOnPrecision', '', ['day', 'month', 'year'] as const, 'day'),
    place: r.text(root, 'place', ''),
    issuer: r.text(root, 'issuer', ''),
    area: r.text(root, 'area', ''),
    signer: {
      name: r.text(signer, 'name', 'signer'),
      title: r.text(signer, 'title', 'signer'),
      authority: r.text(signer, 'authority', 'signer'),
      delegation: r.optionalText(signer, 'delegation', 'signer'),
    },
    horizons: r.list(root, 'horizons', '').flatMap((h, i) => {
      if (Number.isInteger(h)) return [h as number];
      r.problem(`horizons[${i}]`, 'must be a year such as 2030');
      return [];
    }),
    basis: readBasis(r, root),
    purposes: r.texts(root, 'purposes', ''),
    requirements: r.texts(root, 'requirements', ''),
    generalObjective: r.text(root, 'generalObjective', ''),
    targets: readTargets(r, root, refs),
    taskGroups,
    tasks: readTasks(r, root, groupSeen, refs),
    rules: r.items(
      root,
      'rules',
      '',
      (o, path) => {
        const codes = (key: string) => (o[key] === undefined ? [] : readParties(r, o, key, path, refs));
        return {
          code: r.text(o, 'code', path),
          kind: r.choice(o, 'kind', path, RULE_KINDS),
          text: r.text(o, 'text', path),
          textEn: r.optionalText(o, 'textEn', path),
          evaluation: r.boolean(o, 'evaluation', path, false),
          from: codes('from'),
          to: codes('to'),
          via: o.via === undefined ? null : (readParties(r, o, 'via', path, refs)[0] ?? null),
          frequency: r.optionalText(o, 'frequency', path),
        };
      },
      true,
    ),
    recipients: r.texts(root, 'recipients', ''),
  };
  if (plan.issuer && !refs.organisations.has(plan.issuer)) r.problem('issuer', `"${plan.issuer}" is not a known organisation code`);
  if (plan.area && !refs.areas.has(plan.area)) r.problem('area', `"${plan.area}" is not a known area code`);
  plan.targets.forEach((t, i) => {
    if (Number.isInteger(t.year) && plan.horizons.length > 0 && !plan.horizons.includes(t.year)) {
      r.problem(`targets[${i}].year`, `${t.year} is not one of the plan's horizons (${plan.horizons.join(', ')})`);
    }
  });
  return plan;
}
