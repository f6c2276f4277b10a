import { apiGet } from '../../api/client.ts';
import { asObject, num, oneOf, str, strOrNull, list, type Json } from '../../api/decode.ts';
import { isApiError } from '../../api/errors.ts';
import { uploadFile } from '../../api/upload.ts';
import { withQuery } from '../../app/router.ts';
import { IMPORT_PHASES, type ImportFailure, type ImportJob, type ImportMode, type ImportResult, type RowError } from './types.ts';

// Response mappers for imports: the job of POST /api/imports, its counts and its row errors.

export function mapRowError(value: unknown, path: string): RowError {
  const o = asObject(value, path);
  const row = num(o, 'row', path);
  return {
    row,
    column: strOrNull(o, 'column', path),
    message: str(o, 'message', path),
    messageEn: strOrNull(o, 'messageEn', path) ?? str(o, 'message', path),
    sheet: strOrNull(o, 'sheet', path),
    cell: strOrNull(o, 'cell', path),
  };
}

export function mapImportResult(o: Json, path = 'result'): ImportResult {
  return {
    created: num(o, 'created', path),
    updated: num(o, 'updated', path),
    deleted: num(o, 'deleted', path),
    unchanged: num(o, 'unchanged', path),
    errors: list(o, 'errors', mapRowError, path),
  };
}

function mapFailure(o: Json, path: string): ImportFailure {
  return {
    id: str(o, 'error', path),
    message: str(o, 'message', path),
    messageEn: str(o, 'messageEn', path),
    errors: list(o, 'errors', mapRowError, path),
  };
}

export function mapImportJob(o: Json): ImportJob {
  const progress = asObject(o.progress, 'job.progress');
  return {
    id: str(o, 'id', 'job'),
    status: oneOf(o, 'status', ['running', 'done', 'failed'], 'job'),
    progress: {
      phase: oneOf(progress, 'phase', IMPORT_PHASES, 'job.progress'),
      processed: num(progress, 'processed', 'job.progress'),
      total: num(progress, 'total', 'job.progress'),
    },
    result: o.result === null || o.result === undefined ? null : mapImportResult(asObject(o.result, 'job.result'), 'job.result'),
    error: o.error === null || o.error === undefined ? null : mapFailure(asObject(o.error, 'job.error'), 'job.error'),
  };
}

/** The row errors of a refused import (422 import_rejected, 409 locked); null for any other failure. */
export function rowErrorsOf(error: unknown): RowError[] | null {
  if (!isApiError(error) || (error.status !== 422 && error.status !== 409) || !Array.isArray(error.body?.errors)) return null;
  try {
    return list(error.body, 'errors', mapRowError, 'error');
  } catch {
    return null;
  }
}

/** CSV unless the file is JSON (by its type or its name). */
export function contentTypeOf(file: File): 'text/csv' | 'application/json' {
  return file.type === 'application/json' || /\.json$/i.test(file.name) ? 'application/json' : 'text/csv';
}

export interface UploadProgress {
  csrfToken: string | null;
  onProgress: (sent: number, total: number) => void;
}

export function startImport(file: File, mode: ImportMode, upload: UploadProgress): Promise<ImportJob> {
  return uploadFile(`/api/imports?mode=${mode}`, file, { contentType: contentTypeOf(file), ...upload }, mapImportJob);
}

export function fetchImportJob(id: string, signal?: AbortSignal): Promise<ImportJob> {
  return apiGet(`/api/imports/${encodeURIComponent(id)}`, mapImportJob, signal);
}

/** The stored figures in the exchange format, optionally of one unit and period. */
export function exportCsvUrl(filter: { org: string; period: string }): string {
  return withQuery('/api/data-values', { format: 'csv', org: filter.org.trim(), period: filter.period.trim() });
}
