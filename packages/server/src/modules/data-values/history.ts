import type { AppContext } from '../../context.ts';
import { errors } from '../../http/errors.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { ScopeCache } from '../../access/scope-cache.ts';
import { loadForms } from '../forms/repository.ts';
import { displayNames } from '../users/display-names.ts';
import { toChainedEntry } from './audit-chain.ts';

/** Every change of a cell (or of all cells of an element, unit and period), oldest first. */
export async function cellHistory(
  ctx: AppContext,
  auth: AuthContext,
  q: { element: string; period: string; org: string; disagg?: string | undefined },
) {
  const scope = new ScopeCache(ctx, auth);
  const forms = await loadForms(ctx.db);
  const reportsIt = await Promise.all(
    forms
      .filter((f) => f.elements.includes(q.element) && f.units.includes(q.org))
      .map(async (f) => f.reported_by !== null && scope.reaches(f.reported_by)),
  );
  if (!(await scope.unit(q.org))) throw errors.unknownUnit(q.org);
  if (!(await scope.reaches(q.org)) && !reportsIt.some(Boolean)) throw errors.outOfScope(q.org);
  const rows = await ctx.db
    .selectFrom('data_value_audit')
    .selectAll()
    .where('element_code', '=', q.element)
    .where('period', '=', q.period)
    .where('org_code', '=', q.org)
    .$if(q.disagg !== undefined, (b) => b.where('disagg', '=', q.disagg!))
    .orderBy('id')
    .execute();
  const nameOf = await displayNames(
    ctx.db,
    rows.map((r) => r.actor),
  );
  return {
    entries: rows.map((r) => {
      const { element: _element, period: _period, org: _org, ...entry } = toChainedEntry(r);
      return { ...entry, actorName: nameOf(entry.actor)!, at: entry.at.toISOString() };
    }),
  };
}
