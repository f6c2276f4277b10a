import {
  checkRule,
  currentReportingPeriod,
  parsePeriod,
  periodDates,
  previousPeriod,
  ruleElements,
  type Period,
  type RuleViolation,
  inRoleGroup,
  MANAGER_ROLES,
} from '@vetplan/domain';
import { displayNames } from '../users/display-names.ts';
import type { AppContext } from '../../context.ts';
import { errors } from '../../http/errors.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { loadDataMetadata } from '../data-elements/metadata.ts';
import { canWrite, formSchedule, ReopenedReports, reportsFor } from './access.ts';
import { ScopeCache } from '../../access/scope-cache.ts';
import { decisionRefusal } from './duties.ts';
import { previousFigures } from './previous.ts';
import { findSubmission, loadForms, submissionEvents, type FormWithParts } from './repository.ts';
import type { EntryDto, FormSummary } from './schema.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function formSummary(ctx: AppContext, scope: ScopeCache, form: FormWithParts): Promise<FormSummary> {
  const units: { code: string; name: string }[] = [];
  for (const code of form.units) {
    if (!(await reportsFor(scope, form, code)) && !(await scope.reaches(code))) continue;
    units.push({ code, name: (await scope.unit(code))?.name ?? code });
  }
  return {
    code: form.code,
    name: form.name,
    nameEn: form.name_en,
    periodType: form.period_type as FormSummary['periodType'],
    elements: form.elements,
    units,
    reportedBy: form.reported_by,
    approverRoles: form.approver_roles,
    schedule: formSchedule(form),
    current: currentRound(form, ctx.now().toISOString().slice(0, 10)),
  };
}

function currentRound(form: FormWithParts, today: string) {
  const period = currentReportingPeriod(form.period_type as FormSummary['periodType'], formSchedule(form), today);
  const dates = periodDates(period, formSchedule(form));
  return { period: period.code, opens: dates.opens, due: dates.due };
}

/** The forms the user reports or oversees, with the units of each in their reach. */
export async function listForms(ctx: AppContext, auth: AuthContext): Promise<FormSummary[]> {
  const scope = new ScopeCache(ctx, auth);
  const summaries = await Promise.all((await loadForms(ctx.db)).map((f) => formSummary(ctx, scope, f)));
  return summaries.filter((f) => f.units.length > 0);
}

export interface FormContext {
  form: FormWithParts;
  period: Period;
  org: string;
  orgName: string;
  scope: ScopeCache;
}

/** Loads a form and reads a period of its type, or fails with the field to fix. */
export async function formAndPeriod(ctx: AppContext, code: string, periodCode: string): Promise<{ form: FormWithParts; period: Period }> {
  const [form] = await loadForms(ctx.db, [code]);
  if (!form) throw errors.notFound(`biểu mẫu "${code}"`, `Form "${code}"`);
  const parsed = parsePeriod(periodCode);
  if (!parsed.ok) throw errors.invalidField('period', parsed.messageVi, parsed.message);
  if (parsed.period.type !== form.period_type) {
    throw errors.invalidField(
      'period',
      `Biểu mẫu "${form.name}" báo cáo theo kỳ khác loại với "${periodCode}"`,
      `Form ${code} is not reported for periods like "${periodCode}"`,
    );
  }
  return { form, period: parsed.period };
}

/** Loads a form and checks that the unit reports it for the period and is in the user's reach. */
export async function resolveFormUnit(
  ctx: AppContext,
  auth: AuthContext,
  code: string,
  org: string,
  periodCode: string,
): Promise<FormContext> {
  const { form, period } = await formAndPeriod(ctx, code, periodCode);
  if (!form.units.includes(org))
    throw errors.invalidField('org', `Đơn vị "${org}" không phải báo cáo biểu mẫu này`, `"${org}" does not report form ${code}`);
  const scope = new ScopeCache(ctx, auth);
  if (!(await reportsFor(scope, form, org)) && !(await scope.reaches(org))) throw errors.outOfScope(org);
  return { form, period, org, orgName: (await scope.unit(org))?.name ?? org, scope };
}

/** The rule violations among a unit's figures of a period, for the rules that read the form's elements. */
export async function formViolations(ctx: AppContext, form: FormWithParts, org: string, period: string): Promise<RuleViolation[]> {
  const metadata = await loadDataMetadata(ctx.db);
  const rules = metadata.rules.filter((r) => ruleElements(r).some((e) => form.elements.includes(e)));
  if (rules.length === 0) return [];
  const cells = await ctx.db
    .selectFrom('data_value')
    .select(['element_code as element', 'disagg', 'value'])
    .where('org_code', '=', org)
    .where('period', '=', period)
    .execute();
  return rules.flatMap((r) => checkRule(r, cells));
}

