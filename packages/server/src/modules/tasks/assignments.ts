import { DEFAULT_TASK_DUE_RULES, taskInstances, type TaskRecurrence, type TaskReporting } from '@vetplan/domain';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/schema.ts';
import { errors } from '../../http/errors.ts';
import { findPlan } from '../plans/repository.ts';
import { dueRules, planTasks, taskParties } from './repository.ts';

/** Per database: the day each plan's assignments were last generated for. */
const generated = new WeakMap<Kysely<Database>, Map<string, string>>();

export const today = (ctx: AppContext) => ctx.now().toISOString().slice(0, 10);

/** Forgets that a plan's assignments are up to date (after a task was added). */
export function invalidateAssignments(db: Kysely<Database>, plan: string): void {
  generated.get(db)?.delete(plan);
}

export async function requirePlan(db: Kysely<Database>, plan: string) {
  const row = await findPlan(db, plan);
  if (!row) throw errors.notFound(`kế hoạch "${plan}"`, `Plan "${plan}"`);
  return row;
}

/**
 * Creates the missing assignments of a plan up to today: every task × party
 * unit × period of its due rule (taskInstances), each due on the rule's day.
 * Idempotent; existing rows (and their extensions) are kept.
 */
export async function ensureAssignments(ctx: AppContext, plan: string): Promise<void> {
  const day = today(ctx);
  const done = generated.get(ctx.db) ?? new Map<string, string>();
  generated.set(ctx.db, done);
  if (done.get(plan) === day) return;
  const planRow = await requirePlan(ctx.db, plan);
  const planStart = planRow.issued_on ?? `${day.slice(0, 4)}-01-01`;
  const rules = { ...DEFAULT_TASK_DUE_RULES, ...(await dueRules(ctx.db)) };
  const parties = await taskParties(ctx.db, plan);
  const rows: Parameters<typeof insertAssignments>[1] = [];
  for (const task of await planTasks(ctx.db, plan)) {
    const instances = taskInstances(
      {
        recurrence: task.recurrence as TaskRecurrence,
        reporting: task.reporting as TaskReporting | null,
        startOn: task.start_on ?? planStart,
        dueOn: task.due_on,
      },
      day,
      rules,
    );
    const seen = new Set<string>();
    for (const p of parties.filter((x) => x.task_code === task.code)) {
      // A unit both leading and coordinating a task is assigned once, as lead.
      if (seen.has(p.unit)) continue;
      seen.add(p.unit);
      for (const i of instances)
        rows.push({ plan_code: plan, task_code: task.code, org_code: p.unit, role: p.role, period: i.period, due_on: i.dueOn });
    }
  }
  await insertAssignments(ctx.db, rows);
  done.set(plan, day);
}

async function insertAssignments(
  db: Kysely<Database>,
  rows: { plan_code: string; task_code: string; org_code: string; role: 'lead' | 'coordinating'; period: string; due_on: string }[],
) {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('task_assignment')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['plan_code', 'task_code', 'org_code', 'period']).doNothing())
      .execute();
  }
}
