import type { Lang, Problem } from '@vetplan/domain';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent, type RefObject } from 'react';
import { isApiError } from '../../api/errors.ts';
import { useLang } from '../../i18n/useLang.ts';
import { staleWriteCurrent } from './api.ts';
import { isBlock, type GridController } from './gridController.ts';
import { findQueued, outboxId, queueWrite, removeQueued, updateQueued, useQueued, type OutboxEntry } from '../../shared/offline/outbox.ts';
import { clearOutcome, useOutcome, type SendOutcome } from '../../shared/offline/outcomes.ts';
import { sendOutbox } from './sendOutbox.ts';
import { isRefusal, ownBase, takeCurrent, useSaveCell } from './queries.ts';
import type { EntryElement } from './types.ts';
import { readCell, showNumber } from './validators.ts';
import type { Cell, CellWrite, EntryTarget } from '../../shared/report-forms/types.ts';

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
  /** In the outbox: typed while the network was down, sent when it is back. */
  | { kind: 'pending'; message: string | null }
  | { kind: 'error'; message: string };

type SaveMutation = ReturnType<typeof useSaveCell>;

/** What the cell shows beside its figure: saving, saved, queued in the outbox, waiting for the network, or what went wrong. */
function cellState(
  problem: Problem | null,
  save: SaveMutation,
  lang: Lang,
  queued: OutboxEntry | undefined,
  outcome: SendOutcome | undefined,
): CellState {
  if (problem) return { kind: 'error', message: lang === 'en' ? problem.en : problem.vi };
  if (queued) return { kind: 'pending', message: queued.held ? (lang === 'en' ? queued.held.messageEn : queued.held.messageVi) : null };
  if (outcome?.kind === 'refused') return { kind: 'error', message: lang === 'en' ? outcome.messageEn : outcome.messageVi };
  // An outcome is newer than the save mutation's state (a new edit clears it).
  if (outcome?.kind === 'saved') return { kind: 'saved' };
  if (save.isPaused) return { kind: 'waiting' };
  if (save.isPending) return { kind: 'saving' };
  if (save.isError)
    return isRefusal(save.error) && isApiError(save.error) ? { kind: 'error', message: save.error.localized(lang) } : { kind: 'offline' };
  if (save.isSuccess) return { kind: 'saved' };
  return { kind: 'idle' };
}

/** Spreadsheet keys: Enter and arrows move (saving on the way out), Escape undoes, Alt+Enter opens the details. */
function onCellKey(
  event: KeyboardEvent<HTMLInputElement>,
  nav: { row: number; col: number; controller: GridController },
  actions: { commitHere: () => void; revert: () => void; openDetails: () => void },
): void {
  const { row, col, controller } = nav;
  const input = event.currentTarget;
  if (event.key === 'Enter' && event.altKey) {
    event.preventDefault();
    actions.openDetails();
  } else if (event.key === 'Enter') {
    event.preventDefault();
    if (!controller.move(row, col, event.shiftKey ? 'up' : 'down')) actions.commitHere();
  } else if (event.key === 'Escape') {
    actions.revert();
  } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    controller.move(row, col, event.key === 'ArrowDown' ? 'down' : 'up');
  } else if (event.key === 'ArrowLeft' && input.selectionStart === 0) {
    if (controller.move(row, col, 'left')) event.preventDefault();
  } else if (event.key === 'ArrowRight' && input.selectionEnd === input.value.length) {
    if (controller.move(row, col, 'right')) event.preventDefault();
  }
}

/** After a 409 stale write: the server's sentence, both figures, and the two ways out. */
function staleConflict(save: SaveMutation, lang: Lang, takeTheirs: (current: Cell | null) => void) {
  const current = save.isError ? staleWriteCurrent(save.error) : undefined;
  const mine = save.variables;
  if (current === undefined || !mine) return null;
  return {
    message: isApiError(save.error) ? save.error.localized(lang) : '',
    mine: mine.value,
    theirs: current,
    keepMine: () => save.mutate({ ...mine, baseVersion: current?.version ?? 0 }),
    takeTheirs: () => takeTheirs(current),
  };
}