async function cellsOf(ctx: AppContext, form: FormWithParts, org: string, period: string) {
  const rows = await ctx.db
    .selectFrom('data_value')
    .selectAll()
    .where('org_code', '=', org)
    .where('period', '=', period)
    .where('element_code', 'in', form.elements)
    .orderBy('element_code')
    .orderBy('disagg')
    .execute();
  return rows.map((v) => ({
    element: v.element_code,
    disagg: v.disagg,
    value: v.value,
    comment: v.comment,
    version: v.version,
    updatedBy: v.updated_by,
    updatedAt: new Date(v.updated_at).toISOString(),
  }));
}

export async function submissionDto(ctx: AppContext, form: string, org: string, period: string) {
  const [row, events] = await Promise.all([findSubmission(ctx.db, form, org, period), submissionEvents(ctx.db, form, org, period)]);
  const nameOf = await displayNames(ctx.db, [row?.submitted_by, row?.decided_by, ...events.map((e) => e.actor)]);
  return {
    status: row?.status ?? 'draft',
    version: row?.version ?? 0,
    submittedAt: iso(row?.submitted_at ?? null),
    submittedBy: row?.submitted_by ?? null,
    submittedByName: nameOf(row?.submitted_by ?? null),
    decidedAt: iso(row?.decided_at ?? null),
    decidedBy: row?.decided_by ?? null,
    decidedByName: nameOf(row?.decided_by ?? null),
    reason: row?.reason ?? null,
    comment: row?.comment ?? null,
    events: events.map((e) => ({
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actor: e.actor,
      actorName: nameOf(e.actor)!,
      at: new Date(e.at).toISOString(),
      comment: e.comment,
    })),
  };
}

/** Everything the data entry screen needs for one form, unit and period. */
export async function entry(ctx: AppContext, auth: AuthContext, code: string, org: string, periodCode: string): Promise<EntryDto> {
  const f = await resolveFormUnit(ctx, auth, code, org, periodCode);
  const metadata = await loadDataMetadata(ctx.db);
  const [elementRows, dimensionRows, valueRows] = await Promise.all([
    ctx.db.selectFrom('data_element').select(['code', 'name', 'name_en']).where('code', 'in', f.form.elements).execute(),
    ctx.db.selectFrom('dimension').selectAll().execute(),
    ctx.db.selectFrom('dimension_value').selectAll().orderBy('position').execute(),
  ]);
  const previous = previousPeriod(f.period);
  const submission = await submissionDto(ctx, code, org, f.period.code);
  const today = ctx.now().toISOString().slice(0, 10);
  const writable = await canWrite(auth, f.scope, [f.form], f.form.elements[0]!, org, f.period.code, today, new ReopenedReports(ctx.db));
  const locked = submission.status === 'approved';
  // Submitted, a report is read-only to its unit's officers and heads until it is returned or withdrawn (forms/locks.ts).
  const awaitingDecision = submission.status === 'submitted' && !inRoleGroup(MANAGER_ROLES, auth.role);
  return {
    form: await formSummary(ctx, f.scope, f.form),
    org: { code: org, name: f.orgName },
    period: f.period.code,
    dates: periodDates(f.period, formSchedule(f.form)),
    elements: f.form.elements.map((code) => {
      const spec = metadata.elements.get(code)!;
      const row = elementRows.find((e) => e.code === code);
      return {
        code,
        name: row?.name ?? code,
        nameEn: row?.name_en ?? null,
        valueType: spec.valueType,
        dimensions: spec.dimensions.map((d) => ({
          dimension: d.dimension,
          name: dimensionRows.find((x) => x.code === d.dimension)?.name ?? d.dimension,
          values: d.values.map((v) => {
            const value = valueRows.find((x) => x.dimension_code === d.dimension && x.code === v);
            return { code: v, name: value?.name ?? v, nameEn: value?.name_en ?? null };
          }),
        })),
      };
    }),
    values: await cellsOf(ctx, f.form, org, f.period.code),
    previous: { period: previous.code, values: await previousFigures(ctx, f.form, org, previous) },
    submission,
    violations: (await formViolations(ctx, f.form, org, f.period.code)).map((v) => ({
      rule: v.rule,
      message: v.message,
      messageEn: v.messageEn,
      where: v.where,
      elements: v.elements,
      leftElements: v.leftElements,
    })),
    locked,
    canEdit: writable.ok && !locked && !awaitingDecision,
    canWithdraw: submission.status === 'submitted' && submission.submittedBy === auth.username,
    canApprove:
      (await decisionRefusal(ctx, auth, { form: f.form, org, period: f.period.code, submittedBy: submission.submittedBy })) === null,
  };
}
