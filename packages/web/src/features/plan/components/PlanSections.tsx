import { Badge, Box, Button, Collapse, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChartLine } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { linkClick } from '../../../shared/router.ts';
import { pick, useLang } from '../../../i18n/useLang.ts';
import { ShowMoreButton } from '../../../shared/ShowMoreButton.tsx';
import { agencyLookup } from '../agencies.ts';
import { paragraphs } from '../targets.ts';
import type { Plan, PlanRule } from '../../../shared/plan/types.ts';
import classes from './document.module.css';
import { Section } from './Section.tsx';
import { TargetsTable } from './TargetsTable.tsx';
import { TaskCard } from './TaskCard.tsx';

function Paragraphs({ text }: { text: string }) {
  return (
    <Stack gap="xs">
      {paragraphs(text).map((p, i) => (
        <Text key={i} className={classes.paragraph}>
          {p}
        </Text>
      ))}
    </Stack>
  );
}

function SubTitle({ children }: { children: React.ReactNode }) {
  return (
    <Title order={3} size="h5" mt="md" mb="xs">
      {children}
    </Title>
  );
}

/** I. Mục đích, yêu cầu — folded by default: people come for the targets and tasks. */
export function PurposesSection({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  if (plan.purposes.length === 0 && plan.requirements.length === 0) return null;
  return (
    <Section id="muc-dich" title={t('plan.purposes.title')}>
      <ShowMoreButton opened={opened} onToggle={toggle} controls="muc-dich-content" />
      <Collapse expanded={opened} id="muc-dich-content">
        <SubTitle>{t('plan.purposes.purposes')}</SubTitle>
        <List spacing="xs">
          {plan.purposes.map((p, i) => (
            <List.Item key={i}>{p}</List.Item>
          ))}
        </List>
        <SubTitle>{t('plan.purposes.requirements')}</SubTitle>
        <List spacing="xs">
          {plan.requirements.map((p, i) => (
            <List.Item key={i}>{p}</List.Item>
          ))}
        </List>
      </Collapse>
    </Section>
  );
}

/** II. Mục tiêu: the general objective and the targets table. */
export function ObjectivesSection({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  return (
    <Section id="muc-tieu" title={t('plan.objectives.title')}>
      <SubTitle>{t('plan.objectives.general')}</SubTitle>
      <Box data-testid="general-objective">
        <Paragraphs text={plan.generalObjective} />
      </Box>
      <SubTitle>{t('plan.objectives.specific')}</SubTitle>
      <TargetsTable plan={plan} />
      <Button
        component="a"
        href="/dashboard"
        onClick={linkClick('/dashboard')}
        variant="light"
        size="sm"
        h={40}
        mt="sm"
        leftSection={<IconChartLine size={18} />}
      >
        {t('plan.targets.progress')}
      </Button>
    </Section>
  );
}

/** III. Nhiệm vụ và giải pháp: tasks under their groups, in the plan's order. */
export function TasksSection({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const lookup = agencyLookup(plan);
  return (
    <Section id="nhiem-vu" title={t('plan.tasks.title')}>
      <Stack gap="lg">
        {plan.taskGroups.map((group, index) => {
          const tasks = plan.tasks.filter((task) => task.group === group.code);
          return (
            <Box key={group.code} component="section" aria-labelledby={`group-${group.code}`}>
              <Title order={3} size="h5" mb="sm" id={`group-${group.code}`}>
                {index + 1}. {pick(lang, group.title, group.titleEn)}
              </Title>
              <Stack gap="sm">
                {tasks.map((task) => (
                  <TaskCard key={task.code} task={task} lookup={lookup} />
                ))}
              </Stack>
            </Box>
          );
        })}
      </Stack>
    </Section>
  );
}

const RULE_COLOR: Record<PlanRule['kind'], string> = {
  accountability: 'orange',
  evaluation: 'red',
  reporting: 'blue',
};

/** IV. Tổ chức thực hiện, then the signature and the recipients, as at the end of the document. */
export function ImplementationSection({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  return (
    <Section id="to-chuc-thuc-hien" title={t('plan.implementation.title')}>
      <Stack component="ol" gap="sm" p={0} m={0} className={classes.plainList} data-testid="rules">
        {plan.rules.map((rule) => (
          <Group component="li" key={rule.code} gap="xs" wrap="nowrap" align="flex-start">
            <Badge variant="light" color={RULE_COLOR[rule.kind]} tt="none" className={classes.ruleKind}>
              {t(`plan.ruleKind.${rule.kind}`)}
            </Badge>
            <Text size="sm">{pick(lang, rule.text, rule.textEn)}</Text>
          </Group>
        ))}
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xl" spacing="lg" className={classes.document}>
        <Box>
          <Text fw={700} fs="italic" size="sm">
            {t('plan.implementation.recipients')}
          </Text>
          {plan.recipients.map((r, i) => (
            <Text key={i} size="xs">
              - {r}
            </Text>
          ))}
        </Box>
        <Stack gap={0} align="center">
          <Text fw={700} tt="uppercase" size="sm">
            {plan.signer.authority}
          </Text>
          {plan.signer.delegation && (
            <Text fw={700} tt="uppercase" size="sm">
              {plan.signer.delegation}
            </Text>
          )}
          <Text fw={700} tt="uppercase" size="sm">
            {plan.signer.title}
          </Text>
          <Text fw={700} mt="xl">
            {plan.signer.name}
          </Text>
        </Stack>
      </SimpleGrid>
    </Section>
  );
}
