import { Alert, Button, Group, Text } from '@mantine/core';
import { IconCloudOff, IconCloudUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OutboxEntry } from './outbox.ts';

interface OutboxBannerProps {
  entries: readonly OutboxEntry[];
  online: boolean;
  sending: boolean;
  onSend: () => void;
}

/** Offline, or changes waiting to be sent: how many, and "Gửi lại". Nothing when all is sent and the network is there. */
export function OutboxBanner({ entries, online, sending, onSend }: OutboxBannerProps) {
  const { t } = useTranslation();
  const conflicts = entries.filter((e) => e.conflict).length;
  if (online && entries.length === 0) return null;
  return (
    <Alert
      color={online ? 'blue' : 'orange'}
      icon={online ? <IconCloudUpload /> : <IconCloudOff />}
      data-testid="outbox-banner"
      data-count={entries.length}
      role="status"
      title={online ? t('offline.banner.online') : t('offline.banner.offline')}
    >
      <Group justify="space-between" gap="xs" wrap="wrap">
        <div>
          {entries.length === 0 ? (
            <Text size="sm">{t('offline.banner.kept')}</Text>
          ) : (
            <Text size="sm" fw={600} data-testid="outbox-count">
              {t('offline.banner.pending', { count: entries.length })}
            </Text>
          )}
          {conflicts > 0 && <Text size="sm">{t('offline.banner.conflicts', { count: conflicts })}</Text>}
        </div>
        {entries.length > 0 && (
          <Button size="md" variant="white" onClick={onSend} loading={sending}>
            {t('offline.banner.send')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
