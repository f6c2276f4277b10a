import { Alert, Button, Center, Container, Group, Loader, Paper, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { AreaTree } from '../../shared/areas/AreaTree.tsx';
import { BasisCascade } from './components/BasisCascade.tsx';
import { DocumentHeading } from './components/DocumentHeading.tsx';
import { ImplementationSection, ObjectivesSection, PurposesSection, TasksSection } from './components/PlanSections.tsx';
import { Section } from './components/Section.tsx';
import { usePlan, usePlans } from '../../shared/plan/queries.ts';
import type { Plan } from '../../shared/plan/types.ts';

function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

const JUMPS = [
  { id: 'can-cu', key: 'basis' },
  { id: 'muc-tieu', key: 'targets' },
  { id: 'nhiem-vu', key: 'tasks' },
  { id: 'to-chuc-thuc-hien', key: 'implementation' },
  { id: 'dia-ban', key: 'areas' },
] as const;

/** Links to the parts of the plan, so a phone user reaches the targets at once. */
function PlanContents() {
  const { t } = useTranslation();
  return (
    <Group component="nav" aria-label={t('plan.contents')} gap="xs" justify="center" mt="lg">
      {JUMPS.map((jump) => (
        <Button key={jump.id} component="a" href={`#${jump.id}`} variant="light" size="sm" h={40} radius="xl">
          {t(`plan.jump.${jump.key}`)}
        </Button>
      ))}
    </Group>
  );
}

function PlanDocument({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'xl' }}>
        <DocumentHeading plan={plan} />
        <PlanContents />
      </Paper>
      <BasisCascade plan={plan} />
      <PurposesSection plan={plan} />
      <ObjectivesSection plan={plan} />
      <TasksSection plan={plan} />
      <ImplementationSection plan={plan} />
      <Section id="dia-ban" title={t('areas.title')}>
        <AreaTree />
      </Section>
    </Stack>
  );
}

/** Home: the plan as the official document, with its targets, tasks and units. */
export default function PlanOverviewPage() {
  const { t } = useTranslation();
  const plans = usePlans();
  const code = plans.data?.[0]?.code;
  const plan = usePlan(code);

  let body: React.ReactNode;
  if (plans.isError) body = <ErrorAlert error={plans.error} />;
  else if (plans.isPending) body = <Loading />;
  else if (!code) body = <Alert color="gray">{t('plan.none')}</Alert>;
  else if (plan.isError) body = <ErrorAlert error={plan.error} />;
  else if (plan.isPending) body = <Loading />;
  else body = <PlanDocument plan={plan.data} />;

  return (
    <Container size="lg" px={{ base: 'xs', sm: 'md' }} py="md">
      {body}
    </Container>
  );
}
