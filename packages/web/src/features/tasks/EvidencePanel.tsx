import { Alert, Anchor, Button, FileButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { formatNumber } from '@vetplan/domain';
import { IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useMe } from '../../shared/session/queries.ts';
import type { AssignmentDetail } from './api.ts';
import { useUploadEvidence } from './queries.ts';

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${formatNumber(bytes / 1024 / 1024, { decimals: 1 })} MB`
    : `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;

/** Minh chứng: the files attached to an assignment, and an upload button for those who report it. */
export function EvidencePanel({ detail }: { detail: AssignmentDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const upload = useUploadEvidence(detail.assignment.id, me.data?.csrfToken ?? null);
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('tasks.evidence.title')}
        </Title>
        {detail.evidence.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('tasks.evidence.none')}
          </Text>
        )}
        <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }} data-testid="evidence-list">
          {detail.evidence.map((e) => (
            <li key={e.id}>
              <Anchor href={`/api/task-evidence/${e.id}`} download={e.fileName}>
                {e.fileName}
              </Anchor>
              <Text span size="xs" c="dimmed">
                {' '}
                · {size(e.sizeBytes)} · {e.uploadedBy}
              </Text>
            </li>
          ))}
        </Stack>
        {detail.assignment.canReport && (
          <Group gap="sm">
            <FileButton
              onChange={(file) => file && upload.mutate(file)}
              accept="application/pdf,image/png,image/jpeg,image/webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx"
            >
              {(props) => (
                <Button {...props} variant="light" h={44} leftSection={<IconUpload size={18} />} loading={upload.isPending}>
                  {t('tasks.evidence.upload')}
                </Button>
              )}
            </FileButton>
            <Text size="xs" c="dimmed">
              {t('tasks.evidence.hint')}
            </Text>
          </Group>
        )}
        {upload.isError && <ErrorAlert error={upload.error} />}
        {upload.isSuccess && <Alert color="green">{t('tasks.evidence.uploaded', { name: upload.data.fileName })}</Alert>}
      </Stack>
    </Paper>
  );
}
