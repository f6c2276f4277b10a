import { Alert, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../../api/client.ts';
import { num, str } from '../../api/decode.ts';
import { useLang } from '../../i18n/useLang.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';

interface DemoRemoval {
  values: number;
  message: string;
  messageEn: string;
}

const removeDemoData = () =>
  apiSend('DELETE', '/api/demo-data', undefined, (o): DemoRemoval => ({
    values: num(o, 'values'),
    message: str(o, 'message'),
    messageEn: str(o, 'messageEn'),
  }));

/** Going live (admin): remove the synthetic demo history after a confirmation; people's figures, users and settings stay. */
export function DemoRemovalPanel() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: removeDemoData,
    onSuccess: () => {
      setConfirming(false);
      // Every figure may have changed.
      void queryClient.invalidateQueries();
    },
  });
  return (
    <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }} data-testid="demo-removal">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('users.demo.title')}
        </Title>
        <Text size="sm">{t('users.demo.explain')}</Text>
        <Group>
          <Button color="red" variant="light" onClick={() => setConfirming(true)} disabled={remove.isPending}>
            {t('users.demo.button')}
          </Button>
        </Group>
        {remove.data && (
          <Alert color={remove.data.values > 0 ? 'green' : 'blue'} data-testid="demo-removal-result">
            {lang === 'en' ? remove.data.messageEn : remove.data.message}
          </Alert>
        )}
        {remove.isError && <ErrorAlert error={remove.error} />}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('users.demo.confirmTitle')} centered>
        <Stack>
          <Text size="sm">{t('users.demo.confirmText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('users.demo.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
