import { Card, Group, Stack, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n/useLang.ts';
import { targetRows, type TargetCell, type TargetRow } from '../targets.ts';
import type { Plan } from '../../../shared/plan/types.ts';
import classes from './targets.module.css';

const NO_TARGET = '—';

/** A target in the table; the plan's own wording shows on hover, focus or tap. */
function TargetValue({ cell }: { cell: TargetCell }) {
  const { t } = useTranslation();
  if (cell.text === null) {
    return (
      <Text c="dimmed" aria-label={t('plan.targets.none')}>
        {NO_TARGET}
      </Text>
    );
  }
  return (
    <Tooltip label={cell.wording} multiline w={320} withArrow events={{ hover: true, focus: true, touch: true }} disabled={!cell.wording}>
      <UnstyledButton className={classes.value} aria-label={cell.wording ? `${cell.text}. ${cell.wording}` : undefined}>
        {cell.text}
      </UnstyledButton>
    </Tooltip>
  );
}

function WideTable({ rows, horizons }: { rows: TargetRow[]; horizons: number[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640} type="native" pos="relative">
      <Table withTableBorder withColumnBorders verticalSpacing="sm" className={classes.table} data-testid="targets-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('plan.targets.indicator')}</Table.Th>
            {horizons.map((year) => (
              <Table.Th key={year} scope="col" className={classes.horizon}>
                {t('plan.targets.byYear', { year })}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.indicator.code}>
              <Table.Th scope="row" fw={500}>
                {row.name}
              </Table.Th>
              {row.cells.map((cell) => (
                <Table.Td key={cell.year} className={classes.horizon}>
                  <TargetValue cell={cell} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** On a phone: one card per indicator, each horizon on its own line with the plan's wording under it. */
function StackedCards({ rows }: { rows: TargetRow[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="targets-cards">
      {rows.map((row) => (
        <Card key={row.indicator.code} withBorder padding="sm" radius="md" component="article">
          <Text fw={600} mb="xs">
            {row.name}
          </Text>
          <Stack gap="xs" component="dl" m={0}>
            {row.cells.map((cell) => (
              <div key={cell.year}>
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <Text component="dt" size="sm" c="dimmed">
                    {t('plan.targets.byYear', { year: cell.year })}
                  </Text>
                  <Text component="dd" m={0} fw={700} c={cell.text ? 'blue.8' : 'dimmed'} ta="right">
                    {cell.text ?? NO_TARGET}
                  </Text>
                </Group>
                {cell.wording && (
                  <Text size="xs" c="dimmed" fs="italic">
                    {cell.wording}
                  </Text>
                )}
              </div>
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

/** Mục tiêu cụ thể: the targets table, by horizon. */
export function TargetsTable({ plan }: { plan: Plan }) {
  const { lang } = useLang();
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const rows = targetRows(plan, lang);
  return narrow ? <StackedCards rows={rows} /> : <WideTable rows={rows} horizons={plan.horizons} />;
}
