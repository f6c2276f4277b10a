import { Alert, Button, Center, Drawer, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { formatMoment } from '@vetplan/domain';
import { IconCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/useLang.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useCellHistory, useSaveCell } from './queries.ts';
import type { EntryElement, HistoryEntry } from './types.ts';
import { showNumber } from './validators.ts';
import type { Cell, EntryTarget } from '../../shared/report-forms/types.ts';
import { entryKeys } from '../../shared/queryKeys.ts';

function HistoryLine({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const oldValue = entry.oldValue === null ? t('entry.history.empty') : showNumber(entry.oldValue, lang);
  const newValue = entry.newValue === null ? t('entry.history.deleted') : showNumber(entry.newValue, lang);
  const commentChanged = entry.oldComment !== entry.newComment;
  return (
    <Paper withBorder p="xs" radius="sm" component="li">
      <Text size="sm" c="dimmed">
        {formatMoment(entry.at)} · {entry.actor} · {t(`entry.history.source.${entry.source}`)}
      </Text>
      <Text fw={600}>
        {oldValue} → {newValue}
      </Text>
      {commentChanged && (
        <Text size="sm">
          {t('entry.history.comment', {
            from: entry.oldComment ?? t('entry.history.empty'),
            to: entry.newComment ?? t('entry.history.empty'),
          })}
        </Text>
      )}
    </Paper>
  );
}

function CommentForm({
  target,
  element,
  disagg,
  cell,
  author,
}: {
  target: EntryTarget;
  element: EntryElement;
  disagg: string;
  cell: Cell | undefined;
  author: string;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useSaveCell(target, element.code, disagg, author);
  const [text, setText] = useState(cell?.comment ?? '');
  const submit = () =>
    cell &&
    save.mutate(
      { element: element.code, disagg, value: cell.value, comment: text.trim() || null, baseVersion: cell.version },
      { onSuccess: () => void queryClient.invalidateQueries({ queryKey: entryKeys.history(target, element.code, disagg) }) },
    );
  return (
    <Stack gap="xs">
      <Textarea
        label={t('entry.comment.label')}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          if (save.isSuccess || save.isError) save.reset();
        }}
        autosize
        minRows={2}
        maxLength={2000}
        disabled={!cell}
        description={cell ? undefined : t('entry.comment.needsValue')}
      />
      {save.isError && <ErrorAlert error={save.error} />}
      {save.isSuccess && (
        <Alert color="green" icon={<IconCheck />} role="status" p="xs">
          {t('entry.comment.saved')}
        </Alert>
      )}
      <Button onClick={submit} loading={save.isPending} disabled={!cell} style={{ alignSelf: 'flex-start' }}>
        {t('entry.comment.save')}
      </Button>
    </Stack>
  );
}

interface CellDetailsDrawerProps {
  target: EntryTarget;
  element: EntryElement;
  disagg: string;
  title: string;
  cell: Cell | undefined;
  readOnly: boolean;
  author: string;
  onClose: () => void;
}

/** A cell's comment (Ghi chú) and its change history (Lịch sử thay đổi). */
export function CellDetailsDrawer({ target, element, disagg, title, cell, readOnly, author, onClose }: CellDetailsDrawerProps) {
  const { t } = useTranslation();
  const history = useCellHistory(target, element.code, disagg, true);
  const entries = history.data ? [...history.data].reverse() : [];
  return (
    <Drawer opened onClose={onClose} position="right" size="md" title={<Text fw={600}>{title}</Text>}>
      <Stack>
        {readOnly ? (
          cell?.comment && (
            <Text>
              {t('entry.comment.label')}: {cell.comment}
            </Text>
          )
        ) : (
          <CommentForm target={target} element={element} disagg={disagg} cell={cell} author={author} />
        )}
        <Title order={3} size="h5">
          {t('entry.history.title')}
        </Title>
        {history.isPending && (
          <Center>
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        )}
        {history.isError && <ErrorAlert error={history.error} />}
        {history.data && entries.length === 0 && <Text c="dimmed">{t('entry.history.none')}</Text>}
        <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {entries.map((entry, i) => (
            <HistoryLine key={`${entry.at}-${i}`} entry={entry} />
          ))}
        </Stack>
      </Stack>
    </Drawer>
  );
}
