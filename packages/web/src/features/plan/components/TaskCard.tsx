import { Badge, Box, Collapse, Group, Paper, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { pick, useLang } from '../../../i18n/useLang.ts';
import { ShowMoreButton } from '../../../shared/ShowMoreButton.tsx';
import { agencyLabels, type AgencyLabel, type AgencyLookup } from '../agencies.ts';
import { paragraphs } from '../targets.ts';
import type { Recurrence, Task } from '../../../shared/plan/types.ts';
import classes from './document.module.css';

const RECURRENCE_COLOR: Record<Recurrence, string> = {
  continuous: 'teal',
  yearly: 'blue',
  six_monthly: 'indigo',
  once: 'gray',
};

function AgencyList({ labels }: { labels: AgencyLabel[] }) {
  return (
    <Group gap={6} wrap="wrap">
      {labels.map((label) => (
        <Tooltip key={label.key} label={label.full} disabled={label.full === label.short} withArrow>
          <Box component="span" className={label.isGroup ? `${classes.agency} ${classes.agencyGroup}` : classes.agency}>
            {label.short}
          </Box>
        </Tooltip>
      ))}
    </Group>
  );
}

function AgencyLine({ label, labels }: { label: string; labels: AgencyLabel[] }) {
  if (labels.length === 0) return null;
  return (
    <Box>
      <Text size="sm" c="dimmed" mb={4}>
        {label}
      </Text>
      <AgencyList labels={labels} />
    </Box>
  );
}

/** Full names and the plan's own wording of who does the task. */
function FullAgencies({ title, labels, text }: { title: string; labels: AgencyLabel[]; text: string | null }) {
  const { t } = useTranslation();
  if (labels.length === 0 && !text) return null;
  return (
    <Text size="sm">
      <Text span fw={600}>
        {title}:
      </Text>{' '}
      {labels.map((l) => l.full).join('; ')}
      {text && (
        <Text span c="dimmed" fs="italic">
          {' '}
          ({t('plan.tasks.asWritten', { text })})
        </Text>
      )}
    </Text>
  );
}

export function TaskCard({ task, lookup }: { task: Task; lookup: AgencyLookup }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [opened, { toggle }] = useDisclosure(false);
  const lead = agencyLabels(task.lead, task.leadGroups, lookup, lang);
  const coordinating = agencyLabels(task.coordinating, task.coordinatingGroups, lookup, lang);
  const contentId = `task-${task.code}-content`;
  return (
    <Paper component="article" withBorder radius="md" p="sm" data-testid={`task-${task.code}`}>
      <Stack gap="sm">
        <Group gap="xs" wrap="wrap" align="flex-start">
          <Badge size="lg" radius="sm" variant="filled" className={classes.taskCode}>
            {task.code}
          </Badge>
          <Text fw={600} className={classes.taskTitle}>
            {pick(lang, task.title, task.titleEn)}
          </Text>
          <Badge variant="outline" color={RECURRENCE_COLOR[task.recurrence]} tt="none" className={classes.recurrence}>
            {t(`plan.recurrence.${task.recurrence}`)}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
          <AgencyLine label={t('plan.tasks.lead')} labels={lead} />
          <AgencyLine label={t('plan.tasks.coordinating')} labels={coordinating} />
        </SimpleGrid>
        <ShowMoreButton opened={opened} onToggle={toggle} controls={contentId} />
        <Collapse expanded={opened} id={contentId}>
          <Stack gap="xs" pt={4}>
            {paragraphs(task.content).map((p, i) => (
              <Text key={i} className={classes.paragraph}>
                {p}
              </Text>
            ))}
            <FullAgencies title={t('plan.tasks.lead')} labels={lead} text={task.leadText} />
            <FullAgencies title={t('plan.tasks.coordinating')} labels={coordinating} text={task.coordinatingText} />
            {task.reporting && (
              <Text size="sm">
                <Text span fw={600}>
                  {t('plan.tasks.reporting')}:
                </Text>{' '}
                {task.reporting}
              </Text>
            )}
          </Stack>
        </Collapse>
      </Stack>
    </Paper>
  );
}
