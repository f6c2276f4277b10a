import type { AppContext } from '../../context.ts';
import { errors } from '../../http/errors.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { areaAncestorsOrSelf, areaSubtree } from '../../access/units.ts';
import * as repo from './repository.ts';
import type { PlanDto, PlanSummary } from './schema.ts';

type Precision = PlanSummary['issuedOnPrecision'];
type PlanParts = Awaited<ReturnType<typeof repo.planParts>>;

/** Plans of the user's areas and of the areas above them (a commune reads its district's plan). */
export async function listPlans(ctx: AppContext, auth: AuthContext): Promise<PlanSummary[]> {
  const areas = new Set([...(await areaSubtree(ctx.db, auth.scope.areaCode)), ...(await areaAncestorsOrSelf(ctx.db, auth.scope.areaCode))]);
  if (auth.scope.type === 'organisation') {
    // An organisation-scoped user reads plans of its area and above, not of sibling areas below.
    for (const code of await areaSubtree(ctx.db, auth.scope.areaCode)) if (code !== auth.scope.areaCode) areas.delete(code);
  }
  const rows = await repo.planSummaries(ctx.db, [...areas]);
  return Promise.all(
    rows.map(async (p) => ({
      code: p.code,
      docType: p.doc_type,
      number: p.number,
      symbol: p.symbol,
      title: p.title,
      issuedOn: p.issued_on,
      issuedOnPrecision: p.issued_on_precision as Precision,
      issuer: { code: p.issuer_code, name: p.issuer_name },
      area: { code: p.area_code, name: await repo.areaName(ctx.db, p.area_code) },
    })),
  );
}

function partyCodes(parties: PlanParts['parties'], task: string, role: string) {
  const mine = parties.filter((p) => p.task_code === task && p.role === role);
  return {
    orgs: mine.flatMap((p) => (p.org_code ? [p.org_code] : [])),
    groups: mine.flatMap((p) => (p.group_code ? [p.group_code] : [])),
  };
}

/** The whole plan: heading, cascade, objectives, targets, tasks with their agencies, and section IV. */
export async function getPlan(ctx: AppContext, code: string): Promise<PlanDto> {
  const plan = await repo.findPlan(ctx.db, code);
  if (!plan) throw errors.notFound(`kế hoạch "${code}"`, `Plan "${code}"`);
  const parts = await repo.planParts(ctx.db, code);
  const groupCodes = [
    ...new Set(
      parts.parties
        .flatMap((p) => (p.group_code ? [p.group_code] : []))
        .concat(parts.rules.flatMap((r) => [...r.from_codes, ...r.to_codes])),
    ),
  ];
  const groups = await repo.groupMembers(ctx.db, groupCodes);
  const membersOf = new Map(groups.map((g) => [g.code, g.members]));
  const expand = (orgs: string[], groupList: string[]) => [...new Set([...orgs, ...groupList.flatMap((g) => membersOf.get(g) ?? [])])];

  const tasks = planTasks(parts, expand);

  const orgCodes = new Set<string>([plan.issuer_code]);
  for (const t of tasks) for (const c of [...t.lead, ...t.coordinating]) orgCodes.add(c);
  for (const r of parts.rules)
    for (const c of [...r.from_codes, ...r.to_codes, ...(r.via_code ? [r.via_code] : [])]) if (!membersOf.has(c)) orgCodes.add(c);
  const organisations = await repo.organisationsByCode(ctx.db, [...orgCodes]);
  const issuer = organisations.find((o) => o.code === plan.issuer_code);
  const indicators = await repo.indicatorsByCode(ctx.db, [...new Set(parts.targets.map((t) => t.indicator_code))]);

  return {
    code: plan.code,
    docType: plan.doc_type,
    number: plan.number,
    symbol: plan.symbol,
    title: plan.title,
    titleEn: plan.title_en,
    issuedOn: plan.issued_on,
    issuedOnPrecision: plan.issued_on_precision as Precision,
    place: plan.place,
    issuer: { code: plan.issuer_code, name: issuer?.name ?? plan.issuer_code },
    area: { code: plan.area_code, name: await repo.areaName(ctx.db, plan.area_code) },
    signer: plan.signer,
    horizons: plan.horizons,
    basis: parts.basis.map(basisDto),
    purposes: plan.purposes,
    requirements: plan.requirements,
    generalObjective: plan.general_objective,
    indicators: indicators.map(indicatorDto),
    targets: parts.targets.map(targetDto),
    taskGroups: parts.taskGroups.map((g) => ({ code: g.code, title: g.title, titleEn: g.title_en })),
    tasks,
    groups,
    organisations: organisations.map((o) => ({ code: o.code, name: o.name, shortName: o.short_name, nameEn: o.name_en })),
    rules: parts.rules.map(ruleDto),
    recipients: plan.recipients,
  };
}

