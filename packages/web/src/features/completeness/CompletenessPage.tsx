import { Alert, Button, Center, Container, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { BOARD_STATUS_LABELS, formatDate, type BoardStatus } from '@vetplan/domain';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useSearchParams, withQuery } from '../../shared/router.ts';
import { useLang } from '../../i18n/useLang.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useMe } from '../../shared/session/queries.ts';
import { EntrySelectors, type Selection } from '../../shared/report-forms/EntrySelectors.tsx';
import { periodLabel, todayIso } from '../../shared/periods.ts';
import type { Completeness } from '../../shared/completeness/api.ts';
import { BoardActions } from './BoardActions.tsx';
import { BoardDownloads, UnitCards, UnitTable } from './BoardUnits.tsx';
import {
  BOARD_FILTERS,
  BOARD_SORTS,
  countBy,
  defaultBoardForm,
  matches,
  readFilter,
  readSort,
  sortUnits,
  type BoardFilter,
  type BoardSort,
} from './board.ts';
import { useCompleteness } from './queries.ts';
import type { FormSummary } from '../../shared/report-forms/types.ts';
import { useForms } from '../../shared/report-forms/queries.ts';

function Summary({ data }: { data: Completeness }) {
  const { t } = useTranslation();
  const s = data.summary;
  const items = [
    { key: 'units', value: s.units, color: undefined },
    { key: 'onTime', value: s.onTime, color: 'green.8' },
    { key: 'late', value: s.late, color: 'yellow.9' },
    { key: 'overdue', value: s.overdue, color: 'red.8' },
    { key: 'notDue', value: s.notDue, color: undefined },
  ] as const;
  return (
    <SimpleGrid cols={{ base: 2, xs: 3, md: 5 }} spacing="xs" data-testid="completeness-summary">
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

/** Lọc theo tình trạng: one button per status, with how many units are in it. */
function Filters({
  counts,
  value,
  onChange,
}: {
  counts: Record<BoardFilter, number>;
  value: BoardFilter;
  onChange: (f: BoardFilter) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const label = (f: BoardFilter) =>
    f === 'all' ? t('completeness.filter.all') : f === 'late' ? t('completeness.filter.late') : BOARD_STATUS_LABELS[f as BoardStatus][lang];
  return (
    <Group gap={6} role="group" aria-label={t('completeness.filter.label')} data-testid="board-filters">
      {BOARD_FILTERS.map((f) => (
        <Button
          key={f}
          h={44}
          px="sm"
          radius="xl"
          variant={value === f ? 'filled' : 'default'}
          color={f === 'late' ? 'red' : undefined}
          aria-pressed={value === f}
          onClick={() => onChange(f)}
        >
          {label(f)} ({counts[f]})
        </Button>
      ))}
    </Group>
  );
}

/** The board's form and period: the address's, else the form being reported now and its current round (from the server's day). */
function useBoardSelection(forms: FormSummary[] | undefined) {
  const params = useSearchParams();
  const fallback = forms ? defaultBoardForm(forms) : null;
  const form = forms?.find((f) => f.code === params.get('form')) ?? fallback;
  const selection: Selection = {
    form: form?.code ?? null,
    org: null,
    period: params.get('period') ?? (form?.code === fallback?.code ? fallback?.current.period : form?.current.period) ?? null,
  };
  const filter = readFilter(params.get('filter'));
  const sort = readSort(params.get('sort'));
  const go = (next: { form?: string | null; period?: string | null; filter?: BoardFilter; sort?: BoardSort }) => {
    const merged = { form: selection.form, period: selection.period, filter, sort, ...next };
    navigate(
      withQuery('/completeness', {
        form: merged.form,
        period: merged.period,
        filter: merged.filter === 'all' ? null : merged.filter,
        sort: merged.sort === 'status' ? null : merged.sort,
      }),
      { replace: true, keepScroll: true },
    );
  };
  return { form, selection, filter, sort, go };
}

type BoardSelection = ReturnType<typeof useBoardSelection>;

/** The units of the board: filtered by status, sorted, as a table (cards on a phone), with the downloads. */
function UnitsPanel(props: {
  data: Completeness;
  filter: BoardSelection['filter'];
  sort: BoardSelection['sort'];
  go: BoardSelection['go'];
  canRemind: boolean;
}) {
  const { data, filter, sort, go, canRemind } = props;
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const counts = useMemo(() => countBy(data.units), [data]);
  const shown = useMemo(
    () =>
      sortUnits(
        data.units.filter((u) => matches(u, filter)),
        sort,
      ),
    [data, filter, sort],
  );
  const sortOptions = BOARD_SORTS.map((s) => ({ value: s, label: t(`completeness.sort.${s}`) }));
  return (
    <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
      <Stack gap="sm">
        <Filters counts={counts} value={filter} onChange={(f) => go({ filter: f })} />
        <Group justify="space-between" align="flex-end" gap="sm">
          <Select
            label={t('completeness.sort.label')}
            data={sortOptions}
            value={sort}
            onChange={(v) => v && go({ sort: readSort(v) })}
            allowDeselect={false}
            w={{ base: '100%', xs: 280 }}
          />
          <BoardDownloads data={data} />
        </Group>
        {data.units.length === 0 && <Text c="dimmed">{t('completeness.none')}</Text>}
        {data.units.length > 0 && shown.length === 0 && <Text c="dimmed">{t('completeness.noneInFilter')}</Text>}
        {shown.length > 0 &&
          (phone ? (
            <UnitCards data={data} units={shown} canRemind={canRemind} />
          ) : (
            <UnitTable data={data} units={shown} canRemind={canRemind} />
          ))}
      </Stack>
    </Paper>
  );
}

/** Tình hình nộp báo cáo: the plan manager's board of who reported a form's period, with reminders and bulk approval. */
export default function CompletenessPage() {
  const { t } = useTranslation();
  const me = useMe();
  const forms = useForms();
  const today = useMemo(todayIso, []);
  const { form, selection, filter, sort, go } = useBoardSelection(forms.data);
  const board = useCompleteness(selection.form, selection.period);
  const role = me.data?.user.role;
  const canRemind = role === 'admin' || role === 'plan_manager';
  const canApprove = role !== undefined && (role === 'admin' || (form?.approverRoles.includes(role) ?? false));
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
            <EntrySelectors
              forms={forms.data}
              selection={selection}
              today={today}
              onChange={(next) => go({ form: next.form, period: next.period })}
              withUnit={false}
            />
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
            <Text fw={500} data-testid="board-period">
              {t('completeness.periodDue', { period: periodLabel(board.data.period, t), date: formatDate(board.data.due) })}
            </Text>
            <Summary data={board.data} />
            <BoardActions data={board.data} canRemind={canRemind} canApprove={canApprove} />
            <UnitsPanel data={board.data} filter={filter} sort={sort} go={go} canRemind={canRemind} />
          </>
        )}
      </Stack>
    </Container>
  );
}
