import { Select, SimpleGrid } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { pick, useLang } from '../../i18n/useLang.ts';
import { periodLabel, recentPeriods } from '../periods.ts';
import type { FormSummary } from './types.ts';
import { foldedFilter } from '../foldedFilter.ts';

export interface Selection {
  form: string | null;
  org: string | null;
  period: string | null;
}

interface SelectorsProps {
  forms: FormSummary[];
  selection: Selection;
  today: string;
  onChange: (next: Selection) => void;
  /** The completeness board chooses no unit. */
  withUnit?: boolean;
}

/** Biểu mẫu báo cáo → Đơn vị báo cáo → Kỳ báo cáo. */
export function EntrySelectors({ forms, selection, today, onChange, withUnit = true }: SelectorsProps) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const form = forms.find((f) => f.code === selection.form) ?? null;
  const formOptions = forms.map((f) => ({ value: f.code, label: pick(lang, f.name, f.nameEn) }));
  const unitOptions = (form?.units ?? []).map((u) => ({ value: u.code, label: u.name }));
  const periodOptions = useMemo(
    () =>
      form
        ? recentPeriods(form.periodType, form.schedule, today).map((c) => {
            const label = periodLabel(c.period.code, t);
            return { value: c.period.code, label: c.notOpen ? t('periods.notOpen', { label }) : label };
          })
        : [],
    [form, today, t],
  );

  const chooseForm = (code: string | null) => {
    const next = forms.find((f) => f.code === code);
    const keepOrg = next?.units.some((u) => u.code === selection.org) ? selection.org : null;
    onChange({ form: code, org: keepOrg, period: null });
  };

  return (
    <SimpleGrid cols={{ base: 1, sm: withUnit ? 3 : 2 }} spacing="sm">
      <Select label={t('entry.form')} data={formOptions} value={selection.form} onChange={chooseForm} allowDeselect={false} />
      {withUnit && (
        <Select
          label={t('entry.unit')}
          data={unitOptions}
          value={selection.org}
          onChange={(org) => onChange({ ...selection, org })}
          searchable={unitOptions.length > 6}
          filter={foldedFilter}
          placeholder={unitOptions.length > 6 ? t('entry.search') : undefined}
          nothingFoundMessage={t('entry.nothingFound')}
          disabled={!form}
          allowDeselect={false}
          maxDropdownHeight={320}
        />
      )}
      <Select
        label={t('entry.period')}
        data={periodOptions}
        value={selection.period}
        onChange={(period) => onChange({ ...selection, period })}
        disabled={!form}
        allowDeselect={false}
      />
    </SimpleGrid>
  );
}
