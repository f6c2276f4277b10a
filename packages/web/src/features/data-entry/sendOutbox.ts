import type { QueryClient } from '@tanstack/react-query';
import { isApiError, type ApiError } from '../../api/errors.ts';
import { readOutbox } from '../../shared/offline/outboxStorage.ts';
import { saveCell, staleWriteCurrent } from './api.ts';
import { applySaved, noteOwnSave } from './queries.ts';
import { entryTarget, removeQueued, updateQueued, type OutboxEntry } from '../../shared/offline/outbox.ts';
import { setOutcome } from '../../shared/offline/outcomes.ts';
import type { Cell, CellWrite } from '../../shared/report-forms/types.ts';
import { entryKeys } from '../../shared/queryKeys.ts';

/** How one send ended, for the outbox and the cell. */
type Handled = 'sent' | 'stop';

/** The stored figure is the one this user queued: an earlier send arrived but its answer was lost. */
function alreadyStored(entry: OutboxEntry, current: Cell | null): boolean {
  if (entry.value === null) return current === null;
  return (
    current !== null &&
    current.value === entry.value &&
    current.updatedBy === entry.user &&
    (entry.comment === undefined || current.comment === entry.comment)
  );
}

function onSaved(
  queryClient: QueryClient,
  entry: OutboxEntry,
  cell: Cell | null,
  violations: Parameters<typeof applySaved>[3]['violations'],
): void {
  const target = entryTarget(entry);
  const write: CellWrite = { element: entry.element, disagg: entry.disagg, value: entry.value, baseVersion: entry.baseVersion };
  noteOwnSave(target, entry.element, entry.disagg, entry.baseVersion, cell?.version ?? 0);
  applySaved(queryClient, entryKeys.entry(target), write, { cell, violations });
  // A newer edit of the same cell, typed while this one was on its way, goes next from the version just stored.
  updateQueued(entry.user, entry.id, (e) => (e.rev === entry.rev ? e : { ...e, baseVersion: cell?.version ?? 0 }));
  removeQueued(entry.user, entry.id, entry.rev);
  setOutcome(entry.id, { kind: 'saved' });
}

function onRefused(entry: OutboxEntry, error: ApiError, queryClient: QueryClient): Handled {
  const body = error.body ?? {};
  const current = staleWriteCurrent(error);
  if (current !== undefined) {
    if (alreadyStored(entry, current)) {
      onSaved(queryClient, entry, current, []);
      return 'sent';
    }
    updateQueued(entry.user, entry.id, (e) => ({ ...e, conflict: { current, messageVi: error.messageVi, messageEn: error.messageEn } }));
    return 'sent';
  }
  if (error.status === 409 && body.retryable === true) {
    updateQueued(entry.user, entry.id, (e) => ({ ...e, held: { messageVi: error.messageVi, messageEn: error.messageEn } }));
    return 'sent';
  }
  // Refused for good (a wrong figure, a locked form, no right): shown on the cell, as a refusal typed online is.
  removeQueued(entry.user, entry.id, entry.rev);
  setOutcome(entry.id, { kind: 'refused', value: entry.value, messageVi: error.messageVi, messageEn: error.messageEn });
  void queryClient.invalidateQueries({ queryKey: entryKeys.entry(entryTarget(entry)) });
  return 'sent';
}

async function sendOne(entry: OutboxEntry, queryClient: QueryClient): Promise<Handled> {
  const write: CellWrite = { element: entry.element, disagg: entry.disagg, value: entry.value, baseVersion: entry.baseVersion };
  if (entry.comment !== undefined) write.comment = entry.comment;
  try {
    const saved = await saveCell(entryTarget(entry), write);
    onSaved(queryClient, entry, saved.cell, saved.violations);
    return 'sent';
  } catch (error) {
    // No answer, a server fault or an ended session (401): everything stays queued for the next try.
    if (!isApiError(error) || error.status === 0 || error.status === 401 || error.status >= 500) return 'stop';
    return onRefused(entry, error, queryClient);
  }
}

async function sendAll(user: string, queryClient: QueryClient): Promise<void> {
  const tried = new Set<string>();
  for (;;) {
    // Read again each time: the person may type (or choose) while the outbox is being sent.
    const next = readOutbox(user).find((e) => !e.conflict && !tried.has(`${e.id}#${e.rev}`));
    if (!next) break;
    tried.add(`${next.id}#${next.rev}`);
    if (next.held) updateQueued(user, next.id, ({ held: _held, ...rest }) => rest);
    if ((await sendOne(next, queryClient)) === 'stop') break;
  }
  if (tried.size > 0) void queryClient.invalidateQueries({ queryKey: entryKeys.all });
}

let running: Promise<void> | null = null;

/**
 * Sends the user's outbox in order, one write at a time; each answer updates
 * the cell before the entry leaves the outbox. One sender per browser (a Web
 * Lock where there is one), so two open tabs never send the same write twice.
 */
export function sendOutbox(user: string, queryClient: QueryClient): Promise<void> {
  if (running) return running;
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const started = (async () => {
    if (locks) await locks.request(`vetplan-outbox-${user}`, () => sendAll(user, queryClient));
    else await sendAll(user, queryClient);
  })().finally(() => {
    running = null;
  });
  running = started;
  return started;
}
