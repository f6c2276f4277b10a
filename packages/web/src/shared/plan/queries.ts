import { useQuery } from '@tanstack/react-query';
import { fetchPlan, fetchPlans } from './api.ts';

export const planKeys = {
  all: ['plans'] as const,
  list: () => [...planKeys.all, 'list'] as const,
  detail: (code: string) => [...planKeys.all, 'detail', code] as const,
};

export function usePlans() {
  return useQuery({ queryKey: planKeys.list(), queryFn: ({ signal }) => fetchPlans(signal) });
}

export function usePlan(code: string | undefined) {
  return useQuery({
    queryKey: planKeys.detail(code ?? ''),
    queryFn: ({ signal }) => fetchPlan(code ?? '', signal),
    enabled: code !== undefined,
  });
}