/** The plan's tasks, each with its lead and coordinating agencies (groups expanded to their members). */
function planTasks(parts: PlanParts, expand: (orgs: string[], groups: string[]) => string[]): PlanDto['tasks'] {
  return parts.tasks.map((t) => {
    const lead = partyCodes(parts.parties, t.code, 'lead');
    const coordinating = partyCodes(parts.parties, t.code, 'coordinating');
    const leadCodes = expand(lead.orgs, lead.groups);
    return {
      code: t.code,
      group: t.group_code,
      section: t.section,
      title: t.title,
      titleEn: t.title_en,
      content: t.content,
      lead: leadCodes,
      // "Chủ trì, phối hợp với các cơ quan liên quan": the lead does not coordinate with itself.
      coordinating: expand(coordinating.orgs, coordinating.groups).filter((c) => !leadCodes.includes(c)),
      leadGroups: lead.groups,
      coordinatingGroups: coordinating.groups,
      leadText: t.lead_text,
      coordinatingText: t.coordinating_text,
      recurrence: t.recurrence as PlanDto['tasks'][number]['recurrence'],
      reporting: t.reporting,
    };
  });
}

/** A legal basis of the plan (section "Căn cứ"). */
function basisDto(b: PlanParts['basis'][number]): PlanDto['basis'][number] {
  return {
    code: b.code,
    number: b.number,
    docType: b.doc_type,
    title: b.title,
    issuedOn: b.issued_on,
    issuer: b.issuer,
    relation: b.relation as 'implements' | 'guidance',
    parent: b.parent,
  };
}

/** An indicator the plan sets targets for. */
function indicatorDto(i: Awaited<ReturnType<typeof repo.indicatorsByCode>>[number]): PlanDto['indicators'][number] {
  return {
    code: i.code,
    name: i.name,
    nameEn: i.name_en,
    formula: i.formula,
    unit: i.unit as 'percent' | 'count',
    unitLabel: i.unit_label,
    unitLabelEn: i.unit_label_en,
    decimals: i.decimals,
    externalCodes: i.external_codes,
  };
}

/** A target: an indicator, a year and the value to reach. */
function targetDto(t: PlanParts['targets'][number]): PlanDto['targets'][number] {
  return {
    indicator: t.indicator_code,
    year: t.year,
    comparator: t.comparator as PlanDto['targets'][number]['comparator'],
    value: t.value,
    valueUpper: t.value_upper,
    tolerance: t.tolerance,
    wording: t.wording,
    wordingEn: t.wording_en,
  };
}

/** A rule of section IV: who reports to, evaluates or is accountable to whom. */
function ruleDto(r: PlanParts['rules'][number]): PlanDto['rules'][number] {
  return {
    code: r.code,
    kind: r.kind as PlanDto['rules'][number]['kind'],
    text: r.text,
    textEn: r.text_en,
    evaluation: r.evaluation,
    from: r.from_codes,
    to: r.to_codes,
    via: r.via_code,
    frequency: r.frequency,
  };
}
