import { Button, Center, Container, Group, Loader, Select, SimpleGrid, Stack, Tabs, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileText, IconFileTypePdf } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/useLang.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useAreaTree } from '../../shared/areas/queries.ts';
import { useMe } from '../../shared/session/queries.ts';
import { usePlans } from '../../shared/plan/queries.ts';
import { REPORT_FORMATS, type ReportFormat, type ReportKey } from './api.ts';
import { DraftEditor } from './DraftEditor.tsx';
import { ExportList } from './ExportList.tsx';
import { defaultUnit, periodOptions, unitOptions } from './options.ts';
import { useExportReport, useReportPreview } from './queries.ts';
import { ReportPreview } from './ReportPreview.tsx';

const ICONS: Record<ReportFormat, React.ReactNode> = {
  docx: <IconFileText size={18} />,
  xlsx: <IconFileSpreadsheet size={18} />,
  pdf: <IconFileTypePdf size={18} />,
};

function ExportButtons({ reportKey }: { reportKey: ReportKey }) {
  const { t } = useTranslation();
  const run = useExportReport(reportKey);
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {REPORT_FORMATS.map((f) => (
          <Button
            key={f}
            variant="light"
            leftSection={ICONS[f]}
            loading={run.isPending && run.variables === f}
            disabled={run.isPending}
            onClick={() => run.mutate(f)}
          >
            {t(`reports.export.${f}`)}
          </Button>
        ))}
      </Group>
      {run.isError && <ErrorAlert error={run.error} />}
    </Stack>
  );
}

/** Báo cáo: choose plan, unit and period; preview, edit the draft's narrative, export, and see what was exported. */
export default function ReportsPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const me = useMe().data!;
  const plans = usePlans();
  const tree = useAreaTree();
  const thisYear = new Date().getFullYear();
  const [plan, setPlan] = useState<string | null>(null);
  // Null until the user picks one: the default is the user's own unit, or the plan's area for a user scoped above it.
  const [picked, setPicked] = useState<string | null>(null);
  const [period, setPeriod] = useState<string | null>(`${thisYear - 1}`);
  const planCode = plan ?? plans.data?.[0]?.code ?? null;
  const firstYear = Number(plans.data?.find((p) => p.code === planCode)?.issuedOn?.slice(0, 4) ?? thisYear - 3);
  const units = useMemo(() => unitOptions(tree.data?.roots ?? [], me.user.scope), [tree.data, me.user.scope]);
  const planArea = plans.data?.find((p) => p.code === planCode)?.area.code ?? null;
  const org =
    picked ?? (tree.data && plans.data ? defaultUnit(tree.data.roots, me.user.scope, planArea) : tree.isError ? me.user.scope.code : null);
  const key = planCode && org && period ? { plan: planCode, org, period } : null;
  const preview = useReportPreview(key);

  return (
    <Container size="xl" py="md">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('reports.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t('reports.plan')}
            data={(plans.data ?? []).map((p) => ({ value: p.code, label: `${p.symbol} — ${p.issuer.name}` }))}
            value={planCode}
            onChange={setPlan}
            allowDeselect={false}
          />
          <Select label={t('reports.unit')} data={units} value={org} onChange={setPicked} searchable allowDeselect={false} />
          <Select
            label={t('reports.period')}
            data={periodOptions(Math.min(firstYear, thisYear), thisYear, lang)}
            value={period}
            onChange={setPeriod}
            allowDeselect={false}
          />
        </SimpleGrid>
        {plans.isError && <ErrorAlert error={plans.error} />}
        {key && <ExportButtons reportKey={key} />}
        {preview.isError && <ErrorAlert error={preview.error} />}
        {preview.isPending && key && (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        )}
        {preview.data && key && (
          <Tabs defaultValue="preview" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="preview">{t('reports.preview')}</Tabs.Tab>
              <Tabs.Tab value="edit">{t('reports.edit')}</Tabs.Tab>
              <Tabs.Tab value="exports">{t('reports.exports')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="preview" pt="md">
              <ReportPreview model={preview.data} />
            </Tabs.Panel>
            <Tabs.Panel value="edit" pt="md">
              <DraftEditor reportKey={key} model={preview.data} />
            </Tabs.Panel>
            <Tabs.Panel value="exports" pt="md">
              <ExportList reportKey={key} />
            </Tabs.Panel>
          </Tabs>
        )}
      </Stack>
    </Container>
  );
}
