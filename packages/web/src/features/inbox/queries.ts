import { useQuery } from '@tanstack/react-query';
import { fetchInbox } from './api.ts';

export const inboxKeys = {
  all: ['inbox'] as const,
  items: () => [...inboxKeys.all, 'items'] as const,
};

/** Việc cần làm: the header badge and the inbox page share this query. */
export function useInbox(enabled = true) {
  return useQuery({ queryKey: inboxKeys.items(), queryFn: ({ signal }) => fetchInbox(signal), enabled, staleTime: 60_000 });
}
