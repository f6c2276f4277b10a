import { asObject, list, num, str, strOrNull, type Json } from '../../api/decode.ts';
import { isApiError } from '../../api/errors.ts';
import type { ImportResult, RowError } from './types.ts';

// Response mappers shared by the file import and the Excel upload: what an import stored and the rows it refused.

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

/** The row errors of a refused import (422 import_rejected, 409 locked); null for any other failure. */
export function rowErrorsOf(error: unknown): RowError[] | null {
  if (!isApiError(error) || (error.status !== 422 && error.status !== 409) || !Array.isArray(error.body?.errors)) return null;
  try {
    return list(error.body, 'errors', mapRowError, 'error');
  } catch {
    return null;
  }
}
