import type { Cell } from '../report-forms/types.ts';

/**
 * The outbox: figures typed on the entry page that have not reached the
 * server yet (the network was down). Kept in localStorage, one list per
 * signed-in user, so they survive a reload and a closed tab, and another user
 * on the same phone neither sees nor sends them.
 *
 * localStorage rather than IndexedDB: a form holds at most a few hundred
 * cells (a few tens of KB, far below the 5 MB a site gets), the page reads it
 * synchronously on its first render (no flash of the old figures), and the
 * service worker does not need it (the page sends the outbox itself).
 */
export interface OutboxEntry {
  /** One per cell: `form|org|period|element|disagg`. */
  id: string;
  user: string;
  form: string;
  org: string;
  period: string;
  element: string;
  disagg: string;
  /** null deletes the figure. */
  value: number | null;
  /** undefined keeps the stored comment. */
  comment?: string | null;
  /** The cell's version when the edit began: the server refuses the write (409) if someone changed it since. */
  baseVersion: number;
  /** Raised by every edit while queued, so an answer to an older send does not remove a newer edit. */
  rev: number;
  queuedAt: string;
  /**
   * Someone else changed the cell meanwhile: their figure (null: they emptied it) and the server's sentence; waits for the person's
   * choice.
   */
  conflict?: { current: Cell | null; messageVi: string; messageEn: string };
  /** The server asked to try again later (409 with `retryable: true`, e.g. a file import writing the same unit and period). */
  held?: { messageVi: string; messageEn: string };
}

const PREFIX = 'vetplan.outbox.v1.';
/** Fired on window when this tab changes an outbox (other tabs get the `storage` event). */
export const OUTBOX_EVENT = 'vetplan-outbox';

function storageKey(user: string): string {
  return PREFIX + user;
}

function looksLikeEntry(value: unknown): value is OutboxEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.id === 'string' &&
    typeof e.user === 'string' &&
    typeof e.baseVersion === 'number' &&
    (typeof e.value === 'number' || e.value === null)
  );
}

const parsed = new Map<string, { raw: string | null; entries: readonly OutboxEntry[] }>();
const EMPTY: readonly OutboxEntry[] = [];

/** The user's queued figures, oldest first. The same array is answered while the stored text is unchanged. */
export function readOutbox(user: string): readonly OutboxEntry[] {
  if (!user) return EMPTY;
  let raw: string | null;
  try {
    raw = window.localStorage.getItem(storageKey(user));
  } catch {
    return EMPTY;
  }
  const known = parsed.get(user);
  if (known && known.raw === raw) return known.entries;
  let entries: readonly OutboxEntry[] = EMPTY;
  try {
    const value: unknown = raw === null ? [] : JSON.parse(raw);
    if (Array.isArray(value)) entries = value.filter(looksLikeEntry).filter((e) => e.user === user);
  } catch {
    entries = EMPTY;
  }
  parsed.set(user, { raw, entries });
  return entries;
}

export function writeOutbox(user: string, entries: readonly OutboxEntry[]): void {
  try {
    if (entries.length === 0) window.localStorage.removeItem(storageKey(user));
    else window.localStorage.setItem(storageKey(user), JSON.stringify(entries));
  } finally {
    window.dispatchEvent(new Event(OUTBOX_EVENT));
  }
}

/** How many changes of this user wait to be sent (or for a choice). */
export function pendingCount(user: string): number {
  return readOutbox(user).length;
}

export function clearOutbox(user: string): void {
  writeOutbox(user, []);
}
