import type { AppContext } from '../../context.ts';
import { retryWhileUnavailable } from '../../db/retry.ts';
import { isDatabaseUnavailable } from '../../db/unavailable.ts';
import { formatNumber } from '@vetplan/domain';
import { AppError, errors as appErrors } from '../../http/errors.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { applyStage, changedSince, historyMark, lockStagedUnitPeriods, type ApplyCounts } from './apply.ts';
import { importSizes } from './import-sizes.ts';
import { claimUnitPeriods, finishImport, rollbackImport } from './import-claims.ts';
import { RowChecker } from './check.ts';
import { batchesOf, MAX_LISTED_ERRORS, RowErrorList, type ParsedInput, type RowBatches, type RowError } from './input.ts';
import { loadDataMetadata, type DataMetadata } from '../data-elements/metadata.ts';
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
  /** The bad rows not stored (partial mode), the first MAX_LISTED_ERRORS of them. */
  errors: RowError[];
  /** How many errors there were in all, when there were any. */
  errorCount?: number;
}

/**
 * A rejected import: 409 when it would change approved (locked) figures, else 422; both list the bad rows (the
 * first MAX_LISTED_ERRORS). `stoppedAfter`: the row after which the checks stopped, past that many errors.
 */
function rejected(errors: RowErrorList, lock: RowError | null = null, stoppedAfter: number | null = null): AppError {
  const listed = { errors: errors.sorted(), errorCount: errors.total };
  if (lock) return new AppError('locked', 409, lock.message, lock.messageEn, [], {}, listed);
  const rows = errors.rows();
  const n = formatNumber(errors.total);
  const cap = formatNumber(MAX_LISTED_ERRORS);
  const [vi, en] =
    stoppedAfter !== null
      ? [
          `Tệp có ít nhất ${n} lỗi (việc kiểm tra dừng sau dòng ${formatNumber(stoppedAfter)}); không có số liệu nào được lưu. ` +
            `Dưới đây là ${cap} lỗi đầu tiên: hãy sửa rồi gửi lại tệp.`,
          `The file has at least ${errors.total} errors (the checks stopped after row ${stoppedAfter}); nothing was stored. ` +
            `The first ${MAX_LISTED_ERRORS} are listed: fix them and send the file again.`,
        ]
      : errors.total > MAX_LISTED_ERRORS
        ? [
            `Tệp có ${n} lỗi; không có số liệu nào được lưu. Dưới đây là ${cap} lỗi đầu tiên: hãy sửa rồi gửi lại tệp.`,
            `The file has ${errors.total} errors; nothing was stored. The first ${MAX_LISTED_ERRORS} are listed: ` +
              `fix them and send the file again.`,
          ]
        : [
            `Có ${rows} dòng bị lỗi; không có số liệu nào được lưu. Hãy sửa các dòng được liệt kê rồi gửi lại.`,
            `${rows} row(s) have errors; nothing was stored. Fix the rows listed and send the file again.`,
          ];
  return new AppError('import_rejected', 422, vi, en, [], {}, listed);
}

function tooManyRows(max: number): AppError {
  return new AppError(
    'payload_too_large',
    413,
    `Tệp có hơn ${formatNumber(max)} dòng số liệu, quá số dòng cho phép của một lần nhập; không có số liệu nào được lưu. ` +
      `Hãy chia tệp thành nhiều tệp nhỏ hơn rồi gửi lại.`,
    `The file has more than ${max} rows, more than one import may hold; nothing was stored. ` +
      `Split the file into smaller ones and send them again.`,
  );
}

/** What became of the pages an import had written when the database went away. */
export type UndoState = 'nothing_written' | 'undone' | 'pending';

