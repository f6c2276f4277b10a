import { SUBMISSION_ACTIONS, SUBMISSION_STATUSES, VALUE_TYPES, type SubmissionAction } from '@vetplan/domain';
import { apiGet, apiSend } from '../../api/client.ts';
import { asObject, bool, list, num, oneOf, str, stringMap, strings, strOrNull, numOrNull, type Json } from '../../api/decode.ts';
import { isApiError } from '../../api/errors.ts';
import { uploadFile } from '../../api/upload.ts';
import { withQuery } from '../../shared/router.ts';
import type { ImportResult } from '../../shared/import/types.ts';
import type {
  DimensionValue,
  Entry,
  EntryDimension,
  EntryElement,
  HistoryEntry,
  SavedCell,
  Submission,
  SubmissionEvent,
  Violation,
} from './types.ts';
import { mapForm, mapUnit } from '../../shared/report-forms/api.ts';
import type { Cell, CellWrite, EntryTarget } from '../../shared/report-forms/types.ts';
import { mapImportResult } from '../../shared/import/results.ts';
import type { UploadProgress } from '../../shared/import/useUploadProgress.ts';

// Response mappers: each turns the server's JSON into the typed shape, or fails loudly at the edge.

export function mapCell(value: unknown, path: string): Cell {
  const o = asObject(value, path);
  return {
    element: str(o, 'element', path),
    disagg: str(o, 'disagg', path),
    value: num(o, 'value', path),
    comment: strOrNull(o, 'comment', path),
    version: num(o, 'version', path),
    updatedBy: str(o, 'updatedBy', path),
    updatedAt: str(o, 'updatedAt', path),
  };
}

function mapViolation(value: unknown, path: string): Violation {
  const o = asObject(value, path);
  return {
    rule: str(o, 'rule', path),
    message: str(o, 'message', path),
    messageEn: str(o, 'messageEn', path),
    where: stringMap(o, 'where', path),
    elements: strings(o, 'elements', path),
    leftElements: strings(o, 'leftElements', path),
  };
}

function mapDimensionValue(value: unknown, path: string): DimensionValue {
  const o = asObject(value, path);
  return { code: str(o, 'code', path), name: str(o, 'name', path), nameEn: strOrNull(o, 'nameEn', path) };
}

function mapDimension(value: unknown, path: string): EntryDimension {
  const o = asObject(value, path);
  return { dimension: str(o, 'dimension', path), name: str(o, 'name', path), values: list(o, 'values', mapDimensionValue, path) };
}

function mapElement(value: unknown, path: string): EntryElement {
  const o = asObject(value, path);
  return {
    code: str(o, 'code', path),
    name: str(o, 'name', path),
    nameEn: strOrNull(o, 'nameEn', path),
    valueType: oneOf(o, 'valueType', VALUE_TYPES, path),
    dimensions: list(o, 'dimensions', mapDimension, path),
  };
}

function mapEvent(value: unknown, path: string): SubmissionEvent {
  const o = asObject(value, path);
  return {
    action: oneOf(o, 'action', SUBMISSION_ACTIONS, path),
    fromStatus: str(o, 'fromStatus', path),
    toStatus: str(o, 'toStatus', path),
    // People are shown by name: the display name, the username where the account has none.
    actor: strOrNull(o, 'actorName', path) ?? str(o, 'actor', path),
    at: str(o, 'at', path),
    comment: strOrNull(o, 'comment', path),
  };
}

export function mapSubmission(o: Json, path = 'submission'): Submission {
  return {
    status: oneOf(o, 'status', SUBMISSION_STATUSES, path),
    version: num(o, 'version', path),
    submittedAt: strOrNull(o, 'submittedAt', path),
    submittedBy: strOrNull(o, 'submittedByName', path) ?? strOrNull(o, 'submittedBy', path),
    decidedAt: strOrNull(o, 'decidedAt', path),
    decidedBy: strOrNull(o, 'decidedByName', path) ?? strOrNull(o, 'decidedBy', path),
    reason: strOrNull(o, 'reason', path),
    comment: strOrNull(o, 'comment', path),
    events: list(o, 'events', mapEvent, path),
  };
}

