import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { approveClean, fetchCompleteness, sendReminders } from '../../shared/completeness/api.ts';
import { completenessKeys, inboxKeys } from '../../shared/queryKeys.ts';

/** Which units reported a form's period on time, late, or not yet. */
export function useCompleteness(form: string | null, period: string | null) {
  return useQuery({
    queryKey: completenessKeys.board(form ?? '', period ?? ''),
    queryFn: ({ signal }) => fetchCompleteness(form!, period!, signal),
    enabled: form !== null && period !== null,
    staleTime: 30_000,
  });
}

function useBoardRefresh() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: completenessKeys.all });
    void queryClient.invalidateQueries({ queryKey: inboxKeys.all });
  };
}

/** Nhắc nộp báo cáo: every late unit, or the one named. */
export function useSendReminders(form: string, period: string) {
  const refresh = useBoardRefresh();
  return useMutation({ mutationFn: (orgs?: string[]) => sendReminders(form, period, orgs), onSuccess: refresh });
}

/** Phê duyệt các báo cáo hợp lệ. */
export function useApproveClean(form: string, period: string) {
  const refresh = useBoardRefresh();
  return useMutation({ mutationFn: () => approveClean(form, period), onSuccess: refresh });
}
