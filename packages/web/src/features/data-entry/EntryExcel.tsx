import { Alert, Button, CloseButton, FileButton, Group, Stack, Text } from '@mantine/core';
import { formatNumber } from '@vetplan/domain';
import { IconAlertCircle, IconCheck, IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors.ts';
import { useLang } from '../../i18n/useLang.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { RowErrorsTable } from '../../shared/import/RowErrorsTable.tsx';
import { TransferProgress } from '../../shared/import/TransferProgress.tsx';
import { templateUrl, XLSX_TYPE } from './api.ts';
import { useUploadXlsx } from './queries.ts';
import type { Entry } from './types.ts';
import type { EntryTarget } from '../../shared/report-forms/types.ts';
import { rowErrorsOf } from '../../shared/import/results.ts';

/** Lets a wide table inside an alert scroll within it instead of stretching it (a flex item's min-width). */
const FIT = { body: { minWidth: 0 } };

/** What came of an upload: the counts, or every bad cell by sheet and cell (nothing stored), or why the file was not read. */
function UploadOutcome({ upload, onClose }: { upload: ReturnType<typeof useUploadXlsx>; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const n = (v: number) => formatNumber(v, { lang });
  const close = <CloseButton size="sm" onClick={onClose} aria-label={t('entry.excel.close')} />;
  if (upload.isSuccess) {
    const r = upload.data;
    return (
      <Alert
        styles={FIT}
        color="green"
        icon={<IconCheck />}
        role="status"
        data-testid="xlsx-result"
        title={t('entry.excel.stored')}
        withCloseButton
        closeButtonLabel={t('entry.excel.close')}
        onClose={onClose}
      >
        {t('import.done.counts', { created: n(r.created), updated: n(r.updated), deleted: n(r.deleted), unchanged: n(r.unchanged) })}
      </Alert>
    );
  }
  if (!upload.isError) return null;
  const errors = rowErrorsOf(upload.error);
  if (!errors) return <ErrorAlert error={upload.error} data-testid="xlsx-error" />;
  return (
    <Alert styles={FIT} color="red" icon={<IconAlertCircle />} title={t('import.failed.title')} data-testid="xlsx-rejected">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm">{isApiError(upload.error) ? upload.error.localized(lang) : upload.error.message}</Text>
          {close}
        </Group>
        {errors.length > 0 && <RowErrorsTable errors={errors} places="cells" />}
        <Text size="sm" fw={600}>
          {t('import.failed.nothingStored')}
        </Text>
      </Stack>
    </Alert>
  );
}

/** Tải mẫu Excel / Tải lên tệp Excel: the form as a spreadsheet to fill offline, and its upload back. */
export function EntryExcel({ entry, target }: { entry: Entry; target: EntryTarget }) {
  const { t } = useTranslation();
  const upload = useUploadXlsx(target);
  const resetRef = useRef<() => void>(null);
  const canUpload = entry.canEdit && !entry.locked;
  const choose = (file: File | null) => {
    resetRef.current?.(); // the same file can be chosen again after fixing it
    if (file) upload.mutate(file);
  };
  const progress = upload.progress;

  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap">
        <Button component="a" href={templateUrl(target)} download variant="default" leftSection={<IconDownload size={18} />}>
          {t('entry.excel.download')}
        </Button>
        <FileButton onChange={choose} accept={`.xlsx,${XLSX_TYPE}`} disabled={!canUpload || upload.isPending} resetRef={resetRef}>
          {(props) => (
            <Button
              {...props}
              variant="default"
              leftSection={<IconFileSpreadsheet size={18} />}
              disabled={!canUpload}
              loading={upload.isPending}
            >
              {t('entry.excel.upload')}
            </Button>
          )}
        </FileButton>
      </Group>
      <Text size="sm" c="dimmed">
        {canUpload ? t('entry.excel.hint') : t('entry.excel.readOnly')}
      </Text>
      {upload.isPending && (
        <TransferProgress
          value={progress !== null && progress < 1 ? progress : null}
          label={
            progress !== null && progress < 1
              ? t('import.progress.uploading', { percent: Math.round(progress * 100) })
              : t('entry.excel.checking')
          }
          testId="xlsx-progress"
        />
      )}
      <UploadOutcome upload={upload} onClose={upload.reset} />
    </Stack>
  );
}
