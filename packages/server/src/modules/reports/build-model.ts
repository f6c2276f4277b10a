import {
  describeTarget,
  formatNumber,
  formatPercent,
  nextReportPeriodLabel,
  parseReportPeriod,
  periodParts,
  PROGRESS_STATUS_LABELS,
  reportPeriodLabel,
  TASK_STATUS_LABELS,
  taskStatus,
  type TaskReportStatus,
  type Period,
} from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import { errors } from '../../http/errors.ts';
import { pivot } from '../analytics/pivot.ts';
import { findUnit } from '../../access/units.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { planProgress, type ProgressRow } from '../plans/progress.ts';
import { areaName } from '../plans/repository.ts';
import type { PlanDto } from '../plans/schema.ts';
import { getPlan } from '../plans/service.ts';
import { ensureAssignments } from '../tasks/assignments.ts';
import { lowerFirst, placeName, planReference, recipientsOf, reportHeader, shortName, signatureOf, type ReportingBody } from './heading.ts';
import { TARGET_TABLE_HEADER, targetTableRows, taskLines } from './layout.ts';
import type { NarrativeKey, ReportModel, TargetResult, TaskGroupResult, TaskInstanceResult } from './model.ts';
import { computedNarratives, narrativeSection } from './narratives.ts';
import * as repo from './repository.ts';

export interface ReportKey {
  type: 'plan-progress';
  plan: string;
  org: string;
  period: string;
}

export function reportPeriod(code: string): Period {
  const parsed = parseReportPeriod(code);
  if (!parsed.ok) throw errors.invalidField('period', parsed.messageVi, parsed.message);
  return parsed.period;
}

/** The body that reports for a unit: an area reports through its People's Committee. */
async function reportingBody(ctx: AppContext, code: string): Promise<{ body: ReportingBody; areaCode: string; figuresUnit: string }> {
  const unit = await findUnit(ctx.db, code);
  if (!unit) throw errors.unknownUnit(code);
  const org = unit.type === 'area' ? await repo.peoplesCommitteeOf(ctx.db, unit.code) : await repo.organisation(ctx.db, unit.code);
  const parent = org?.parent_code ? await repo.organisation(ctx.db, org.parent_code) : undefined;
  const body: ReportingBody = org
    ? {
        code: org.code,
        name: org.name,
        shortName: org.short_name,
        kind: org.kind,
        parent: parent ? { name: parent.name, shortName: parent.short_name } : null,
      }
    : { code: unit.code, name: unit.name, shortName: null, kind: 'area', parent: null };
  return { body, areaCode: unit.areaCode, figuresUnit: unit.code };
}

/** The periods whose task instances a report covers: its parts, and the year it lies in. */
function coveredPeriods(p: Period): string[] {
  const codes = new Set<string>([p.code, String(p.year)]);
  const types = p.type === 'yearly' ? (['six_monthly', 'quarterly', 'monthly'] as const) : (['quarterly', 'monthly'] as const);
  for (const t of types) for (const part of periodParts(p, t)) codes.add(part.code);
  return [...codes];
}

function valueText(value: number | null, unit: 'percent' | 'count', unitLabel: string | null): string {
  if (value === null) return 'Chưa có số liệu';
  if (unit === 'percent') return formatPercent(value, { decimals: 1 });
  return `${formatNumber(value, { maxDecimals: 1 })}${unitLabel ? ` ${unitLabel}` : ''}`;
}

