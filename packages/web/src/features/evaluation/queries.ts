import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchRanking, fetchScorecard, sendAdjustment } from './api.ts';

export const evaluationKeys = {
  all: ['evaluation'] as const,
  scorecard: (plan: string, org: string, year: number) => [...evaluationKeys.all, 'scorecard', plan, org, year] as const,
  ranking: (plan: string, year: number) => [...evaluationKeys.all, 'ranking', plan, year] as const,
};

export function useScorecard(plan: string | undefined, org: string | null, year: number) {
  return useQuery({
    queryKey: evaluationKeys.scorecard(plan ?? '', org ?? '', year),
    queryFn: ({ signal }) => fetchScorecard({ plan: plan!, org: org!, year }, signal),
    enabled: plan !== undefined && org !== null,
  });
}

export function useRanking(plan: string | undefined, year: number, enabled: boolean) {
  return useQuery({
    queryKey: evaluationKeys.ranking(plan ?? '', year),
    queryFn: ({ signal }) => fetchRanking({ plan: plan!, year }, signal),
    enabled: enabled && plan !== undefined,
  });
}

export function useAdjust() {
  const client = useQueryClient();
  return useMutation({ mutationFn: sendAdjustment, onSuccess: () => void client.invalidateQueries({ queryKey: evaluationKeys.all }) });
}
