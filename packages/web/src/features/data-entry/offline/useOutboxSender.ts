import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { authKeys } from '../../auth/queries.ts';
import { entryKeys, formKeys } from '../queries.ts';
import { useOnline, useOutbox } from './outbox.ts';
import { sendOutbox } from './sendOutbox.ts';

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

  useEffect(() => {
    const worker = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined;
    if (!worker) return undefined;
    const warm = (all: boolean) => {
      if (!navigator.onLine || !worker.controller) return;
      void queryClient.invalidateQueries({ queryKey: authKeys.me() });
      if (all) {
        void queryClient.invalidateQueries({ queryKey: formKeys.all });
        void queryClient.invalidateQueries({ queryKey: entryKeys.all });
      }
    };
    // The session answer may have come before the worker was there (log-in answers it without a GET).
    warm(false);
    const onControl = () => warm(true);
    worker.addEventListener('controllerchange', onControl);
    // Loaded while the worker was activating: ask it to take this page (then controllerchange warms it).
    void worker.ready.then((registration) => {
      if (!worker.controller) registration.active?.postMessage('claim');
    });
    return () => worker.removeEventListener('controllerchange', onControl);
  }, [queryClient]);

  return { entries, online, sending, send };
}
