/** The service worker's cache of API answers (sessions, forms, entry grids); the same name is in service-worker.js. */
export const DATA_CACHE = 'vetplan-data';

/** Forgets the API answers kept for offline use: at log-out, at log-in and when the session ended. */
export async function clearOfflineData(): Promise<void> {
  if (typeof caches === 'undefined') return;
  try {
    await caches.delete(DATA_CACHE);
  } catch {
    // No cache storage (private mode): nothing kept.
  }
}
