import { Select } from '@mantine/core';
import { foldVietnamese } from '@vetplan/domain';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../shared/router.ts';
import { communeHref } from '../paths.ts';
import type { Place } from '../../../shared/areas/places.ts';

/** "Xem một xã, thị trấn": opens a commune's page; typing without diacritics finds it. */
export function CommuneJump({ communes, horizon }: { communes: Place['communes']; horizon: number }) {
  const { t } = useTranslation();
  if (communes.length === 0) return null;
  return (
    <Select
      size="sm"
      w={{ base: '100%', xs: 260 }}
      label={t('dashboard.communeJump')}
      placeholder={t('dashboard.communeJumpPlaceholder')}
      searchable
      data={communes.map((c) => ({ value: c.code, label: c.name }))}
      filter={({ options, search }) => {
        const needle = foldVietnamese(search.trim());
        return options.filter((o) => 'label' in o && foldVietnamese(o.label).includes(needle));
      }}
      nothingFoundMessage={t('entry.nothingFound')}
      value={null}
      onChange={(code) => code && navigate(communeHref(code, horizon))}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
