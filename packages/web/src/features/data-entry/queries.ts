import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { SubmissionAction } from '@vetplan/domain';
import { isApiError } from '../../api/errors.ts';
import { useMe } from '../../shared/session/queries.ts';
import { useUploadProgress } from '../../shared/import/useUploadProgress.ts';
import { actOnSubmission, fetchCellHistory, fetchEntry, saveCell, uploadXlsx } from './api.ts';
import type { Entry, SavedCell } from './types.ts';
import { queueWrite } from '../../shared/offline/outbox.ts';
import { involves } from './violations.ts';
import type { Cell, CellWrite, EntryTarget } from '../../shared/report-forms/types.ts';
import { completenessKeys, entryKeys, inboxKeys } from '../../shared/queryKeys.ts';

export function useEntry(target: EntryTarget | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: target ? entryKeys.entry(target) : [...entryKeys.all, 'none'],
    // Offline, the service worker would answer its last copy: keep the newer figures this page already holds.
    queryFn: ({ signal }) =>
      (!navigator.onLine && queryClient.getQueryData<Entry>(entryKeys.entry(target!))) || fetchEntry(target!, signal),
    enabled: target !== null,
    // Asked even offline: the service worker answers the last figures seen.
    networkMode: 'offlineFirst',
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

function cellScope(target: EntryTarget, element: string, disagg: string): string {
  return [...entryKeys.entry(target), element, disagg].join('|');
}

/** The version a new edit of the cell starts from, counting this screen's own saves (see resolveBase). */
export function ownBase(target: EntryTarget, element: string, disagg: string, base: number): number {
  return resolveBase(cellScope(target, element, disagg), base);
}

/** A write of this screen's (sent from the outbox) moved the cell from one version to another. */
export function noteOwnSave(target: EntryTarget, element: string, disagg: string, from: number, to: number): void {
  ownVersions.set(cellScope(target, element, disagg), { from, to });
}

/** The request never got an answer (no network, or the connection dropped). */
export function isNetworkError(error: unknown): boolean {
  return isApiError(error) && error.status === 0;
}

/** A refusal the server gave for this write (not a dropped connection or a server fault). */
export function isRefusal(error: unknown): boolean {
  return isApiError(error) && error.status >= 400 && error.status < 500;
}

export function applySaved(queryClient: QueryClient, key: readonly unknown[], write: CellWrite, saved: SavedCell): void {
  // The answer lists the violations of every rule that compares the saved element: they replace the ones held.
  queryClient.setQueryData<Entry>(
    key,
    (e) =>
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
  const scope = cellScope(target, element, disagg);
  return useMutation({
    mutationKey: [...key, 'cell', element, disagg],
    scope: { id: scope },
    mutationFn: (write: CellWrite) => saveCell(target, { ...write, baseVersion: resolveBase(scope, write.baseVersion) }),
    // Fails (rather than pausing in memory) when the network is down: the write then goes to the outbox.
    networkMode: 'always',
    retry: (failures, error) => failures < 1 && isNetworkError(error) && navigator.onLine,
    retryDelay: 1000,
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
    onError: (error, write, context) => {
      // A write the network dropped waits in the outbox (it survives a reload) and is sent when the network is back.
      if (isNetworkError(error)) queueWrite(author, target, { ...write, baseVersion: resolveBase(scope, write.baseVersion) });
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
      queryClient.setQueryData<Entry>(
        key,
        (e) => e && { ...e, submission, locked: submission.status === 'approved', canEdit: e.canEdit && submission.status !== 'approved' },
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
