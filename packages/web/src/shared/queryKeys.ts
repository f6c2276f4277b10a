import type { EntryTarget } from './report-forms/types.ts';

// The query keys that more than one feature refreshes (a save refreshes the board and the inbox, an import the entry grids).

export const entryKeys = {
  all: ['data-entry'] as const,
  entry: (t: EntryTarget) => [...entryKeys.all, 'entry', t.form, t.org, t.period] as const,
  history: (t: EntryTarget, element: string, disagg: string) => [...entryKeys.all, 'history', t.org, t.period, element, disagg] as const,
};

export const inboxKeys = {
  all: ['inbox'] as const,
  items: () => [...inboxKeys.all, 'items'] as const,
};

export const completenessKeys = {
  all: ['completeness'] as const,
  board: (form: string, period: string) => [...completenessKeys.all, form, period] as const,
};
