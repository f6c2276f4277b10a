import { formatDate, type TaskStatus } from '@vetplan/domain';
import { displayNames } from '../users/display-names.ts';
import type { AppContext } from '../../context.ts';
import { AppError, errors } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { ScopeCache } from '../../access/scope-cache.ts';
import { isManager, mayReport, requireManager, visibleAssignment, writableAssignment } from './access.ts';
import { ensureAssignments, requirePlan, today } from './assignments.ts';
import { assignmentDto, assignmentStatus, iso } from './dto.ts';
import { linkedIndicators } from './indicators.ts';
import { isOwnUnit } from './task-rules.ts';
import * as repo from './repository.ts';
import type { ProgressInput } from './schema.ts';

/** The assignments of a plan in the user's reach for one year (its six-monthly and yearly periods), with computed status. */
export async function listAssignments(
  ctx: AppContext,
  auth: AuthContext,
  q: { plan: string; year?: number; org?: string; status?: TaskStatus },
) {
  await ensureAssignments(ctx, q.plan);
  const day = today(ctx);
  const year = q.year ?? Number(day.slice(0, 4));
  const periods = [String(year), `${year}S1`, `${year}S2`];
  const rows = await repo.assignmentRows(ctx.db, { plan: q.plan, periods, ...(q.org ? { orgs: [q.org] } : {}) });
  const scope = new ScopeCache(ctx, auth);
  const names = await repo.unitNames(ctx.db, [...new Set(rows.map((r) => r.org_code))]);
  const own = new Map<string, boolean>();
  const assignments = [];
  for (const row of rows) {
    const reaches = await scope.reaches(row.org_code);
    if (!reaches) continue;
    if (!own.has(row.org_code)) own.set(row.org_code, await isOwnUnit(ctx.db, auth.scope, row.org_code));
    const dto = assignmentDto(row, day, names.get(row.org_code) ?? row.org_code, {
      canReport: mayReport(auth, reaches),
      own: own.get(row.org_code)!,
    });
    if (!q.status || dto.status === q.status) assignments.push(dto);
  }
  return { year, today: day, assignments };
}

/** One assignment with its task, linked indicators, reports, evidence, extension and history. */
export async function assignmentDetail(ctx: AppContext, auth: AuthContext, id: number) {
  const { row, canReport } = await visibleAssignment(ctx, auth, id);
  const day = today(ctx);
  const [{ task, indicators }, reports, evidence, extension, events, names] = await Promise.all([
    repo.taskWithIndicators(ctx.db, row.plan_code, row.task_code),
    repo.reportsOf(ctx.db, id),
    repo.evidenceOf(ctx.db, id),
    repo.extensionOf(ctx.db, id),
    repo.eventsOf(ctx.db, id),
    repo.unitNames(ctx.db, [row.org_code]),
  ]);
  const nameOf = await displayNames(ctx.db, [
    ...reports.map((r) => r.reported_by),
    ...events.map((e) => e.actor),
    extension?.requested_by,
    extension?.decided_by,
  ]);
  return {
    assignment: assignmentDto(row, day, names.get(row.org_code) ?? row.org_code, {
      canReport,
      own: await isOwnUnit(ctx.db, auth.scope, row.org_code),
    }),
    task: {
      code: task.code,
      section: task.section,
      content: task.content,
      leadText: task.lead_text,
      coordinatingText: task.coordinating_text,
      recurrence: task.recurrence,
      reporting: task.reporting,
    },
    indicators: await linkedIndicators(ctx, row.plan_code, row.org_code, Number(row.period.slice(0, 4)), indicators),
    reports: reports.map((r) => ({
      id: Number(r.id),
      status: r.status,
      percent: r.percent,
      doneText: r.done_text,
      resultsText: r.results_text,
      difficultiesText: r.difficulties_text,
      proposalsText: r.proposals_text,
      completedOn: r.completed_on,
      reportedBy: r.reported_by,
      reportedByName: nameOf(r.reported_by)!,
      reportedAt: iso(r.reported_at)!,
    })),
    evidence: evidence.map((e) => ({
      id: Number(e.id),
      fileName: e.file_name,
      mimeType: e.mime_type,
      sizeBytes: e.size_bytes,
      sha256: e.sha256,
      uploadedBy: e.uploaded_by,
      uploadedAt: iso(e.uploaded_at)!,
    })),
    extension: extension
      ? {
          requestedTo: extension.requested_to,
          reason: extension.reason,
          requestedBy: extension.requested_by,
          requestedByName: nameOf(extension.requested_by)!,
          requestedAt: iso(extension.requested_at)!,
          status: extension.status,
          decidedBy: extension.decided_by,
          decidedByName: nameOf(extension.decided_by),
          decidedAt: iso(extension.decided_at),
          decisionNote: extension.decision_note,
        }
      : null,
    history: events.map((e) => ({ kind: e.kind, actor: e.actor, actorName: nameOf(e.actor)!, at: iso(e.at)!, details: e.details })),
    canApproveExtension: isManager(auth) && extension?.status === 'pending',
  };
}

