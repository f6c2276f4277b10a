import type { PivotQuery } from './api.ts';

/** The choices of the "Bảng số liệu" page, kept in the address so that a table can be shared or bookmarked. */
export interface Selection {
  indicators: string[];
  elements: string[];
  org: string;
  children: boolean;
  kind: 'year' | 'half';
  years: number[];
}

const YEARS_SHOWN = 10;

/** The years offered: the last ten up to this one. */
export function yearOptions(thisYear: number): number[] {
  return Array.from({ length: YEARS_SHOWN }, (_, i) => thisYear - YEARS_SHOWN + 1 + i);
}

const codes = (text: string | null): string[] =>
  text === null
    ? []
    : [
        ...new Set(
          text
            .split(',')
            .map((c) => c.trim())
            .filter((c) => c !== ''),
        ),
      ];

/**
 * Reads the page's address. Defaults: the first of the plan's indicators,
 * the user's own unit with the units below it, the last five complete years.
 */
export function readSelection(
  params: URLSearchParams,
  defaults: { indicator: string | undefined; org: string; thisYear: number },
): Selection {
  const offered = new Set(yearOptions(defaults.thisYear));
  const asked = params.has('years')
    ? codes(params.get('years'))
        .map(Number)
        .filter((y) => offered.has(y))
    : null;
  const indicators = params.has('ind') ? codes(params.get('ind')) : defaults.indicator ? [defaults.indicator] : [];
  return {
    indicators,
    elements: codes(params.get('el')),
    org: params.get('org') || defaults.org,
    children: params.get('sub') !== '0',
    kind: params.get('kind') === 'half' ? 'half' : 'year',
    years: (asked ?? Array.from({ length: 5 }, (_, i) => defaults.thisYear - 5 + i)).sort((a, b) => a - b),
  };
}

export function writeSelection(s: Selection): Record<string, string | null> {
  return {
    ind: s.indicators.join(','),
    el: s.elements.length ? s.elements.join(',') : null,
    org: s.org,
    sub: s.children ? null : '0',
    kind: s.kind === 'half' ? 'half' : null,
    years: s.years.join(','),
  };
}

/** The periods of the table: the years, or each year's two half-years. */
export function selectionPeriods(s: Selection): string[] {
  return s.kind === 'year' ? s.years.map(String) : s.years.flatMap((y) => [`${y}S1`, `${y}S2`]);
}

export function pivotQuery(s: Selection): PivotQuery {
  return { indicators: s.indicators, elements: s.elements, org: s.org, children: s.children, periods: selectionPeriods(s) };
}
