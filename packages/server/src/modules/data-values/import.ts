import { checkRule, ruleElements } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { textProblem } from '../../http/input-guard.ts';
import { canWrite, ScopeCache, type WriteDecision } from '../forms/access.ts';
import { lockedCells } from '../forms/locks.ts';
import { loadForms } from '../forms/repository.ts';
import type { AuthContext } from '../auth/service.ts';
import type { InputRow, ParsedInput, RowError } from './input.ts';
import { loadDataMetadata, type DataMetadata } from './metadata.ts';
import * as repo from './repository.ts';
import { checkRow, ParseCache, type CheckedRow } from './validate.ts';

export type ImportMode = 'atomic' | 'partial';
export type ValueSource = 'entry' | 'import' | 'api';

/** Where a long import is: its phase and the rows done of the total, for a progress bar. */
export interface ImportProgress {
  phase: 'checking' | 'writing' | 'done';
  processed: number;
  total: number;
}
export type ProgressListener = (progress: ImportProgress) => void;

/** Rows checked between two yields to the event loop, so that other requests are served during a long import. */
const YIELD_EVERY = 2_000;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface ImportResult {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  errors: RowError[];
}

/** Checks each row alone, then who may write it, whether it is locked, and that no two rows name one cell. */
async function checkRows(ctx: AppContext, auth: AuthContext, rows: InputRow[], metadata: DataMetadata, onProgress?: ProgressListener): Promise<{ good: CheckedRow[]; errors: RowError[]; lock: RowError | null }> {
  const errors: RowError[] = [];
  // Files (streamed CSV, Excel) bypass the request guard: an unstorable character in any field is refused before any query sees it.
  rows = rows.filter((input) => {
    for (const column of ['element', 'period', 'org', 'disagg', 'value', 'comment'] as const) {
      const problem = typeof input[column] === 'string' ? textProblem(input[column] as string) : null;
      if (problem) {
        errors.push({ row: input.row, column, message: `Ô ${problem.vi}`, messageEn: `The cell ${problem.en}` });
        return false;
      }
    }
    return true;
  });
  const scope = new ScopeCache(ctx, auth);
  const known = new Set<string>();
  for (const code of new Set(rows.map((r) => r.org).filter(Boolean))) if (await scope.unit(code)) known.add(code);
  const today = ctx.now().toISOString().slice(0, 10);
  const forms = await loadForms(ctx.db);
  const locks = await lockedCells(ctx, [...known], [...new Set(rows.map((r) => r.period.trim()))]);
  const decisions = new Map<string, WriteDecision>();
  const good: CheckedRow[] = [];
  let lock: RowError | null = null;
  const firstRowOf = new Map<string, number>();
  const rowContext = { metadata, knownUnits: known, today, cache: new ParseCache() };
  for (const [index, input] of rows.entries()) {
    if (index > 0 && index % YIELD_EVERY === 0) {
      onProgress?.({ phase: 'checking', processed: index, total: rows.length });
      await yieldToEventLoop();
    }
    const checked = checkRow(input, rowContext);
    if ('column' in checked) {
      errors.push(checked);
      continue;
    }
    const access = `${checked.element}|${checked.org}|${checked.period.code}`;
    let decision = decisions.get(access);
    if (!decision) {
      decision = await canWrite(auth, scope, forms, checked.element, checked.org, checked.period.code, today);
      decisions.set(access, decision);
    }
    if (!decision.ok) {
      errors.push({ row: input.row, column: 'org', message: decision.vi, messageEn: decision.en });
      continue;
    }
    const locked = locks.get(access);
    if (locked) {
      const lockError = { row: input.row, column: 'value', message: locked.vi, messageEn: locked.en };
      lock ??= lockError;
      errors.push(lockError);
      continue;
    }
    const key = repo.cellKey(checked.element, checked.period.code, checked.org, checked.disagg);
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      errors.push({ row: input.row, column: null, message: `Trùng ô số liệu với dòng ${first}`, messageEn: `The same cell as row ${first}` });
      continue;
    }
    firstRowOf.set(key, input.row);
    good.push(checked);
  }
  return { good, errors, lock };
}

type State = Map<string, { element: string; period: string; org: string; disagg: string; value: number; comment: string | null }>;

