import { checkRule, ruleElements } from '@vetplan/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { importSizes } from './import-sizes.ts';
import type { RowError } from './input.ts';
import type { DataMetadata } from '../data-elements/metadata.ts';
import * as repo from './repository.ts';
import type { Stage, StagedRow, UnitPeriod } from './stage.ts';

type Cell = { element: string; period: string; org: string; disagg: string; value: number };
type State = Map<string, Cell>;

/** The figures of some unit-periods once the rows are written: the stored ones, changed by the rows. */
function applyRows(existing: repo.StoredValue[], rows: StagedRow[]): State {
  const state: State = new Map();
  for (const v of existing)
    state.set(repo.cellKey(v.element_code, v.period, v.org_code, v.disagg), {
      element: v.element_code,
      period: v.period,
      org: v.org_code,
      disagg: v.disagg,
      value: v.value,
    });
  for (const r of rows) {
    const key = repo.cellKey(r.element, r.period, r.org, r.disagg);
    if (r.value === null) state.delete(key);
    else state.set(key, { element: r.element, period: r.period, org: r.org, disagg: r.disagg, value: r.value });
  }
  return state;
}

/** The rows that rule violations blame: those of the unit, period and elements of the rule, in the violating slice. */
export function ruleErrors(rows: StagedRow[], existing: repo.StoredValue[], metadata: DataMetadata): RowError[] {
  const state = applyRows(existing, rows);
  const errors: RowError[] = [];
  const byCombo = new Map<string, StagedRow[]>();
  for (const r of rows) {
    const combo = `${r.org}|${r.period}`;
    const list = byCombo.get(combo);
    if (list) list.push(r);
    else byCombo.set(combo, [r]);
  }
  const cellsByCombo = new Map<string, Cell[]>();
  for (const cell of state.values()) {
    const combo = `${cell.org}|${cell.period}`;
    if (!byCombo.has(combo)) continue;
    const list = cellsByCombo.get(combo);
    if (list) list.push(cell);
    else cellsByCombo.set(combo, [cell]);
  }
  for (const [combo, comboRows] of byCombo) {
    const touched = new Set(comboRows.map((r) => r.element));
    for (const rule of metadata.rules) {
      const elements = ruleElements(rule);
      if (!elements.some((e) => touched.has(e))) continue;
      for (const v of checkRule(rule, cellsByCombo.get(combo) ?? [])) {
        // The left side is the part ("of them, trained"): blame its rows when the file wrote it, else the whole's.
        const inSlice = (r: StagedRow, side: typeof rule.left) =>
          side.some((t) => t.element === r.element) &&
          Object.entries(v.where).every(([d, val]) => r.disagg.split(';').includes(`${d}:${val}`));
        const left = comboRows.filter((r) => inSlice(r, rule.left));
        const blamed = left.length > 0 ? left : comboRows.filter((r) => inSlice(r, rule.right));
        for (const r of blamed.length > 0 ? blamed : comboRows.filter((x) => elements.includes(x.element))) {
          errors.push({ row: r.row, column: 'value', message: v.message, messageEn: v.messageEn });
        }
      }
    }
  }
  return errors;
}

/**
 * Checks the validation rules on the figures the staged rows would leave,
 * a group of unit-periods at a time (the rules never cross a unit-period).
 * In partial mode the rows blamed are taken out of the stage and their
 * unit-periods checked again, since removing a row can break another rule.
 */
export async function checkStagedRules(
  db: Kysely<Database>,
  stage: Stage,
  metadata: DataMetadata,
  mode: 'atomic' | 'partial',
  unitPeriods: UnitPeriod[],
  between?: () => Promise<void>,
): Promise<RowError[]> {
  const errors: RowError[] = [];
  const groupSize = importSizes(db).ruleUnitPeriods;
  let pending = unitPeriods;
  for (let round = 0; round < 10 && pending.length > 0; round++) {
    const failing = new Map<string, UnitPeriod>();
    for (let i = 0; i < pending.length; i += groupSize) {
      const group = pending.slice(i, i + groupSize);
      const rows = await stage.rowsOf(group, db);
      const existing = await repo.valuesOfUnitPeriods(db, group);
      const violations = ruleErrors(rows, existing, metadata);
      errors.push(...violations);
      if (mode === 'partial' && violations.length > 0) {
        const bad = new Set(violations.map((v) => v.row));
        for (const r of rows) if (bad.has(r.row)) failing.set(`${r.org}|${r.period}`, { org: r.org, period: r.period });
        await stage.remove([...bad], db);
      }
      await between?.();
    }
    if (mode === 'atomic') break;
    pending = [...failing.values()];
  }
  return errors;
}
