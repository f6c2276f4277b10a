import {
  flattenRules,
  parsePeriod,
  periodDates,
  periodParts,
  rank,
  rulesFrom,
  scorecard,
  timeliness,
  type IndicatorItem,
  type PeriodType,
  type ReportItem,
  type TaskItem,
} from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import { errors } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.ts';
import { findUnit, unitWithin } from '../../access/units.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { formSchedule } from '../forms/access.ts';
import { loadForms, submissionsOf } from '../forms/repository.ts';
import { requireManager } from './access.ts';
import { ensureAssignments, requirePlan, today } from './assignments.ts';
import { assignmentStatus } from './dto.ts';
import { progressFor, targetForYear, targetText, valueText, type ProgressCache } from './indicators.ts';
import * as repo from './repository.ts';
import { assertNotOwnUnit, assertPlanInScope } from './task-rules.ts';

const yearPeriods = (year: number) => [String(year), `${year}S1`, `${year}S2`];
const dayOf = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString().slice(0, 10));

async function loadRules(ctx: AppContext) {
  const rows = await ctx.db.selectFrom('evaluation_rule').select(['key', 'value']).execute();
  return rulesFrom(rows.map((r) => ({ key: r.key, value: Number(r.value) })));
}

/** The task part: every assignment of the unit in the year, with its computed status. */
async function taskItems(ctx: AppContext, plan: string, org: string, year: number): Promise<{ items: TaskItem[]; ledGroups: Set<string> }> {
  const rows = await repo.assignmentRows(ctx.db, { plan, orgs: [org], periods: yearPeriods(year) });
  const day = today(ctx);
  return {
    items: rows.map((r) => ({
      key: `${r.task_code}|${r.period}`,
      label: `${r.task_code} (${r.period}): ${r.title}`,
      role: r.role,
      status: assignmentStatus(r, day),
      dueOn: r.extended_to ?? r.due_on,
    })),
    ledGroups: new Set(rows.filter((r) => r.role === 'lead').map((r) => r.group_code)),
  };
}

/**
 * The indicator part: the indicators linked to the groups of the tasks the unit leads, judged against the target that counts in the year.
 */
async function indicatorItems(
  ctx: AppContext,
  plan: string,
  org: string,
  year: number,
  groups: Set<string>,
  cache: ProgressCache,
): Promise<IndicatorItem[]> {
  if (groups.size === 0) return [];
  const links = await ctx.db
    .selectFrom('task_group_indicator as g')
    .innerJoin('indicator as i', 'i.code', 'g.indicator_code')
    .select(['i.code', 'i.name', 'i.unit', 'i.unit_label'])
    .distinct()
    .where('g.plan_code', '=', plan)
    .where('g.group_code', 'in', [...groups])
    .orderBy('i.code')
    .execute();
  if (links.length === 0) return [];
  const rows = await progressFor(ctx, plan, org, year, cache);
  return links.map((l) => {
    const t = targetForYear(rows, l.code, year);
    const figure = valueText(t, l) ?? 'chưa có số liệu';
    return {
      key: l.code,
      label: `${l.name}: ${figure}; chỉ tiêu ${t ? targetText(t, l) : '—'}`,
      status: t?.status ?? 'no_data',
      value: t?.value ?? null,
      target: t?.target ?? 0,
    };
  });
}

/** What the scorecards of one request share: forms, submissions and indicator progress are read once. */
interface EvalCache {
  progress: ProgressCache;
  forms?: ReturnType<typeof loadForms>;
  submissions: Map<string, ReturnType<typeof submissionsOf>>;
  names?: ReturnType<typeof repo.unitNames>;
}
const newCache = (): EvalCache => ({ progress: new Map(), submissions: new Map() });

function cachedSubmissions(ctx: AppContext, cache: EvalCache, form: string, period: string) {
  const key = `${form}|${period}`;
  if (!cache.submissions.has(key)) cache.submissions.set(key, submissionsOf(ctx.db, form, period));
  return cache.submissions.get(key)!;
}

/** The report part: every data report the unit owes in the year (as a unit of a form, or reporting for others), on time or not. */
async function reportItems(ctx: AppContext, org: string, year: number, cache: EvalCache): Promise<ReportItem[]> {
  const day = today(ctx);
  const items: ReportItem[] = [];
  cache.forms ??= loadForms(ctx.db);
  const forms = await cache.forms;
  cache.names ??= repo.unitNames(ctx.db, [...new Set(forms.flatMap((f) => f.units))]);
  const names = await cache.names;
  for (const form of forms) {
    const units = form.reported_by === org ? form.units : form.units.filter((u) => u === org);
    if (units.length === 0) continue;
    const yearPeriod = parsePeriod(String(year));
    if (!yearPeriod.ok) continue;
    for (const period of periodParts(yearPeriod.period, form.period_type as PeriodType)) {
      const due = periodDates(period, formSchedule(form)).due;
      const submissions = new Map((await cachedSubmissions(ctx, cache, form.code, period.code)).map((s) => [s.org_code, s]));
      for (const unit of units) {
        const s = submissions.get(unit);
        const submittedOn = s && s.status !== 'draft' ? dayOf(s.submitted_at) : null;
        items.push({
          key: `${form.code}|${unit}|${period.code}`,
          label: `${form.name} — ${names.get(unit) ?? unit} — ${period.code}`,
          timeliness: timeliness(due, submittedOn, day),
          dueOn: due,
        });
      }
    }
  }
  return items;
}

