import { useSyncExternalStore } from 'react';
import { OUTBOX_EVENT, readOutbox, writeOutbox, type OutboxEntry } from './outboxStorage.ts';
import type { CellWrite, EntryTarget } from '../report-forms/types.ts';

export type { OutboxEntry };

export function outboxId(target: EntryTarget, element: string, disagg: string): string {
  return [target.form, target.org, target.period, element, disagg].join('|');
}

export function entryTarget(entry: OutboxEntry): EntryTarget {
  return { form: entry.form, org: entry.org, period: entry.period };
}

export function findQueued(user: string, id: string): OutboxEntry | undefined {
  return readOutbox(user).find((e) => e.id === id);
}

/**
 * Keeps a write that could not be sent. A cell already queued keeps its place
 * and the version its first edit started from; the newer figure replaces the
 * older one (and a comment not given keeps the queued one).
 */
export function queueWrite(user: string, target: EntryTarget, write: CellWrite, now = new Date()): void {
  const id = outboxId(target, write.element, write.disagg);
  const entries = readOutbox(user);
  const before = entries.find((e) => e.id === id);
  const comment = write.comment !== undefined ? write.comment : before?.comment;
  const next: OutboxEntry = {
    id,
    user,
    ...target,
    element: write.element,
    disagg: write.disagg,
    value: write.value,
    ...(comment !== undefined ? { comment } : {}),
    baseVersion: before ? before.baseVersion : write.baseVersion,
    rev: (before?.rev ?? 0) + 1,
    queuedAt: before?.queuedAt ?? now.toISOString(),
  };
  writeOutbox(user, before ? entries.map((e) => (e.id === id ? next : e)) : [...entries, next]);
}

export function updateQueued(user: string, id: string, change: (entry: OutboxEntry) => OutboxEntry): void {
  writeOutbox(
    user,
    readOutbox(user).map((e) => (e.id === id ? change(e) : e)),
  );
}

/** Removes the entry, unless it was edited again (another rev) since it was sent. */
export function removeQueued(user: string, id: string, rev?: number): void {
  writeOutbox(
    user,
    readOutbox(user).filter((e) => e.id !== id || (rev !== undefined && e.rev !== rev)),
  );
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(OUTBOX_EVENT, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(OUTBOX_EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
}

/** The user's outbox, kept up to date (this tab and others). */
export function useOutbox(user: string): readonly OutboxEntry[] {
  return useSyncExternalStore(subscribe, () => readOutbox(user));
}

/** One cell's queued write, if any. */
export function useQueued(user: string, id: string): OutboxEntry | undefined {
  return useSyncExternalStore(subscribe, () => findQueued(user, id));
}

function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}
