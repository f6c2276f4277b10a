import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { CatalogPlan } from './types.ts';
import { prune, upsert } from './upsert.ts';

export async function loadPlan(db: Kysely<Database>, catalogCode: string, p: CatalogPlan): Promise<void> {
  await upsert(
    db,
    'plan',
    ['code'],
    [
      {
        code: p.code,
        doc_type: p.docType,
        number: p.number,
        symbol: p.symbol,
        title: p.title,
        title_en: p.titleEn,
        issued_on: p.issuedOn,
        issued_on_precision: p.issuedOnPrecision,
        place: p.place,
        issuer_code: p.issuer,
        area_code: p.area,
        signer: JSON.stringify(p.signer),
        horizons: p.horizons,
        purposes: p.purposes,
        requirements: p.requirements,
        general_objective: p.generalObjective,
        recipients: p.recipients,
        catalog_code: catalogCode,
      },
    ],
  );
  await db.deleteFrom('task_party').where('plan_code', '=', p.code).execute();
  await loadPlanBasis(db, p);
  await loadTargets(db, p);
  await loadTasks(db, p);
  await loadPlanRules(db, p);
}

/** The legal documents the plan rests on, in their order. */
async function loadPlanBasis(db: Kysely<Database>, p: CatalogPlan): Promise<void> {
  await prune(
    db,
    'plan_basis',
    p.code,
    p.basis.map((b) => b.code),
  );
  await upsert(
    db,
    'plan_basis',
    ['plan_code', 'code'],
    p.basis.map((b, i) => ({
      plan_code: p.code,
      code: b.code,
      position: i,
      number: b.number,
      doc_type: b.docType,
      title: b.title,
      issued_on: b.issuedOn,
      issuer: b.issuer,
      relation: b.relation,
      parent: b.parent,
    })),
  );
}

/** The plan’s targets, by indicator and year. */
async function loadTargets(db: Kysely<Database>, p: CatalogPlan): Promise<void> {
  const targetKeys = p.targets.map((t) => `${t.indicator} ${t.year}`);
  await sql`delete from target where plan_code = ${p.code} and not ((indicator_code || ' ' || year) = any(${targetKeys}::text[]))`.execute(
    db,
  );
  await upsert(
    db,
    'target',
    ['plan_code', 'indicator_code', 'year'],
    p.targets.map((t) => ({
      plan_code: p.code,
      indicator_code: t.indicator,
      year: t.year,
      comparator: t.comparator,
      value: t.value,
      value_upper: t.valueUpper,
      tolerance: t.tolerance,
      wording: t.wording,
      wording_en: t.wordingEn,
    })),
  );
}

/** The task groups and tasks, and each task’s lead and coordinating parties (an organisation or a group). */
async function loadTasks(db: Kysely<Database>, p: CatalogPlan): Promise<void> {
  await prune(
    db,
    'task',
    p.code,
    p.tasks.map((t) => t.code),
  );
  await prune(
    db,
    'task_group',
    p.code,
    p.taskGroups.map((g) => g.code),
  );
  await upsert(
    db,
    'task_group',
    ['plan_code', 'code'],
    p.taskGroups.map((g, i) => ({ plan_code: p.code, code: g.code, position: i, title: g.title, title_en: g.titleEn })),
  );
  await upsert(
    db,
    'task',
    ['plan_code', 'code'],
    p.tasks.map((t, i) => ({
      plan_code: p.code,
      code: t.code,
      group_code: t.group,
      position: i,
      section: t.section,
      title: t.title,
      title_en: t.titleEn,
      content: t.content,
      lead_text: t.leadText,
      coordinating_text: t.coordinatingText,
      recurrence: t.recurrence,
      reporting: t.reporting,
    })),
  );
  const groupCodes = new Set((await db.selectFrom('organisation_group').select('code').execute()).map((g) => g.code));
  const parties = p.tasks.flatMap((t) =>
    (['lead', 'coordinating'] as const).flatMap((role) =>
      (role === 'lead' ? t.lead : t.coordinating).map((code, i) => ({
        plan_code: p.code,
        task_code: t.code,
        role,
        position: i,
        org_code: groupCodes.has(code) ? null : code,
        group_code: groupCodes.has(code) ? code : null,
      })),
    ),
  );
  await upsert(db, 'task_party', ['plan_code', 'task_code', 'role', 'position'], parties);
}

/** The rules of section IV. */
async function loadPlanRules(db: Kysely<Database>, p: CatalogPlan): Promise<void> {
  await prune(
    db,
    'plan_rule',
    p.code,
    p.rules.map((r) => r.code),
  );
  await upsert(
    db,
    'plan_rule',
    ['plan_code', 'code'],
    p.rules.map((r, i) => ({
      plan_code: p.code,
      code: r.code,
      position: i,
      kind: r.kind,
      text: r.text,
      text_en: r.textEn,
      evaluation: r.evaluation,
      from_codes: r.from,
      to_codes: r.to,
      via_code: r.via,
      frequency: r.frequency,
    })),
  );
}
