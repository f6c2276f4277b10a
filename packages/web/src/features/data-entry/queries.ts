import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { SubmissionAction } from '@vetplan/domain';
import { isApiError } from '../../api/errors.ts';
import { completenessKeys } from '../completeness/queries.ts';
import { inboxKeys } from '../inbox/queries.ts';
import { useMe } from '../auth/queries.ts';
import { useUploadProgress } from '../import/useUploadProgress.ts';
import { actOnSubmission, fetchCellHistory, fetchEntry, fetchForms, saveCell, uploadXlsx } from './api.ts';
import type { Cell, CellWrite, Entry, EntryTarget, SavedCell } from './types.ts';
import { involves } from './violations.ts';

export const formKeys = {
  all: ['forms'] as const,
  list: () => [...formKeys.all, 'list'] as const,
};

export const entryKeys = {
  all: ['data-entry'] as const,
  entry: (t: EntryTarget) => [...entryKeys.all, 'entry', t.form, t.org, t.period] as const,
  history: (t: EntryTarget, element: string, disagg: string) => [...entryKeys.all, 'history', t.org, t.period, element, disagg] as const,
};

export function useForms() {
  return useQuery({ queryKey: formKeys.list(), queryFn: ({ signal }) => fetchForms(signal), staleTime: 5 * 60_000 });
}

export function useEntry(target: EntryTarget | null) {
  return useQuery({
    queryKey: target ? entryKeys.entry(target) : [...entryKeys.all, 'none'],
    queryFn: ({ signal }) => fetchEntry(target!, signal),
    enabled: target !== null,
  });
}

export function useCellHistory(target: EntryTarget, element: string, disagg: string, enabled: boolean) {
  return useQuery({
    queryKey: entryKeys.history(target, element, disagg),
    queryFn: ({ signal }) => fetchCellHistory(target, element, disagg, signal),
    enabled,
    staleTime: 0,
  });
}

function sameCell(element: string, disagg: string) {
  return (c: Cell) => c.element === element && c.disagg === disagg;
}

/** The cell list with one cell replaced, added or (null) removed. */
function putCell(values: readonly Cell[], element: string, disagg: string, cell: Cell | null): Cell[] {
  const rest = values.filter((c) => !sameCell(element, disagg)(c));
  return cell ? [...rest, cell] : rest;
}

/**
 * Versions this screen's own saves produced: an edit that began while the
 * previous save of the same cell was on its way started from the version that
 * save replaced, and must not be taken for someone else's change.
 */
const ownVersions = new Map<string, { from: number; to: number }>();
function resolveBase(scope: string, base: number): number {
  const own = ownVersions.get(scope);
  return own && own.from === base ? own.to : base;
}

/** A refusal the server gave for this write (not a dropped connection or a server fault). */
export function isRefusal(error: unknown): boolean {
  return isApiError(error) && error.status >= 400 && error.status < 500;
}

function applySaved(queryClient: QueryClient, key: readonly unknown[], write: CellWrite, saved: SavedCell): void {
  // The answer lists the violations of every rule that compares the saved element: they replace the ones held.
  queryClient.setQueryData<Entry>(key, (e) =>
    e && {
      ...e,
      values: putCell(e.values, write.element, write.disagg, saved.cell),
      violations: [...e.violations.filter((v) => !involves(v, write.element)), ...saved.violations],
    },
  );
}

/**
 * Saves one cell. Optimistic: the grid shows the new figure at once; it rolls
 * back only when the server refuses it (4xx). A dropped connection keeps the
 * typed figure and retries; saves of one cell run one after another.
 */
export function useSaveCell(target: EntryTarget, element: string, disagg: string, author: string) {
  const queryClient = useQueryClient();
  const key = entryKeys.entry(target);
  const scope = [...key, element, disagg].join('|');
  return useMutation({
    mutationKey: [...key, 'cell', element, disagg],
    scope: { id: scope },
    mutationFn: (write: CellWrite) => saveCell(target, { ...write, baseVersion: resolveBase(scope, write.baseVersion) }),
    retry: (failures, error) => failures < 3 && isApiError(error) && error.status === 0,
    retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 8000),
    onMutate: async (write) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<Entry>(key)?.values.find(sameCell(element, disagg)) ?? null;
      queryClient.setQueryData<Entry>(key, (e) => {
        if (!e) return e;
        if (write.value === null) return { ...e, values: putCell(e.values, element, disagg, null) };
        const optimistic: Cell = {
          element,
          disagg,
          value: write.value,
          comment: write.comment === undefined ? (before?.comment ?? null) : write.comment,
          version: before?.version ?? 0,
          updatedBy: author,
          updatedAt: new Date().toISOString(),
        };
        return { ...e, values: putCell(e.values, element, disagg, optimistic) };
      });
      return { before };
    },
    onSuccess: (saved, write) => {
      ownVersions.set(scope, { from: resolveBase(scope, write.baseVersion), to: saved.cell?.version ?? 0 });
      applySaved(queryClient, key, write, saved);
    },
    onError: (error, _write, context) => {
      // Only a refusal rolls back; a stale write waits for the person's choice.
      if (isRefusal(error) && !(isApiError(error) && error.id === 'stale_write') && context) {
        queryClient.setQueryData<Entry>(key, (e) => e && { ...e, values: putCell(e.values, element, disagg, context.before) });
      }
    },
    onSettled: (_data, error) => {
      // Refresh (violations, lock) after the last save in flight, unless the answer left a choice open or never came.
      const stale = isApiError(error) && error.id === 'stale_write';
      const lost = error !== null && !isRefusal(error);
      if (!stale && !lost && queryClient.isMutating({ mutationKey: key }) === 1) void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}

/** Puts the figure someone else saved into the grid (the person chose theirs over their own). */
export function takeCurrent(queryClient: QueryClient, target: EntryTarget, element: string, disagg: string, current: Cell | null): void {
  queryClient.setQueryData<Entry>(entryKeys.entry(target), (e) => e && { ...e, values: putCell(e.values, element, disagg, current) });
  void queryClient.invalidateQueries({ queryKey: entryKeys.entry(target) });
}

export function useSubmissionAction(target: EntryTarget) {
  const queryClient = useQueryClient();
  const key = entryKeys.entry(target);
  return useMutation({
    mutationFn: ({ action, comment }: { action: SubmissionAction; comment: string | null }) => actOnSubmission(target, action, comment),
    onSuccess: (submission) => {
      queryClient.setQueryData<Entry>(key, (e) =>
        e && { ...e, submission, locked: submission.status === 'approved', canEdit: e.canEdit && submission.status !== 'approved' },
      );
      void queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: completenessKeys.all });
      void queryClient.invalidateQueries({ queryKey: inboxKeys.all });
    },
  });
}

/** Uploads a filled Excel template of this screen's form; the figures are fetched again once it is stored. */
export function useUploadXlsx(target: EntryTarget) {
  const queryClient = useQueryClient();
  const me = useMe();
  const upload = useUploadProgress();
  const mutation = useMutation({
    mutationFn: (file: File) => uploadXlsx(target, file, { csrfToken: me.data?.csrfToken ?? null, onProgress: upload.onProgress }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: entryKeys.entry(target) }),
    onSettled: upload.reset,
  });
  return { ...mutation, progress: upload.progress };
}
