import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { parseCatalog } from './parse.ts';
import type { Catalog, CatalogPlan } from './types.ts';

type Row = Record<string, unknown>;

/**
 * Inserts rows or updates them in place when their key exists, so that
 * loading the same catalogue twice leaves the database as after once.
 */
async function upsert(db: Kysely<Database>, table: keyof Database, keys: string[], rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const updates = columns.filter((c) => !keys.includes(c));
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    await db
      .insertInto(table)
      .values(batch as never)
      .onConflict((oc) =>
        updates.length === 0
          ? oc.columns(keys as never).doNothing()
          : oc.columns(keys as never).doUpdateSet(Object.fromEntries(updates.map((c) => [c, sql.ref(`excluded.${c}`)])) as never),
      )
      .execute();
  }
}

/** Deletes a plan's rows that the catalogue no longer lists. */
async function prune(
  db: Kysely<Database>,
  table: 'target' | 'task' | 'task_group' | 'plan_basis' | 'plan_rule',
  plan: string,
  keep: string[],
  keyColumn = 'code',
): Promise<void> {
  await sql`delete from ${sql.table(table)} where plan_code = ${plan} and not (${sql.ref(keyColumn)} = any(${keep}::text[]))`.execute(db);
}

async function loadPlaces(db: Kysely<Database>, c: Catalog): Promise<void> {
  await upsert(db, 'area', ['code'], [...new Map(c.areas.map((a) => [a.code, { code: a.code, level: a.level }])).values()]);
  await upsert(
    db,
    'area_version',
    ['area_code', 'valid_from'],
    c.areas.map((a) => ({
      area_code: a.code,
      valid_from: a.validFrom ?? '-infinity',
      valid_to: a.validTo ?? 'infinity',
      name: a.name,
      name_en: a.nameEn,
      kind: a.kind,
      parent_code: a.parent,
    })),
  );
  // Parents are set after every organisation exists, whatever the order of the file.
  await upsert(
    db,
    'organisation',
    ['code'],
    c.organisations.map((o) => ({
      code: o.code,
      name: o.name,
      short_name: o.shortName,
      name_en: o.nameEn,
      kind: o.kind,
      area_code: o.area,
      parent_code: null,
    })),
  );
  for (const o of c.organisations.filter((x) => x.parent)) {
    await db.updateTable('organisation').set({ parent_code: o.parent }).where('code', '=', o.code).execute();
  }
  await upsert(
    db,
    'organisation_group',
    ['code'],
    c.groups.map((g) => ({ code: g.code, name: g.name, name_en: g.nameEn, kinds: g.kinds })),
  );
  for (const g of c.groups) {
    await db.deleteFrom('organisation_group_member').where('group_code', '=', g.code).execute();
    await upsert(
      db,
      'organisation_group_member',
      ['group_code', 'org_code'],
      g.members.map((m) => ({ group_code: g.code, org_code: m })),
    );
  }
}

async function loadData(db: Kysely<Database>, c: Catalog): Promise<void> {
  await upsert(
    db,
    'dimension',
    ['code'],
    c.dimensions.map((d) => ({ code: d.code, name: d.name, name_en: d.nameEn })),
  );
  await upsert(
    db,
    'dimension_value',
    ['dimension_code', 'code'],
    c.dimensions.flatMap((d) =>
      d.values.map((v, i) => ({ dimension_code: d.code, code: v.code, name: v.name, name_en: v.nameEn, position: i })),
    ),
  );
  await upsert(
    db,
    'data_element',
    ['code'],
    c.elements.map((e) => ({
      code: e.code,
      name: e.name,
      name_en: e.nameEn,
      description: e.description,
      value_type: e.valueType,
      aggregation: e.aggregation,
      period_type: e.periodType,
    })),
  );
  for (const e of c.elements) {
    await db.deleteFrom('data_element_dimension').where('element_code', '=', e.code).execute();
    await upsert(
      db,
      'data_element_dimension',
      ['element_code', 'dimension_code'],
      e.dimensions.map((d, i) => ({ element_code: e.code, dimension_code: d.dimension, position: i, value_codes: d.values })),
    );
  }
  await upsert(
    db,
    'indicator',
    ['code'],
    c.indicators.map((i) => ({
      code: i.code,
      name: i.name,
      name_en: i.nameEn,
      description: i.description,
      formula: i.formula,
      unit: i.unit,
      unit_label: i.unitLabel,
      unit_label_en: i.unitLabelEn,
      decimals: i.decimals,
      external_codes: JSON.stringify(i.externalCodes),
    })),
  );
}