const INTERRUPTED: Record<UndoState, { vi: string; en: string }> = {
  nothing_written: {
    vi: 'Mất kết nối tới cơ sở dữ liệu trong khi nhập số liệu; không có số liệu nào của tệp được lưu. Hãy gửi lại tệp sau ít phút.',
    en: 'The database connection was lost during the import; nothing of the file was stored. Send the file again in a few minutes.',
  },
  undone: {
    vi:
      'Mất kết nối tới cơ sở dữ liệu trong khi ghi số liệu; phần đã ghi đã được hoàn tác, không có số liệu nào của tệp được lưu. ' +
      'Hãy gửi lại tệp sau ít phút.',
    en:
      'The database connection was lost while the values were written; what had been written was undone and nothing of the file was ' +
      'stored. Send the file again in a few minutes.',
  },
  pending: {
    vi:
      'Mất kết nối tới cơ sở dữ liệu trong khi ghi số liệu; phần đã ghi sẽ được tự động hoàn tác ngay khi cơ sở dữ liệu hoạt động ' +
      'trở lại, không có số liệu nào của tệp được giữ lại. Hãy gửi lại tệp sau.',
    en:
      'The database connection was lost while the values were written; what had been written is undone automatically as soon as the ' +
      'database is back, and nothing of the file is kept. Send the file again later.',
  },
};

/**
 * An import cut off by the database going away (503 database_unavailable): what it had written is undone, now or once the database is
 * back.
 */
export class ImportInterrupted extends AppError {
  constructor(
    readonly undo: UndoState,
    /** Resolves true once the pages written are undone (at once unless `undo` is 'pending'). */
    readonly undone: Promise<boolean>,
  ) {
    const base = appErrors.databaseUnavailable(INTERRUPTED[undo].vi, INTERRUPTED[undo].en, { undo });
    super(base.id, base.status, base.messageVi, base.messageEn, [], base.headers, base.extra);
  }

