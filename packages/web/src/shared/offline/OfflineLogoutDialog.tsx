import { Button, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface OfflineLogoutDialogProps {
  count: number;
  onStay: () => void;
  /** Log out; the changes stay on this device and are sent when this user signs in again. */
  onKeep: () => void;
  /** Log out and drop the changes. */
  onDiscard: () => void;
}

/** Đăng xuất with changes not yet sent: stay and send them, log out keeping them on this device, or drop them. */
export default function OfflineLogoutDialog({ count, onStay, onKeep, onDiscard }: OfflineLogoutDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onStay} title={t('offline.logout.title')} centered>
      <Stack>
        <Text>{t('offline.logout.body', { count })}</Text>
        <Button onClick={onStay}>{t('offline.logout.stay')}</Button>
        <Button variant="default" onClick={onKeep}>
          {t('offline.logout.keep')}
        </Button>
        <Button variant="subtle" color="red" onClick={onDiscard}>
          {t('offline.logout.discard')}
        </Button>
      </Stack>
    </Modal>
  );
}