async function loadRules(db: Kysely<Database>, c: Catalog): Promise<void> {
  await upsert(
    db,
    'validation_rule',
    ['code'],
    c.rules.map((r) => ({
      code: r.code,
      name: r.name,
      name_en: r.nameEn,
      left_side: r.left,
      operator: r.operator,
      right_side: r.right,
      per_dimensions: r.perDimensions,
      message: r.message,
      message_en: r.messageEn,
    })),
  );
}

async function loadForms(db: Kysely<Database>, c: Catalog): Promise<void> {
  await upsert(
    db,
    'report_form',
    ['code'],
    c.forms.map((f) => ({
      code: f.code,
      name: f.name,
      name_en: f.nameEn,
      period_type: f.periodType,
      opens_month: f.opens.month,
      opens_day: f.opens.day,
      cutoff_month: f.cutoff.month,
      cutoff_day: f.cutoff.day,
      due_month: f.due.month,
      due_day: f.due.day,
      reported_by: f.reportedBy,
      approver_roles: f.approverRoles,
    })),
  );
  for (const f of c.forms) {
    await db.deleteFrom('report_form_element').where('form_code', '=', f.code).execute();
    await upsert(
      db,
      'report_form_element',
      ['form_code', 'element_code'],
      f.elements.map((e, i) => ({ form_code: f.code, element_code: e, position: i })),
    );
    await db.deleteFrom('report_form_unit').where('form_code', '=', f.code).execute();
    await upsert(
      db,
      'report_form_unit',
      ['form_code', 'org_code'],
      f.units.map((u) => ({ form_code: f.code, org_code: u })),
    );
  }
}

async function loadPlan(db: Kysely<Database>, catalogCode: string, p: CatalogPlan): Promise<void> {
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

export interface LoadSummary {
  catalog: string;
  checksum: string;
  areas: number;
  organisations: number;
  elements: number;
  indicators: number;
  plans: string[];
}

/** Writes a checked catalogue in one transaction: a failure leaves the database as it was. */
export async function writeCatalog(db: Kysely<Database>, catalog: Catalog, loadedBy: string): Promise<LoadSummary> {
  await db.transaction().execute(async (trx) => {
    await loadPlaces(trx, catalog);
    await loadData(trx, catalog);
    await loadRules(trx, catalog);
    await loadForms(trx, catalog);
    for (const plan of catalog.plans) await loadPlan(trx, catalog.code, plan);
    await trx.insertInto('catalog_load').values({ catalog_code: catalog.code, checksum: catalog.checksum, loaded_by: loadedBy }).execute();
    await recordAudit(trx, {
      actor: loadedBy,
      action: 'catalog_loaded',
      entity: 'catalog',
      entityKey: catalog.code,
      details: { checksum: catalog.checksum },
    });
  });
  return {
    catalog: catalog.code,
    checksum: catalog.checksum,
    areas: new Set(catalog.areas.map((a) => a.code)).size,
    organisations: catalog.organisations.length,
    elements: catalog.elements.length,
    indicators: catalog.indicators.length,
    plans: catalog.plans.map((p) => p.code),
  };
}

/** Reads, checks and loads a catalogue folder. */
export async function loadCatalog(db: Kysely<Database>, dir: string, loadedBy: string): Promise<LoadSummary> {
  return writeCatalog(db, parseCatalog(dir), loadedBy);
}

export async function anyCatalogLoaded(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('catalog_load').select('id').limit(1).executeTakeFirst()) !== undefined;
}
