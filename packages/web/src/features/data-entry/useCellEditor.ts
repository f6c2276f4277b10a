import type { Problem } from '@vetplan/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { isApiError } from '../../api/errors.ts';
import { useLang } from '../../i18n/useLang.ts';
import { staleWriteCurrent } from './api.ts';
import { isBlock, type GridController } from './gridController.ts';
import { isRefusal, takeCurrent, useSaveCell } from './queries.ts';
import type { Cell, EntryElement, EntryTarget } from './types.ts';
import { readCell, showNumber } from './validators.ts';

export interface CellEditorProps {
  target: EntryTarget;
  element: EntryElement;
  disagg: string;
  row: number;
  col: number;
  cell: Cell | undefined;
  readOnly: boolean;
  controller: GridController;
  author: string;
  onOpenDetails: () => void;
}

export type CellState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'waiting' }
  | { kind: 'saved' }
  | { kind: 'offline' }
  | { kind: 'error'; message: string };

/**
 * One cell's editing: the text being typed, the save on blur or Enter
 * (through the optimistic cell mutation), keyboard moves, pasted blocks,
 * and what to show when the server refused or someone else changed it.
 */
export function useCellEditor(props: CellEditorProps) {
  const { target, element, disagg, row, col, cell, readOnly, controller, author } = props;
  const { lang } = useLang();
  const queryClient = useQueryClient();
  const save = useSaveCell(target, element.code, disagg, author);
  const inputRef = useRef<HTMLInputElement>(null);
  /** The text while the cell has the focus; null otherwise. */
  const [editing, setEditing] = useState<string | null>(null);
  /** What the person typed that could not be saved (shown in place of the stored figure). */
  const [unsaved, setUnsaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const baseRef = useRef(0);
  const latest = useRef({ cell, editing });
  latest.current = { cell, editing };

  function commit(text: string) {
    const parsed = readCell(text, element.valueType, lang);
    if (!parsed.ok) {
      setProblem(parsed.problem);
      setUnsaved(text);
      return;
    }
    setProblem(null);
    const stored = latest.current.cell;
    const failedBefore = save.isError || unsaved !== null;
    if (parsed.value === (stored?.value ?? null) && !failedBefore) return;
    const baseVersion = latest.current.editing !== null ? baseRef.current : (stored?.version ?? 0);
    setUnsaved(null);
    save.mutate(
      { element: element.code, disagg, value: parsed.value, baseVersion },
      {
        onSuccess: () => setUnsaved(null),
        onError: (error) => {
          if (!(isApiError(error) && error.id === 'stale_write')) setUnsaved(text);
        },
      },
    );
  }

  const commitRef = useRef(commit);
  commitRef.current = commit;

  useEffect(() => {
    const input = inputRef.current;
    if (!input) return undefined;
    return controller.register(row, col, { input, readOnly, commit: (text) => commitRef.current(text) });
  }, [controller, row, col, readOnly]);

  const shown = editing ?? unsaved ?? showNumber(cell?.value, lang);

  const handlers = {
    onFocus: () => {
      baseRef.current = latest.current.cell?.version ?? 0;
      setEditing(shown);
      requestAnimationFrame(() => inputRef.current?.select());
    },
    onChange: (text: string) => {
      setEditing(text);
      setProblem(null);
      if (save.isError || save.isSuccess) save.reset();
    },
    onBlur: () => {
      const text = latest.current.editing;
      setEditing(null);
      if (text !== null && !readOnly) commit(text);
    },
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => {
      const input = event.currentTarget;
      if (event.key === 'Enter' && event.altKey) {
        event.preventDefault();
        props.onOpenDetails();
      } else if (event.key === 'Enter') {
        event.preventDefault();
        if (!controller.move(row, col, event.shiftKey ? 'up' : 'down') && editing !== null && !readOnly) commit(editing);
      } else if (event.key === 'Escape') {
        setEditing(unsaved ?? showNumber(cell?.value, lang));
        setProblem(null);
      } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        controller.move(row, col, event.key === 'ArrowDown' ? 'down' : 'up');
      } else if (event.key === 'ArrowLeft' && input.selectionStart === 0) {
        if (controller.move(row, col, 'left')) event.preventDefault();
      } else if (event.key === 'ArrowRight' && input.selectionEnd === input.value.length) {
        if (controller.move(row, col, 'right')) event.preventDefault();
      }
    },
    onPaste: (event: ClipboardEvent<HTMLInputElement>) => {
      const text = event.clipboardData.getData('text/plain');
      if (readOnly || !isBlock(text)) return;
      event.preventDefault();
      controller.paste(row, col, text);
      // The focused cell now shows the block's first value; saving it again on blur finds nothing changed.
      const first = text.split(/\r?\n/)[0]?.split('\t')[0]?.trim() ?? '';
      latest.current = { ...latest.current, editing: first };
      setEditing(first);
    },
  };

  let state: CellState = { kind: 'idle' };
  if (problem) state = { kind: 'error', message: lang === 'en' ? problem.en : problem.vi };
  else if (save.isPaused) state = { kind: 'waiting' };
  else if (save.isPending) state = { kind: 'saving' };
  else if (save.isError) state = isRefusal(save.error) && isApiError(save.error) ? { kind: 'error', message: save.error.localized(lang) } : { kind: 'offline' };
  else if (save.isSuccess) state = { kind: 'saved' };

  const stale = save.isError ? staleWriteCurrent(save.error) : undefined;
  const conflict =
    stale !== undefined && save.variables
      ? {
          message: isApiError(save.error) ? save.error.localized(lang) : '',
          mine: save.variables.value,
          theirs: stale,
          keepMine: () => save.mutate({ ...save.variables!, baseVersion: stale?.version ?? 0 }),
          takeTheirs: () => {
            takeCurrent(queryClient, target, element.code, disagg, stale);
            setUnsaved(null);
            save.reset();
          },
        }
      : null;

  return { inputRef, shown, handlers, state, conflict };
}
