import { ActionIcon, Box, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconCloudOff, IconDotsVertical, IconMessage } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/useLang.ts';
import type { GridMode } from './gridController.ts';
import { useOnline } from '../../shared/offline/outbox.ts';
import { StaleWriteDialog } from './StaleWriteDialog.tsx';
import { useCellEditor, type CellEditorProps, type CellState } from './useCellEditor.ts';
import { showNumber } from './validators.ts';
import classes from './entry.module.css';

function StateIcon({ state }: { state: CellState }) {
  const { t } = useTranslation();
  switch (state.kind) {
    case 'saving':
      return <Loader size={14} aria-label={t('entry.state.saving')} />;
    case 'pending':
      return <IconCloudOff size={16} color="var(--mantine-color-orange-7)" role="img" aria-label={t('offline.cellPending')} />;
    case 'waiting':
    case 'offline':
      return <IconCloudOff size={16} color="var(--mantine-color-orange-7)" role="img" aria-label={t('entry.state.waiting')} />;
    case 'saved':
      return <IconCheck size={16} color="var(--mantine-color-green-7)" role="img" aria-label={t('entry.state.saved')} />;
    case 'error':
      return <IconAlertCircle size={16} color="var(--mantine-color-red-7)" role="img" aria-label={t('entry.state.error')} />;
    case 'idle':
      return null;
  }
}

export interface CellInputProps extends Omit<CellEditorProps, 'onOpenDetails'> {
  /** "Trình độ trung cấp · Nữ"; the element name is added for screen readers. */
  columnLabel: string;
  elementName: string;
  previous: number | undefined;
  /** The rule violations whose left side holds this cell (marked red), one per line; null for none. */
  violations: string | null;
  /** What the cell is compared with in violations marked on other cells (a lighter mark), one per line; null for none. */
  related: string | null;
  mode: GridMode;
  onOpenDetails: (row: number, col: number) => void;
}

/** Opens the cell's details (comment, history); shows whether the cell has a comment. */
function DetailsButton({ comment, large, label, onClick }: { comment: string | null; large: boolean; label: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <ActionIcon
      variant={comment ? 'light' : 'subtle'}
      color="gray"
      size={large ? 44 : 30}
      tabIndex={-1}
      onClick={onClick}
      aria-label={t('entry.cellDetails', { cell: label })}
      title={comment ? `${t('entry.hasComment')}: ${comment}` : undefined}
    >
      {comment ? <IconMessage size={18} /> : <IconDotsVertical size={18} />}
    </ActionIcon>
  );
}

/** Under the input: last period's figure, the saving state's and the rules' messages, and the related rules' notes. */
function CellFooter(props: {
  cards: boolean;
  previous: number | undefined;
  messages: { key: string; text: string }[];
  notes: string[];
  stateIsError: boolean;
}) {
  const { cards, previous, messages, notes, stateIsError } = props;
  const { t } = useTranslation();
  const { lang } = useLang();
  return (
    <Box className={cards ? classes.cardFooter : undefined}>
      {previous !== undefined && (
        <Text size="xs" c="dimmed" className={classes.previous}>
          {t('entry.previous', { value: showNumber(previous, lang) })}
        </Text>
      )}
      {messages.map((m) => (
        <Text
          key={m.key}
          size="xs"
          c={m.key === 'state' && !stateIsError ? 'orange.8' : 'red.8'}
          role={m.key === 'state' ? 'alert' : undefined}
          className={classes.message}
        >
          {m.text}
        </Text>
      ))}
      {notes.map((text, i) => (
        <Text key={`r${i}`} size="xs" c="yellow.9" className={classes.message}>
          {text}
        </Text>
      ))}
    </Box>
  );
}

/** One figure of the grid: the input, last period's figure, its saving state and its problems. */
export const CellInput = memo(function CellInput(props: CellInputProps) {
  const { t } = useTranslation();
  const { columnLabel, elementName, previous, violations, related, mode, readOnly, cell, row, col, onOpenDetails } = props;
  const editor = useCellEditor({ ...props, onOpenDetails: () => onOpenDetails(row, col) });
  const { state } = editor;
  const online = useOnline();
  const cards = mode === 'cards';
  const label = t('entry.cellLabel', { element: elementName, column: columnLabel });

  const messages: { key: string; text: string }[] = [];
  if (state.kind === 'error') messages.push({ key: 'state', text: state.message });
  if (state.kind === 'offline') messages.push({ key: 'state', text: t('entry.state.offline') });
  if (state.kind === 'waiting') messages.push({ key: 'state', text: t('entry.state.waiting') });
  if (state.kind === 'pending')
    messages.push({ key: 'state', text: state.message ?? t(online ? 'offline.cellQueued' : 'offline.cellPending') });
  violations?.split('\n').forEach((text, i) => messages.push({ key: `v${i}`, text }));
  const notes = related?.split('\n') ?? [];
  const mark = violations !== null ? 'left' : related !== null ? 'related' : undefined;
  // A queued figure is not an error: it shows as waiting (orange, dashed), not red.
  const problems = state.kind === 'pending' ? messages.length - 1 : messages.length;
  const inputClass =
    state.kind === 'pending' && problems === 0
      ? `${classes.input} ${classes.pending}`
      : mark === 'related' && messages.length === 0
        ? `${classes.input} ${classes.related}`
        : classes.input;

  return (
    <Stack gap={2} className={classes.cell} data-cell={`${props.element.code}|${props.disagg}`} data-state={state.kind} data-mark={mark}>
      <Group gap={4} wrap="nowrap" align="center">
        {cards && (
          <Text component="label" htmlFor={`cell-${row}-${col}`} size="sm" fw={500} className={classes.cardLabel}>
            {columnLabel}
          </Text>
        )}
        <TextInput
          id={`cell-${row}-${col}`}
          ref={editor.inputRef}
          value={editor.shown}
          aria-label={label}
          readOnly={readOnly}
          variant={readOnly ? 'filled' : 'default'}
          size={cards ? 'md' : 'sm'}
          inputMode="decimal"
          enterKeyHint="next"
          autoComplete="off"
          spellCheck={false}
          error={problems > 0 || violations !== null}
          aria-invalid={problems > 0 || undefined}
          rightSection={<StateIcon state={state} />}
          classNames={{ root: classes.inputRoot, input: inputClass }}
          onFocus={editor.handlers.onFocus}
          onBlur={editor.handlers.onBlur}
          onChange={(e) => editor.handlers.onChange(e.currentTarget.value)}
          onKeyDown={editor.handlers.onKeyDown}
          onPaste={editor.handlers.onPaste}
        />
        <DetailsButton comment={cell?.comment ?? null} large={cards} label={label} onClick={() => onOpenDetails(row, col)} />
      </Group>
      <CellFooter cards={cards} previous={previous} messages={messages} notes={notes} stateIsError={state.kind === 'error'} />
      {editor.conflict && (
        <StaleWriteDialog
          message={editor.conflict.message}
          mine={editor.conflict.mine}
          theirs={editor.conflict.theirs}
          onKeepMine={editor.conflict.keepMine}
          onTakeTheirs={editor.conflict.takeTheirs}
        />
      )}
    </Stack>
  );
});
