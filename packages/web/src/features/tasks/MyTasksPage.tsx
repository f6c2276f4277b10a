import {
  Anchor,
  Badge,
  Button,
  Center,
  Container,
  Group,
  Loader,
  Paper,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { foldVietnamese, formatDate, type TaskStatus, inRoleGroup, MANAGER_ROLES } from '@vetplan/domain';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { linkClick, withQuery } from '../../shared/router.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useMe } from '../../shared/session/queries.ts';
import { periodLabel } from '../../shared/periods.ts';
import { usePlans } from '../../shared/plan/queries.ts';
import type { Assignment } from './api.ts';
import { NewTaskForm } from './NewTaskForm.tsx';
import { TaskGroups, type Grouping } from './TaskGroups.tsx';
import { useAssignments } from './queries.ts';
import { BOARD_ORDER } from './status.ts';
import { TaskStatusBadge } from './TaskStatusBadge.tsx';

const PAGE = 60;

function AssignmentCard({ a }: { a: Assignment }) {
  const { t } = useTranslation();
  const href = withQuery('/task', { id: String(a.id) });
  return (
    <Paper withBorder radius="md" p="sm" component="li" data-testid="assignment" data-task={a.task} data-org={a.org} data-period={a.period}>
      <Stack gap={6}>
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <TaskStatusBadge status={a.status} />
          <Badge variant="outline" color="gray" radius="sm">
            {t(`tasks.role.${a.role}`)}
          </Badge>
        </Group>
        <Anchor href={href} onClick={linkClick(href)} fw={600} lh={1.3}>
          {a.task} · {a.title}
        </Anchor>
        <Text size="sm">
          {a.orgName} · {periodLabel(a.period, t)}
        </Text>
        <Text size="sm" c={a.status === 'overdue' ? 'red.8' : 'dimmed'} fw={a.status === 'overdue' ? 600 : 400}>
          {a.extendedTo ? t('tasks.extendedTo', { date: formatDate(a.extendedTo) }) : t('tasks.due', { date: formatDate(a.dueOn) })}
        </Text>
        {a.percent !== null && <Progress value={a.percent} size="sm" aria-label={t('tasks.percent', { value: a.percent })} />}
      </Stack>
    </Paper>
  );
}

/** The year and the search box above the tasks. */
function TaskFilters(props: {
  years: string[];
  year: number | null;
  onYear: (year: number) => void;
  search: string;
  onSearch: (q: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Select
        label={t('tasks.year')}
        data={props.years}
        value={props.year ? String(props.year) : null}
        onChange={(v) => v && props.onYear(Number(v))}
        w={120}
        allowDeselect={false}
      />
      <TextInput
        label={t('tasks.search')}
        leftSection={<IconSearch size={16} />}
        value={props.search}
        onChange={(e) => props.onSearch(e.currentTarget.value)}
        style={{ flex: '1 1 200px' }}
      />
    </Group>
  );
}

/** Someone whose scope holds other units' tasks: their own unit's, or every unit's in their scope. */
function ReachSwitch({ reach, onChange }: { reach: 'own' | 'scope'; onChange: (reach: 'own' | 'scope') => void }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      fullWidth
      value={reach}
      onChange={(v) => onChange(v as 'own' | 'scope')}
      data={[
        { value: 'own', label: t('tasks.reachOwn') },
        { value: 'scope', label: t('tasks.reachScope') },
      ]}
      aria-label={t('tasks.reach')}
      data-testid="task-reach"
    />
  );
}

/** How many of the assignments have each status. */
function countByStatus(assignments: Assignment[]): Record<TaskStatus, number> {
  return Object.fromEntries(BOARD_ORDER.map((s) => [s, assignments.filter((a) => a.status === s).length])) as Record<TaskStatus, number>;
}

/** The statuses, each with how many of the tasks shown have it. */
function StatusFilter(props: {
  status: 'all' | TaskStatus;
  total: number;
  counts: Record<TaskStatus, number>;
  onChange: (status: 'all' | TaskStatus) => void;
}) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      fullWidth
      orientation="horizontal"
      value={props.status}
      onChange={(v) => props.onChange(v as 'all' | TaskStatus)}
      data={[
        { value: 'all', label: `${t('tasks.all')} (${props.total})` },
        ...BOARD_ORDER.map((s) => ({ value: s, label: `${t(`tasks.status.${s}`)} (${props.counts[s]})` })),
      ]}
      styles={{ root: { flexWrap: 'wrap' } }}
      aria-label={t('tasks.all')}
    />
  );
}

/** Many units' tasks: grouped by task, by unit, or one list. */
function GroupingSwitch({ grouping, onChange }: { grouping: Grouping | 'list'; onChange: (grouping: Grouping | 'list') => void }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      fullWidth
      value={grouping}
      onChange={(v) => onChange(v as Grouping | 'list')}
      data={[
        { value: 'task', label: t('tasks.byTask') },
        { value: 'unit', label: t('tasks.byUnit') },
        { value: 'list', label: t('tasks.asList') },
      ]}
      styles={{ control: { minWidth: 0 }, label: { whiteSpace: 'normal', lineHeight: 1.25 } }}
      aria-label={t('tasks.grouping')}
      data-testid="task-grouping"
    />
  );
}

