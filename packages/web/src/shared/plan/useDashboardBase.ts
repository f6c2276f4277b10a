import { navigate, useSearchParams, withQuery } from '../router.ts';
import { useAreaTree } from '../areas/queries.ts';
import type { AreaTree } from '../areas/types.ts';
import { useMe } from '../session/queries.ts';
import { usePlan, usePlans } from './queries.ts';
import type { Indicator, Plan } from './types.ts';
import { isWithin } from '../areas/places.ts';

export type DashboardBase =
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'none' }
  | {
      state: 'ready';
      plan: Plan;
      tree: AreaTree;
      indicators: Map<string, Indicator>;
      /** The unit the user looks after: their own area when it lies within the plan's, else the plan's area. */
      homeOrg: string;
    };

/** What every dashboard page needs first: the plan, the areas the user may see, and their own unit. */
export function useDashboardBase(): DashboardBase {
  const me = useMe();
  const plans = usePlans();
  const code = plans.data?.[0]?.code;
  const plan = usePlan(code);
  const tree = useAreaTree();
  const error = plans.error ?? plan.error ?? tree.error;
  if (error) return { state: 'error', error };
  if (plans.data && !code) return { state: 'none' };
  if (!plan.data || !tree.data || !me.data) return { state: 'loading' };
  const scope = me.data.user.scope;
  const area = plan.data.area.code;
  // A user above the plan's area (the nation, the province) looks at the plan's area; one below it (a commune) at their own.
  const homeOrg = scope.type === 'area' && !isWithin(tree.data, scope.code, area) ? scope.code : area;
  return {
    state: 'ready',
    plan: plan.data,
    tree: tree.data,
    indicators: new Map(plan.data.indicators.map((i) => [i.code, i])),
    homeOrg,
  };
}

/** Replaces one query parameter of the current page, keeping the others and the scroll position. */
export function useQueryParam(name: string): [string | null, (value: string) => void] {
  const params = useSearchParams();
  const set = (value: string) => {
    const next: Record<string, string> = Object.fromEntries(params.entries());
    next[name] = value;
    navigate(withQuery(window.location.pathname, next), { replace: true, keepScroll: true });
  };
  return [params.get(name), set];
}
