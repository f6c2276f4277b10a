import { Button } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface ShowMoreButtonProps {
  opened: boolean;
  onToggle: () => void;
  /** id of the element it shows and hides. */
  controls: string;
}

/** "Xem nội dung" / "Thu gọn" for a folded part of the page; 44 px tall for fingers. */
export function ShowMoreButton({ opened, onToggle, controls }: ShowMoreButtonProps) {
  const { t } = useTranslation();
  return (
    <Button
      variant="subtle"
      size="sm"
      h={44}
      px="xs"
      style={{ alignSelf: 'flex-start' }}
      onClick={onToggle}
      aria-expanded={opened}
      aria-controls={controls}
      rightSection={opened ? <IconChevronUp size={18} /> : <IconChevronDown size={18} />}
    >
      {opened ? t('common.hideContent') : t('common.showContent')}
    </Button>
  );
}