/** One unit's tasks as cards, a page at a time. */
function AssignmentList({ assignments, shown, onMore }: { assignments: Assignment[]; shown: number; onMore: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <SimpleGrid
        component="ul"
        cols={{ base: 1, sm: 2, lg: 3 }}
        spacing="sm"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        data-testid="assignment-list"
      >
        {assignments.slice(0, shown).map((a) => (
          <AssignmentCard key={a.id} a={a} />
        ))}
      </SimpleGrid>
      {assignments.length > shown && (
        <Anchor component="button" onClick={onMore} style={{ alignSelf: 'center', minHeight: 44 }}>
          {t('tasks.showMore')} ({assignments.length - shown})
        </Anchor>
      )}
    </>
  );
}

/**
 * Nhiệm vụ của tôi: the assignments of the user's own unit, by status, with a switch to every unit in
 * the user's scope (a leader follows the others' tasks); plan managers see every unit.
 */
export default function MyTasksPage() {
  const { t } = useTranslation();
  const me = useMe();
  const plans = usePlans();
  const plan = plans.data?.[0]?.code;
  const [year, setYear] = useState<number | null>(null);
  const [status, setStatus] = useState<'all' | TaskStatus>('all');
  const [search, setSearch] = useState('');
  const [shown, setShown] = useState(PAGE);
  const [adding, setAdding] = useState(false);
  const [grouping, setGrouping] = useState<Grouping | 'list'>('task');
  const [chosenReach, setReach] = useState<'own' | 'scope' | null>(null);
  const list = useAssignments(plan, year, null);
  const manager = inRoleGroup(MANAGER_ROLES, me.data?.user.role);
  // Someone who is not a manager and whose scope holds other units' tasks chooses between their own and all.
  // Until they choose: their own unit's, or the whole scope for a leader whose unit has none.
  const choosesReach = !manager && (list.data?.assignments ?? []).some((a) => !a.own);
  const reach = chosenReach ?? ((list.data?.assignments ?? []).some((a) => a.own) ? 'own' : 'scope');
  const ownOnly = choosesReach && reach === 'own';
  const inReach = useMemo(() => (list.data?.assignments ?? []).filter((a) => !ownOnly || a.own), [list.data, ownOnly]);
  const currentYear = list.data?.year ?? null;
  const years = currentYear ? Array.from({ length: 4 }, (_, i) => String(currentYear + 1 - i)) : [];

  const filtered = useMemo(() => {
    const q = foldVietnamese(search.trim());
    return inReach.filter((a) => !q || foldVietnamese(`${a.task} ${a.title} ${a.orgName} ${a.org}`).includes(q));
  }, [inReach, search]);
  const counts = countByStatus(filtered);
  const visible = filtered.filter((a) => status === 'all' || a.status === status);
  // Many units: grouped by task or by unit (a switch); one unit's own tasks: the cards.
  const units = new Set(inReach.map((a) => a.org)).size;
  const view = units > 1 ? grouping : 'list';

  return (
    <Container size="lg" px={{ base: 'xs', sm: 'md' }} py="md">
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Title order={1} size="h2">
            {manager ? t('tasks.titleAll') : choosesReach && reach === 'scope' ? t('tasks.titleScope') : t('tasks.titleMine')}
          </Title>
          {manager && plan && (
            <Button h={44} variant="light" leftSection={<IconPlus size={18} />} onClick={() => setAdding(true)}>
              {t('tasks.create.open')}
            </Button>
          )}
        </Group>
        {manager && plan && adding && <NewTaskForm plan={plan} opened={adding} onClose={() => setAdding(false)} />}
        <TaskFilters years={years} year={currentYear} onYear={setYear} search={search} onSearch={setSearch} />
        {choosesReach && (
          <ReachSwitch
            reach={reach}
            onChange={(v) => {
              setReach(v);
              setShown(PAGE);
            }}
          />
        )}
        <StatusFilter
          status={status}
          total={filtered.length}
          counts={counts}
          onChange={(v) => {
            setStatus(v);
            setShown(PAGE);
          }}
        />
        {(list.isPending || plans.isPending) && (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        )}
        {list.isError && <ErrorAlert error={list.error} />}
        {plans.isError && <ErrorAlert error={plans.error} />}
        {units > 1 && <GroupingSwitch grouping={grouping} onChange={setGrouping} />}
        {list.data && visible.length === 0 && (
          <Text c="dimmed">{ownOnly && inReach.length === 0 ? t('tasks.emptyOwn') : t('tasks.empty')}</Text>
        )}
        {view !== 'list' && visible.length > 0 && <TaskGroups assignments={visible} by={view} />}
        {view === 'list' && <AssignmentList assignments={visible} shown={shown} onMore={() => setShown((n) => n + PAGE)} />}
      </Stack>
    </Container>
  );
}
