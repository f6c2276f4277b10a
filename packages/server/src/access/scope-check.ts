import type { AppContext } from '../context.ts';
import type { ScopeRule } from './route-access.ts';
import { errors } from '../http/errors.ts';
import type { AuthContext } from './auth-context.ts';
import { findUnit, unitRelated, unitWithin, type Unit } from './units.ts';

async function resolveTarget(ctx: AppContext, rule: ScopeRule, code: string): Promise<Unit> {
  if (rule.kind === 'plan') {
    const plan = await ctx.db.selectFrom('plan').select('area_code').where('code', '=', code).executeTakeFirst();
    if (!plan) throw errors.notFound(`kế hoạch "${code}"`, `Plan "${code}"`);
    return { type: 'area', code: plan.area_code, name: plan.area_code, areaCode: plan.area_code };
  }
  const unit = await findUnit(ctx.db, code);
  if (!unit) throw errors.notFound(`địa bàn hoặc đơn vị "${code}"`, `Area or organisation "${code}"`);
  return unit;
}

/** The scope half of the access layer: the unit a request names must be in the user's reach. */
export async function checkScope(ctx: AppContext, auth: AuthContext, rule: ScopeRule, code: string): Promise<void> {
  const target = await resolveTarget(ctx, rule, code);
  const allowed = rule.relation === 'within' ? await unitWithin(ctx.db, auth.scope, target) : await unitRelated(ctx.db, auth.scope, target);
  if (!allowed) throw errors.outOfScope(code);
}

/**
 * For acts on the whole catalogue (data elements, the demo history): the
 * user's scope must be the area of every plan, or above it.
 */
export async function checkCoversEveryPlan(ctx: AppContext, auth: AuthContext): Promise<void> {
  const plans = await ctx.db.selectFrom('plan').select(['code', 'area_code']).orderBy('code').execute();
  for (const plan of plans) {
    const area: Unit = { type: 'area', code: plan.area_code, name: plan.area_code, areaCode: plan.area_code };
    if (!(await unitWithin(ctx.db, auth.scope, area))) throw errors.belowPlanArea(auth.scope.code, plan.code, plan.area_code);
  }
}

/** Every code must name a known unit in the user's reach (400 unknown, 403 out of scope). */
export async function assertReadable(ctx: AppContext, auth: AuthContext, codes: string[]): Promise<void> {
  for (const code of codes) {
    const unit = await findUnit(ctx.db, code);
    if (!unit) throw errors.unknownUnit(code);
    if (!(await unitWithin(ctx.db, auth.scope, unit))) throw errors.outOfScope(code);
  }
}
