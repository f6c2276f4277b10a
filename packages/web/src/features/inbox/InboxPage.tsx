import { Alert, Anchor, Badge, Center, Container, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { formatDate, formatMoment } from '@vetplan/domain';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { linkClick, withQuery } from '../../shared/router.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { periodLabel } from '../../shared/periods.ts';
import type { InboxItem, InboxKind } from './api.ts';
import { useInbox } from './queries.ts';

const KIND_COLORS: Record<InboxKind, string> = {
  reminder: 'red',
  returned: 'orange',
  overdue: 'red',
  to_approve: 'blue',
  due: 'yellow',
  task_due_7: 'yellow',
  task_due_1: 'orange',
  task_overdue: 'red',
  task_extension: 'blue',
};
const isTask = (kind: InboxKind): kind is 'task_due_7' | 'task_due_1' | 'task_overdue' | 'task_extension' => kind.startsWith('task_');

export function InboxRow({ item }: { item: InboxItem }) {
  const { t } = useTranslation();
  const href =
    item.assignmentId !== null
      ? withQuery('/task', { id: String(item.assignmentId) })
      : withQuery('/data-entry', { form: item.form, org: item.org, period: item.period });
  return (
    <Paper withBorder radius="md" p="sm" component="li" data-kind={item.kind}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Badge
              color={KIND_COLORS[item.kind]}
              variant={item.kind === 'overdue' || item.kind === 'task_overdue' || item.kind === 'reminder' ? 'filled' : 'light'}
              radius="sm"
            >
              {isTask(item.kind) ? t(`tasks.inboxKind.${item.kind}`) : t(`inbox.kind.${item.kind}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('inbox.due', { date: formatDate(item.due) })}
            </Text>
          </Group>
          <Anchor href={href} onClick={linkClick(href)} fw={600}>
            {item.formName}
          </Anchor>
          <Text size="sm">
            {item.orgName} · {periodLabel(item.period, t)}
          </Text>
          {item.reminder && (
            <Text size="sm" c="red.8" fw={500}>
              {t('inbox.remindedBy', { when: formatMoment(item.reminder.at), who: item.reminder.byName })}
            </Text>
          )}
          {item.reason && (
            <Text size="sm" c="orange.9" fw={500}>
              {t('inbox.reason', { reason: item.reason })}
            </Text>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

/** Việc cần làm: reports due, overdue, returned, or waiting for the user's approval. */
/** The to-do items, or that there is nothing to do; used here and under the officer's forms due. */
export function InboxList({ inbox }: { inbox: ReturnType<typeof useInbox> }) {
  const { t } = useTranslation();
  return (
    <>
      {inbox.isError && <ErrorAlert error={inbox.error} />}
      {inbox.data && inbox.data.length === 0 && (
        <Alert color="green" icon={<IconCircleCheck />}>
          {t('inbox.empty')}
        </Alert>
      )}
      {inbox.data && inbox.data.length > 0 && (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} data-testid="inbox-list">
          {inbox.data.map((item) => (
            <InboxRow key={`${item.kind}-${item.form}-${item.org}-${item.period}`} item={item} />
          ))}
        </Stack>
      )}
    </>
  );
}

export default function InboxPage() {
  const { t } = useTranslation();
  const inbox = useInbox();
  return (
    <Container size="md" px={{ base: 'xs', sm: 'md' }} py="md">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('inbox.title')}
        </Title>
        {inbox.isPending && (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        )}
        <InboxList inbox={inbox} />
      </Stack>
    </Container>
  );
}