/** A queued write the server found stale (someone changed the cell meanwhile): the same choice, settled in the outbox. */
function queuedConflict(
  queued: OutboxEntry | undefined,
  lang: Lang,
  actions: { resend: (base: number) => void; takeTheirs: (current: Cell | null) => void },
) {
  const conflict = queued?.conflict;
  if (!queued || !conflict) return null;
  return {
    message: lang === 'en' ? conflict.messageEn : conflict.messageVi,
    mine: queued.value,
    theirs: conflict.current,
    keepMine: () => actions.resend(conflict.current?.version ?? 0),
    takeTheirs: () => actions.takeTheirs(conflict.current),
  };
}

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
  const id = outboxId(target, element.code, disagg);
  const queued = useQueued(author, id);
  const outcome = useOutcome(id);
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
    const inOutbox = findQueued(author, id);
    const failedBefore = save.isError || unsaved !== null || outcome?.kind === 'refused';
    if (parsed.value === (inOutbox ? inOutbox.value : (stored?.value ?? null)) && !failedBefore) return;
    const baseVersion = latest.current.editing !== null ? baseRef.current : (stored?.version ?? 0);
    const write = { element: element.code, disagg, value: parsed.value, baseVersion };
    setUnsaved(null);
    clearOutcome(id);
    const onResult = { saved: () => setUnsaved(null), refused: () => setUnsaved(text) };
    sendWrite(write, Boolean(inOutbox), { target, author, save, queryClient }, onResult);
  }

  useGridRegistration(controller, { row, col, readOnly }, inputRef, commit);

  const queuedText = queued ? showNumber(queued.value, lang) : outcome?.kind === 'refused' ? showNumber(outcome.value, lang) : null;
  const shown = editing ?? unsaved ?? queuedText ?? showNumber(cell?.value, lang);

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
      if (outcome?.kind === 'saved') clearOutcome(id);
    },
    onBlur: () => {
      const text = latest.current.editing;
      setEditing(null);
      if (text !== null && !readOnly) commit(text);
    },
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) =>
      onCellKey(
        event,
        { row, col, controller },
        {
          commitHere: () => editing !== null && !readOnly && commit(editing),
          revert: () => {
            setEditing(unsaved ?? queuedText ?? showNumber(cell?.value, lang));
            setProblem(null);
          },
          openDetails: props.onOpenDetails,
        },
      ),
    onPaste: (event: ClipboardEvent<HTMLInputElement>) => {
      const first = readOnly ? null : pasteBlock(event, controller, row, col);
      if (first === null) return;
      // The focused cell now shows the block's first value; saving it again on blur finds nothing changed.
      latest.current = { ...latest.current, editing: first };
      setEditing(first);
    },
  };

  const state = cellState(problem, save, lang, queued, outcome);

  const conflict = useCellConflict({ target, element: element.code, disagg, author }, save, queued, lang, () => setUnsaved(null));

  return { inputRef, shown, handlers, state, conflict };
}

/** The cell takes its place in the grid's keyboard moves and pastes; commit is always the latest render's. */
function useGridRegistration(
  controller: GridController,
  at: { row: number; col: number; readOnly: boolean },
  inputRef: RefObject<HTMLInputElement | null>,
  commit: (text: string) => void,
) {
  const { row, col, readOnly } = at;
  const commitRef = useRef(commit);
  commitRef.current = commit;
  useEffect(() => {
    const input = inputRef.current;
    if (!input) return undefined;
    return controller.register(row, col, { input, readOnly, commit: (text) => commitRef.current(text) });
  }, [controller, row, col, readOnly, inputRef]);
}

/** A pasted block of cells fills the grid from this one; answers the block's first value, or null when the text is not a block. */
function pasteBlock(event: ClipboardEvent<HTMLInputElement>, controller: GridController, row: number, col: number): string | null {
  const text = event.clipboardData.getData('text/plain');
  if (!isBlock(text)) return null;
  event.preventDefault();
  controller.paste(row, col, text);
  return text.split(/\r?\n/)[0]?.split('\t')[0]?.trim() ?? '';
}

/**
 * Sends a checked figure: into the outbox when offline or when this cell already waits there (in order, sent once),
 * otherwise straight to the server; onResult.refused keeps the typed text when the server refuses it (a stale write is a conflict instead).
 */
function sendWrite(
  write: CellWrite,
  alreadyQueued: boolean,
  ctx: { target: EntryTarget; author: string; save: SaveMutation; queryClient: QueryClient },
  onResult: { saved: () => void; refused: () => void },
) {
  const { target, author, save, queryClient } = ctx;
  if (alreadyQueued || !navigator.onLine) {
    save.reset();
    queueWrite(author, target, { ...write, baseVersion: ownBase(target, write.element, write.disagg, write.baseVersion) });
    if (navigator.onLine) void sendOutbox(author, queryClient);
    return;
  }
  save.mutate(write, {
    onSuccess: onResult.saved,
    onError: (error) => {
      if (isRefusal(error) && !(isApiError(error) && error.id === 'stale_write')) onResult.refused();
    },
  });
}

/** The choice to offer when someone else changed the cell meanwhile: after a direct save, or for a queued write. */
function useCellConflict(
  cellOf: { target: EntryTarget; element: string; disagg: string; author: string },
  save: SaveMutation,
  queued: OutboxEntry | undefined,
  lang: Lang,
  onSettled: () => void,
) {
  const { target, element, disagg, author } = cellOf;
  const queryClient = useQueryClient();
  const id = outboxId(target, element, disagg);
  const takeTheirs = (current: Cell | null) => {
    takeCurrent(queryClient, target, element, disagg, current);
    onSettled();
    save.reset();
  };
  return (
    staleConflict(save, lang, takeTheirs) ??
    queuedConflict(queued, lang, {
      resend: (base) => {
        updateQueued(author, id, ({ conflict: _conflict, ...rest }) => ({ ...rest, baseVersion: base, rev: rest.rev + 1 }));
        void sendOutbox(author, queryClient);
      },
      takeTheirs: (current) => {
        removeQueued(author, id);
        takeTheirs(current);
      },
    })
  );
}
