import { Anchor, Center, Container, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { formatDate } from '@vetplan/domain';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { linkClick, withQuery } from '../../shared/router.ts';
import { pick, useLang } from '../../i18n/useLang.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { fetchCompleteness } from '../../shared/completeness/api.ts';
import { BoardStatusBadge, TimelinessBadge } from '../../shared/completeness/BoardStatusBadge.tsx';
import { periodLabel } from '../../shared/periods.ts';
import { InboxList } from './InboxPage.tsx';
import { useInbox } from './queries.ts';
import { useForms } from '../../shared/report-forms/queries.ts';
import { completenessKeys } from '../../shared/queryKeys.ts';

/** The unit officer's and head's landing page: Biểu mẫu cần nộp (each form's current round for their units), then Việc cần làm. */
export default function FormsDuePage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const forms = useForms();
  const inbox = useInbox();
  const boards = useQueries({
    queries: (forms.data ?? []).map((f) => ({
      queryKey: completenessKeys.board(f.code, f.current.period),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchCompleteness(f.code, f.current.period, signal),
      staleTime: 30_000,
    })),
  });
  const rows = (forms.data ?? []).flatMap((form, i) =>
    (boards[i]?.data?.units ?? []).map((unit) => ({ form, unit, due: boards[i]!.data!.due })),
  );
  return (
    <Container size="md" px={{ base: 'xs', sm: 'md' }} py="md">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('home.formsDue')}
        </Title>
        {forms.isError && <ErrorAlert error={forms.error} />}
        {(forms.isPending || boards.some((b) => b.isPending)) && (
          <Center py="md">
            <Loader aria-label={t('common.loading')} />
          </Center>
        )}
        {forms.data && forms.data.length === 0 && <Text c="dimmed">{t('entry.noForms')}</Text>}
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} data-testid="forms-due">
          {rows.map(({ form, unit, due }) => {
            const href = withQuery('/data-entry', { form: form.code, org: unit.org, period: form.current.period });
            return (
              <Paper key={`${form.code}-${unit.org}`} component="li" withBorder radius="md" p="sm" data-state={unit.state}>
                <Stack gap={4}>
                  <Group gap="xs">
                    <BoardStatusBadge state={unit.state} />
                    <TimelinessBadge timeliness={unit.timeliness} />
                  </Group>
                  <Anchor href={href} onClick={linkClick(href)} fw={600}>
                    {pick(lang, form.name, form.nameEn)}
                  </Anchor>
                  <Text size="sm">
                    {unit.name} · {periodLabel(form.current.period, t)} · {t('inbox.due', { date: formatDate(due) })}
                  </Text>
                </Stack>
              </Paper>
            );
          })}
        </Stack>
        <Title order={2} size="h3">
          {t('inbox.title')}
        </Title>
        <InboxList inbox={inbox} />
      </Stack>
    </Container>
  );
}
