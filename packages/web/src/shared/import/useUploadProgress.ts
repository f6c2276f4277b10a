import { useState } from 'react';

/** What an upload is given: the CSRF token and where to report how much has been sent. */
export interface UploadProgress {
  csrfToken: string | null;
  onProgress: (sent: number, total: number) => void;
}

/** How much of an upload has been sent, 0 to 1; null when nothing is being sent. */
export function useUploadProgress() {
  const [progress, setProgress] = useState<number | null>(null);
  return {
    progress,
    onProgress: (sent: number, total: number) => setProgress(total > 0 ? Math.min(1, sent / total) : 0),
    reset: () => setProgress(null),
  };
}
