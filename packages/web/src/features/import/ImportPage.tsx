import { Button, Container, Group, Paper, Radio, Stack, Text, Title, FileButton } from '@mantine/core';
import { formatNumber } from '@vetplan/domain';
import { IconFileUpload, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/useLang.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { ExportLink, ImportHelp } from './ImportHelp.tsx';
import { ImportOutcome } from './ImportOutcome.tsx';
import { useImportJob, useStartImport } from './queries.ts';
import { TransferProgress } from '../../shared/import/TransferProgress.tsx';
import type { ImportMode } from '../../shared/import/types.ts';

const ACCEPT = '.csv,.json,text/csv,application/json';

function fileSize(bytes: number, lang: 'vi' | 'en'): string {
  if (bytes < 1024) return `${formatNumber(bytes, { lang })} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, { lang, maxDecimals: 1 })} KB`;
  return `${formatNumber(bytes / (1024 * 1024), { lang, maxDecimals: 1 })} MB`;
}

/** Nhập từ tệp: upload a CSV or JSON file of figures, follow its checks and writing, and read what came of it. */
export default function ImportPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('atomic');
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useStartImport();
  const job = useImportJob(jobId);
  const running = start.isPending || job.data?.status === 'running';

  const submit = () => {
    if (!file) return;
    setJobId(null);
    start.mutate({ file, mode }, { onSuccess: (started) => setJobId(started.id) });
  };

  return (
    <Container size="md" px={{ base: 'xs', sm: 'md' }} py="md">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('import.title')}
        </Title>
        <Text c="dimmed">{t('import.intro')}</Text>
        <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section">
          <Stack gap="md">
            <Stack gap={4}>
              <Text fw={500}>{t('import.file')}</Text>
              <Group gap="sm" wrap="wrap">
                <FileButton onChange={setFile} accept={ACCEPT} disabled={running}>
                  {(props) => (
                    <Button {...props} variant="default" leftSection={<IconFileUpload size={18} />} disabled={running}>
                      {t('import.choose')}
                    </Button>
                  )}
                </FileButton>
                <Text size="sm" c={file ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }} data-testid="import-file">
                  {file ? `${file.name} (${fileSize(file.size, lang)})` : t('import.noFile')}
                </Text>
              </Group>
            </Stack>
            <Radio.Group value={mode} onChange={(v) => setMode(v === 'partial' ? 'partial' : 'atomic')} label={t('import.mode.label')}>
              <Stack gap="sm" mt="xs">
                <Radio value="atomic" label={t('import.mode.atomic')} description={t('import.mode.atomicHint')} disabled={running} />
                <Radio value="partial" label={t('import.mode.partial')} description={t('import.mode.partialHint')} disabled={running} />
              </Stack>
            </Radio.Group>
            <Button
              leftSection={<IconUpload size={18} />}
              onClick={submit}
              disabled={!file}
              loading={running}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('import.start')}
            </Button>
            {start.isPending && (
              <TransferProgress
                value={start.progress}
                label={
                  start.progress === null || start.progress < 1
                    ? t('import.progress.uploading', { percent: Math.round((start.progress ?? 0) * 100) })
                    : t('import.progress.received')
                }
                testId="upload-progress"
              />
            )}
            {start.isError && <ErrorAlert error={start.error} />}
            {job.isError && <ErrorAlert error={job.error} />}
            {job.data && <ImportOutcome job={job.data} />}
          </Stack>
        </Paper>
        <ImportHelp />
        <ExportLink />
      </Stack>
    </Container>
  );
}
