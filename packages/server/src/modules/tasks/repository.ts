import { sql, type Kysely } from 'kysely';
import type { TaskDueRules } from '@vetplan/domain';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

/** The plan's tasks with their schedule columns, in document order. */
export function planTasks(db: Db, plan: string) {
  return db
    .selectFrom('task')
    .select(['code', 'group_code', 'title', 'title_en', 'recurrence', 'reporting', 'start_on', 'due_on'])
    .where('plan_code', '=', plan)
    .orderBy('group_code')
    .orderBy('position')
    .execute();
}

/**
 * Every (task, unit, role) of a plan: an organisation party as itself, a
 * group as each member (organisations of its kinds, and those listed). A commune's People's Committee is assigned under its
 * area code (its users are scoped to the commune).
 */
export async function taskParties(db: Db, plan: string) {
  const rows = await sql<{ task_code: string; role: 'lead' | 'coordinating'; unit: string }>`
    select p.task_code, p.role,
           case when o.kind = 'commune_ppc' then o.area_code else o.code end as unit
    from task_party p
    left join organisation_group g on g.code = p.group_code
    join organisation o on o.code = p.org_code
      or o.kind = any(g.kinds)
      or exists (select 1 from organisation_group_member m where m.group_code = p.group_code and m.org_code = o.code)
    where p.plan_code = ${plan}
    order by p.task_code, case p.role when 'lead' then 0 else 1 end, p.position, unit`.execute(db);
  return rows.rows;
}

export async function dueRules(db: Db): Promise<Partial<TaskDueRules>> {
  const rows = await db.selectFrom('task_due_rule').selectAll().execute();
  return Object.fromEntries(rows.map((r) => [r.period_type, { month: r.due_month, day: r.due_day }]));
}

/** Assignments with their task, latest report and extension; filtered by ids, units and periods. */
export function assignmentRows(
  db: Db,
  filter: { plan?: string; ids?: number[]; orgs?: string[]; periods?: string[]; dueBetween?: [string, string]; pendingExtension?: boolean },
) {
  return db
    .selectFrom('task_assignment as a')
    .innerJoin('task as t', (j) => j.onRef('t.plan_code', '=', 'a.plan_code').onRef('t.code', '=', 'a.task_code'))
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('task_progress_report')
          .distinctOn('assignment_id')
          .select(['assignment_id', 'status', 'percent', 'completed_on', 'reported_at', 'reported_by'])
          .orderBy('assignment_id')
          .orderBy('id', 'desc')
          .as('r'),
      (j) => j.onRef('r.assignment_id', '=', 'a.id'),
    )
    .leftJoin('task_extension as x', 'x.assignment_id', 'a.id')
    .select([
      'a.id',
      'a.plan_code',
      'a.task_code',
      'a.org_code',
      'a.role',
      'a.period',
      'a.due_on',
      'a.extended_to',
      't.title',
      't.title_en',
      't.group_code',
      't.position',
      'r.status as report_status',
      'r.percent',
      'r.completed_on',
      'r.reported_at',
      'r.reported_by',
      'x.status as extension_status',
      'x.requested_to',
    ])
    .$if(filter.plan !== undefined, (q) => q.where('a.plan_code', '=', filter.plan!))
    .$if(filter.ids !== undefined, (q) => q.where('a.id', 'in', filter.ids!.length ? filter.ids! : [-1]))
    .$if(filter.orgs !== undefined, (q) => q.where('a.org_code', 'in', filter.orgs!.length ? filter.orgs! : ['']))
    .$if(filter.periods !== undefined, (q) => q.where('a.period', 'in', filter.periods!.length ? filter.periods! : ['']))
    .$if(filter.dueBetween !== undefined, (q) =>
      q
        .where(sql<string>`coalesce(a.extended_to, a.due_on)`, '>=', filter.dueBetween![0])
        .where(sql<string>`coalesce(a.extended_to, a.due_on)`, '<=', filter.dueBetween![1]),
    )
    .$if(filter.pendingExtension === true, (q) => q.where('x.status', '=', 'pending'))
    .orderBy('a.due_on')
    .orderBy('t.group_code')
    .orderBy('t.position')
    .orderBy('a.org_code')
    .execute();
}
export type AssignmentRow = Awaited<ReturnType<typeof assignmentRows>>[number];

export function reportsOf(db: Db, assignmentId: number) {
  return db.selectFrom('task_progress_report').selectAll().where('assignment_id', '=', assignmentId).orderBy('id', 'desc').execute();
}

export function evidenceOf(db: Db, assignmentId: number) {
  return db.selectFrom('task_evidence').selectAll().where('assignment_id', '=', assignmentId).orderBy('id').execute();
}

export function eventsOf(db: Db, assignmentId: number) {
  return db.selectFrom('task_event').selectAll().where('assignment_id', '=', assignmentId).orderBy('id').execute();
}

export function extensionOf(db: Db, assignmentId: number) {
  return db.selectFrom('task_extension').selectAll().where('assignment_id', '=', assignmentId).executeTakeFirst();
}

export async function recordEvent(db: Db, assignmentId: number, kind: string, actor: string, at: Date, details: Record<string, unknown>) {
  await db
    .insertInto('task_event')
    .values({ assignment_id: assignmentId, kind, actor, at, details: JSON.stringify(details) })
    .execute();
}

/** The task's full row and the indicators linked to its group. */
export async function taskWithIndicators(db: Db, plan: string, code: string) {
  const task = await db.selectFrom('task').selectAll().where('plan_code', '=', plan).where('code', '=', code).executeTakeFirstOrThrow();
  const indicators = await db
    .selectFrom('task_group_indicator as g')
    .innerJoin('indicator as i', 'i.code', 'g.indicator_code')
    .select(['i.code', 'i.name', 'i.name_en', 'i.unit', 'i.unit_label'])
    .where('g.plan_code', '=', plan)
    .where('g.group_code', '=', task.group_code)
    .orderBy('i.code')
    .execute();
  return { task, indicators };
}

export function unitNames(db: Db, codes: string[]) {
  if (codes.length === 0) return Promise.resolve(new Map<string, string>());
  return sql<{ code: string; name: string }>`
    select code, name from organisation where code in (${sql.join(codes)})
    union all
    (select distinct on (area_code) area_code as code, name from area_version where area_code in (${sql.join(codes)})
      order by area_code, valid_from desc)`
    .execute(db)
    .then((r) => new Map(r.rows.map((x) => [x.code, x.name])));
}
