import { useQuery } from '@tanstack/react-query';
import { fetchInbox } from './api.ts';
import { inboxKeys } from '../../shared/queryKeys.ts';

/** Việc cần làm: the header badge and the inbox page share this query. */
export function useInbox(enabled = true) {
  return useQuery({ queryKey: inboxKeys.items(), queryFn: ({ signal }) => fetchInbox(signal), enabled, staleTime: 60_000 });
}
