import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  askExtension,
  decideExtension,
  fetchAssignment,
  fetchAssignments,
  sendReport,
  uploadEvidence,
  type AssignmentDetail,
  type ProgressInput,
} from './api.ts';
import { inboxKeys } from '../../shared/queryKeys.ts';

export const taskKeys = {
  all: ['tasks'] as const,
  list: (plan: string, year: number | null, org: string | null) => [...taskKeys.all, 'list', plan, year ?? 0, org ?? ''] as const,
  detail: (id: number) => [...taskKeys.all, 'detail', id] as const,
};

export function useAssignments(plan: string | undefined, year: number | null, org: string | null) {
  return useQuery({
    queryKey: taskKeys.list(plan ?? '', year, org),
    queryFn: ({ signal }) => fetchAssignments({ plan: plan!, year, org }, signal),
    enabled: plan !== undefined,
  });
}

export function useAssignment(id: number) {
  return useQuery({ queryKey: taskKeys.detail(id), queryFn: ({ signal }) => fetchAssignment(id, signal), enabled: id > 0 });
}

/** A write answering the assignment's new detail: stores it and refreshes lists, the inbox and scorecards. */
function useDetailWrite<I>(id: number, write: (input: I) => Promise<AssignmentDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (detail) => {
      client.setQueryData(taskKeys.detail(id), detail);
      void client.invalidateQueries({ queryKey: [...taskKeys.all, 'list'] });
      void client.invalidateQueries({ queryKey: inboxKeys.all });
      void client.invalidateQueries({ queryKey: ['evaluation'] });
    },
  });
}

export const useSendReport = (id: number) => useDetailWrite(id, (input: ProgressInput) => sendReport(id, input));
export const useAskExtension = (id: number) =>
  useDetailWrite(id, (input: { requestedTo: string; reason: string }) => askExtension(id, input));
export const useDecideExtension = (id: number) =>
  useDetailWrite(id, (input: { decision: 'approve' | 'refuse'; note?: string }) => decideExtension(id, input));

export function useUploadEvidence(id: number, csrfToken: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadEvidence(id, file, csrfToken),
    onSuccess: () => void client.invalidateQueries({ queryKey: taskKeys.detail(id) }),
  });
}
