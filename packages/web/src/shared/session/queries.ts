import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { navigate } from '../router.ts';
import { clearOfflineData } from '../offline/offlineCaches.ts';
import { changePassword, fetchMe, login, logout } from './api.ts';
import { forgetSession, hasSessionHint, rememberSession } from './session.ts';
import type { Credentials, Me, PasswordChange } from './types.ts';

export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
};

async function loadSession(signal: AbortSignal): Promise<Me | null> {
  if (!hasSessionHint()) return null;
  const me = await fetchMe(signal);
  if (me) rememberSession(me);
  else forgetSession();
  return me;
}

/** The signed-in user, `null` when signed out. */
export function useMe() {
  return useQuery({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => loadSession(signal),
    staleTime: Infinity,
    retry: false,
    // Asked even when the browser says it is offline: the service worker answers the last session.
    networkMode: 'offlineFirst',
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    // A previous user's answers kept for offline use go before anything of this user is kept.
    mutationFn: async (credentials: Credentials) => {
      await clearOfflineData();
      return login(credentials);
    },
    onSuccess: (me) => {
      rememberSession(me);
      queryClient.setQueryData(authKeys.me(), me);
      navigate('/', { replace: true });
    },
  });
}

/** Changes one's own password; the answer is the session (no longer asked to change it). */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: PasswordChange) => changePassword(change),
    onSuccess: (me) => {
      rememberSession(me);
      queryClient.setQueryData(authKeys.me(), me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      forgetSession();
      queryClient.clear();
      queryClient.setQueryData(authKeys.me(), null);
      navigate('/login', { replace: true });
    },
  });
}