/** The rules a progress report must meet, as field problems in Vietnamese and English. */
function progressProblem(input: ProgressInput, day: string): [string, string, string] | null {
  if (input.status === 'done' && input.percent !== 100)
    return ['percent', 'Nhiệm vụ đã hoàn thành thì tiến độ phải là 100%', 'A done task must be at 100%'];
  if (input.status === 'not_started' && input.percent !== 0)
    return ['percent', 'Nhiệm vụ chưa triển khai thì tiến độ phải là 0%', 'A task not started must be at 0%'];
  if (input.status === 'in_progress' && input.percent === 100)
    return ['percent', 'Tiến độ 100% thì hãy chọn trạng thái "Hoàn thành"', 'At 100% choose the status "done"'];
  if (input.status === 'done' && !input.doneText?.trim() && !input.resultsText?.trim()) {
    return ['resultsText', 'Hãy ghi kết quả thực hiện khi báo cáo hoàn thành nhiệm vụ', 'Say what was done when reporting a task as done'];
  }
  if (input.completedOn && input.status !== 'done')
    return ['completedOn', 'Chỉ ghi ngày hoàn thành khi nhiệm vụ đã hoàn thành', 'A completion day is only for a done task'];
  if (input.completedOn && input.completedOn > day)
    return [
      'completedOn',
      `Ngày hoàn thành (${formatDate(input.completedOn)}) không được sau ngày hôm nay`,
      'The completion day cannot be in the future',
    ];
  return null;
}

/** Files a progress report for an assignment of the user's unit. */
export async function fileProgressReport(ctx: AppContext, auth: AuthContext, id: number, input: ProgressInput) {
  const row = await writableAssignment(ctx, auth, id);
  const day = today(ctx);
  const problem = progressProblem(input, day);
  if (problem) throw errors.invalidField(...problem);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const report = await trx
      .insertInto('task_progress_report')
      .values({
        assignment_id: id,
        status: input.status,
        percent: input.percent,
        done_text: input.doneText?.trim() ?? '',
        results_text: input.resultsText?.trim() ?? '',
        difficulties_text: input.difficultiesText?.trim() ?? '',
        proposals_text: input.proposalsText?.trim() ?? '',
        completed_on: input.status === 'done' ? (input.completedOn ?? day) : null,
        reported_by: auth.username,
        reported_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await repo.recordEvent(trx, id, 'progress_report', auth.username, now, { status: input.status, percent: input.percent });
    await recordAudit(trx, {
      actor: auth.username,
      action: 'task_progress_report',
      entity: 'task_assignment',
      entityKey: String(id),
      details: {
        report: Number(report.id),
        status: input.status,
        percent: input.percent,
        task: row.task_code,
        org: row.org_code,
        period: row.period,
      },
    });
  });
  return assignmentDetail(ctx, auth, id);
}

/** Asks for the one extension an assignment may have. */
export async function requestExtension(ctx: AppContext, auth: AuthContext, id: number, input: { requestedTo: string; reason: string }) {
  const row = await writableAssignment(ctx, auth, id);
  const reason = input.reason.trim();
  if (!reason) throw errors.invalidField('reason', 'Hãy ghi lý do xin gia hạn', 'Give the reason for the extension');
  if (input.requestedTo <= row.due_on) {
    throw errors.invalidField(
      'requestedTo',
      `Ngày xin gia hạn phải sau thời hạn hiện tại (${formatDate(row.due_on)})`,
      `The new date must be after the current due date (${row.due_on})`,
    );
  }
  if (assignmentStatus(row, today(ctx)).startsWith('done'))
    throw errors.conflict('Nhiệm vụ đã hoàn thành, không cần gia hạn.', 'The task is done; it needs no extension.');
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (await repo.extensionOf(trx, id))
      throw errors.conflict(
        'Nhiệm vụ này đã có yêu cầu gia hạn; mỗi nhiệm vụ chỉ được gia hạn một lần.',
        'This assignment already has an extension request; only one is allowed.',
      );
    await trx
      .insertInto('task_extension')
      .values({
        assignment_id: id,
        requested_to: input.requestedTo,
        reason,
        requested_by: auth.username,
        requested_at: now,
        decided_by: null,
        decided_at: null,
        decision_note: null,
      })
      .execute();
    await repo.recordEvent(trx, id, 'extension_requested', auth.username, now, { requestedTo: input.requestedTo, reason });
    await recordAudit(trx, {
      actor: auth.username,
      action: 'task_extension_request',
      entity: 'task_assignment',
      entityKey: String(id),
      details: { requestedTo: input.requestedTo, reason },
    });
  });
  return assignmentDetail(ctx, auth, id);
}

/** The plan manager approves (the due date moves) or refuses (with a reason) a pending extension. */
export async function decideExtension(
  ctx: AppContext,
  auth: AuthContext,
  id: number,
  input: { decision: 'approve' | 'refuse'; note?: string },
) {
  requireManager(auth);
  await visibleAssignment(ctx, auth, id);
  const note = input.note?.trim() || null;
  if (input.decision === 'refuse' && !note)
    throw errors.invalidField('note', 'Hãy ghi lý do từ chối gia hạn', 'Give the reason for refusing');
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const ext = await repo.extensionOf(trx, id);
    if (!ext) throw errors.notFound('yêu cầu gia hạn của nhiệm vụ này', 'The extension request');
    if (ext.status !== 'pending')
      throw new AppError('conflict', 409, 'Yêu cầu gia hạn này đã được xử lý.', 'This extension request was already decided.');
    const status = input.decision === 'approve' ? 'approved' : 'refused';
    await trx
      .updateTable('task_extension')
      .set({ status, decided_by: auth.username, decided_at: now, decision_note: note })
      .where('assignment_id', '=', id)
      .execute();
    if (status === 'approved')
      await trx.updateTable('task_assignment').set({ extended_to: ext.requested_to }).where('id', '=', id).execute();
    await repo.recordEvent(trx, id, `extension_${status}`, auth.username, now, { requestedTo: ext.requested_to, note });
    await recordAudit(trx, {
      actor: auth.username,
      action: `task_extension_${input.decision}`,
      entity: 'task_assignment',
      entityKey: String(id),
      details: { requestedTo: ext.requested_to, note },
    });
  });
  return assignmentDetail(ctx, auth, id);
}

export { requirePlan };
