import { withQuery } from '../../shared/router.ts';

/** The dashboard's addresses; `horizon` keeps the chosen target year from page to page. */
export const DASHBOARD_PATHS = {
  overview: '/dashboard',
  indicator: '/dashboard/indicator',
  commune: '/dashboard/commune',
} as const;

const h = (horizon: number | undefined) => (horizon === undefined ? null : String(horizon));

export function overviewHref(horizon?: number): string {
  return withQuery(DASHBOARD_PATHS.overview, { horizon: h(horizon) });
}

export function indicatorHref(code: string, org: string, horizon?: number): string {
  return withQuery(DASHBOARD_PATHS.indicator, { code, org, horizon: h(horizon) });
}

export function communeHref(org: string, horizon?: number): string {
  return withQuery(DASHBOARD_PATHS.commune, { org, horizon: h(horizon) });
}
