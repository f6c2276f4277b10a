import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { formatDate } from '@vetplan/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DayInput } from '../../shared/DayInput.tsx';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import type { AssignmentDetail } from './api.ts';
import { useAskExtension, useDecideExtension } from './queries.ts';

/** Gia hạn: the one extension an assignment may have — asked with a reason, decided by the plan manager. */
export function ExtensionPanel({ detail }: { detail: AssignmentDetail }) {
  const { t } = useTranslation();
  const id = detail.assignment.id;
  const ext = detail.extension;
  const done = detail.assignment.status.startsWith('done');
  if (!ext && (!detail.assignment.canReport || done)) return null;
  return (
    <Paper withBorder radius="md" p="md" data-testid="extension">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('tasks.extension.title')}
        </Title>
        {ext && (
          <Alert color={ext.status === 'approved' ? 'green' : ext.status === 'refused' ? 'red' : 'yellow'}>
            <Text fw={600}>
              {ext.status === 'pending' && t('tasks.extension.pending', { date: formatDate(ext.requestedTo) })}
              {ext.status === 'approved' && t('tasks.extension.approved', { date: formatDate(ext.requestedTo) })}
              {ext.status === 'refused' && t('tasks.extension.refused', { note: ext.decisionNote ?? '' })}
            </Text>
            <Text size="sm">
              {t('tasks.extension.reasonShown', { reason: ext.reason })} ({ext.requestedBy})
            </Text>
          </Alert>
        )}
        {!ext && <AskExtensionForm id={id} />}
        {ext && detail.canApproveExtension && <DecideExtension id={id} />}
      </Stack>
    </Paper>
  );
}

/** Asks for the extension: the new due date and the reason (one request per assignment). */
function AskExtensionForm({ id }: { id: number }) {
  const { t } = useTranslation();
  const ask = useAskExtension(id);
  const [requestedTo, setRequestedTo] = useState('');
  const [reason, setReason] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        ask.mutate({ requestedTo, reason });
      }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('tasks.extension.once')}
        </Text>
        <DayInput label={t('tasks.extension.requestedTo')} value={requestedTo} onChange={setRequestedTo} required w={220} />
        <Textarea
          label={t('tasks.extension.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        {ask.isError && <ErrorAlert error={ask.error} />}
        <Button type="submit" variant="light" h={44} loading={ask.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('tasks.extension.ask')}
        </Button>
      </Stack>
    </form>
  );
}

/** The plan manager approves or refuses the pending extension, with a note. */
function DecideExtension({ id }: { id: number }) {
  const { t } = useTranslation();
  const decide = useDecideExtension(id);
  const [note, setNote] = useState('');
  return (
    <Stack gap="sm">
      <Textarea label={t('tasks.extension.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
      {decide.isError && <ErrorAlert error={decide.error} />}
      <Group gap="sm">
        <Button
          h={44}
          color="green"
          loading={decide.isPending}
          onClick={() => decide.mutate({ decision: 'approve', ...(note.trim() ? { note } : {}) })}
        >
          {t('tasks.extension.approve')}
        </Button>
        <Button h={44} color="red" variant="light" loading={decide.isPending} onClick={() => decide.mutate({ decision: 'refuse', note })}>
          {t('tasks.extension.refuse')}
        </Button>
      </Group>
    </Stack>
  );
}
