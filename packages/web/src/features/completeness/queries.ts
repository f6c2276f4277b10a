import { useQuery } from '@tanstack/react-query';
import { fetchCompleteness } from './api.ts';

export const completenessKeys = {
  all: ['completeness'] as const,
  board: (form: string, period: string) => [...completenessKeys.all, form, period] as const,
};

/** Which units reported a form's period on time, late, or not yet. */
export function useCompleteness(form: string | null, period: string | null) {
  return useQuery({
    queryKey: completenessKeys.board(form ?? '', period ?? ''),
    queryFn: ({ signal }) => fetchCompleteness(form!, period!, signal),
    enabled: form !== null && period !== null,
    staleTime: 30_000,
  });
}
