import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useMe } from '../../shared/session/queries.ts';
import { fetchImportJob, startImport } from './api.ts';
import type { ImportMode } from '../../shared/import/types.ts';
import { useUploadProgress } from '../../shared/import/useUploadProgress.ts';
import { entryKeys } from '../../shared/queryKeys.ts';

export const importKeys = {
  all: ['imports'] as const,
  job: (id: string) => [...importKeys.all, id] as const,
};

/** Uploads a file to POST /api/imports; the answer (202) is the job, put in the cache for polling. */
export function useStartImport() {
  const queryClient = useQueryClient();
  const me = useMe();
  const upload = useUploadProgress();
  const mutation = useMutation({
    mutationFn: ({ file, mode }: { file: File; mode: ImportMode }) =>
      startImport(file, mode, { csrfToken: me.data?.csrfToken ?? null, onProgress: upload.onProgress }),
    onSuccess: (job) => queryClient.setQueryData(importKeys.job(job.id), job),
    onSettled: upload.reset,
  });
  return { ...mutation, progress: upload.progress };
}

/** An import's job, asked again every 500 ms while it runs; the stored figures are refreshed once it is done. */
export function useImportJob(id: string | null) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: id ? importKeys.job(id) : [...importKeys.all, 'none'],
    queryFn: ({ signal }) => fetchImportJob(id!, signal),
    enabled: id !== null,
    // Stops once the job has finished, or when it cannot be read (e.g. the server restarted and forgot it).
    refetchInterval: (q) => (q.state.status !== 'error' && q.state.data?.status === 'running' ? 500 : false),
  });
  const finished = query.data?.status === 'done';
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: entryKeys.all });
  }, [finished, queryClient]);
  return query;
}
