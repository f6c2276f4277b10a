import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { loadPlan } from './load-plan.ts';
import { parseCatalog } from './parse.ts';
import type { Catalog } from './types.ts';
import { upsert } from './upsert.ts';

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
