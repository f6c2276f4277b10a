import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { isDatabaseUnavailable } from '../../db/unavailable.ts';
import { importSlots } from '../data-values/import-slots.ts';
import {
  ImportInterrupted,
  importBatches,
  type ImportMode,
  type ImportOptions,
  type ImportProgress,
  type ImportResult,
  type UndoState,
} from '../data-values/import.ts';
import type { RowBatches, RowError } from '../data-values/input.ts';

export interface ImportJob {
  id: string;
  owner: string;
  status: 'running' | 'done' | 'failed';
  progress: ImportProgress;
  result: ImportResult | null;
  /** Set when the import was refused: the answer an immediate import would have given. */
  error: { error: string; message: string; messageEn: string; errors: RowError[]; errorCount?: number; undo?: UndoState } | null;
  createdAt: string;
  finishedAt: string | null;
}

/** A failed job's answer: what an immediate import would have said. */
function jobError(error: unknown): NonNullable<ImportJob['error']> {
  if (error instanceof ImportInterrupted)
    return { error: error.id, message: error.messageVi, messageEn: error.messageEn, errors: [], undo: error.undo };
  if (error instanceof AppError) {
    const errors = (error.extra.errors as RowError[] | undefined) ?? [];
    return {
      error: error.id,
      message: error.messageVi,
      messageEn: error.messageEn,
      errors,
      errorCount: (error.extra.errorCount as number | undefined) ?? errors.length,
    };
  }
  // The database went away before anything was written (reading the catalogue, making the stage).
  if (isDatabaseUnavailable(error)) return jobError(new ImportInterrupted('nothing_written', Promise.resolve(true)));
  return {
    error: 'internal_error',
    message: 'Đã xảy ra lỗi hệ thống khi nhập số liệu; không có số liệu nào được lưu.',
    messageEn: 'An internal error stopped the import; nothing was stored.',
    errors: [],
  };
}

/** Finished jobs are kept this long for their owner to read. */
const KEEP_MS = 60 * 60_000;

/** A file to import, read batch by batch, with the rows it is expected to hold. */
export interface JobInput {
  batches: RowBatches;
  total: number;
}

/**
 * Imports that run after the upload has been answered, so that the web app
 * can show their progress. Held in this process's memory: a job's progress
 * is read from the server that runs it.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();

  /** `hooks` let a test act while a job is between two batches or two pages (and set the page size). */
  constructor(private readonly hooks: Pick<ImportOptions, 'afterBatch' | 'afterPage' | 'pageRows'> = {}) {}

  start(ctx: AppContext, auth: AuthContext, input: JobInput, mode: ImportMode): ImportJob {
    this.prune();
    const job: ImportJob = {
      id: randomUUID(),
      owner: auth.username,
      status: 'running',
      progress: { phase: 'checking', processed: 0, total: input.total },
      result: null,
      error: null,
      createdAt: ctx.now().toISOString(),
      finishedAt: null,
    };
    this.jobs.set(job.id, job);
    const source = auth.via === 'token' ? 'api' : 'import';
    importSlots
      .run(() =>
        importBatches(ctx, auth, input.batches, mode, source, { ...this.hooks, total: input.total, onProgress: (p) => (job.progress = p) }),
      )
      .then((result) => {
        job.result = result;
        job.status = 'done';
      })
      .catch((error: unknown) => {
        job.status = 'failed';
        job.error = jobError(error);
        // The person who ran it learns, on their next look at the job, that what it had written is now undone.
        if (error instanceof ImportInterrupted && error.undo === 'pending') {
          void error.undone.then((ok) => {
            if (ok)
              job.error = {
                error: error.id,
                message: ImportInterrupted.undoneLater.vi,
                messageEn: ImportInterrupted.undoneLater.en,
                errors: [],
                undo: 'undone',
              };
          });
        }
      })
      .finally(() => {
        job.finishedAt = ctx.now().toISOString();
        job.progress = { ...job.progress, phase: 'done' };
      });
    return job;
  }

  get(id: string): ImportJob | undefined {
    return this.jobs.get(id);
  }

  private prune(): void {
    const cutoff = Date.now() - KEEP_MS;
    for (const [id, job] of this.jobs) if (job.finishedAt && Date.parse(job.finishedAt) < cutoff) this.jobs.delete(id);
  }
}
