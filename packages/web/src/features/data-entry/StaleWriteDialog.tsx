import { Button, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/useLang.ts';
import { showNumber } from './validators.ts';
import type { Cell } from '../../shared/report-forms/types.ts';

interface StaleWriteDialogProps {
  /** The server's sentence: who changed it and to what. */
  message: string;
  mine: number | null;
  theirs: Cell | null;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

/** Someone else saved this cell while it was being edited: keep mine, or take theirs. */
export function StaleWriteDialog({ message, mine, theirs, onKeepMine, onTakeTheirs }: StaleWriteDialogProps) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const show = (v: number | null | undefined) => (v === null || v === undefined ? t('entry.stale.empty') : showNumber(v, lang));
  return (
    <Modal opened onClose={onTakeTheirs} title={t('entry.stale.title')} centered closeOnClickOutside={false}>
      <Stack>
        <Text>{message}</Text>
        <Button onClick={onKeepMine}>{t('entry.stale.mine', { value: show(mine) })}</Button>
        <Button variant="default" onClick={onTakeTheirs}>
          {t('entry.stale.theirs', { value: show(theirs?.value) })}
        </Button>
      </Stack>
    </Modal>
  );
}
