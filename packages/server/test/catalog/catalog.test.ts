import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/modules/catalog/load.ts';
import { CatalogError } from '../../src/modules/catalog/reader.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { brokenCopy, problemsOf } from '../support/catalog.ts';
import { DEFAULT_CATALOG_DIR } from '../support/engine.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db.destroy());

const TABLES = [
  'area',
  'area_version',
  'organisation',
  'organisation_group_member',
  'dimension_value',
  'data_element',
  'data_element_dimension',
  'indicator',
  'plan',
  'plan_basis',
  'target',
  'task',
  'task_party',
  'plan_rule',
] as const;

async function counts(): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db.db);
    result[table] = row.rows[0]!.n;
  }
  return result;
}

describe('the default catalogue', () => {
  it('holds the Yên Dũng plan as data-contract.md gives it', async () => {
    const c = await counts();
    expect(c).toMatchObject({ area: 21, organisation: 28, data_element: 8, indicator: 6, plan: 1, target: 12, task: 12, plan_basis: 4 });
    const elements = await db.db.selectFrom('data_element').select(['code', 'aggregation']).orderBy('code').execute();
    expect(elements.filter((e) => e.aggregation === 'last').map((e) => e.code)).toEqual([
      'DE_LABOUR_FORCE',
      'DE_LABOUR_TRAINED_CERT',
      'DE_VET_INSTITUTIONS',
    ]);
    const dims = await db.db
      .selectFrom('data_element_dimension')
      .selectAll()
      .where('element_code', '=', 'DE_THCS_TO_VET')
      .orderBy('position')
      .execute();
    expect(dims.map((d) => [d.dimension_code, d.value_codes])).toEqual([
      ['sex', null],
      ['level', ['SC', 'TC']],
    ]);
    const formula = await db.db
      .selectFrom('indicator')
      .select('formula')
      .where('code', '=', 'I_SECONDARY_TO_VET')
      .executeTakeFirstOrThrow();
    expect(formula.formula).toBe(
      '(DE_THCS_TO_VET[level:TC] + DE_THPT_TO_VET[level:TC] + DE_THPT_TO_VET[level:CD]) / (DE_THCS_GRAD + DE_THPT_GRAD) * 100',
    );
  });

  it('loads again without changing anything (idempotent)', async () => {
    const before = await counts();
    const plan = await db.db.selectFrom('plan').selectAll().executeTakeFirstOrThrow();
    await loadCatalog(db.db, DEFAULT_CATALOG_DIR, 'test');
    expect(await counts()).toEqual(before);
    expect(await db.db.selectFrom('plan').selectAll().executeTakeFirstOrThrow()).toEqual(plan);
  });
});

describe('a bad catalogue', () => {
  it('names a task with an unknown organisation', () => {
    const dir = brokenCopy('plan.yaml', (t) => t.replace('lead: ["221-GDDT"]', 'lead: ["221-XYZ"]'));
    expect(problemsOf(dir)).toEqual([
      'plan.yaml: tasks[4].lead[0]: "221-XYZ" is not a known organisation or group code (see organisations.yaml)',
    ]);
  });

  it('names an unknown comparator', () => {
    const dir = brokenCopy('plan.yaml', (t) => t.replace('comparator: ">="', 'comparator: "=>"'));
    expect(problemsOf(dir)).toEqual(['plan.yaml: targets[1].comparator: "=>" is not allowed; use one of: >, >=, ~, <=, <, range']);
  });

  it('names a duplicate code', () => {
    const dir = brokenCopy('organisations.yaml', (t) => t.replace('code: "221-KT"', 'code: "221-GDDT"'));
    const problems = problemsOf(dir);
    expect(problems[0]).toMatch(/^organisations\.yaml: organisations\[\d+\]\.code: duplicate organisation code "221-GDDT"$/);
  });

  it('names a malformed file with its line', () => {
    const dir = brokenCopy('areas.yaml', (t) => t.replace('  - code: "221"', '  - code: "221\n    : ['));
    const problems = problemsOf(dir);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^areas\.yaml: line \d+, column \d+: is not valid YAML: /);
  });

  it('explains a code written without quotes', () => {
    const dir = brokenCopy('areas.yaml', (t) => t.replace('code: "07681"', 'code: 7681'));
    expect(problemsOf(dir)).toContain(
      'areas.yaml: areas[3].code: must be text; write it in quotes ("7681") so that leading zeros are kept',
    );
  });

  it('names a range target without an upper bound and an unknown formula element', () => {
    const plan = brokenCopy('plan.yaml', (t) => t.replace('comparator: ">"\n    value: 40', 'comparator: "range"\n    value: 40'));
    expect(problemsOf(plan)).toEqual(['plan.yaml: targets[0]: a "range" target needs valueUpper']);
    const indicators = brokenCopy('indicators.yaml', (t) => t.replace('DE_THCS_TO_VET / DE_THCS_GRAD', 'DE_THCS_TO_VETX / DE_THCS_GRAD'));
    expect(problemsOf(indicators)).toEqual(['indicators.yaml: indicators[0].formula: "DE_THCS_TO_VETX" is not a known data element']);
  });

  it('changes nothing in the database when any file is bad', async () => {
    const before = await counts();
    const dir = brokenCopy('plan.yaml', (t) => t.replace('lead: ["221-GDDT"]', 'lead: ["221-XYZ"]').replace('value: 40', 'value: 41'));
    await expect(loadCatalog(db.db, dir, 'test')).rejects.toBeInstanceOf(CatalogError);
    expect(await counts()).toEqual(before);
    const target = await db.db.selectFrom('target').select('value').where('indicator_code', '=', 'I_THCS_TO_VET').executeTakeFirstOrThrow();
    expect(target.value).toBe(40);
  });

  it('rolls back a load that fails while writing', async () => {
    const before = await counts();
    // The database refuses the plan's rules, which are written after the areas: nothing may stay.
    await sql`create function refuse_rule() returns trigger language plpgsql as $$ begin raise exception 'refused by test'; end $$`.execute(
      db.db,
    );
    await sql`create trigger refuse_rule before insert or update on plan_rule for each row execute function refuse_rule()`.execute(db.db);
    try {
      const dir = brokenCopy('areas.yaml', (t) => t.replace('name: Huyện Yên Dũng', 'name: Huyện Yên Dũng mới'));
      await expect(loadCatalog(db.db, dir, 'test')).rejects.toThrow('refused by test');
    } finally {
      await sql`drop trigger refuse_rule on plan_rule`.execute(db.db);
      await sql`drop function refuse_rule()`.execute(db.db);
    }
    expect(await counts()).toEqual(before);
    const name = await db.db.selectFrom('area_version').select('name').where('area_code', '=', '221').executeTakeFirstOrThrow();
    expect(name.name).toBe('Huyện Yên Dũng');
  });
});
