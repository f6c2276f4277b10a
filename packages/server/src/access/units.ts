import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** A place in the hierarchy that a user's scope or a request can name. */
export type Unit =
  { type: 'area'; code: string; name: string; areaCode: string } | { type: 'organisation'; code: string; name: string; areaCode: string };

export async function findUnit(db: Kysely<Database>, code: string): Promise<Unit | null> {
  const org = await db.selectFrom('organisation').select(['code', 'name', 'area_code']).where('code', '=', code).executeTakeFirst();
  if (org) return { type: 'organisation', code: org.code, name: org.name, areaCode: org.area_code };
  const area = await db
    .selectFrom('area_version')
    .select(['area_code', 'name'])
    .where('area_code', '=', code)
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
  if (area) return { type: 'area', code: area.area_code, name: area.name, areaCode: area.area_code };
  return null;
}

/** One step of a walk through the hierarchies, from the codes reached so far. */
const STEPS = {
  areaUp: sql`select v.parent_code from area_version v join walk on v.area_code = walk.code where v.parent_code is not null`,
  areaDown: sql`select v.area_code from area_version v join walk on v.parent_code = walk.code`,
  orgUp: sql`select o.parent_code from organisation o join walk on o.code = walk.code where o.parent_code is not null`,
  orgDown: sql`select o.code from organisation o join walk on o.parent_code = walk.code`,
};

/** The start code and every code reached from it by repeating a step (through any version of the hierarchy). */
async function walk(db: Kysely<Database>, start: string, step: keyof typeof STEPS): Promise<Set<string>> {
  const result = await sql<{ code: string }>`
    with recursive walk(code) as (select ${start}::text union ${STEPS[step]})
    select code from walk`.execute(db);
  return new Set(result.rows.map((r) => r.code));
}

/** The area and every area above it. */
export const areaAncestorsOrSelf = (db: Kysely<Database>, areaCode: string) => walk(db, areaCode, 'areaUp');

/** The organisation and every organisation above it. */
export const orgAncestorsOrSelf = (db: Kysely<Database>, orgCode: string) => walk(db, orgCode, 'orgUp');

/** The organisation and every organisation below it. */
export const orgSubtree = (db: Kysely<Database>, orgCode: string) => walk(db, orgCode, 'orgDown');

/** Every area at or below the given one. */
export const areaSubtree = (db: Kysely<Database>, areaCode: string) => walk(db, areaCode, 'areaDown');

/**
 * Whether `target` lies in the subtree of `scope`: a user scoped to an area
 * reaches the areas below it and their organisations; a user scoped to an
 * organisation reaches that organisation and those under it.
 */
export async function unitWithin(db: Kysely<Database>, scope: Unit, target: Unit): Promise<boolean> {
  if (scope.type === 'organisation') {
    if (target.type !== 'organisation') return false;
    return (await orgAncestorsOrSelf(db, target.code)).has(scope.code);
  }
  return (await areaAncestorsOrSelf(db, target.areaCode)).has(scope.code);
}

/**
 * Whether `target` is in the scope's subtree or on its path to the top: a
 * commune officer may read the district's plan that assigns the commune tasks.
 */
export async function unitRelated(db: Kysely<Database>, scope: Unit, target: Unit): Promise<boolean> {
  if (await unitWithin(db, scope, target)) return true;
  if (target.type !== 'area') return false;
  return (await areaAncestorsOrSelf(db, scope.areaCode)).has(target.code);
}

/** Every area and organisation code a user scoped to `scope` reaches (for filters that name no unit). */
export async function unitsInReach(db: Kysely<Database>, scope: Unit): Promise<string[]> {
  if (scope.type === 'organisation') return [...(await orgSubtree(db, scope.code))];
  const areas = [...(await areaSubtree(db, scope.code))];
  const orgs = await db.selectFrom('organisation').select('code').where('area_code', 'in', areas).execute();
  return [...areas, ...orgs.map((o) => o.code)];
}
