import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Task instances of a plan in the given periods, each with its latest progress report (if any). */
export async function assignmentsWithLatestReport(db: Kysely<Database>, planCode: string, periods: string[], orgCodes: string[] | null) {
  if (periods.length === 0 || (orgCodes && orgCodes.length === 0)) return [];
  return db
    .selectFrom('task_assignment as a')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('task_progress_report')
          .select((e) => ['assignment_id', e.fn.max('id').as('latest_id')])
          .groupBy('assignment_id')
          .as('l'),
      (join) => join.onRef('l.assignment_id', '=', 'a.id'),
    )
    .leftJoin('task_progress_report as r', 'r.id', 'l.latest_id')
    .select([
      'a.id',
      'a.task_code',
      'a.org_code',
      'a.role',
      'a.period',
      'a.due_on',
      'a.extended_to',
      'r.status',
      'r.percent',
      'r.done_text',
      'r.results_text',
      'r.difficulties_text',
      'r.proposals_text',
      'r.completed_on',
    ])
    .where('a.plan_code', '=', planCode)
    .where('a.period', 'in', periods)
    .$if(orgCodes !== null, (q) => q.where('a.org_code', 'in', orgCodes!))
    .orderBy('a.task_code')
    .orderBy('a.role', 'desc')
    .orderBy('a.org_code')
    .orderBy('a.period')
    .execute();
}

export function findDraft(db: Kysely<Database>, key: { type: string; plan: string; org: string; period: string }) {
  return db
    .selectFrom('report_draft')
    .selectAll()
    .where('type', '=', key.type)
    .where('plan_code', '=', key.plan)
    .where('org_code', '=', key.org)
    .where('period', '=', key.period)
    .executeTakeFirst();
}

export function listExports(db: Kysely<Database>, filter: { plan?: string; org?: string; period?: string }) {
  return db
    .selectFrom('report_export')
    .selectAll()
    .$if(filter.org !== undefined, (q) => q.where('org_code', '=', filter.org!))
    .$if(filter.plan !== undefined, (q) => q.where('plan_code', '=', filter.plan!))
    .$if(filter.period !== undefined, (q) => q.where('period', '=', filter.period!))
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
}

export function findExport(db: Kysely<Database>, id: number) {
  return db.selectFrom('report_export').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The People's Committee of an area (the body that reports for a place). */
export function peoplesCommitteeOf(db: Kysely<Database>, areaCode: string) {
  return db
    .selectFrom('organisation')
    .select(['code', 'name', 'short_name', 'kind', 'area_code', 'parent_code'])
    .where('area_code', '=', areaCode)
    .where('kind', 'in', ['people_committee', 'commune_ppc'])
    .orderBy('code')
    .executeTakeFirst();
}

export function organisation(db: Kysely<Database>, code: string) {
  return db
    .selectFrom('organisation')
    .select(['code', 'name', 'short_name', 'kind', 'area_code', 'parent_code'])
    .where('code', '=', code)
    .executeTakeFirst();
}

export function organisationNames(db: Kysely<Database>, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('organisation').select(['code', 'name', 'short_name']).where('code', 'in', codes).execute();
}
