import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconBellRinging, IconChecks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { pick, useLang } from '../../i18n/useLang.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import type { Completeness } from '../../shared/completeness/api.ts';
import { useApproveClean, useSendReminders } from './queries.ts';

/** Big buttons whose words wrap on a phone instead of being cut. */
const WRAPPING = { mih: 44, h: 'auto', py: 8, styles: { label: { whiteSpace: 'normal', textAlign: 'left' } } } as const;

/** Nhắc các đơn vị chậm nộp, and Phê duyệt các báo cáo hợp lệ, with what each did. */
export function BoardActions({ data, canRemind, canApprove }: { data: Completeness; canRemind: boolean; canApprove: boolean }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const remind = useSendReminders(data.form, data.period);
  const approve = useApproveClean(data.form, data.period);
  if (!canRemind && !canApprove) return null;
  return (
    <Stack gap="xs">
      <Group gap="sm" grow={false}>
        {canRemind && (
          <Button
            {...WRAPPING}
            color="orange"
            leftSection={<IconBellRinging size={18} />}
            disabled={data.summary.toRemind === 0}
            loading={remind.isPending}
            onClick={() => remind.mutate(undefined)}
          >
            {t('completeness.remindAll', { count: data.summary.toRemind })}
          </Button>
        )}
        {canApprove && (
          <Button
            {...WRAPPING}
            color="green"
            leftSection={<IconChecks size={18} />}
            disabled={data.summary.cleanSubmitted === 0}
            loading={approve.isPending}
            onClick={() => approve.mutate()}
          >
            {t('completeness.approveClean', { count: data.summary.cleanSubmitted })}
          </Button>
        )}
      </Group>
      {remind.isError && <ErrorAlert error={remind.error} />}
      {approve.isError && <ErrorAlert error={approve.error} />}
      {remind.data && (
        <Alert color="orange" variant="light" data-testid="reminder-result" withCloseButton onClose={() => remind.reset()}>
          <Text size="sm" fw={600}>
            {t('completeness.reminded', { count: remind.data.sent.length, people: remind.data.sent.reduce((n, s) => n + s.recipients, 0) })}
          </Text>
          <Text size="sm">{remind.data.sent.map((s) => s.name).join(', ')}</Text>
          {remind.data.sent.some((s) => s.emailed > 0) && (
            <Text size="sm">{t('completeness.emailed', { count: remind.data.sent.reduce((n, s) => n + s.emailed, 0) })}</Text>
          )}
          {remind.data.sent.some((s) => s.recipients === 0) && (
            <Text size="sm" c="red.8">
              {t('completeness.noRecipients', {
                units: remind.data.sent
                  .filter((s) => s.recipients === 0)
                  .map((s) => s.name)
                  .join(', '),
              })}
            </Text>
          )}
          {remind.data.mailErrors.length > 0 && (
            <Text size="sm" c="red.8">
              {t('completeness.mailFailed', { count: remind.data.mailErrors.length })}
            </Text>
          )}
        </Alert>
      )}
      {approve.data && (
        <Alert color="green" variant="light" data-testid="approval-result" withCloseButton onClose={() => approve.reset()}>
          <Text size="sm" fw={600}>
            {t('completeness.approvedCount', { count: approve.data.approved.length })}
          </Text>
          {approve.data.approved.length > 0 && <Text size="sm">{approve.data.approved.map((a) => a.name).join(', ')}</Text>}
          {approve.data.skipped.length > 0 && (
            <>
              <Text size="sm" fw={600} mt="xs">
                {t('completeness.skippedCount', { count: approve.data.skipped.length })}
              </Text>
              <List size="sm" spacing={2}>
                {approve.data.skipped.map((s) => (
                  <List.Item key={s.org}>
                    {s.name}: {pick(lang, s.reason, s.reasonEn)}
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Alert>
      )}
    </Stack>
  );
}
