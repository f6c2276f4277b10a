import { Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pick, useLang } from '../../i18n/useLang.ts';
import type { GridView } from './EntryGrid.tsx';
import { rowTotal } from './layout.ts';
import { showNumber } from './validators.ts';

/** Phones: one card per element, its cells one under the other, big enough for a thumb. */
export function EntryCards({ view }: { view: GridView }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const rows = view.groups.flatMap((g) => g.rows);
  return (
    <Stack gap="sm">
      {rows.map((row) => {
        const total = rowTotal(row, view.cells);
        return (
          <Paper
            key={row.element.code}
            withBorder
            radius="md"
            p="sm"
            component="section"
            aria-label={pick(lang, row.element.name, row.element.nameEn)}
          >
            <Text fw={600} mb="xs">
              {pick(lang, row.element.name, row.element.nameEn)}
            </Text>
            <Stack gap="xs">{row.columns.map((_, col) => view.renderCell(row, col))}</Stack>
            {row.columns.length > 1 && total !== null && (
              <Group justify="space-between" mt="xs" pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
                <Text size="sm">{t('entry.total')}</Text>
                <Text fw={600}>{showNumber(total, lang)}</Text>
              </Group>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
