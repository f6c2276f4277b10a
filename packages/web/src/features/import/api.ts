import { apiGet } from '../../api/client.ts';
import { asObject, num, oneOf, str, list, type Json } from '../../api/decode.ts';
import { uploadFile } from '../../api/upload.ts';
import { withQuery } from '../../shared/router.ts';
import { mapImportResult, mapRowError } from '../../shared/import/results.ts';
import type { UploadProgress } from '../../shared/import/useUploadProgress.ts';
import { IMPORT_PHASES, type ImportFailure, type ImportJob, type ImportMode } from '../../shared/import/types.ts';

// Response mappers for imports: the job of POST /api/imports (its counts and row errors are in shared/import/results.ts).

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

/** CSV unless the file is JSON (by its type or its name). */
export function contentTypeOf(file: File): 'text/csv' | 'application/json' {
  return file.type === 'application/json' || /\.json$/i.test(file.name) ? 'application/json' : 'text/csv';
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
