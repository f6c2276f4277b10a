import { formatDate } from '@vetplan/domain';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { Database } from '../../db/schema.ts';
import { errors } from '../../http/errors.ts';
import { findUnit, unitWithin, type Unit } from '../../access/units.ts';
import type { AuthContext } from '../../access/auth-context.ts';

/** A party of a new task, as named in the request: an organisation or a group of them. */
export interface NamedParty {
  code: string;
  isGroup: boolean;
}

/** The organisations a group stands for: those of its kinds and those listed. */
export async function groupMembers(db: Kysely<Database>, group: string): Promise<string[]> {
  const row = await db.selectFrom('organisation_group').select('kinds').where('code', '=', group).executeTakeFirst();
  const kinds = row?.kinds ?? [];
  const listed = db.selectFrom('organisation_group_member').select('org_code').where('group_code', '=', group);
  const rows = await db
    .selectFrom('organisation')
    .select('code')
    .where((eb) => eb.or([...(kinds.length ? [eb('kind', 'in', kinds)] : []), eb('code', 'in', listed)]))
    .orderBy('code')
    .execute();
  return rows.map((r) => r.code);
}

/** A task is the plan owner's to set: the plan's area must lie within the caller's scope (403 out_of_scope naming it). */
export async function assertPlanInScope(ctx: AppContext, auth: AuthContext, planArea: string): Promise<void> {
  const area: Unit = { type: 'area', code: planArea, name: planArea, areaCode: planArea };
  if (!(await unitWithin(ctx.db, auth.scope, area))) throw errors.outOfScope(planArea);
}

/**
 * Every lead and coordinating party (a group as each of its members) must lie within the caller's scope; else 403 naming the first unit
 * outside it.
 */
export async function assertPartiesInScope(ctx: AppContext, auth: AuthContext, parties: NamedParty[]): Promise<void> {
  for (const party of parties) {
    const members = party.isGroup ? await groupMembers(ctx.db, party.code) : [party.code];
    for (const code of members) {
      const unit = await findUnit(ctx.db, code);
      if (!unit || !(await unitWithin(ctx.db, auth.scope, unit))) throw errors.outOfScope(code, party.isGroup ? party.code : undefined);
    }
  }
}

/** A People's Committee is its area's own unit: commune 07741 and 07741-UBND are scored as one. */
const COMMITTEE_KINDS = ['commune_ppc', 'people_committee'];

/** Whether a unit is the user's own: their scope itself, or the People's Committee of the area they are scoped to (and back). */
export async function isOwnUnit(db: Kysely<Database>, scope: Unit, code: string): Promise<boolean> {
  if (code === scope.code) return true;
  const [org, area] = scope.type === 'area' ? [code, scope.code] : [scope.code, code];
  const committee = await db
    .selectFrom('organisation')
    .select('code')
    .where('code', '=', org)
    .where('area_code', '=', area)
    .where('kind', 'in', COMMITTEE_KINDS)
    .executeTakeFirst();
  return committee !== undefined;
}

/** Nobody scores their own unit: an adjustment of the caller's own unit is refused (403). */
export async function assertNotOwnUnit(ctx: AppContext, auth: AuthContext, code: string): Promise<void> {
  if (!(await isOwnUnit(ctx.db, auth.scope, code))) return;
  throw errors.forbidden(
    `Bạn không thể điều chỉnh điểm của chính đơn vị mình ("${code}"); việc điều chỉnh điểm do cấp trên thực hiện.`,
    `You may not adjust the score of your own unit ("${code}"); the level above does that.`,
  );
}

/** The days a plan's tasks may start and fall due: from its issue date (or its first horizon's year) to the end of its last horizon. */
export function planPeriod(plan: { issued_on: string | null; horizons: number[] }): { from: string | null; to: string | null } {
  const last = plan.horizons.length ? Math.max(...plan.horizons) : null;
  const first = plan.horizons.length ? Math.min(...plan.horizons) : null;
  return { from: plan.issued_on ?? (first === null ? null : `${first}-01-01`), to: last === null ? null : `${last}-12-31` };
}

const FIELDS = { startOn: { vi: 'Ngày bắt đầu', en: 'the start' }, dueOn: { vi: 'Thời hạn', en: 'the due date' } } as const;

/** 400 naming the field and the allowed range when a task's start or due date lies outside the plan's period. */
export function assertWithinPlanPeriod(
  period: { from: string | null; to: string | null },
  dates: { startOn: string; dueOn?: string | null | undefined },
): void {
  for (const field of ['startOn', 'dueOn'] as const) {
    const day = dates[field];
    if (!day || ((period.from === null || day >= period.from) && (period.to === null || day <= period.to))) continue;
    const range = { vi: rangeText(period, formatDate, 'từ', 'đến'), en: rangeText(period, (d) => d, 'from', 'to') };
    throw errors.invalidField(
      field,
      `${FIELDS[field].vi} (${formatDate(day)}) phải nằm trong thời gian của kế hoạch, ${range.vi}`,
      `${FIELDS[field].en} (${day}) must lie within the plan’s period, ${range.en}`,
    );
  }
}

function rangeText(period: { from: string | null; to: string | null }, show: (d: string) => string, from: string, to: string): string {
  return [period.from ? `${from} ${show(period.from)}` : '', period.to ? `${to} ${show(period.to)}` : ''].filter(Boolean).join(' ');
}
