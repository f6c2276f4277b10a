import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { exportReport, fetchExports, fetchPreview, saveDraft, type DraftKey, type ReportFormat, type ReportKey } from './api.ts';

export const reportKeys = {
  all: ['reports'] as const,
  preview: (k: ReportKey) => [...reportKeys.all, 'preview', k.plan, k.org, k.period] as const,
  exports: (plan: string, org: string) => [...reportKeys.all, 'exports', plan, org] as const,
};

export function useReportPreview(key: ReportKey | null) {
  return useQuery({
    queryKey: key ? reportKeys.preview(key) : [...reportKeys.all, 'none'],
    queryFn: ({ signal }) => fetchPreview(key!, signal),
    enabled: key !== null,
  });
}

export function useExportedReports(key: ReportKey | null) {
  return useQuery({
    queryKey: key ? reportKeys.exports(key.plan, key.org) : [...reportKeys.all, 'exports-none'],
    queryFn: ({ signal }) => fetchExports(key!, signal),
    enabled: key !== null,
  });
}

export function useSaveDraft(key: ReportKey) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { baseVersion: number | null; sections: Partial<Record<DraftKey, string[]>> }) =>
      saveDraft(key, input.baseVersion, input.sections),
    onSuccess: (model) => client.setQueryData(reportKeys.preview(key), model),
  });
}

/** Exports a format, saves the file in the browser, and refreshes the list of kept files. */
export function useExportReport(key: ReportKey) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (format: ReportFormat) => exportReport(key, format),
    onSuccess: ({ blob, fileName }) => {
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
      void client.invalidateQueries({ queryKey: reportKeys.exports(key.plan, key.org) });
    },
  });
}