/** Per indicator, the target of the nearest horizon not yet passed (the last one once all have passed). */
function targetResults(plan: PlanDto, progress: ProgressRow[], year: number): TargetResult[] {
  const chosen = new Map<string, ProgressRow>();
  for (const row of progress) {
    const current = chosen.get(row.indicator);
    const better = !current || (current.year < year ? row.year > current.year : row.year >= year && row.year < current.year);
    if (better) chosen.set(row.indicator, row);
  }
  return [...chosen.values()].map((row) => {
    const indicator = plan.indicators.find((i) => i.code === row.indicator)!;
    const target = plan.targets.find((t) => t.indicator === row.indicator && t.year === row.year)!;
    const describe = describeTarget({
      comparator: row.comparator,
      value: row.target,
      valueUpper: row.targetUpper,
      tolerance: row.tolerance,
      unit: indicator.unit,
      unitLabel: indicator.unitLabel,
    });
    const text = valueText(row.value, indicator.unit, indicator.unitLabel);
    const statusText = PROGRESS_STATUS_LABELS[row.status].vi;
    const final = row.valueYear !== null ? `năm ${row.valueYear} đạt ${text}` : 'chưa có số liệu';
    // A later year not yet final is told as such, after the final figure, never in its place.
    const p = row.provisional;
    const result = p
      ? `${final} (năm ${p.year} tạm tính ${valueText(p.value, indicator.unit, indicator.unitLabel)}, ` +
        `${p.reportingUnits}/${p.expectedUnits} đơn vị báo cáo)`
      : final;
    return {
      indicator: row.indicator,
      name: indicator.name,
      wording: target.wording,
      targetText: `${describe} (đến năm ${row.year})`,
      horizon: row.year,
      value: row.value,
      valueText: text,
      valueYear: row.valueYear,
      status: row.status,
      statusText,
      sentence: `${indicator.name}: ${result}; chỉ tiêu đến năm ${row.year} ${describe}. Đánh giá: ${lowerFirst(statusText)}.`,
    };
  });
}

async function taskGroupResults(ctx: AppContext, plan: PlanDto, p: Period, orgFilter: string[] | null) {
  const rows = await repo.assignmentsWithLatestReport(ctx.db, plan.code, coveredPeriods(p), orgFilter);
  const orgCodes = [...new Set(rows.map((r) => r.org_code))];
  const known = new Map(plan.organisations.map((o) => [o.code, shortName(o)]));
  for (const o of await repo.organisationNames(
    ctx.db,
    orgCodes.filter((c) => !known.has(c)),
  ))
    known.set(o.code, shortName({ name: o.name, shortName: o.short_name }));
  // A commune's committee is assigned under its area code; the report names the committee ("UBND xã Lão Hộ").
  for (const c of orgCodes.filter((x) => !known.has(x))) {
    const committee = await repo.peoplesCommitteeOf(ctx.db, c);
    known.set(
      c,
      committee ? shortName({ name: committee.name, shortName: committee.short_name }) : ((await findUnit(ctx.db, c))?.name ?? c),
    );
  }
  const today = ctx.now().toISOString().slice(0, 10);
  const instances = rows.map((r) => {
    // The tasks module's rule (domain tasks/status.ts), so a report says what the task pages say.
    const latest = r.status ? { status: r.status as TaskReportStatus, completedOn: r.completed_on ?? null } : null;
    const status = taskStatus({ dueOn: r.due_on, extendedTo: r.extended_to, latest }, today);
    return {
      task: r.task_code,
      difficulties: r.difficulties_text ?? '',
      proposals: r.proposals_text ?? '',
      result: {
        org: r.org_code,
        orgName: known.get(r.org_code) ?? r.org_code,
        role: r.role === 'coordinating' ? 'coordinating' : 'lead',
        period: r.period,
        dueOn: r.extended_to ?? r.due_on,
        status,
        statusText: TASK_STATUS_LABELS[status].vi,
        percent: r.percent ?? null,
        done: (r.done_text ?? '').trim(),
        results: (r.results_text ?? '').trim(),
      } satisfies TaskInstanceResult,
    };
  });
  const names = (codes: string[]) => codes.map((c) => known.get(c) ?? c).join(', ');
  const groups: TaskGroupResult[] = plan.taskGroups.map((g, gi) => ({
    code: g.code,
    title: g.title,
    heading: `2.${gi + 1}. ${g.title}`,
    tasks: plan.tasks
      .filter((t) => t.group === g.code)
      .map((t) => {
        const mine = instances.filter((i) => i.task === t.code).map((i) => i.result);
        const task = {
          code: t.code,
          title: t.title,
          lead: t.leadText ? [t.leadText] : t.lead.map((c) => known.get(c) ?? c),
          coordinating: t.coordinatingText ? [t.coordinatingText] : t.coordinating.length > 0 ? [names(t.coordinating)] : [],
          instances: mine,
          narrative: mine.filter((i) => i.done || i.results).map((i) => `${i.orgName}: ${[i.done, i.results].filter(Boolean).join(' ')}`),
        };
        return { ...task, lines: taskLines(task) };
      }),
  }));
  return { groups, instances };
}

