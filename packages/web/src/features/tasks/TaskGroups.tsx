import { Accordion, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { foldVietnamese, formatDate, type TaskStatus } from '@vetplan/domain';
import { useTranslation } from 'react-i18next';
import { linkClick, withQuery } from '../../shared/router.ts';
import { periodLabel } from '../../shared/periods.ts';
import type { Assignment } from './api.ts';
import { TaskStatusBadge } from './TaskStatusBadge.tsx';
import { BOARD_ORDER, STATUS_COLORS } from './status.ts';

export type Grouping = 'task' | 'unit';

interface TaskGroup {
  key: string;
  title: string;
  assignments: Assignment[];
}

/** One group per task (its units inside) or per unit (its tasks inside), the groups with overdue work first. */
export function groupAssignments(assignments: Assignment[], by: Grouping): TaskGroup[] {
  const groups = new Map<string, TaskGroup>();
  for (const a of assignments) {
    const key = by === 'task' ? a.task : a.org;
    const group = groups.get(key) ?? { key, title: by === 'task' ? `${a.task} · ${a.title}` : a.orgName, assignments: [] };
    group.assignments.push(a);
    groups.set(key, group);
  }
  const overdue = (g: TaskGroup) => g.assignments.filter((a) => a.status === 'overdue').length;
  const order = (g: TaskGroup) => (by === 'task' ? g.key.replace(/\d+/g, (n) => n.padStart(4, '0')) : foldVietnamese(g.title));
  return [...groups.values()].sort((a, b) => overdue(b) - overdue(a) || order(a).localeCompare(order(b)));
}

function StatusCounts({ assignments }: { assignments: Assignment[] }) {
  const { t } = useTranslation();
  const counts = new Map<TaskStatus, number>();
  for (const a of assignments) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  return (
    <Group gap={4}>
      {BOARD_ORDER.filter((s) => counts.has(s)).map((s) => (
        <Badge key={s} color={STATUS_COLORS[s]} variant={s === 'overdue' ? 'filled' : 'light'} radius="sm">
          {t(`tasks.status.${s}`)}: {counts.get(s)}
        </Badge>
      ))}
    </Group>
  );
}

function Row({ a, by }: { a: Assignment; by: Grouping }) {
  const { t } = useTranslation();
  const href = withQuery('/task', { id: String(a.id) });
  return (
    <Group
      component="li"
      justify="space-between"
      gap="xs"
      py={6}
      wrap="wrap"
      data-testid="assignment-row"
      data-task={a.task}
      data-org={a.org}
      data-period={a.period}
    >
      <Stack gap={0} style={{ minWidth: 0, flex: '1 1 220px' }}>
        <Anchor
          href={href}
          onClick={linkClick(href)}
          fw={600}
          lh={1.3}
          style={{ minHeight: 44, display: 'inline-flex', alignItems: 'center' }}
        >
          {by === 'task' ? a.orgName : `${a.task} · ${a.title}`}
        </Anchor>
        <Text size="sm" c={a.status === 'overdue' ? 'red.8' : 'dimmed'}>
          {periodLabel(a.period, t)} ·{' '}
          {a.extendedTo ? t('tasks.extendedTo', { date: formatDate(a.extendedTo) }) : t('tasks.due', { date: formatDate(a.dueOn) })}
        </Text>
      </Stack>
      <TaskStatusBadge status={a.status} />
    </Group>
  );
}

/** Theo dõi nhiệm vụ grouped: a few dozen groups that open on demand instead of hundreds of cards. */
export function TaskGroups({ assignments, by }: { assignments: Assignment[]; by: Grouping }) {
  const { t } = useTranslation();
  const groups = groupAssignments(assignments, by);
  return (
    <Accordion variant="separated" radius="md" multiple data-testid="task-groups" data-grouping={by}>
      {groups.map((g) => (
        <Accordion.Item key={g.key} value={g.key} data-testid="task-group" data-key={g.key}>
          <Accordion.Control>
            <Stack gap={4}>
              <Text fw={600} lh={1.3}>
                {g.title}
              </Text>
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  {by === 'task'
                    ? t('tasks.groupUnits', { count: new Set(g.assignments.map((a) => a.org)).size })
                    : t('tasks.groupTasks', { count: new Set(g.assignments.map((a) => a.task)).size })}
                </Text>
                <StatusCounts assignments={g.assignments} />
              </Group>
            </Stack>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: 'none' }}>
              {g.assignments.map((a) => (
                <Row key={a.id} a={a} by={by} />
              ))}
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
