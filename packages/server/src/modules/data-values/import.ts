import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../auth/service.ts';
import { applyStage, changedSince, historyMark, lockStagedUnitPeriods, type ApplyCounts } from './apply.ts';
import { importSizes } from './import-sizes.ts';
import { claimUnitPeriods, finishImport, rollbackImport } from './import-claims.ts';
import { RowChecker } from './check.ts';
import { batchesOf, type ParsedInput, type RowBatches, type RowError } from './input.ts';
import { loadDataMetadata } from './metadata.ts';
import { checkStagedRules } from './rules.ts';
import { Stage } from './stage.ts';

export type ImportMode = 'atomic' | 'partial';
export type ValueSource = 'entry' | 'import' | 'api';

/** Where a long import is: its phase and the rows done of the total, for a progress bar. */
export interface ImportProgress {
  phase: 'checking' | 'writing' | 'done';
  processed: number;
  total: number;
}
export type ProgressListener = (progress: ImportProgress) => void;

export interface ImportResult {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  errors: RowError[];
}

/** A rejected import: 409 when it would change approved (locked) figures, else 422; both list every bad row. */
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

export interface ImportOptions {
  onProgress?: ProgressListener;
  /** The rows expected, for progress (an estimate while a file is read); corrected as rows are counted. */
  total?: number;
  /** Called between two batches, after the event loop has had its turn (tests hook here). */
  afterBatch?: (rowsRead: number) => Promise<void> | void;
  /** Called once the rules have passed, just before the unit-periods are claimed and written (tests hook here). */
  beforeWrite?: () => Promise<void> | void;
  /** Called between two pages of the write, outside any transaction (tests hook here). */
  afterPage?: (rowsWritten: number) => Promise<void> | void;
  /** Staged rows per writing transaction; by default sized for the engine. */
  pageRows?: number;
}

/**
 * Stores data values read batch by batch. Each batch is checked row by row
 * (element, period, unit and scope, dimensions, value, locks, repeated
 * cells) and its good rows staged in the database; then the validation
 * rules are checked on the resulting figures, a group of unit-periods at a
 * time; then the import claims its unit-periods and writes the values and
 * their history from the stage a page at a time, each page its own short
 * transaction (see import-claims.ts: a failure undoes every page written).
 * Atomic by default: any bad row rejects the whole file and nothing is
 * stored. Between batches and pages the event loop and the database are
 * free for other requests.
 */
export async function importBatches(ctx: AppContext, auth: AuthContext, batches: RowBatches, mode: ImportMode, source: ValueSource, options: ImportOptions = {}): Promise<ImportResult> {
  const { onProgress, afterBatch, beforeWrite, afterPage } = options;
  let total = options.total ?? 0;
  const metadata = await loadDataMetadata(ctx.db);
  const checker = new RowChecker(ctx, auth, metadata);
  const stage = await Stage.create(ctx.db);
  // Between two steps, other requests (and their queries on PGlite's single connection) go first.
  const pacer = ctx.foreground.pacer();
  try {
    let errors: RowError[] = [];
    let lock: RowError | null = null;
    let read = 0;
    for await (const batch of batches) {
      if (batch.rows.length === 0 && batch.errors.length > 0) {
        // The file itself could not be read (header, CSV syntax): nothing of it counts.
        if (mode === 'atomic') throw rejected(batch.errors);
        onProgress?.({ phase: 'done', processed: read, total: Math.max(total, read) });
        return { created: 0, updated: 0, deleted: 0, unchanged: 0, errors: batch.errors };
      }
      const checked = await checker.check(batch.rows);
      errors.push(...batch.errors, ...checked.errors);
      lock ??= checked.lock;
      // Once an atomic import has failed, the remaining rows are only checked, to list every bad one.
      if (mode === 'partial' || errors.length === 0) await stage.append(checked.good);
      read += batch.rows.length;
      total = Math.max(total, read);
      onProgress?.({ phase: 'checking', processed: read, total });
      await pacer.next();
      await afterBatch?.(read);
    }
    total = read;
    if (mode === 'atomic' && errors.length > 0) throw rejected(errors, lock);

    await stage.index();
    const mark = await historyMark(ctx.db);
    const unitPeriods = await stage.unitPeriods();
    errors.push(...(await checkStagedRules(ctx.db, stage, metadata, mode, unitPeriods, pacer.next)));
    if (mode === 'atomic' && errors.length > 0) throw rejected(errors);

    onProgress?.({ phase: 'writing', processed: 0, total });
    await beforeWrite?.();
    const who = { source, actor: auth.username, at: ctx.now() };
    const importId = await ctx.db.transaction().execute(async (trx) => {
      await lockStagedUnitPeriods(trx, stage);
      // Another writer may have changed some of these unit-periods since the rules were checked: check those again.
      const changed = await changedSince(trx, stage, mark);
      if (changed.length > 0) {
        const violations = await checkStagedRules(trx, stage, metadata, mode, changed);
        if (mode === 'atomic' && violations.length > 0) throw rejected(violations);
        errors.push(...violations);
      }
      return claimUnitPeriods(trx, stage.ref, who);
    });
    let counts: ApplyCounts;
    try {
      counts = await applyStage(ctx.db, stage, { ...who, importId }, {
        pageRows: options.pageRows ?? importSizes(ctx.db).pageRows,
        onPage: (written) => onProgress?.({ phase: 'writing', processed: written, total }),
        between: async (written) => {
          await pacer.next();
          await afterPage?.(written);
        },
        pace: pacer.next,
      });
      await finishImport(ctx.db, importId, ctx.now());
    } catch (error) {
      // Whatever was written is undone; if even that fails, the next start undoes it (recoverImports).
      await rollbackImport(ctx.db, importId, ctx.now()).catch(() => undefined);
      throw error;
    }
    errors = errors.sort((a, b) => a.row - b.row);
    onProgress?.({ phase: 'done', processed: total, total });
    return { ...counts, errors };
  } finally {
    await stage.drop();
  }
}

/** Stores data values given whole (JSON, a workbook, the demo history): see importBatches. */
export async function importDataValues(
  ctx: AppContext,
  auth: AuthContext,
  input: ParsedInput,
  mode: ImportMode,
  source: ValueSource,
  onProgress?: ProgressListener,
): Promise<ImportResult> {
  return importBatches(ctx, auth, batchesOf(input), mode, source, { ...(onProgress ? { onProgress } : {}), total: input.rows.length });
}
