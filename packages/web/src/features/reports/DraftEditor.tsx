import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { NARRATIVE_KEYS, type DraftKey, type ReportKey, type ReportModel } from './api.ts';
import { useSaveDraft } from './queries.ts';

const KEYS: readonly DraftKey[] = [...NARRATIVE_KEYS, 'recipients'];

function textsOf(model: ReportModel): Record<DraftKey, string> {
  return {
    general: model.sections.general.paragraphs.join('\n'),
    difficulties: model.sections.difficulties.paragraphs.join('\n'),
    proposals: model.sections.proposals.paragraphs.join('\n'),
    nextTasks: model.sections.nextTasks.paragraphs.join('\n'),
    recipients: model.recipients.join('\n'),
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The narrative sections of the draft, one paragraph per line; the figures stay computed. */
export function DraftEditor({ reportKey, model }: { reportKey: ReportKey; model: ReportModel }) {
  const { t } = useTranslation();
  const save = useSaveDraft(reportKey);
  const [texts, setTexts] = useState(() => textsOf(model));
  useEffect(() => setTexts(textsOf(model)), [model]);
  const changed = KEYS.filter((k) => texts[k] !== textsOf(model)[k]);

  const submit = () => {
    const sections = Object.fromEntries(changed.map((k) => [k, lines(texts[k])]));
    save.mutate({ baseVersion: model.draftVersion, sections });
  };
  const reset = (k: DraftKey) => save.mutate({ baseVersion: model.draftVersion, sections: { [k]: [] } });

  return (
    <Stack gap="sm" data-testid="draft-editor">
      <Text size="sm" c="dimmed">
        {t('reports.editHint')}
      </Text>
      {KEYS.map((k) => {
        const edited = k === 'recipients' ? false : model.sections[k].source === 'draft';
        return (
          <div key={k}>
            <Textarea
              label={t(`reports.sections.${k}`)}
              autosize
              minRows={3}
              maxRows={14}
              value={texts[k]}
              onChange={(e) => setTexts({ ...texts, [k]: e.currentTarget.value })}
            />
            {edited && (
              <Button variant="subtle" size="compact-xs" mt={4} onClick={() => reset(k)} disabled={save.isPending}>
                {t('reports.useComputed')}
              </Button>
            )}
          </div>
        );
      })}
      {save.isError && <ErrorAlert error={save.error} />}
      <Group>
        <Button onClick={submit} disabled={changed.length === 0} loading={save.isPending}>
          {t('reports.saveDraft')}
        </Button>
        {model.draftVersion !== null && (
          <Text size="sm" c="dimmed">
            {t('reports.draftVersion', { version: model.draftVersion })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
