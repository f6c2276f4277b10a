import { Alert, Anchor, Badge, Center, Container, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { formatDate, formatMoment, STATUS_LABELS, type Timeliness } from '@vetplan/domain';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { linkClick, withQuery } from '../../app/router.ts';
import { useLang } from '../../i18n/useLang.ts';
import { TableDownloads } from '../../shared/DownloadButtons.tsx';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { EntrySelectors } from '../data-entry/EntrySelectors.tsx';
import { useForms } from '../data-entry/queries.ts';
import { StatusBadge } from '../data-entry/StatusBadge.tsx';
import { useEntrySelection } from '../data-entry/useEntrySelection.ts';
import type { Completeness, CompletenessUnit } from './api.ts';
import { useCompleteness } from './queries.ts';
import classes from './completeness.module.css';

const TIMELINESS_COLORS: Record<Timeliness, string> = { on_time: 'green', late: 'yellow', overdue: 'red', not_due: 'gray' };

function Summary({ data }: { data: Completeness }) {
  const { t } = useTranslation();
  const s = data.summary;
  const items = [
    { key: 'units', value: s.units, color: undefined },
    { key: 'onTime', value: s.onTime, color: 'green.8' },
    { key: 'late', value: s.late, color: 'yellow.9' },
    { key: 'overdue', value: s.overdue, color: 'red.8' },
    { key: 'notDue', value: s.notDue, color: undefined },
    { key: 'approved', value: s.approved, color: 'green.8' },
    { key: 'returned', value: s.returned, color: 'orange.8' },
  ] as const;
  return (
    <SimpleGrid cols={{ base: 2, xs: 4, md: 7 }} spacing="xs" data-testid="completeness-summary">
      {items.map((item) => (
        <Paper key={item.key} withBorder radius="md" p="sm">
          <Text size="sm" c="dimmed">
            {t(`completeness.summary.${item.key}`)}
          </Text>
          <Text fz={28} fw={700} c={item.value > 0 ? item.color : undefined} lh={1.2}>
            {item.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function UnitRow({ unit, form, period }: { unit: CompletenessUnit; form: string; period: string }) {
  const { t } = useTranslation();
  const href = withQuery('/data-entry', { form, org: unit.org, period });
  return (
    <Table.Tr className={unit.timeliness === 'overdue' ? classes.overdue : undefined} data-timeliness={unit.timeliness}>
      <Table.Td fw={600}>
        {unit.name}
        <Text span c="dimmed" size="xs">
          {' '}({unit.org})
        </Text>
      </Table.Td>
      <Table.Td>
        <StatusBadge status={unit.status} />
      </Table.Td>
      <Table.Td>
        <Badge color={TIMELINESS_COLORS[unit.timeliness]} variant={unit.timeliness === 'overdue' ? 'filled' : 'light'} radius="sm">
          {t(`completeness.timeliness.${unit.timeliness}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        {unit.submittedAt ? formatMoment(unit.submittedAt) : '—'}
        {unit.submittedBy && (
          <Text size="xs" c="dimmed">
            {unit.submittedBy}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{unit.reason ?? ''}</Table.Td>
      <Table.Td>
        <Anchor href={href} onClick={linkClick(href)} aria-label={t('completeness.openLabel', { unit: unit.name })} className={classes.open}>
          {t('completeness.open')}
        </Anchor>
      </Table.Td>
    </Table.Tr>
  );
}

function UnitTable({ data }: { data: Completeness }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const columns = ['unit', 'status', 'timeliness', 'submittedAt', 'reason', 'open'] as const;
  if (data.units.length === 0) return <Text c="dimmed">{t('completeness.none')}</Text>;
  const download = () => [
    [t('completeness.columns.unit'), t('completeness.columns.status'), t('completeness.columns.timeliness'), t('completeness.columns.submittedAt'), t('completeness.submittedByColumn'), t('completeness.columns.reason')],
    ...data.units.map((u) => [u.name, STATUS_LABELS[u.status][lang], t(`completeness.timeliness.${u.timeliness}`), u.submittedAt ? formatMoment(u.submittedAt) : null, u.submittedBy, u.reason]),
  ];
  return (
    <Stack gap="sm">
      <Group justify="flex-end">
        <TableDownloads fileName={`nop-bao-cao-${data.form}-${data.period}`} sheet={`${data.form} ${data.period}`} rows={download} />
      </Group>
      <Table.ScrollContainer minWidth={820} type="native" pos="relative">
        <Table verticalSpacing="sm" highlightOnHover data-testid="completeness-table">
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c}>{t(`completeness.columns.${c}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.units.map((unit) => (
              <UnitRow key={unit.org} unit={unit} form={data.form} period={data.period} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** Tình hình nộp báo cáo: which units reported a form's period on time, late, or not yet. */
export default function CompletenessPage() {
  const { t } = useTranslation();
  const forms = useForms();
  const { selection, today, change } = useEntrySelection('/completeness', forms.data);
  const board = useCompleteness(selection.form, selection.period);
  return (
    <Container size="xl" px={{ base: 'xs', sm: 'md' }} py="md">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('completeness.title')}
        </Title>
        {forms.isError && <ErrorAlert error={forms.error} />}
        {forms.data && forms.data.length === 0 && (
          <Alert color="gray" icon={<IconInfoCircle />}>
            {t('entry.noForms')}
          </Alert>
        )}
        {forms.data && forms.data.length > 0 && (
          <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
            <EntrySelectors forms={forms.data} selection={selection} today={today} onChange={(next) => change({ ...next, org: null })} withUnit={false} />
          </Paper>
        )}
        {(forms.isPending || board.isLoading) && (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        )}
        {board.isError && <ErrorAlert error={board.error} />}
        {board.data && (
          <>
            <Text fw={500}>{t('completeness.due', { date: formatDate(board.data.due) })}</Text>
            <Summary data={board.data} />
            <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
              <UnitTable data={board.data} />
            </Paper>
          </>
        )}
      </Stack>
    </Container>
  );
}