/** The rows a batch's rule violations blame: those of the unit, period and elements of the rule, in the violating slice. */
function ruleErrors(rows: CheckedRow[], state: State, metadata: DataMetadata): RowError[] {
  const errors: RowError[] = [];
  const byCombo = new Map<string, CheckedRow[]>();
  for (const r of rows) {
    const combo = `${r.org}|${r.period.code}`;
    const list = byCombo.get(combo);
    if (list) list.push(r);
    else byCombo.set(combo, [r]);
  }
  const cellsByCombo = new Map<string, { element: string; disagg: string; value: number }[]>();
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
        // The left side is the part ("of them, trained"): blame its rows when the batch wrote it, else the whole's.
        const inSlice = (r: CheckedRow, side: typeof rule.left) =>
          side.some((t) => t.element === r.element) && Object.entries(v.where).every(([d, val]) => r.disagg.split(';').includes(`${d}:${val}`));
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

function applyRows(existing: repo.StoredValue[], rows: CheckedRow[]): State {
  const state: State = new Map();
  for (const v of existing) state.set(repo.cellKey(v.element_code, v.period, v.org_code, v.disagg), { element: v.element_code, period: v.period, org: v.org_code, disagg: v.disagg, value: v.value, comment: v.comment });
  for (const r of rows) {
    const key = repo.cellKey(r.element, r.period.code, r.org, r.disagg);
    if (r.value === null) state.delete(key);
    else state.set(key, { element: r.element, period: r.period.code, org: r.org, disagg: r.disagg, value: r.value, comment: r.comment });
  }
  return state;
}

/** A rejected batch: 409 when it would change approved (locked) figures, else 422; both list every bad row. */
function rejected(errors: RowError[], lock: RowError | null = null): AppError {
  const rows = new Set(errors.map((e) => e.row)).size;
  if (lock) return new AppError('locked', 409, lock.message, lock.messageEn, [], {}, { errors: errors.sort((a, b) => a.row - b.row) });
  return new AppError(
    'import_rejected',
    422,
    `Có ${rows} dòng bị lỗi; không có số liệu nào được lưu. Hãy sửa các dòng được liệt kê rồi gửi lại.`,
    `${rows} row(s) have errors; nothing was stored. Fix the rows listed and send the file again.`,
    [],
    {},
    { errors: errors.sort((a, b) => a.row - b.row) },
  );
}

/**
 * Stores a batch of data values: every row checked (element, period, unit and
 * scope, dimensions, value), then the validation rules on the resulting
 * figures, then one transaction that writes the values and their history.
 * Atomic by default: any bad row rejects the whole batch.
 */
export async function importDataValues(
  ctx: AppContext,
  auth: AuthContext,
  input: ParsedInput,
  mode: ImportMode,
  source: ValueSource,
  onProgress?: ProgressListener,
): Promise<ImportResult> {
  if (mode === 'atomic' && input.errors.length > 0) throw rejected(input.errors);
  const metadata = await loadDataMetadata(ctx.db);
  const checked = await checkRows(ctx, auth, input.rows, metadata, onProgress);
  onProgress?.({ phase: 'writing', processed: input.rows.length, total: input.rows.length });
  const errors = [...input.errors, ...checked.errors];
  if (mode === 'atomic' && errors.length > 0) throw rejected(errors, checked.lock);

  return ctx.db.transaction().execute(async (trx) => {
    let rows = checked.good;
    await repo.lockUnitPeriods(trx, rows.map((r) => `${r.org}|${r.period.code}`));
    const existing = await repo.valuesOf(trx, [...new Set(rows.map((r) => r.org))], [...new Set(rows.map((r) => r.period.code))]);
    for (let round = 0; round < 10; round++) {
      const violations = ruleErrors(rows, applyRows(existing, rows), metadata);
      if (violations.length === 0) break;
      if (mode === 'atomic') throw rejected([...errors, ...violations]);
      errors.push(...violations);
      const bad = new Set(violations.map((v) => v.row));
      rows = rows.filter((r) => !bad.has(r.row));
    }

    const before = new Map(existing.map((v) => [repo.cellKey(v.element_code, v.period, v.org_code, v.disagg), v]));
    const result: ImportResult = { created: 0, updated: 0, deleted: 0, unchanged: 0, errors };
    const writes: repo.CellWrite[] = [];
    const deletes: repo.CellWrite[] = [];
    const audit: repo.AuditWrite[] = [];
    for (const r of rows) {
      const cell = { element: r.element, period: r.period.code, org: r.org, disagg: r.disagg };
      const old = before.get(repo.cellKey(cell.element, cell.period, cell.org, cell.disagg));
      if (r.value === null) {
        if (!old) {
          result.unchanged++;
          continue;
        }
        deletes.push({ ...cell, value: 0, comment: null });
        audit.push({ ...cell, action: 'delete', oldValue: old.value, newValue: null, oldComment: old.comment, newComment: null });
        result.deleted++;
      } else if (!old) {
        writes.push({ ...cell, value: r.value, comment: r.comment });
        audit.push({ ...cell, action: 'create', oldValue: null, newValue: r.value, oldComment: null, newComment: r.comment });
        result.created++;
      } else if (old.value === r.value && (old.comment ?? null) === (r.comment ?? null)) {
        result.unchanged++;
      } else {
        writes.push({ ...cell, value: r.value, comment: r.comment });
        audit.push({ ...cell, action: 'update', oldValue: old.value, newValue: r.value, oldComment: old.comment, newComment: r.comment });
        result.updated++;
      }
    }
    const at = ctx.now();
    await repo.upsertValues(trx, writes, auth.username, at);
    await repo.deleteValues(trx, deletes);
    await repo.insertAudit(trx, audit, source, auth.username, at);
    result.errors.sort((a, b) => a.row - b.row);
    onProgress?.({ phase: 'done', processed: input.rows.length, total: input.rows.length });
    return result;
  });
}