/** Years of the commune table: from the year before the plan to the last complete year of the period. */
function annexYears(plan: PlanDto, p: Period): string[] {
  const last = p.type === 'yearly' ? p.year : p.year - 1;
  const first = Math.min(last, (plan.issuedOn ? Number(plan.issuedOn.slice(0, 4)) : last) - 1);
  return Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
}

/**
 * Builds the report from stored data: the plan, the target progress of the
 * unit, the task instances and their latest progress reports, and the draft's
 * narrative where a user wrote one.
 */
export async function buildReportModel(ctx: AppContext, auth: AuthContext, key: ReportKey): Promise<ReportModel> {
  const p = reportPeriod(key.period);
  const plan = await getPlan(ctx, key.plan);
  const { body, areaCode, figuresUnit } = await reportingBody(ctx, key.org);
  const today = ctx.now().toISOString().slice(0, 10);
  const place = areaCode === plan.area.code ? plan.place : placeName(await areaName(ctx.db, areaCode));
  const label = reportPeriodLabel(p);
  const reporter = shortName(body);
  const planRef = planReference(plan, true);

  const progress = await planProgress(ctx, auth, plan.code, figuresUnit, p.code);
  const targets = targetResults(plan, progress, p.year);
  const consolidates = body.code === plan.issuer.code;
  // The tasks pages create a plan's assignments up to today when first opened; a report may come first.
  await ensureAssignments(ctx, plan.code);
  const { groups, instances } = await taskGroupResults(ctx, plan, p, consolidates ? null : [...new Set([key.org, body.code])]);
  const table = await pivot(ctx, auth, {
    indicators: targets.map((t) => t.indicator),
    org: figuresUnit,
    children: true,
    periods: annexYears(plan, p),
  });

  const draft = await repo.findDraft(ctx.db, key);
  const written = (draft?.sections ?? {}) as Partial<Record<NarrativeKey | 'recipients', string[]>>;
  const computed = computedNarratives({ label, nextLabel: nextReportPeriodLabel(p), targets, instances, groups });
  const section = (k: NarrativeKey, heading: string) => narrativeSection(heading, computed[k], written[k]);
  return {
    type: 'plan-progress',
    plan: { code: plan.code, reference: planReference(plan, false) },
    org: { code: key.org, name: reporter },
    period: { code: p.code, label, nextLabel: nextReportPeriodLabel(p), year: p.year },
    header: reportHeader(body, place, today),
    docType: 'BÁO CÁO',
    summary: `Kết quả ${label} thực hiện ${planRef}`,
    intro: `Thực hiện ${planRef} ${lowerFirst(plan.title)}, ${reporter} báo cáo kết quả ${label} như sau:`,
    general: section('general', 'I. TÌNH HÌNH CHUNG'),
    results: {
      heading: 'II. KẾT QUẢ THỰC HIỆN',
      targetsHeading: '1. Kết quả thực hiện các chỉ tiêu',
      targetsIntro: 'Kết quả thực hiện các chỉ tiêu của Kế hoạch (số liệu tổng hợp từ báo cáo của các đơn vị trên hệ thống):',
      tableHeader: [...TARGET_TABLE_HEADER],
      tableRows: targetTableRows(targets),
      tasksHeading: '2. Kết quả thực hiện các nhiệm vụ, giải pháp',
    },
    targets,
    taskGroups: groups,
    difficulties: section('difficulties', 'III. KHÓ KHĂN, VƯỚNG MẮC VÀ NGUYÊN NHÂN'),
    proposals: section('proposals', 'IV. ĐỀ XUẤT, KIẾN NGHỊ'),
    nextTasks: section('nextTasks', `V. NHIỆM VỤ TRỌNG TÂM ${nextReportPeriodLabel(p).toUpperCase()}`),
    closing: `Trên đây là báo cáo kết quả ${label} thực hiện ${planReference(plan, false)} của ${reporter}./.`,
    signature: signatureOf(plan, body),
    recipients: written.recipients && written.recipients.length > 0 ? written.recipients : recipientsOf(plan, body),
    communeTable: table,
    draftVersion: draft?.version ?? null,
  };
}
