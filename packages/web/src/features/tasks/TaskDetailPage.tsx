import { Anchor, Badge, Center, Container, Group, Loader, Paper, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { formatDate, formatMoment } from '@vetplan/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { linkClick, useSearchParams } from '../../shared/router.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { ShowMoreButton } from '../../shared/ShowMoreButton.tsx';
import { periodLabel } from '../../shared/periods.ts';
import type { AssignmentDetail } from './api.ts';
import { EvidencePanel } from './EvidencePanel.tsx';
import { ExtensionPanel } from './ExtensionPanel.tsx';
import { TaskStatusBadge } from './TaskStatusBadge.tsx';
import { ProgressForm } from './ProgressForm.tsx';
import { useAssignment } from './queries.ts';

function Indicators({ detail }: { detail: AssignmentDetail }) {
  const { t } = useTranslation();
  if (detail.indicators.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('tasks.indicators.none')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped data-testid="linked-indicators">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('tasks.indicators.indicator')}</Table.Th>
            <Table.Th>{t('tasks.indicators.target')}</Table.Th>
            <Table.Th>{t('tasks.indicators.value')}</Table.Th>
            <Table.Th>{t('tasks.indicators.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.indicators.map((i) => (
            <Table.Tr key={i.code}>
              <Table.Td>{i.name}</Table.Td>
              <Table.Td>{i.targetText ?? '—'}</Table.Td>
              <Table.Td>{i.valueText ?? t('tasks.indicators.noData')}</Table.Td>
              <Table.Td>{t(`tasks.indicators.progress.${i.status as 'met'}`, { defaultValue: i.status })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function History({ detail }: { detail: AssignmentDetail }) {
  const { t } = useTranslation();
  if (detail.history.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t('tasks.history.empty')}
      </Text>
    );
  const text = (kind: string, d: Record<string, unknown>) => {
    const date = typeof d.requestedTo === 'string' ? formatDate(d.requestedTo) : '';
    const status = typeof d.status === 'string' ? t(`tasks.reportStatus.${d.status as 'done'}`) : '';
    return t(`tasks.history.${kind as 'empty'}`, { date, status, percent: d.percent, file: d.file, defaultValue: kind });
  };
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="task-history">
      {detail.history.map((h, i) => (
        <Timeline.Item key={i} title={text(h.kind, h.details)}>
          <Text size="xs" c="dimmed">
            {h.actor} · {formatMoment(h.at)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function Reports({ detail }: { detail: AssignmentDetail }) {
  const { t } = useTranslation();
  if (detail.reports.length === 0) return null;
  const fields = ['doneText', 'resultsText', 'difficultiesText', 'proposalsText'] as const;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t('tasks.reports.title')}
      </Title>
      {detail.reports.map((r) => (
        <Paper key={r.id} withBorder p="sm" radius="md">
          <Group gap="xs">
            <Badge variant="light">{t(`tasks.reportStatus.${r.status}`)}</Badge>
            <Text size="sm" fw={600}>
              {r.percent}%
            </Text>
            {r.completedOn && <Text size="sm">{t('tasks.reports.completedOn', { date: formatDate(r.completedOn) })}</Text>}
          </Group>
          {fields
            .filter((f) => r[f])
            .map((f) => (
              <Text key={f} size="sm" mt={4}>
                <Text span fw={600}>
                  {t(`tasks.form.${f}`)}:{' '}
                </Text>
                {r[f]}
              </Text>
            ))}
          <Text size="xs" c="dimmed" mt={4}>
            {t('tasks.reports.by', { user: r.reportedBy, at: formatMoment(r.reportedAt) })}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

/** One assignment: the task, its targets, the progress form, evidence, extension and history. */
export default function TaskDetailPage() {
  const { t } = useTranslation();
  const id = Number(useSearchParams().get('id') ?? 0);
  const query = useAssignment(id);
  const [showContent, setShowContent] = useState(false);
  const d = query.data;
  return (
    <Container size="md" px={{ base: 'xs', sm: 'md' }} py="md">
      <Stack gap="md">
        <Anchor href="/tasks" onClick={linkClick('/tasks')} size="sm">
          ← {t('tasks.back')}
        </Anchor>
        {query.isPending && (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        )}
        {query.isError && <ErrorAlert error={query.error} />}
        {d && (
          <>
            <Stack gap={6}>
              <Title order={1} size="h3">
                {d.assignment.task} · {d.assignment.title}
              </Title>
              <Group gap="xs">
                <TaskStatusBadge status={d.assignment.status} />
                <Badge variant="outline" color="gray" radius="sm">
                  {t(`tasks.role.${d.assignment.role}`)}
                </Badge>
              </Group>
              <Text>
                {d.assignment.orgName} · {periodLabel(d.assignment.period, t)}
              </Text>
              <Text fw={600} c={d.assignment.status === 'overdue' ? 'red.8' : undefined} data-testid="task-due">
                {t('tasks.due', { date: formatDate(d.assignment.dueOn) })}
                {d.assignment.extendedTo && ` · ${t('tasks.extendedTo', { date: formatDate(d.assignment.extendedTo) })}`}
              </Text>
              {d.task.leadText && <Text size="sm">{t('tasks.leadText', { text: d.task.leadText })}</Text>}
              {d.task.coordinatingText && <Text size="sm">{t('tasks.coordinatingText', { text: d.task.coordinatingText })}</Text>}
            </Stack>
            {d.task.content && (
              <Stack gap={4}>
                <ShowMoreButton opened={showContent} onToggle={() => setShowContent((v) => !v)} controls="task-content" />
                <Text id="task-content" hidden={!showContent} size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {d.task.content}
                </Text>
              </Stack>
            )}
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('tasks.indicators.title')}
              </Title>
              <Indicators detail={d} />
            </Stack>
            {d.assignment.canReport && <ProgressForm detail={d} />}
            <EvidencePanel detail={d} />
            <ExtensionPanel detail={d} />
            <Reports detail={d} />
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('tasks.history.title')}
              </Title>
              <History detail={d} />
            </Stack>
          </>
        )}
      </Stack>
    </Container>
  );
}
