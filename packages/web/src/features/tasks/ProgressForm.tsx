import { Alert, Button, NumberInput, Paper, Select, SimpleGrid, Stack, Textarea, Title } from '@mantine/core';
import { TASK_REPORT_STATUSES, type TaskReportStatus } from '@vetplan/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import type { AssignmentDetail, ProgressInput } from './api.ts';
import { useSendReport } from './queries.ts';

const TEXTS = ['doneText', 'resultsText', 'difficultiesText', 'proposalsText'] as const;

/** Báo cáo tiến độ: status, percent and the four parts of the narrative, prefilled from the last report. */
export function ProgressForm({ detail }: { detail: AssignmentDetail }) {
  const { t } = useTranslation();
  const last = detail.reports[0];
  const [form, setForm] = useState<ProgressInput>({
    status: last?.status ?? 'in_progress',
    percent: last?.percent ?? 0,
    doneText: last?.doneText ?? '',
    resultsText: last?.resultsText ?? '',
    difficultiesText: last?.difficultiesText ?? '',
    proposalsText: last?.proposalsText ?? '',
  });
  const send = useSendReport(detail.assignment.id);
  const set = <K extends keyof ProgressInput>(key: K, value: ProgressInput[K]) => setForm((f) => ({ ...f, [key]: value }));
  const onStatus = (status: TaskReportStatus) =>
    setForm((f) => ({ ...f, status, percent: status === 'done' ? 100 : status === 'not_started' ? 0 : f.percent }));
  return (
    <Paper withBorder radius="md" p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate(form);
        }}
        aria-label={t('tasks.form.title')}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('tasks.form.title')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t('tasks.form.status')}
              data={TASK_REPORT_STATUSES.map((s) => ({ value: s, label: t(`tasks.reportStatus.${s}`) }))}
              value={form.status}
              onChange={(v) => v && onStatus(v as TaskReportStatus)}
              allowDeselect={false}
            />
            <NumberInput
              label={t('tasks.form.percent')}
              min={0}
              max={100}
              clampBehavior="strict"
              value={form.percent}
              onChange={(v) => set('percent', typeof v === 'number' ? v : 0)}
            />
          </SimpleGrid>
          {TEXTS.map((key) => (
            <Textarea
              key={key}
              label={t(`tasks.form.${key}`)}
              autosize
              minRows={2}
              maxRows={8}
              value={form[key]}
              onChange={(e) => set(key, e.currentTarget.value)}
            />
          ))}
          {send.isError && <ErrorAlert error={send.error} />}
          {send.isSuccess && <Alert color="green">{t('tasks.form.saved')}</Alert>}
          <Button type="submit" loading={send.isPending} h={44} style={{ alignSelf: 'flex-start' }}>
            {t('tasks.form.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
