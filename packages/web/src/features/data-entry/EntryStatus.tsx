import { Alert, Group, Stack, Text, Title } from '@mantine/core';
import { formatDate, formatMoment } from '@vetplan/domain';
import { IconArrowBackUp, IconInfoCircle, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { pick, useLang } from '../../i18n/useLang.ts';
import { periodLabel } from '../../shared/periods.ts';
import { StatusBadge } from './StatusBadge.tsx';
import type { Entry } from './types.ts';

/** The heading of a form's entry screen: what, whose, when due, its status and, prominently, why it came back. */
export function EntryStatus({ entry, today }: { entry: Entry; today: string }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const s = entry.submission;
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <div>
          <Title order={2} size="h4">
            {pick(lang, entry.form.name, entry.form.nameEn)}
          </Title>
          <Text c="dimmed">
            {entry.org.name} · {periodLabel(entry.period, t)}
          </Text>
        </div>
        <StatusBadge status={s.status} size="lg" data-testid="entry-status" />
      </Group>
      <Text size="sm">
        {t('entry.cutoff')}: <b>{formatDate(entry.dates.cutoff)}</b> · {t('entry.due')}: <b>{formatDate(entry.dates.due)}</b>
      </Text>
      {s.status === 'returned' && (
        <Alert color="orange" variant="filled" icon={<IconArrowBackUp />} title={t('entry.returnedTitle')} data-testid="return-reason">
          <Text fw={600} c="white">
            {t('entry.reasonLabel')}: {s.reason}
          </Text>
          {s.decidedBy && s.decidedAt && (
            <Text size="sm" c="white">
              {t('entry.returnedBy', { by: s.decidedBy, at: formatMoment(s.decidedAt) })}
            </Text>
          )}
        </Alert>
      )}
      {s.status === 'approved' && (
        <Alert color="green" icon={<IconLock />} data-testid="approved-note">
          {t('entry.approvedBy', { by: s.decidedBy ?? '—', at: s.decidedAt ? formatMoment(s.decidedAt) : '—' })}
        </Alert>
      )}
      {s.status === 'submitted' && s.submittedBy && s.submittedAt && (
        <Text size="sm" c="blue.8">
          {t('entry.submittedBy', { by: s.submittedBy, at: formatMoment(s.submittedAt) })}
        </Text>
      )}
      {s.comment && (s.status === 'submitted' || s.status === 'approved') && (
        <Text size="sm" data-testid="explanation">
          {t('entry.explanationShown', { comment: s.comment })}
        </Text>
      )}
      {entry.dates.opens > today && (
        <Alert color="gray" icon={<IconInfoCircle />}>
          {t('entry.notOpenYet', { date: formatDate(entry.dates.opens) })}
        </Alert>
      )}
      {!entry.canEdit && !entry.locked && entry.submission.status === 'submitted' && (
        <Alert color="blue" icon={<IconInfoCircle />} data-testid="awaiting-decision">
          {t('entry.awaitingDecision')}
        </Alert>
      )}
      {!entry.canEdit && !entry.locked && entry.submission.status !== 'submitted' && entry.dates.opens <= today && (
        <Alert color="gray" icon={<IconInfoCircle />}>
          {t('entry.readOnly')}
        </Alert>
      )}
    </Stack>
  );
}
