import { inWindow, parsePeriod, writeWindow, type WriteWindow } from '@vetplan/domain';
import type { ExpressionBuilder } from 'kysely';
import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import { errors } from '../../http/errors.ts';
import type { Database } from '../../db/schema.ts';
import { unitsInReach } from '../../access/units.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { formSchedule } from '../forms/access.ts';
import { ScopeCache } from '../../access/scope-cache.ts';
import { loadForms, type FormWithParts } from '../forms/repository.ts';
import { toChainedEntry, type ChainedEntry } from './audit-chain.ts';

export const AuditQuery = Type.Object(
  {
    org: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'A unit in the caller’s scope' })),
    actor: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'A username' })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
  },
  { additionalProperties: false },
);

export const AuditLogSchema = Type.Object({
  entries: Type.Array(
    Type.Object({
      element: Type.String(),
      period: Type.String(),
      org: Type.String(),
      disagg: Type.String(),
      action: Type.String(),
      oldValue: Type.Union([Type.Number(), Type.Null()]),
      newValue: Type.Union([Type.Number(), Type.Null()]),
      source: Type.String(),
      actor: Type.String(),
      at: Type.String(),
      outsideWindow: Type.Boolean({
        description:
          'Made outside every open window of the report forms holding the cell (a form’s period is open from its opening day until ' +
          'the next period opens): an administrator’s or plan manager’s exception, or a write after the report was returned or unlocked',
      }),
    }),
  ),
});

/**
 * What a filter that names no unit may return: the units in the user's reach,
 * and the cells of the forms their organisation reports for other units
 * (`reportedBy`), as one condition on data_value_audit.
 */
async function inReach(ctx: AppContext, auth: AuthContext, forms: FormWithParts[]) {
  const units = await unitsInReach(ctx.db, auth.scope);
  const reach = new Set(units);
  const reported = forms.filter((f) => f.reported_by !== null && reach.has(f.reported_by) && f.elements.length > 0 && f.units.length > 0);
  return (eb: ExpressionBuilder<Database, 'data_value_audit'>) =>
    eb.or([
      eb('org_code', 'in', units.length ? units : ['']),
      ...reported.map((f) => eb.and([eb('element_code', 'in', f.elements), eb('org_code', 'in', f.units)])),
    ]);
}

/**
 * Tells, per history entry, whether it was written outside every open window of the forms holding its cell (undoing a failed import is
 * not).
 */
function windowFlag(forms: FormWithParts[]): (e: ChainedEntry) => boolean {
  const windows = new Map<string, WriteWindow[]>();
  const windowsOf = (e: ChainedEntry) => {
    const parsed = parsePeriod(e.period);
    if (!parsed.ok) return [];
    const holding = forms.filter((f) => f.period_type === parsed.period.type && f.elements.includes(e.element) && f.units.includes(e.org));
    return holding.map((f) => writeWindow(parsed.period, formSchedule(f)));
  };
  return (e) => {
    if (e.undoes != null) return false;
    const key = `${e.element}|${e.org}|${e.period}`;
    if (!windows.has(key)) windows.set(key, windowsOf(e));
    const day = e.at.toISOString().slice(0, 10);
    return !windows.get(key)!.some((w) => inWindow(w, day));
  };
}

/** The history of value changes per unit and/or per user, newest first; a filter by user returns only the changes in the caller's reach. */
export async function auditLog(
  ctx: AppContext,
  auth: AuthContext,
  q: {
    org?: string | undefined;
    actor?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    limit?: number | undefined;
  },
) {
  if (!q.org && !q.actor)
    throw errors.invalidField('org', 'Cần chọn đơn vị (org) hoặc người dùng (actor)', 'Give a unit (org) or a user (actor)');
  if (q.org) {
    const scope = new ScopeCache(ctx, auth);
    if (!(await scope.unit(q.org))) throw errors.unknownUnit(q.org);
    if (!(await scope.reaches(q.org))) throw errors.outOfScope(q.org);
  } else if (auth.role !== 'admin' && q.actor !== auth.username) {
    throw errors.forbidden(
      'Chỉ quản trị hệ thống xem được lịch sử của người dùng khác.',
      'Only administrators may read another user’s history.',
    );
  }
  const forms = await loadForms(ctx.db);
  const reach = q.org ? null : await inReach(ctx, auth, forms);
  const outsideWindow = windowFlag(forms);
  const rows = await ctx.db
    .selectFrom('data_value_audit')
    .selectAll()
    .$if(q.org !== undefined, (b) => b.where('org_code', '=', q.org!))
    .$if(reach !== null, (b) => b.where(reach!))
    .$if(q.actor !== undefined, (b) => b.where('actor', '=', q.actor!))
    .$if(q.from !== undefined, (b) => b.where('at', '>=', new Date(q.from!)))
    .$if(q.to !== undefined, (b) => b.where('at', '<', new Date(q.to!)))
    .orderBy('id', 'desc')
    .limit(q.limit ?? 500)
    .execute();
  return {
    entries: rows.map((r) => {
      const e = toChainedEntry(r);
      return {
        element: e.element,
        period: e.period,
        org: e.org,
        disagg: e.disagg,
        action: e.action,
        oldValue: e.oldValue,
        newValue: e.newValue,
        source: e.source,
        actor: e.actor,
        at: e.at.toISOString(),
        outsideWindow: outsideWindow(e),
      };
    }),
  };
}
