import { useState } from 'react';

/** How much of an upload has been sent, 0 to 1; null when nothing is being sent. */
export function useUploadProgress() {
  const [progress, setProgress] = useState<number | null>(null);
  return {
    progress,
    onProgress: (sent: number, total: number) => setProgress(total > 0 ? Math.min(1, sent / total) : 0),
    reset: () => setProgress(null),
  };
}
