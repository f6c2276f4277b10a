import { Alert, Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/ErrorAlert.tsx';

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/** Loading, a failed request, or a plain message, for a page or one of its parts. */
export function Pending({ error, message }: { error?: unknown; message?: string }) {
  if (error) return <ErrorAlert error={error} />;
  if (message) return <Alert color="gray">{message}</Alert>;
  return <Loading />;
}
