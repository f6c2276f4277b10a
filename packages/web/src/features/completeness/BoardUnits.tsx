import { Anchor, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { BOARD_STATUS_LABELS, formatMoment } from '@vetplan/domain';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { linkClick, withQuery } from '../../shared/router.ts';
import { useLang } from '../../i18n/useLang.ts';
import { TableDownloads } from '../../shared/DownloadButtons.tsx';
import type { Completeness, CompletenessUnit } from '../../shared/completeness/api.ts';
import { BoardStatusBadge, TimelinessBadge } from '../../shared/completeness/BoardStatusBadge.tsx';
import { useSendReminders } from './queries.ts';
import classes from './completeness.module.css';

interface UnitsProps {
  data: Completeness;
  units: CompletenessUnit[];
  canRemind: boolean;
}

function RemindButton({ data, unit }: { data: Completeness; unit: CompletenessUnit }) {
  const { t } = useTranslation();
  const remind = useSendReminders(data.form, data.period);
  return (
    <Button
      size="compact-md"
      h={44}
      variant="light"
      color="orange"
      leftSection={<IconBell size={16} />}
      loading={remind.isPending}
      onClick={() => remind.mutate([unit.org])}
      aria-label={t('completeness.remindLabel', { unit: unit.name })}
    >
      {t('completeness.remind')}
    </Button>
  );
}

function Submitted({ unit }: { unit: CompletenessUnit }) {
  if (!unit.submittedAt) return <>—</>;
  return (
    <>
      {formatMoment(unit.submittedAt)}
      {unit.submittedByName && (
        <Text size="xs" c="dimmed">
          {unit.submittedByName}
        </Text>
      )}
    </>
  );
}

function LastReminder({ unit }: { unit: CompletenessUnit }) {
  const { t } = useTranslation();
  if (!unit.lastReminder) return <>—</>;
  return (
    <span data-testid="last-reminder">
      {t('completeness.lastReminder', { when: formatMoment(unit.lastReminder.at), who: unit.lastReminder.byName })}
    </span>
  );
}

/** What to know beside the status: the reason for a return, or a submitted report's rule violations. */
function Note({ unit }: { unit: CompletenessUnit }) {
  const { t } = useTranslation();
  if (unit.reason) return <>{t('completeness.reasonNote', { reason: unit.reason })}</>;
  if (unit.violations)
    return (
      <Text span c="orange.9">
        {t('completeness.violations', { count: unit.violations })}
      </Text>
    );
  return null;
}

function OpenLink({ data, unit }: { data: Completeness; unit: CompletenessUnit }) {
  const { t } = useTranslation();
  const href = withQuery('/data-entry', { form: data.form, org: unit.org, period: data.period });
  return (
    <Anchor href={href} onClick={linkClick(href)} aria-label={t('completeness.openLabel', { unit: unit.name })} className={classes.open}>
      {t('completeness.open')}
    </Anchor>
  );
}

export function UnitTable({ data, units, canRemind }: UnitsProps) {
  const { t } = useTranslation();
  const columns = ['unit', 'status', 'timeliness', 'submittedAt', 'lastReminder', 'note', 'actions'] as const;
  return (
    <Table.ScrollContainer minWidth={980} type="native" pos="relative">
      <Table verticalSpacing="sm" highlightOnHover data-testid="completeness-table">
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c}>{t(`completeness.columns.${c}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {units.map((unit) => (
            <Table.Tr
              key={unit.org}
              className={unit.late ? classes.overdue : undefined}
              data-timeliness={unit.timeliness}
              data-state={unit.state}
              data-org={unit.org}
            >
              <Table.Td fw={600}>
                {unit.name}
                <Text span c="dimmed" size="xs">
                  {' '}
                  ({unit.org})
                </Text>
              </Table.Td>
              <Table.Td>
                <BoardStatusBadge state={unit.state} />
              </Table.Td>
              <Table.Td>
                <TimelinessBadge timeliness={unit.timeliness} />
              </Table.Td>
              <Table.Td>
                <Submitted unit={unit} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  <LastReminder unit={unit} />
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  <Note unit={unit} />
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  {canRemind && unit.late && <RemindButton data={data} unit={unit} />}
                  <OpenLink data={data} unit={unit} />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** On a phone: one card per unit, the name and status first. */
export function UnitCards({ data, units, canRemind }: UnitsProps) {
  const { t } = useTranslation();
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} data-testid="completeness-cards">
      {units.map((unit) => (
        <Paper
          key={unit.org}
          component="li"
          withBorder
          radius="md"
          p="sm"
          className={unit.late ? classes.overdueCard : undefined}
          data-state={unit.state}
          data-org={unit.org}
        >
          <Stack gap={6}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Text fw={600} style={{ minWidth: 0 }}>
                {unit.name}
              </Text>
              <BoardStatusBadge state={unit.state} />
            </Group>
            <Group gap="xs">
              <TimelinessBadge timeliness={unit.timeliness} />
              {unit.submittedAt && (
                <Text size="sm" c="dimmed">
                  {t('completeness.sentOn', { when: formatMoment(unit.submittedAt) })}
                </Text>
              )}
            </Group>
            {unit.lastReminder && (
              <Text size="sm">
                <LastReminder unit={unit} />
              </Text>
            )}
            <Text size="sm">
              <Note unit={unit} />
            </Text>
            <Group gap="xs">
              {canRemind && unit.late && <RemindButton data={data} unit={unit} />}
              <OpenLink data={data} unit={unit} />
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/** The board as Excel or CSV: the same columns as on screen. */
export function BoardDownloads({ data }: { data: Completeness }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const rows = () => [
    [
      t('completeness.columns.unit'),
      t('completeness.columns.status'),
      t('completeness.columns.timeliness'),
      t('completeness.columns.submittedAt'),
      t('completeness.submittedByColumn'),
      t('completeness.columns.lastReminder'),
      t('completeness.columns.reason'),
    ],
    ...data.units.map((u) => [
      u.name,
      BOARD_STATUS_LABELS[u.state][lang],
      t(`completeness.timeliness.${u.timeliness}`),
      u.submittedAt ? formatMoment(u.submittedAt) : null,
      u.submittedByName,
      u.lastReminder ? formatMoment(u.lastReminder.at) : null,
      u.reason,
    ]),
  ];
  return <TableDownloads fileName={`nop-bao-cao-${data.form}-${data.period}`} sheet={`${data.form} ${data.period}`} rows={rows} />;
}
