import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { isApiError } from '../api/errors.ts';
import { authKeys } from '../shared/session/queries.ts';
import { forgetSession } from '../shared/session/session.ts';
import { i18next } from '../i18n/setup.ts';
import { useLang } from '../i18n/useLang.ts';
import { theme } from './theme.ts';

function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      // A 401 anywhere means the session ended: drop it and show the login page.
      onError: (error) => {
        if (isApiError(error) && error.status === 401) {
          forgetSession();
          client.setQueryData(authKeys.me(), null);
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => failures < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
    },
  });
  return client;
}

const queryClient = createQueryClient();

function LocalisedDates({ children }: { children: ReactNode }) {
  const { lang } = useLang();
  return <DatesProvider settings={{ locale: lang, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18next}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme} defaultColorScheme="light">
          <LocalisedDates>{children}</LocalisedDates>
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
