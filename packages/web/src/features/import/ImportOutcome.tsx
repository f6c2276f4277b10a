import { Alert, Stack, Text } from '@mantine/core';
import { formatNumber } from '@vetplan/domain';
import { IconAlertCircle, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/useLang.ts';
import { RowErrorsTable } from '../../shared/import/RowErrorsTable.tsx';
import type { ImportJob } from '../../shared/import/types.ts';
import { TransferProgress } from '../../shared/import/TransferProgress.tsx';

/** Where a running import is: "Đang kiểm tra 12.000 / 100.000 dòng", then "Đang ghi". */
function JobProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { phase, processed, total } = job.progress;
  const n = (v: number) => formatNumber(v, { lang });
  if (phase === 'checking') {
    return (
      <TransferProgress
        value={total > 0 ? processed / total : 0}
        label={t('import.progress.checking', { processed: n(processed), total: n(total) })}
        testId="import-progress"
      />
    );
  }
  return <TransferProgress value={null} label={t('import.progress.writing', { total: n(total) })} testId="import-progress" />;
}

/** Lets a wide table inside an alert scroll within it instead of stretching it (a flex item's min-width). */
const FIT = { body: { minWidth: 0 } };

/** A running import's progress, or what it stored, or why nothing was stored. */
export function ImportOutcome({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const n = (v: number) => formatNumber(v, { lang });

  if (job.status === 'running') return <JobProgress job={job} />;

  if (job.status === 'failed') {
    const failure = job.error;
    return (
      <Alert styles={FIT} color="red" icon={<IconAlertCircle />} title={t('import.failed.title')} data-testid="import-failed">
        <Stack gap="sm">
          {failure && <Text size="sm">{lang === 'en' ? failure.messageEn : failure.message}</Text>}
          {failure && failure.errors.length > 0 && <RowErrorsTable errors={failure.errors} places="rows" />}
          <Text size="sm" fw={600}>
            {t('import.failed.nothingStored')}
          </Text>
        </Stack>
      </Alert>
    );
  }

  const result = job.result;
  if (!result) return null;
  const skipped = new Set(result.errors.map((e) => e.row)).size;
  return (
    <Alert
      styles={FIT}
      color={skipped > 0 ? 'yellow' : 'green'}
      icon={<IconCheck />}
      title={t('import.done.title')}
      data-testid="import-result"
    >
      <Stack gap="sm">
        <Text size="sm" data-testid="import-counts">
          {t('import.done.counts', {
            created: n(result.created),
            updated: n(result.updated),
            deleted: n(result.deleted),
            unchanged: n(result.unchanged),
          })}
        </Text>
        {skipped > 0 && (
          <>
            <Text size="sm" fw={600}>
              {t('import.done.skipped', { count: skipped, n: n(skipped) })}
            </Text>
            <RowErrorsTable errors={result.errors} places="rows" />
          </>
        )}
      </Stack>
    </Alert>
  );
}
