import { Box, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatLongDate } from '@vetplan/domain';
import { useTranslation } from 'react-i18next';
import { pick, useLang } from '../../../i18n/useLang.ts';
import type { Plan } from '../../../shared/plan/types.ts';
import classes from './document.module.css';

/** "Số: …/KH-UBND" — the number is left blank ("…") until the plan is registered. */
export function documentNumber(plan: Pick<Plan, 'number' | 'symbol'>): string {
  const symbol = plan.symbol.replace(/^\//, '');
  return `${plan.number ?? '…'}/${symbol}`;
}

function PlaceAndDate({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const date = plan.issuedOn ? formatLongDate(plan.issuedOn, plan.issuedOnPrecision, lang) : t('plan.heading.dateUnknown');
  return (
    <Text fs="italic" className={classes.docText}>
      {plan.place}, {date}
    </Text>
  );
}

/** The head of the document as Decree 30/2020 lays it out: issuer left, national name right. */
export function DocumentHeading({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  return (
    <Box component="header" className={classes.document} data-testid="plan-heading">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        <Stack gap={2} align="center">
          <Text fw={700} tt="uppercase" ta="center" className={classes.docText} data-testid="plan-issuer">
            {plan.issuer.name}
          </Text>
          <span className={classes.rule} aria-hidden />
          <Text className={classes.docText}>{t('plan.heading.number', { number: documentNumber(plan) })}</Text>
        </Stack>
        <Stack gap={2} align="center">
          <Text fw={700} ta="center" className={classes.docText}>
            {t('plan.heading.nation')}
          </Text>
          <Text fw={700} td="underline" ta="center" className={classes.docText}>
            {t('plan.heading.motto')}
          </Text>
          <PlaceAndDate plan={plan} />
        </Stack>
      </SimpleGrid>
      <Stack gap={4} mt="lg" align="center">
        <Title order={1} className={classes.docType}>
          {t('plan.heading.docType')}
        </Title>
        <Text fw={700} ta="center" className={classes.docTitle}>
          {pick(lang, plan.title, plan.titleEn)}
        </Text>
      </Stack>
    </Box>
  );
}
