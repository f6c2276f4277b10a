import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { fetchMe } from '../../shared/session/api.ts';
import { DATA_CACHE } from '../../shared/offline/offlineCaches.ts';
import { loadedUnderWorker } from '../../shared/offline/registerServiceWorker.ts';
import { useOnline, useOutbox } from '../../shared/offline/outbox.ts';
import { sendOutbox } from './sendOutbox.ts';
import { fetchForms } from '../../shared/report-forms/api.ts';
import { entryKeys } from '../../shared/queryKeys.ts';

/** Whether this page load already asked again, through the service worker, for what it fetched without it. */
let warmedThisLoad = false;

/** The answers the entry page needs to open offline, besides its grid: their paths and how the app asks for them. */
const NEEDED_OFFLINE: [string, () => Promise<unknown>][] = [
  ['/api/auth/me', () => fetchMe()],
  ['/api/forms', () => fetchForms()],
];

/**
 * Asks again, through the service worker (which keeps what it answers), for
 * the session and the forms when it holds no copy of them: the first answers
 * of a page may have gone out before the worker controlled it, or raced its
 * arrival. Asked directly, so nothing depends on which queries are mounted.
 */
async function keepMissing(): Promise<void> {
  if (typeof caches === 'undefined' || !navigator.onLine || !navigator.serviceWorker?.controller) return;
  const kept = await caches.open(DATA_CACHE);
  await Promise.all(
    NEEDED_OFFLINE.map(async ([path, ask]) => {
      if (await kept.match(path, { ignoreVary: true })) return;
      await ask().catch(() => undefined);
    }),
  );
}

/** While changes wait and the browser says it is online (a weak link drops requests without going offline). */
const RETRY_EVERY_MS = 30_000;

/**
 * Sends the user's outbox when the page opens, when the browser is back
 * online, every half minute while something waits, and on "Gửi lại". Also
 * asks again, through the service worker, for what the page needs offline
 * (the session, the forms, the grid) once the worker controls the page.
 */
export function useOutboxSender(user: string) {
  const queryClient = useQueryClient();
  const entries = useOutbox(user);
  const online = useOnline();
  const [sending, setSending] = useState(false);

  const send = useCallback(() => {
    if (!user) return;
    setSending(true);
    void sendOutbox(user, queryClient).finally(() => setSending(false));
  }, [user, queryClient]);

  useEffect(() => {
    if (navigator.onLine) send();
    window.addEventListener('online', send);
    return () => window.removeEventListener('online', send);
  }, [send]);

  const waiting = entries.some((e) => !e.conflict);
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = window.setInterval(() => navigator.onLine && send(), RETRY_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [waiting, send]);

  // Once the page's own answers are in, the session and the forms whenever the worker holds no copy of them (a fetch that raced its
  // arrival).
  const settled = useIsFetching() === 0;
  useEffect(() => {
    if (settled) void keepMissing();
  }, [settled]);

  useEffect(() => {
    const worker = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined;
    if (!worker) return undefined;
    const warm = () => {
      if (!navigator.onLine || !worker.controller) return;
      warmedThisLoad = true;
      // The grid (its address varies) is asked again through the query; the session and the forms by keepMissing.
      void queryClient.invalidateQueries({ queryKey: entryKeys.all });
      void keepMissing();
    };
    // Answers had before the worker controlled the page (log-in answers the session without a GET) are asked again once through it.
    if (!loadedUnderWorker && !warmedThisLoad) warm();
    worker.addEventListener('controllerchange', warm);
    // Loaded while the worker was activating: ask it to take this page (then controllerchange warms it).
    void worker.ready.then((registration) => {
      if (!worker.controller) registration.active?.postMessage('claim');
    });
    return () => worker.removeEventListener('controllerchange', warm);
  }, [queryClient]);

  return { entries, online, sending, send };
}
