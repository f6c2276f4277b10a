import type { AppContext } from '../../context.ts';
import { errors } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { requireManager } from './access.ts';
import { ensureAssignments, invalidateAssignments, requirePlan } from './assignments.ts';
import type { NewTaskInput } from './schema.ts';
import { assertPartiesInScope, assertPlanInScope, assertWithinPlanPeriod, planPeriod } from './task-rules.ts';

/** Checks each party code names an organisation or a group; answers the names, for the lead/coordinating text. */
async function partyNames(ctx: AppContext, codes: string[], field: string): Promise<{ code: string; name: string; isGroup: boolean }[]> {
  const out = [];
  for (const code of codes) {
    const org = await ctx.db.selectFrom('organisation').select('name').where('code', '=', code).executeTakeFirst();
    const group = org ? null : await ctx.db.selectFrom('organisation_group').select('name').where('code', '=', code).executeTakeFirst();
    if (!org && !group)
      throw errors.invalidField(
        field,
        `"${code}" không phải là mã cơ quan, đơn vị hoặc nhóm đơn vị đã có`,
        `"${code}" is not a known organisation or group code`,
      );
    out.push({ code, name: (org ?? group)!.name, isGroup: !org });
  }
  return out;
}

/** The task's group is one of the plan's, it has a title, and a due date (required for a one-off task) not before its start. */
async function checkTaskFields(ctx: AppContext, input: NewTaskInput): Promise<void> {
  const group = await ctx.db
    .selectFrom('task_group')
    .select('code')
    .where('plan_code', '=', input.plan)
    .where('code', '=', input.group)
    .executeTakeFirst();
  if (!group)
    throw errors.invalidField(
      'group',
      `Nhóm nhiệm vụ "${input.group}" không có trong kế hoạch`,
      `Task group "${input.group}" is not in the plan`,
    );
  if (!input.title.trim()) throw errors.invalidField('title', 'Hãy nhập tên nhiệm vụ', 'Enter the task title');
  if (input.recurrence === 'once' && !input.dueOn)
    throw errors.invalidField('dueOn', 'Nhiệm vụ thực hiện một lần cần có thời hạn', 'A one-off task needs a due date');
  if (input.dueOn && input.dueOn < input.startOn)
    throw errors.invalidField('dueOn', 'Thời hạn phải từ ngày bắt đầu trở đi', 'The due date must not be before the start');
}

/** Adds a task to a plan (plan managers): its parties, schedule and, at once, its assignments up to today. */
export async function createTask(ctx: AppContext, auth: AuthContext, input: NewTaskInput) {
  requireManager(auth);
  const plan = await requirePlan(ctx.db, input.plan);
  await assertPlanInScope(ctx, auth, plan.area_code);
  await checkTaskFields(ctx, input);
  const lead = await partyNames(ctx, input.lead, 'lead');
  const coordinating = await partyNames(ctx, input.coordinating ?? [], 'coordinating');
  await assertPartiesInScope(ctx, auth, [...lead, ...coordinating]);
  assertWithinPlanPeriod(planPeriod(plan), input);
  const now = ctx.now();
  const code = await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('task').select(['code', 'position']).where('plan_code', '=', input.plan).execute();
    const numbers = existing
      .map((t) => /^NV(\d+)$/.exec(t.code)?.[1])
      .filter(Boolean)
      .map(Number);
    const newCode = `NV${Math.max(0, ...numbers) + 1}`;
    await trx
      .insertInto('task')
      .values({
        plan_code: input.plan,
        code: newCode,
        group_code: input.group,
        position: Math.max(0, ...existing.map((t) => t.position)) + 1,
        section: 'Bổ sung',
        title: input.title.trim(),
        title_en: null,
        content: input.content?.trim() ?? '',
        lead_text: lead.map((p) => p.name).join(', '),
        coordinating_text: coordinating.length ? coordinating.map((p) => p.name).join(', ') : null,
        recurrence: input.recurrence,
        reporting: input.recurrence === 'once' ? null : (input.reporting ?? 'six_monthly'),
        start_on: input.startOn,
        due_on: input.dueOn ?? null,
        created_by: auth.username,
        created_at: now,
      })
      .execute();
    const parties = [...lead.map((p) => ({ ...p, role: 'lead' })), ...coordinating.map((p) => ({ ...p, role: 'coordinating' }))];
    await trx
      .insertInto('task_party')
      .values(
        parties.map((p, i) => ({
          plan_code: input.plan,
          task_code: newCode,
          role: p.role,
          position: i + 1,
          org_code: p.isGroup ? null : p.code,
          group_code: p.isGroup ? p.code : null,
        })),
      )
      .execute();
    await recordAudit(trx, {
      actor: auth.username,
      action: 'task_create',
      entity: 'task',
      entityKey: `${input.plan}|${newCode}`,
      details: { ...input },
    });
    return newCode;
  });
  invalidateAssignments(ctx.db, input.plan);
  await ensureAssignments(ctx, input.plan);
  const count = await ctx.db
    .selectFrom('task_assignment')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('plan_code', '=', input.plan)
    .where('task_code', '=', code)
    .executeTakeFirstOrThrow();
  return { code, assignments: Number(count.n) };
}
