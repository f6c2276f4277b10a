import { Button, Code, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { parsePeriod } from '@vetplan/domain';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/useLang.ts';
import { exportCsvUrl } from './api.ts';
import classes from './import.module.css';

const EXAMPLE = [
  'element,period,org,disagg,value,comment',
  'DE_LABOUR_FORCE,2026S1,07729,sex:M,2210,',
  'DE_LABOUR_FORCE,2026S1,07729,sex:F,2050,Theo điều tra lao động - việc làm',
  'DE_LABOUR_RETRAINED,2026S1,07729,sex:F,,',
].join('\n');

const FIELDS = ['element', 'period', 'org', 'disagg', 'value', 'comment'] as const;

/** The exchange format in a few lines, with an example a person can copy. */
export function ImportHelp() {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="import-help-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="import-help-title">
          {t('import.help.title')}
        </Title>
        <Text size="sm">{t('import.help.csv')}</Text>
        <List size="sm" spacing={2}>
          {FIELDS.map((field) => (
            <List.Item key={field}>
              <Code>{field}</Code>: {t(`import.help.fields.${field}`)}
            </List.Item>
          ))}
        </List>
        <Text size="sm">{t('import.help.example')}</Text>
        <Code block className={classes.example}>
          {EXAMPLE}
        </Code>
        <Text size="sm">{t('import.help.json')}</Text>
        <Text size="sm">{t('import.help.rows')}</Text>
      </Stack>
    </Paper>
  );
}

/** A link to the stored figures as CSV, of one unit and period or of everything in the user's reach. */
export function ExportLink() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [org, setOrg] = useState('');
  const [period, setPeriod] = useState('');
  const parsed = period.trim() === '' ? null : parsePeriod(period);
  const periodError = parsed && !parsed.ok ? (lang === 'en' ? parsed.message : parsed.messageVi) : undefined;
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby="export-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="export-title">
          {t('import.export.title')}
        </Title>
        <Text size="sm">{t('import.export.text')}</Text>
        <Group align="flex-start" gap="sm" grow preventGrowOverflow={false} wrap="wrap">
          <TextInput
            label={t('import.export.org')}
            placeholder="07729"
            value={org}
            onChange={(e) => setOrg(e.currentTarget.value)}
            miw={140}
          />
          <TextInput
            label={t('import.export.period')}
            placeholder="2026S1"
            value={period}
            onChange={(e) => setPeriod(e.currentTarget.value)}
            error={periodError}
            miw={140}
          />
        </Group>
        <Button
          component="a"
          href={periodError ? undefined : exportCsvUrl({ org, period })}
          download
          variant="light"
          leftSection={<IconDownload size={18} />}
          disabled={periodError !== undefined}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('import.export.link')}
        </Button>
      </Stack>
    </Paper>
  );
}
