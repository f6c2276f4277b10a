import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchElements, fetchPivot, type PivotQuery } from './api.ts';

export const analysisKeys = {
  all: ['analysis'] as const,
  elements: () => [...analysisKeys.all, 'elements'] as const,
  pivot: (q: PivotQuery) =>
    [...analysisKeys.all, 'pivot', q.indicators.join(','), q.elements.join(','), q.org, q.children, q.periods.join(',')] as const,
};

export function useElements() {
  return useQuery({ queryKey: analysisKeys.elements(), queryFn: ({ signal }) => fetchElements(signal), staleTime: 5 * 60_000 });
}

/** The table for a choice; keeps showing the last table while the next one loads. Waits for something to show and a period. */
export function usePivot(q: PivotQuery | null) {
  return useQuery({
    queryKey: q ? analysisKeys.pivot(q) : [...analysisKeys.all, 'pivot', 'none'],
    queryFn: ({ signal }) => fetchPivot(q!, signal),
    enabled: q !== null && q.periods.length > 0 && q.indicators.length + q.elements.length > 0,
    placeholderData: keepPreviousData,
  });
}
