import { useQuery } from '@tanstack/react-query';
import { fetchForms } from './api.ts';

export const formKeys = {
  all: ['forms'] as const,
  list: () => [...formKeys.all, 'list'] as const,
};

/** The report forms the caller may see, with their units and current round. */
export function useForms() {
  return useQuery({
    queryKey: formKeys.list(),
    queryFn: ({ signal }) => fetchForms(signal),
    staleTime: 5 * 60_000,
    networkMode: 'offlineFirst',
  });
}
