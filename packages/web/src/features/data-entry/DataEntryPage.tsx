import { Alert, Center, Container, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useMe } from '../../shared/session/queries.ts';
import { EntryExcel } from './EntryExcel.tsx';
import { EntryGrid } from './EntryGrid.tsx';
import { EntrySelectors } from '../../shared/report-forms/EntrySelectors.tsx';
import { EntryStatus } from './EntryStatus.tsx';
import { OutboxBanner } from '../../shared/offline/OutboxBanner.tsx';
import { useOutboxSender } from './useOutboxSender.ts';
import { periodLabel } from '../../shared/periods.ts';
import { useEntry } from './queries.ts';
import { SubmissionPanel } from './SubmissionPanel.tsx';
import type { Entry } from './types.ts';
import { useEntrySelection } from './useEntrySelection.ts';
import type { EntryTarget } from '../../shared/report-forms/types.ts';
import { useForms } from '../../shared/report-forms/queries.ts';

function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

function EntryContent({ entry, target, today, author }: { entry: Entry; target: EntryTarget; today: string; author: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <EntryStatus entry={entry} today={today} />
      </Paper>
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-label={t('entry.excel.title')}>
        <EntryExcel entry={entry} target={target} />
      </Paper>
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {t('entry.previousLegend', { period: periodLabel(entry.previous.period, t) })}
        </Text>
        {entry.canEdit && (
          <Text size="sm" c="dimmed" visibleFrom="sm">
            {t('entry.keyboardHelp')}
          </Text>
        )}
      </Stack>
      <EntryGrid entry={entry} target={target} readOnly={!entry.canEdit} author={author} valueLabel={t('entry.value')} />
      <SubmissionPanel entry={entry} target={target} />
    </Stack>
  );
}

/** Nhập số liệu: choose a form, a unit and a period, then type, paste, check and submit the figures. */
export default function DataEntryPage() {
  const { t } = useTranslation();
  const me = useMe();
  const forms = useForms();
  const { selection, today, change } = useEntrySelection('/data-entry', forms.data);
  const target = useMemo<EntryTarget | null>(
    () =>
      selection.form && selection.org && selection.period ? { form: selection.form, org: selection.org, period: selection.period } : null,
    [selection.form, selection.org, selection.period],
  );
  const entry = useEntry(target);
  const outbox = useOutboxSender(me.data?.user.username ?? '');

  return (
    <Container size="xl" px={{ base: 'xs', sm: 'md' }} py="md">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('entry.title')}
        </Title>
        <OutboxBanner entries={outbox.entries} online={outbox.online} sending={outbox.sending} onSend={outbox.send} />
        {forms.isPending && <Loading />}
        {forms.isError && <ErrorAlert error={forms.error} />}
        {forms.data && forms.data.length === 0 && (
          <Alert color="gray" icon={<IconInfoCircle />}>
            {t('entry.noForms')}
          </Alert>
        )}
        {forms.data && forms.data.length > 0 && (
          <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
            <EntrySelectors forms={forms.data} selection={selection} today={today} onChange={change} />
          </Paper>
        )}
        {forms.data && forms.data.length > 0 && !target && <Text c="dimmed">{t('entry.choose')}</Text>}
        {target && entry.isPending && <Loading />}
        {entry.isError && <ErrorAlert error={entry.error} />}
        {target && entry.data && <EntryContent entry={entry.data} target={target} today={today} author={me.data?.user.username ?? ''} />}
      </Stack>
    </Container>
  );
}