export function mapEntry(o: Json): Entry {
  const dates = asObject(o.dates, 'entry.dates');
  const previous = asObject(o.previous, 'entry.previous');
  return {
    form: mapForm(o.form, 'entry.form'),
    org: mapUnit(o.org, 'entry.org'),
    period: str(o, 'period', 'entry'),
    dates: {
      opens: str(dates, 'opens', 'entry.dates'),
      cutoff: str(dates, 'cutoff', 'entry.dates'),
      due: str(dates, 'due', 'entry.dates'),
    },
    elements: list(o, 'elements', mapElement, 'entry'),
    values: list(o, 'values', mapCell, 'entry'),
    previous: { period: str(previous, 'period', 'entry.previous'), values: list(previous, 'values', mapCell, 'entry.previous') },
    submission: mapSubmission(asObject(o.submission, 'entry.submission'), 'entry.submission'),
    violations: list(o, 'violations', mapViolation, 'entry'),
    locked: bool(o, 'locked', 'entry'),
    canEdit: bool(o, 'canEdit', 'entry'),
    canWithdraw: bool(o, 'canWithdraw', 'entry'),
    canApprove: bool(o, 'canApprove', 'entry'),
  };
}

function mapSaved(o: Json): SavedCell {
  return {
    cell: o.cell === null || o.cell === undefined ? null : mapCell(o.cell, 'saved.cell'),
    violations: list(o, 'violations', mapViolation, 'saved'),
  };
}

function mapHistoryEntry(value: unknown, path: string): HistoryEntry {
  const o = asObject(value, path);
  return {
    disagg: str(o, 'disagg', path),
    action: oneOf(o, 'action', ['create', 'update', 'delete'], path),
    oldValue: numOrNull(o, 'oldValue', path),
    newValue: numOrNull(o, 'newValue', path),
    oldComment: strOrNull(o, 'oldComment', path),
    newComment: strOrNull(o, 'newComment', path),
    source: oneOf(o, 'source', ['entry', 'import', 'api'], path),
    // People are shown by name: the display name, the username where the account has none.
    actor: strOrNull(o, 'actorName', path) ?? str(o, 'actor', path),
    at: str(o, 'at', path),
  };
}

/** The figure someone else saved meanwhile, from a 409 `stale_write` answer; undefined for any other error. */
export function staleWriteCurrent(error: unknown): Cell | null | undefined {
  if (!isApiError(error) || error.id !== 'stale_write' || !error.body) return undefined;
  const current = error.body.current;
  if (current === null || current === undefined) return null;
  try {
    return mapCell(current, 'error.current');
  } catch {
    return undefined;
  }
}

const q = encodeURIComponent;

export function fetchEntry(target: EntryTarget, signal?: AbortSignal): Promise<Entry> {
  return apiGet(`/api/forms/${q(target.form)}/entry?org=${q(target.org)}&period=${q(target.period)}`, mapEntry, signal);
}

export function saveCell(target: EntryTarget, write: CellWrite): Promise<SavedCell> {
  const body = { ...write, org: target.org, period: target.period };
  return apiSend('PUT', '/api/data-entry/cell', body, mapSaved);
}

export function fetchCellHistory(target: EntryTarget, element: string, disagg: string, signal?: AbortSignal): Promise<HistoryEntry[]> {
  const path = `/api/data-values/history?element=${q(element)}&period=${q(target.period)}&org=${q(target.org)}&disagg=${q(disagg)}`;
  return apiGet(path, (o) => list(o, 'entries', mapHistoryEntry, 'history'), signal);
}

export function actOnSubmission(target: EntryTarget, action: SubmissionAction, comment: string | null): Promise<Submission> {
  const path = `/api/forms/${q(target.form)}/submissions/${q(target.org)}/${q(target.period)}/${action}`;
  return apiSend('POST', path, comment ? { comment } : {}, (o) => mapSubmission(o));
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The form as an Excel template for the unit and period, filled with the stored figures (a plain link: the cookie goes with it). */
export function templateUrl(target: EntryTarget): string {
  return withQuery(`/api/forms/${q(target.form)}/template.xlsx`, { org: target.org, period: target.period });
}

/** Uploads a filled template: 200 with the counts, or 422/409 with every bad cell by sheet and cell (nothing stored). */
export function uploadXlsx(target: EntryTarget, file: Blob, upload: UploadProgress): Promise<ImportResult> {
  return uploadFile(`/api/forms/${q(target.form)}/xlsx`, file, { contentType: XLSX_TYPE, ...upload }, (o) => mapImportResult(o));
}
