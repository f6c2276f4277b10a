import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export function planSummaries(db: Kysely<Database>, areaCodes: string[]) {
  if (areaCodes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('plan as p')
    .innerJoin('organisation as o', 'o.code', 'p.issuer_code')
    .select([
      'p.code',
      'p.doc_type',
      'p.number',
      'p.symbol',
      'p.title',
      'p.issued_on',
      'p.issued_on_precision',
      'p.issuer_code',
      'o.name as issuer_name',
      'p.area_code',
    ])
    .where('p.area_code', 'in', areaCodes)
    .orderBy('p.issued_on', 'desc')
    .orderBy('p.code')
    .execute();
}

export function findPlan(db: Kysely<Database>, code: string) {
  return db.selectFrom('plan').selectAll().where('code', '=', code).executeTakeFirst();
}

export function planAreaCode(db: Kysely<Database>, code: string) {
  return db.selectFrom('plan').select('area_code').where('code', '=', code).executeTakeFirst();
}

/** Everything a plan document holds besides its own row, each list in document order. */
export async function planParts(db: Kysely<Database>, code: string) {
  const [basis, targets, taskGroups, tasks, parties, rules] = await Promise.all([
    db.selectFrom('plan_basis').selectAll().where('plan_code', '=', code).orderBy('position').execute(),
    db
      .selectFrom('target as t')
      .innerJoin('indicator as i', 'i.code', 't.indicator_code')
      .selectAll('t')
      .where('t.plan_code', '=', code)
      .orderBy('t.year')
      .orderBy('t.indicator_code')
      .execute(),
    db.selectFrom('task_group').selectAll().where('plan_code', '=', code).orderBy('position').execute(),
    db.selectFrom('task').selectAll().where('plan_code', '=', code).orderBy('position').execute(),
    db
      .selectFrom('task_party')
      .selectAll()
      .where('plan_code', '=', code)
      .orderBy('task_code')
      .orderBy('role')
      .orderBy('position')
      .execute(),
    db.selectFrom('plan_rule').selectAll().where('plan_code', '=', code).orderBy('position').execute(),
  ]);
  return { basis, targets, taskGroups, tasks, parties, rules };
}

export function indicatorsByCode(db: Kysely<Database>, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('indicator').selectAll().where('code', 'in', codes).orderBy('code').execute();
}

export async function groupMembers(db: Kysely<Database>, groupCodes: string[]) {
  if (groupCodes.length === 0) return [];
  const groups = await db.selectFrom('organisation_group').selectAll().where('code', 'in', groupCodes).orderBy('code').execute();
  const members = await db
    .selectFrom('organisation_group_member')
    .select(['group_code', 'org_code'])
    .where('group_code', 'in', groupCodes)
    .orderBy('org_code')
    .execute();
  const byKind = await db
    .selectFrom('organisation')
    .select(['code', 'kind'])
    .where('kind', 'in', groups.flatMap((g) => g.kinds).concat(['']))
    .orderBy('code')
    .execute();
  return groups.map((g) => ({
    code: g.code,
    name: g.name,
    nameEn: g.name_en,
    members: [
      ...new Set([
        ...byKind.filter((o) => g.kinds.includes(o.kind)).map((o) => o.code),
        ...members.filter((m) => m.group_code === g.code).map((m) => m.org_code),
      ]),
    ].sort(),
  }));
}

export function organisationsByCode(db: Kysely<Database>, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('organisation')
    .select(['code', 'name', 'short_name', 'name_en'])
    .where('code', 'in', codes)
    .orderBy('code')
    .execute();
}

export async function areaName(db: Kysely<Database>, code: string): Promise<string> {
  const row = await db
    .selectFrom('area_version')
    .select('name')
    .where('area_code', '=', code)
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
  return row?.name ?? code;
}

/** A plan's targets only (what its progress needs), by year and indicator. */
export function planTargets(db: Kysely<Database>, code: string) {
  return db.selectFrom('target').selectAll().where('plan_code', '=', code).orderBy('year').orderBy('indicator_code').execute();
}
