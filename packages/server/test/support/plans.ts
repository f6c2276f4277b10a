import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';

/** A copy of a plan (its row and task groups, no tasks) for another area: a commune's own plan, or another district's. */
export async function copyPlan(db: Kysely<Database>, from: string, code: string, area: string): Promise<void> {
  await sql`insert into plan select ${code} as code, doc_type, number, symbol, title, title_en, issued_on, issued_on_precision, place, issuer_code, ${area} as area_code,
    signer, horizons, purposes, requirements, general_objective, recipients, catalog_code from plan where code = ${from}`.execute(db);
  await sql`insert into task_group (plan_code, code, position, title, title_en) select ${code}, code, position, title, title_en from task_group where plan_code = ${from}`.execute(
    db,
  );
}

/** An organisation of a commune that is not the commune itself (an enterprise, as users add them). */
export async function newCommuneOrganisation(db: Kysely<Database>, code: string, area: string): Promise<void> {
  await db
    .insertInto('organisation')
    .values({ code, name: `Doanh nghiệp ${code}`, short_name: null, name_en: null, kind: 'enterprise', area_code: area, parent_code: null })
    .execute();
}
