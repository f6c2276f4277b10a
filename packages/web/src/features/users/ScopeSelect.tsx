import { Alert, List, Select, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/useLang.ts';
import { useAreaTree } from '../../shared/areas/queries.ts';
import { scopeOptions } from './scopeOptions.ts';
import { foldedFilter } from '../../shared/foldedFilter.ts';

/**
 * What a scope means, in an official's words (the rules: docs/access.md, "Scope"): an area reaches the
 * areas below it and their organisations; an organisation only itself and the organisations under it.
 */
export function ScopeHelp() {
  const { t } = useTranslation();
  return (
    <Alert color="blue" variant="light" role="note" icon={<IconInfoCircle />} title={t('users.scopeHelp.title')} data-testid="scope-help">
      <Stack gap="xs">
        <List size="sm" spacing={4}>
          <List.Item>{t('users.scopeHelp.area')}</List.Item>
          <List.Item>{t('users.scopeHelp.organisation')}</List.Item>
        </List>
        <Text size="sm">{t('users.scopeHelp.example')}</Text>
      </Stack>
    </Alert>
  );
}

/** Scope: any area or organisation of the tree, searchable without diacritics. */
export function ScopeSelect({
  value,
  onChange,
  error,
}: {
  value: string | null;
  onChange: (v: string | null) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const tree = useAreaTree();
  const data = useMemo(
    () => scopeOptions(tree.data?.roots ?? [], lang, { areas: t('users.form.areas'), organisations: t('users.form.organisations') }),
    [tree.data, lang, t],
  );
  return (
    <Select
      label={t('users.form.scope')}
      description={t('users.form.scopeHint')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      filter={foldedFilter}
      nothingFoundMessage={t('users.form.noScope')}
      disabled={tree.isPending}
      error={error}
      required
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
