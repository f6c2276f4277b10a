import { formulaRefs, parseFormula, type Formula } from '@vetplan/domain';
import { sql, type Kysely } from 'kysely';
import type { Database, TargetTable } from './schema.ts';

/**
 * What answers of the dashboards need from the catalogue and that changes
 * only with a catalogue load or a change of the data elements: the
 * indicators with their formulas parsed, every plan's targets and the
 * elements' time aggregation. Kept in the AppContext and read once per
 * version: the version is the last catalogue load and the aggregate's
 * generation (a change of the elements marks the aggregate stale, and its
 * rebuild counts a new generation), which every answer's own statement
 * reads too — so a catalogue loaded by another process is seen at the next
 * answer.
 */
export interface CatalogueSnapshot {
  version: string;
  /** By code, in code order. */
  indicators: Map<string, CachedIndicator>;
  plans: Map<string, CachedPlan>;
  aggregation: Map<string, 'sum' | 'last'>;
}

export interface CachedIndicator {
  code: string;
  name: string;
  formula: Formula;
  /** The elements the formula refers to, once each. */
  elements: string[];
}

/** A plan target as the answers use it (without its wording). */
export type CachedTarget = Omit<TargetTable, 'wording' | 'wording_en'>;

export interface CachedPlan {
  code: string;
  areaCode: string;
  /** By year, then indicator. */
  targets: CachedTarget[];
}

/** The version of the catalogue as a statement reads it alongside its answer (see `catalogueVersionSql`). */
export function catalogueVersion(catalogLoad: number | null, generation: number): string {
  return `${catalogLoad ?? 0}|${generation}`;
}

/** Columns `catalogue_load`, `stale` and `generation` of a select, for `catalogueVersion`. */
export const catalogueVersionSql = sql`(select max(id) from catalog_load) as catalogue_load,
  (select stale from analytics_state) as stale, (select generation from analytics_state) as generation`;

export class CatalogueCache {
  private snapshot: CatalogueSnapshot | null = null;
  private loading: Promise<CatalogueSnapshot> | null = null;

  /** The snapshot as last read, whatever its version (the caller checks it against its own statement's). */
  current(db: Kysely<Database>): Promise<CatalogueSnapshot> {
    return this.snapshot ? Promise.resolve(this.snapshot) : this.reload(db);
  }

  /** Reads the catalogue again (one load at a time). */
  reload(db: Kysely<Database>): Promise<CatalogueSnapshot> {
    if (!this.loading) {
      this.loading = readSnapshot(db)
        .then((s) => (this.snapshot = s))
        .finally(() => (this.loading = null));
    }
    return this.loading;
  }

  /** Forgets the snapshot (after this process loaded a catalogue or changed an element). */
  invalidate(): void {
    this.snapshot = null;
  }
}

async function readSnapshot(db: Kysely<Database>): Promise<CatalogueSnapshot> {
  // The version first: a load committed while the rest is read only makes the next answer read it again.
  const v = (
    await sql<{ catalogue_load: number | null; stale: boolean | null; generation: number | null }>`select ${catalogueVersionSql}`.execute(
      db,
    )
  ).rows[0]!;
  const [indicators, plans, targets, elements] = await Promise.all([
    db.selectFrom('indicator').select(['code', 'name', 'formula']).orderBy('code').execute(),
    db.selectFrom('plan').select(['code', 'area_code']).execute(),
    db
      .selectFrom('target')
      .select(['plan_code', 'indicator_code', 'year', 'comparator', 'value', 'value_upper', 'tolerance'])
      .orderBy('year')
      .orderBy('indicator_code')
      .execute(),
    db.selectFrom('data_element').select(['code', 'aggregation']).execute(),
  ]);
  const snapshot: CatalogueSnapshot = {
    // A stale aggregate gets a new generation when it is rebuilt: until then no answer takes this version for current.
    version: v.stale === false ? catalogueVersion(v.catalogue_load, Number(v.generation)) : 'stale',
    indicators: new Map(),
    plans: new Map(),
    aggregation: new Map(elements.map((e) => [e.code, e.aggregation as 'sum' | 'last'])),
  };
  for (const r of indicators) {
    const parsed = parseFormula(r.formula);
    if (!parsed.ok) throw new Error(`indicator ${r.code} has a bad formula: ${parsed.message}`);
    snapshot.indicators.set(r.code, {
      code: r.code,
      name: r.name,
      formula: parsed.formula,
      elements: [...new Set(formulaRefs(parsed.formula).map((x) => x.element))],
    });
  }
  for (const p of plans) snapshot.plans.set(p.code, { code: p.code, areaCode: p.area_code, targets: [] });
  for (const t of targets) snapshot.plans.get(t.plan_code)?.targets.push(t);
  return snapshot;
}