  /** The message once a pending undo has been done. */
  static readonly undoneLater = INTERRUPTED.undone;
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
  /** The import is the synthetic demo history (marked so that `vetplan demo remove` finds it). */
  demo?: boolean;
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
export async function importBatches(
  ctx: AppContext,
  auth: AuthContext,
  batches: RowBatches,
  mode: ImportMode,
  source: ValueSource,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const { onProgress, afterBatch, beforeWrite } = options;
  let total = options.total ?? 0;
  const metadata = await loadDataMetadata(ctx.db);
  const checker = new RowChecker(ctx, auth, metadata);
  const stage = await Stage.create(ctx.db);
  // Between two steps, other requests (and their queries on PGlite's single connection) go first.
  const pacer = ctx.foreground.pacer();
  // Set once pages may have been written and had to be undone: whether that is done, or waits for the database.
  let undo = null as { state: UndoState; done: Promise<boolean> } | null;
  try {
    const errors = new RowErrorList();
    let lock: RowError | null = null;
    let read = 0;
    let lastRow = 0;
    for await (const batch of batches) {
      if (batch.rows.length === 0 && batch.errors.length > 0) {
        // The file itself could not be read (header, CSV syntax): nothing of it counts.
        if (mode === 'atomic') throw rejected(RowErrorList.of(batch.errors));
        onProgress?.({ phase: 'done', processed: read, total: Math.max(total, read) });
        return { created: 0, updated: 0, deleted: 0, unchanged: 0, errors: batch.errors, errorCount: batch.errors.length };
      }
      // More rows after an atomic import has more errors than are listed: the checks stop (a file of a million bad rows costs one batch).
      if (mode === 'atomic' && errors.total > MAX_LISTED_ERRORS) throw rejected(errors, lock, lastRow);
      if (read + batch.rows.length > ctx.config.importMaxRows) throw tooManyRows(ctx.config.importMaxRows);
      const checked = await checker.check(batch.rows);
      errors.add(batch.errors);
      errors.add(checked.errors);
      lock ??= checked.lock;
      // Once an atomic import has failed, the remaining rows are only checked, to list the bad ones: up to the cap.
      if (mode === 'partial' || errors.total === 0) await stage.append(checked.good);
      read += batch.rows.length;
      total = Math.max(total, read);
      onProgress?.({ phase: 'checking', processed: read, total });
      lastRow = batch.rows.at(-1)?.row ?? lastRow;
      await pacer.next();
      await afterBatch?.(read);
    }
    total = read;
    if (mode === 'atomic' && errors.total > 0) throw rejected(errors, lock);

    await stage.index();
    const mark = await historyMark(ctx.db);
    const unitPeriods = await stage.unitPeriods();
    errors.add(await checkStagedRules(ctx.db, stage, metadata, mode, unitPeriods, pacer.next));
    if (mode === 'atomic' && errors.total > 0) throw rejected(errors);

    onProgress?.({ phase: 'writing', processed: 0, total });
    await beforeWrite?.();
    const who = { source, actor: auth.username, at: ctx.now() };
    const importId = await claimForWrite(ctx, { stage, metadata, mode, mark, errors }, { ...who, demo: options.demo ?? false });
    let counts: ApplyCounts;
    try {
      counts = await applyStage(ctx.db, stage, { ...who, importId }, pagedWrite(ctx, options, pacer, total));
      await finishImport(ctx.db, importId, ctx.now());
    } catch (error) {
      // Whatever was written is undone: now, or, with the database away, as soon as it is back. If the undo fails
      // for another reason (or this process stops first), the next start or sweep undoes it (recoverImports).
      const retried = retryWhileUnavailable(
        () => rollbackImport(ctx.db, importId, ctx.now()),
        reportCleanupFailure(`undoing import ${importId}`),
      );
      undo = { state: (await retried.first) ? 'undone' : 'pending', done: retried.done };
      throw error;
    }
    onProgress?.({ phase: 'done', processed: total, total });
    return { ...counts, errors: errors.sorted(), ...(errors.total > 0 ? { errorCount: errors.total } : {}) };
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    throw new ImportInterrupted(undo?.state ?? 'nothing_written', undo?.done ?? Promise.resolve(true));
  } finally {
    // With the database away the stage is dropped once it is back, and by the sweep if this process stops first.
    await retryWhileUnavailable(() => stage.drop(), reportCleanupFailure(`dropping ${stage.table}`)).first;
  }
}

/**
 * Locks the staged unit-periods and claims them for the import (its id is the answer). Another writer may have changed
 * some of them since the rules were checked: those are checked again (an atomic import is then rejected).
 */
async function claimForWrite(
  ctx: AppContext,
  staged: { stage: Stage; metadata: DataMetadata; mode: ImportMode; mark: number; errors: RowErrorList },
  who: { source: ValueSource; actor: string; at: Date; demo: boolean },
): Promise<number> {
  const { stage, metadata, mode, mark, errors } = staged;
  return ctx.db.transaction().execute(async (trx) => {
    await lockStagedUnitPeriods(trx, stage);
    const changed = await changedSince(trx, stage, mark);
    if (changed.length > 0) {
      const violations = await checkStagedRules(trx, stage, metadata, mode, changed);
      if (mode === 'atomic' && violations.length > 0) throw rejected(RowErrorList.of(violations));
      errors.add(violations);
    }
    return claimUnitPeriods(trx, stage.ref, who);
  });
}

/** How applyStage pages the write: page size, progress, and a turn for other requests (and the tests' hook) between pages. */
function pagedWrite(ctx: AppContext, options: ImportOptions, pacer: { next: () => Promise<void> }, total: number) {
  return {
    pageRows: options.pageRows ?? importSizes(ctx.db).pageRows,
    onPage: (written: number) => options.onProgress?.({ phase: 'writing', processed: written, total }),
    between: async (written: number) => {
      await pacer.next();
      await options.afterPage?.(written);
    },
    pace: pacer.next,
  };
}

function reportCleanupFailure(what: string): (error: unknown) => void {
  return (error) => process.stderr.write(`vetplan: ${what} failed: ${error instanceof Error ? error.message : String(error)}\n`);
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
