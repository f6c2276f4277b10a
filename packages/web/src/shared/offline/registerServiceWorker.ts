/** Installs the service worker that lets the app open offline (built app only; the dev server has none). */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Without it the app still works online.
    });
  });
}

/** This page was loaded under the service worker: its first answers went through it (and were kept for offline use). */
export const loadedUnderWorker =
  typeof navigator !== 'undefined' && 'serviceWorker' in navigator && navigator.serviceWorker.controller !== null;
