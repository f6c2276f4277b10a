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
      {remind.data && <ReminderResult result={remind.data} onClose={() => remind.reset()} />}
      {approve.data && <ApprovalResult result={approve.data} onClose={() => approve.reset()} />}
    </Stack>
  );
}

type Reminded = NonNullable<ReturnType<typeof useSendReminders>['data']>;
type Approved = NonNullable<ReturnType<typeof useApproveClean>['data']>;

/** Who was reminded (in the inbox, by e-mail), who has no one to remind, and mail that failed. */
function ReminderResult({ result, onClose }: { result: Reminded; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" data-testid="reminder-result" withCloseButton onClose={onClose}>
      <Text size="sm" fw={600}>
        {t('completeness.reminded', { count: result.sent.length, people: result.sent.reduce((n, s) => n + s.recipients, 0) })}
      </Text>
      <Text size="sm">{result.sent.map((s) => s.name).join(', ')}</Text>
      {result.sent.some((s) => s.emailed > 0) && (
        <Text size="sm">{t('completeness.emailed', { count: result.sent.reduce((n, s) => n + s.emailed, 0) })}</Text>
      )}
      {result.sent.some((s) => s.recipients === 0) && (
        <Text size="sm" c="red.8">
          {t('completeness.noRecipients', {
            units: result.sent
              .filter((s) => s.recipients === 0)
              .map((s) => s.name)
              .join(', '),
          })}
        </Text>
      )}
      {result.mailErrors.length > 0 && (
        <Text size="sm" c="red.8">
          {t('completeness.mailFailed', { count: result.mailErrors.length })}
        </Text>
      )}
    </Alert>
  );
}

/** The reports approved, and those skipped with the reason for each. */
function ApprovalResult({ result, onClose }: { result: Approved; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  return (
    <Alert color="green" variant="light" data-testid="approval-result" withCloseButton onClose={onClose}>
      <Text size="sm" fw={600}>
        {t('completeness.approvedCount', { count: result.approved.length })}
      </Text>
      {result.approved.length > 0 && <Text size="sm">{result.approved.map((a) => a.name).join(', ')}</Text>}
      {result.skipped.length > 0 && (
        <>
          <Text size="sm" fw={600} mt="xs">
            {t('completeness.skippedCount', { count: result.skipped.length })}
          </Text>
          <List size="sm" spacing={2}>
            {result.skipped.map((s) => (
              <List.Item key={s.org}>
                {s.name}: {pick(lang, s.reason, s.reasonEn)}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}
