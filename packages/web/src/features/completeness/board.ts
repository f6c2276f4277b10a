import { BOARD_STATUSES, foldVietnamese, type BoardStatus } from '@vetplan/domain';
import type { CompletenessUnit } from '../../shared/completeness/api.ts';
import type { FormSummary } from '../../shared/report-forms/types.ts';

export const BOARD_FILTERS = ['all', 'late', ...BOARD_STATUSES] as const;
export type BoardFilter = (typeof BOARD_FILTERS)[number];
export const BOARD_SORTS = ['status', 'name', 'submittedAt'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];

const isFilter = (v: string | null): v is BoardFilter => v !== null && (BOARD_FILTERS as readonly string[]).includes(v);
const isSort = (v: string | null): v is BoardSort => v !== null && (BOARD_SORTS as readonly string[]).includes(v);
export const readFilter = (v: string | null): BoardFilter => (isFilter(v) ? v : 'all');
export const readSort = (v: string | null): BoardSort => (isSort(v) ? v : 'status');

export function matches(unit: CompletenessUnit, filter: BoardFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'late') return unit.late;
  return unit.state === filter;
}

export function countBy(units: CompletenessUnit[]): Record<BoardFilter, number> {
  return Object.fromEntries(BOARD_FILTERS.map((f) => [f, units.filter((u) => matches(u, f)).length])) as Record<BoardFilter, number>;
}

const STATE_ORDER: Record<BoardStatus, number> = { not_started: 0, draft: 1, returned: 2, submitted: 3, approved: 4 };
const byName = (a: CompletenessUnit, b: CompletenessUnit) => foldVietnamese(a.name).localeCompare(foldVietnamese(b.name));

/**
 * Trạng thái: the late first, then by how far from done; Tên đơn vị: by name, diacritics aside; Ngày gửi: the latest first, unsent last.
 */
export function sortUnits(units: CompletenessUnit[], sort: BoardSort): CompletenessUnit[] {
  const out = [...units];
  if (sort === 'name') return out.sort(byName);
  if (sort === 'submittedAt') return out.sort((a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? '') || byName(a, b));
  return out.sort((a, b) => Number(b.late) - Number(a.late) || STATE_ORDER[a.state] - STATE_ORDER[b.state] || byName(a, b));
}

/** The board opens on the form whose current round opened last (the one being reported now), the catalogue's order breaking ties. */
export function defaultBoardForm(forms: FormSummary[]): FormSummary | null {
  let best: FormSummary | null = null;
  for (const f of forms) if (!best || f.current.opens > best.current.opens) best = f;
  return best;
}
