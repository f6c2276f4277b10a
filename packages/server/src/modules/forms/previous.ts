import { figureForPeriod, period as periodOf, periodsWithin, type Period } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import { loadDataMetadata } from '../data-elements/metadata.ts';
import type { FormWithParts } from './repository.ts';

export interface PreviousCell {
  element: string;
  disagg: string;
  value: number;
  comment: string | null;
  version: number;
  updatedBy: string;
  updatedAt: string;
}

/**
 * A unit's figures of the period before a form's, at the form's own period
 * type: a figure stored for that period itself is shown as it is; otherwise
 * it is formed from the shorter periods within it by the element's time
 * aggregation (an annual form of 2026 shows 2025 as S1 + S2 of a `sum`
 * element, S2 of a `last` one), the same rule the indicators use. A derived
 * figure carries no comment and version 0; who and when are those of its
 * latest part.
 */
export async function previousFigures(ctx: AppContext, form: FormWithParts, org: string, previous: Period): Promise<PreviousCell[]> {
  const rows = await ctx.db
    .selectFrom('data_value')
    .selectAll()
    .where('org_code', '=', org)
    .where('period', 'in', periodsWithin(previous))
    .where('element_code', 'in', form.elements)
    .execute();
  if (rows.length === 0) return [];
  const metadata = await loadDataMetadata(ctx.db);
  const byCell = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${row.element_code}|${row.disagg}`;
    byCell.set(key, [...(byCell.get(key) ?? []), row]);
  }
  const cells: PreviousCell[] = [];
  for (const parts of byCell.values()) {
    const { element_code: element, disagg } = parts[0]!;
    const own = parts.find((p) => p.period === previous.code);
    const latest = parts.reduce((a, b) => (new Date(b.updated_at) > new Date(a.updated_at) ? b : a));
    const value = own
      ? own.value
      : figureForPeriod(
          parts.map((p) => ({ period: periodOf(p.period), value: p.value })),
          metadata.elements.get(element)?.aggregation ?? 'sum',
        );
    if (value === null) continue;
    const source = own ?? latest;
    cells.push({
      element,
      disagg,
      value,
      comment: own ? own.comment : null,
      version: own ? own.version : 0,
      updatedBy: source.updated_by,
      updatedAt: new Date(source.updated_at).toISOString(),
    });
  }
  return cells.sort((a, b) =>
    a.element === b.element ? (a.disagg < b.disagg ? -1 : a.disagg > b.disagg ? 1 : 0) : a.element < b.element ? -1 : 1,
  );
}
