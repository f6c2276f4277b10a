import { apiGet } from '../../api/client.ts';
import { asObject, bool, list, numbersOrNull, oneOf, str, strOrNull, strings, type Json } from '../../api/decode.ts';

/** What a pivot table shows: indicators and/or data elements (`DE_X` or `DE_X[sex:F]`) for a unit (and the units below it) by period. */
export interface PivotQuery {
  indicators: readonly string[];
  elements: readonly string[];
  org: string;
  children: boolean;
  periods: readonly string[];
}

export interface PivotRow {
  kind: 'indicator' | 'element';
  /** The indicator's code, or the element with its dimension filter. */
  code: string;
  name: string;
  org: string;
  orgName: string;
  /** The unit asked for, closing its series as the total of the units below it. */
  total: boolean;
  values: (number | null)[];
  /** Per period: the value is not final (tạm tính). */
  provisional: boolean[];
}

export interface PivotTable {
  periods: string[];
  rows: PivotRow[];
}

export interface ElementOption {
  code: string;
  name: string;
  nameEn: string | null;
}

function mapRow(value: unknown, path: string): PivotRow {
  const o = asObject(value, path);
  return {
    kind: oneOf(o, 'kind', ['indicator', 'element'], path),
    code: str(o, 'indicator', path),
    name: str(o, 'indicatorName', path),
    org: str(o, 'org', path),
    orgName: str(o, 'orgName', path),
    total: bool(o, 'total', path),
    values: numbersOrNull(o, 'values', path),
    provisional: Array.isArray(o.provisional) ? o.provisional.map((x) => x === true) : [],
  };
}

export function mapPivot(o: Json): PivotTable {
  return { periods: strings(o, 'periods', 'pivot'), rows: list(o, 'rows', mapRow, 'pivot') };
}

function mapElement(value: unknown, path: string): ElementOption {
  const o = asObject(value, path);
  return { code: str(o, 'code', path), name: str(o, 'name', path), nameEn: strOrNull(o, 'nameEn', path) };
}

function pivotParams(q: PivotQuery): URLSearchParams {
  const params = new URLSearchParams({ org: q.org, children: String(q.children), period: q.periods.join(',') });
  if (q.indicators.length) params.set('indicator', q.indicators.join(','));
  if (q.elements.length) params.set('element', q.elements.join(','));
  return params;
}

export function fetchPivot(q: PivotQuery, signal?: AbortSignal): Promise<PivotTable> {
  return apiGet(`/api/analytics/pivot?${pivotParams(q)}`, mapPivot, signal);
}

/** The address of the same table as a file the server builds (Vietnamese headers, totals in bold). */
export function pivotFileUrl(q: PivotQuery, format: 'xlsx' | 'csv'): string {
  const params = pivotParams(q);
  params.set('format', format);
  return `/api/analytics/pivot?${params}`;
}

export function fetchElements(signal?: AbortSignal): Promise<ElementOption[]> {
  return apiGet('/api/data-elements', (o) => list(o, 'elements', mapElement, 'elements'), signal);
}
