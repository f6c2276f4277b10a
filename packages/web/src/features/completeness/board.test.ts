import { describe, expect, it } from 'vitest';
import type { CompletenessUnit } from '../../shared/completeness/api.ts';
import { countBy, defaultBoardForm, matches, readFilter, readSort, sortUnits } from './board.ts';
import type { FormSummary } from '../../shared/report-forms/types.ts';

const unit = (
  org: string,
  name: string,
  state: CompletenessUnit['state'],
  late: boolean,
  submittedAt: string | null = null,
): CompletenessUnit => ({
  org,
  name,
  state,
  late,
  submittedAt,
  status: state === 'not_started' ? 'draft' : state,
  timeliness: late ? 'overdue' : 'on_time',
  violations: null,
  submittedBy: null,
  submittedByName: null,
  reason: null,
  lastReminder: null,
});
const units = [
  unit('1', 'Xã Tư Mại', 'submitted', false, '2026-06-18T03:00:00Z'),
  unit('2', 'Xã Đồng Việt', 'submitted', false, '2026-06-19T03:00:00Z'),
  unit('3', 'Xã Cảnh Thụy', 'draft', true),
  unit('4', 'Thị trấn Nham Biền', 'not_started', true),
  unit('5', 'Xã An Lập', 'approved', false, '2026-06-10T03:00:00Z'),
];
const names = (list: CompletenessUnit[]) => list.map((u) => u.name);

describe('the board’s filters and sorts', () => {
  it('filters the late units and each status, and counts them', () => {
    expect(names(units.filter((u) => matches(u, 'late')))).toEqual(['Xã Cảnh Thụy', 'Thị trấn Nham Biền']);
    expect(countBy(units)).toMatchObject({ all: 5, late: 2, not_started: 1, draft: 1, submitted: 2, approved: 1, returned: 0 });
  });

  it('sorts by status with the late first, by name ignoring diacritics, and by the latest sent', () => {
    expect(names(sortUnits(units, 'status'))).toEqual(['Thị trấn Nham Biền', 'Xã Cảnh Thụy', 'Xã Đồng Việt', 'Xã Tư Mại', 'Xã An Lập']);
    expect(names(sortUnits(units, 'name'))).toEqual(['Thị trấn Nham Biền', 'Xã An Lập', 'Xã Cảnh Thụy', 'Xã Đồng Việt', 'Xã Tư Mại']);
    expect(names(sortUnits(units, 'submittedAt')).slice(0, 3)).toEqual(['Xã Đồng Việt', 'Xã Tư Mại', 'Xã An Lập']);
  });

  it('reads unknown address values as the defaults', () => {
    expect(readFilter('nonsense')).toBe('all');
    expect(readFilter('late')).toBe('late');
    expect(readSort(null)).toBe('status');
  });

  it('opens on the form whose current round opened last', () => {
    const form = (code: string, opens: string) => ({ code, current: { period: 'x', opens, due: opens } }) as FormSummary;
    expect(defaultBoardForm([form('F_A', '2025-12-01'), form('F_B', '2026-06-01'), form('F_C', '2026-06-01')])?.code).toBe('F_B');
    expect(defaultBoardForm([])).toBeNull();
  });
});
