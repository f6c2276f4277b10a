import type { Kysely, Selectable } from 'kysely';
import type { Database, ReportFormTable, SubmissionTable } from '../../db/schema.ts';

export type FormRow = Selectable<ReportFormTable>;
export type SubmissionRow = Selectable<SubmissionTable>;

export interface FormWithParts extends FormRow {
  elements: string[];
  units: string[];
}

export async function loadForms(db: Kysely<Database>, codes?: string[]): Promise<FormWithParts[]> {
  const forms = await db
    .selectFrom('report_form')
    .selectAll()
    .$if(codes !== undefined, (q) => q.where('code', 'in', codes!.length ? codes! : ['']))
    .orderBy('code')
    .execute();
  if (forms.length === 0) return [];
  const formCodes = forms.map((f) => f.code);
  const [elements, units] = await Promise.all([
    db.selectFrom('report_form_element').selectAll().where('form_code', 'in', formCodes).orderBy('position').execute(),
    db.selectFrom('report_form_unit').selectAll().where('form_code', 'in', formCodes).orderBy('org_code').execute(),
  ]);
  return forms.map((f) => ({
    ...f,
    elements: elements.filter((e) => e.form_code === f.code).map((e) => e.element_code),
    units: units.filter((u) => u.form_code === f.code).map((u) => u.org_code),
  }));
}

export function findSubmission(db: Kysely<Database>, form: string, org: string, period: string): Promise<SubmissionRow | undefined> {
  return db
    .selectFrom('submission')
    .selectAll()
    .where('form_code', '=', form)
    .where('org_code', '=', org)
    .where('period', '=', period)
    .executeTakeFirst();
}

export function submissionsOf(db: Kysely<Database>, form: string, period: string): Promise<SubmissionRow[]> {
  return db.selectFrom('submission').selectAll().where('form_code', '=', form).where('period', '=', period).execute();
}

/** Approved submissions that cover any of the given units and periods (their figures are locked). */
/** Submissions of the units and periods in the given statuses, one row per element of their form. */
export function submissionsWith(db: Kysely<Database>, statuses: ('approved' | 'submitted')[], orgs: string[], periods: string[]) {
  if (orgs.length === 0 || periods.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('submission as s')
    .innerJoin('report_form_element as e', 'e.form_code', 's.form_code')
    .select([
      's.form_code',
      's.org_code',
      's.period',
      's.status',
      's.submitted_by',
      's.submitted_at',
      's.decided_by',
      's.decided_at',
      'e.element_code',
    ])
    .where('s.status', 'in', statuses)
    .where('s.org_code', 'in', orgs)
    .where('s.period', 'in', periods)
    .execute();
}

export async function saveSubmission(db: Kysely<Database>, row: Omit<SubmissionRow, 'version'>): Promise<void> {
  await db
    .insertInto('submission')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['form_code', 'org_code', 'period']).doUpdateSet((eb) => ({
        status: eb.ref('excluded.status'),
        submitted_at: eb.ref('excluded.submitted_at'),
        submitted_by: eb.ref('excluded.submitted_by'),
        decided_at: eb.ref('excluded.decided_at'),
        decided_by: eb.ref('excluded.decided_by'),
        reason: eb.ref('excluded.reason'),
        comment: eb.ref('excluded.comment'),
        version: eb('submission.version', '+', 1),
      })),
    )
    .execute();
}

export function submissionEvents(db: Kysely<Database>, form: string, org: string, period: string) {
  return db
    .selectFrom('submission_event')
    .selectAll()
    .where('form_code', '=', form)
    .where('org_code', '=', org)
    .where('period', '=', period)
    .orderBy('id')
    .execute();
}
