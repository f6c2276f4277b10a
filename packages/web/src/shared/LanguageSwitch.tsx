import { SegmentedControl } from '@mantine/core';
import type { Lang } from '@vetplan/domain';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n/useLang.ts';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { lang, setLang } = useLang();
  return (
    <SegmentedControl
      size="md"
      value={lang}
      onChange={(value) => setLang(value as Lang)}
      aria-label={t('common.language')}
      data={[
        { value: 'vi', label: <span title={t('common.vietnamese')}>VI</span> },
        { value: 'en', label: <span title={t('common.english')}>EN</span> },
      ]}
    />
  );
}