async function computeScorecard(ctx: AppContext, plan: string, org: string, year: number, cache: EvalCache = newCache()) {
  await ensureAssignments(ctx, plan);
  const rules = await loadRules(ctx);
  const { items: tasks, ledGroups } = await taskItems(ctx, plan, org, year);
  const [indicators, reports, adjustments, names] = await Promise.all([
    indicatorItems(ctx, plan, org, year, ledGroups, cache.progress),
    reportItems(ctx, org, year, cache),
    ctx.db
      .selectFrom('score_adjustment')
      .selectAll()
      .where('plan_code', '=', plan)
      .where('org_code', '=', org)
      .where('year', '=', year)
      .orderBy('id')
      .execute(),
    repo.unitNames(ctx.db, [org]),
  ]);
  const card = scorecard(
    {
      tasks,
      indicators,
      reports,
      adjustments: adjustments.map((a) => ({
        delta: Number(a.delta),
        reason: a.reason,
        by: a.adjusted_by,
        at: new Date(a.adjusted_at).toISOString(),
      })),
    },
    rules,
  );
  return { plan, org, orgName: names.get(org) ?? org, year, ...card, rules: flattenRules(rules) };
}

async function assertReads(ctx: AppContext, auth: AuthContext, code: string) {
  const unit = await findUnit(ctx.db, code);
  if (!unit) throw errors.unknownUnit(code);
  if (!(await unitWithin(ctx.db, auth.scope, unit))) throw errors.outOfScope(code);
}

/** The scorecard of one unit for one year, each part with the items that made it. */
export async function scorecardOf(ctx: AppContext, auth: AuthContext, q: { plan: string; org: string; year: number }) {
  await requirePlan(ctx.db, q.plan);
  await assertReads(ctx, auth, q.org);
  return computeScorecard(ctx, q.plan, q.org, q.year);
}

/** Every assigned unit's total for a year, agencies and communes ranked apart; for users whose scope covers the plan's area. */
export async function ranking(ctx: AppContext, auth: AuthContext, q: { plan: string; year: number }) {
  const plan = await requirePlan(ctx.db, q.plan);
  await assertReads(ctx, auth, plan.area_code);
  await ensureAssignments(ctx, q.plan);
  const orgs = await ctx.db
    .selectFrom('task_assignment')
    .select('org_code')
    .distinct()
    .where('plan_code', '=', q.plan)
    .where('period', 'in', yearPeriods(q.year))
    .orderBy('org_code')
    .execute();
  type Row = { org: string; orgName: string; computed: number | null; total: number | null; rating: string | null };
  const agencies: Row[] = [];
  const communes: Row[] = [];
  const cache = newCache();
  for (const { org_code } of orgs) {
    const c = await computeScorecard(ctx, q.plan, org_code, q.year, cache);
    const row = { org: org_code, orgName: c.orgName, computed: c.computed, total: c.total, rating: c.rating };
    ((await findUnit(ctx.db, org_code))?.type === 'area' ? communes : agencies).push(row);
  }
  return { year: q.year, agencies: rank(agencies), communes: rank(communes) };
}

/**
 * A plan manager's adjustment of a unit's score, with its reason; audited. Only for a plan of the caller's area or below, and never the
 * caller's own unit.
 */
export async function adjustScore(
  ctx: AppContext,
  auth: AuthContext,
  input: { plan: string; org: string; year: number; delta: number; reason: string },
) {
  requireManager(auth);
  const plan = await requirePlan(ctx.db, input.plan);
  await assertPlanInScope(ctx, auth, plan.area_code);
  await assertReads(ctx, auth, input.org);
  await assertNotOwnUnit(ctx, auth, input.org);
  const reason = input.reason.trim();
  if (!reason) throw errors.invalidField('reason', 'Hãy ghi lý do điều chỉnh điểm', 'Give the reason for the adjustment');
  if (input.delta === 0) throw errors.invalidField('delta', 'Số điểm điều chỉnh phải khác 0', 'The adjustment must not be zero');
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('score_adjustment')
      .values({
        plan_code: input.plan,
        org_code: input.org,
        year: input.year,
        delta: input.delta,
        reason,
        adjusted_by: auth.username,
        adjusted_at: now,
      })
      .execute();
    await recordAudit(trx, {
      actor: auth.username,
      action: 'score_adjust',
      entity: 'scorecard',
      entityKey: `${input.plan}|${input.org}|${input.year}`,
      details: { delta: input.delta, reason },
    });
  });
  return computeScorecard(ctx, input.plan, input.org, input.year);
}
