import { useQuery } from '@tanstack/react-query';
import { fetchIndicatorValues, fetchProgress, type IndicatorQuery } from './api.ts';

export const dashboardKeys = {
  all: ['dashboard'] as const,
  progress: (plan: string, org: string) => [...dashboardKeys.all, 'progress', plan, org] as const,
  indicators: (q: IndicatorQuery) =>
    [
      ...dashboardKeys.all,
      'indicators',
      [...q.indicators].sort().join(','),
      [...q.orgs].sort().join(','),
      [...q.periods].sort().join(','),
    ] as const,
};

/** The plan's targets for one unit, with status, projection and series; waits until both codes are known. */
export function useProgress(plan: string | undefined, org: string | undefined) {
  return useQuery({
    queryKey: dashboardKeys.progress(plan ?? '', org ?? ''),
    queryFn: ({ signal }) => fetchProgress(plan ?? '', org ?? '', signal),
    enabled: plan !== undefined && org !== undefined,
  });
}

/** Indicator values per unit and period; waits until every list has something in it. */
export function useIndicatorValues(q: IndicatorQuery) {
  return useQuery({
    queryKey: dashboardKeys.indicators(q),
    queryFn: ({ signal }) => fetchIndicatorValues(q, signal),
    enabled: q.indicators.length > 0 && q.orgs.length > 0 && q.periods.length > 0,
  });
}
