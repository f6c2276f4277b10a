import { useSyncExternalStore } from 'react';

/**
 * What happened to a queued write once it was sent, for the cell to show
 * (this page only: the entry has left the outbox by then). A refusal keeps the
 * refused figure and the server's message, as a refused save typed online does.
 */
export type SendOutcome = { kind: 'saved' } | { kind: 'refused'; value: number | null; messageVi: string; messageEn: string };

const outcomes = new Map<string, SendOutcome>();
const listeners = new Set<() => void>();

function changed(): void {
  listeners.forEach((l) => l());
}

export function setOutcome(id: string, outcome: SendOutcome): void {
  outcomes.set(id, outcome);
  changed();
}

export function clearOutcome(id: string): void {
  if (outcomes.delete(id)) changed();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useOutcome(id: string): SendOutcome | undefined {
  return useSyncExternalStore(subscribe, () => outcomes.get(id));
}
