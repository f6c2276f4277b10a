import { PERIOD_TYPES, type DayInPeriod } from '@vetplan/domain';
import { apiGet } from '../../api/client.ts';
import { asObject, list, num, oneOf, str, strings, strOrNull } from '../../api/decode.ts';
import type { FormSummary } from './types.ts';

// Response mappers of the report forms (GET /api/forms): each turns the server's JSON into the typed shape.

function mapDay(value: unknown, path: string): DayInPeriod {
  const o = asObject(value, path);
  return { month: num(o, 'month', path), day: num(o, 'day', path) };
}

export function mapUnit(value: unknown, path: string): { code: string; name: string } {
  const o = asObject(value, path);
  return { code: str(o, 'code', path), name: str(o, 'name', path) };
}

export function mapForm(value: unknown, path: string): FormSummary {
  const o = asObject(value, path);
  const schedule = asObject(o.schedule, `${path}.schedule`);
  return {
    code: str(o, 'code', path),
    name: str(o, 'name', path),
    nameEn: strOrNull(o, 'nameEn', path),
    periodType: oneOf(o, 'periodType', PERIOD_TYPES, path),
    elements: strings(o, 'elements', path),
    units: list(o, 'units', mapUnit, path),
    reportedBy: strOrNull(o, 'reportedBy', path),
    approverRoles: strings(o, 'approverRoles', path),
    schedule: {
      opens: mapDay(schedule.opens, `${path}.schedule.opens`),
      cutoff: mapDay(schedule.cutoff, `${path}.schedule.cutoff`),
      due: mapDay(schedule.due, `${path}.schedule.due`),
    },
    current: mapCurrent(o.current, `${path}.current`),
  };
}

function mapCurrent(value: unknown, path: string): FormSummary['current'] {
  const o = asObject(value, path);
  return { period: str(o, 'period', path), opens: str(o, 'opens', path), due: str(o, 'due', path) };
}

export function fetchForms(signal?: AbortSignal): Promise<FormSummary[]> {
  return apiGet('/api/forms', (o) => list(o, 'forms', mapForm, 'forms'), signal);
}
