import { isRole, PERIOD_TYPES, type PeriodType } from '@vetplan/domain';
import { FieldReader, join, type CatalogProblem } from './reader.ts';
import type { CatalogArea, CatalogForm, CatalogOrganisation } from './types.ts';

const APPROVER_ROLES = ['unit_head', 'plan_manager', 'admin'] as const;

/** Every area below `root` (any depth) of the given level. A cycle of parents (reported by readAreas) ends the walk. */
function areasWithin(areas: CatalogArea[], root: string, level: string): string[] {
  const parentOf = new Map(areas.map((a) => [a.code, a.parent]));
  const under = (code: string): boolean => {
    const seen = new Set<string>();
    for (let p = parentOf.get(code) ?? null; p !== null && !seen.has(p); p = parentOf.get(p) ?? null) {
      if (p === root) return true;
      seen.add(p);
    }
    return false;
  };
  return [...new Set(areas.filter((a) => a.level === level && under(a.code)).map((a) => a.code))].sort();
}

export function readForms(
  doc: unknown,
  refs: { areas: CatalogArea[]; organisations: CatalogOrganisation[]; elements: Set<string> },
  problems: CatalogProblem[],
): CatalogForm[] {
  const r = new FieldReader('forms.yaml', problems);
  const root = r.object(doc, '');
  if (!root) return [];
  const areaCodes = new Set(refs.areas.map((a) => a.code));
  const orgCodes = new Set(refs.organisations.map((o) => o.code));
  const seen = new Set<string>();
  const day = (o: Record<string, unknown>, key: string, path: string) => {
    const d = r.object(o[key], join(path, key)) ?? {};
    const month = r.number(d, 'month', join(path, key));
    const dayOfMonth = r.number(d, 'day', join(path, key));
    if (!Number.isInteger(month) || month < 1 || month > 24)
      r.problem(join(path, `${key}.month`), 'must be a month within the period, 1 to 24');
    if (!Number.isInteger(dayOfMonth) || dayOfMonth < 1 || dayOfMonth > 31)
      r.problem(join(path, `${key}.day`), 'must be a day of the month, 1 to 31');
    return { month, day: dayOfMonth };
  };
  return r.items(root, 'forms', '', (o, path) => {
    const elements = r.texts(o, 'elements', path, false);
    elements.forEach((e, i) => {
      if (!refs.elements.has(e)) r.problem(`${path}.elements[${i}]`, `"${e}" is not a known data element`);
    });
    const unitsSpec = r.object(o.units, `${path}.units`) ?? {};
    let units: string[];
    if (unitsSpec.areaLevel !== undefined) {
      const level = r.choice(unitsSpec, 'areaLevel', `${path}.units`, ['province', 'district', 'commune'] as const);
      const within = r.text(unitsSpec, 'within', `${path}.units`);
      if (within && !areaCodes.has(within)) r.problem(`${path}.units.within`, `"${within}" is not a known area code`);
      units = areasWithin(refs.areas, within, level);
    } else {
      const areas = r.texts(unitsSpec, 'areas', `${path}.units`);
      const orgs = r.texts(unitsSpec, 'organisations', `${path}.units`);
      areas.forEach((a, i) => areaCodes.has(a) || r.problem(`${path}.units.areas[${i}]`, `"${a}" is not a known area code`));
      orgs.forEach((c, i) => orgCodes.has(c) || r.problem(`${path}.units.organisations[${i}]`, `"${c}" is not a known organisation code`));
      units = [...areas, ...orgs];
    }
    if (units.length === 0) r.problem(`${path}.units`, 'names no unit that must report');
    const reportedBy = r.optionalText(o, 'reportedBy', path);
    if (reportedBy && !orgCodes.has(reportedBy)) r.problem(`${path}.reportedBy`, `"${reportedBy}" is not a known organisation code`);
    const approverRoles = r.texts(o, 'approverRoles', path, false);
    approverRoles.forEach((role, i) => {
      if (!isRole(role) || !(APPROVER_ROLES as readonly string[]).includes(role))
        r.problem(`${path}.approverRoles[${i}]`, `"${role}" cannot approve; use ${APPROVER_ROLES.join(', ')}`);
    });
    const form: CatalogForm = {
      code: r.text(o, 'code', path),
      name: r.text(o, 'name', path),
      nameEn: r.optionalText(o, 'nameEn', path),
      periodType: r.choice(o, 'periodType', path, PERIOD_TYPES) as PeriodType,
      elements,
      units,
      reportedBy,
      opens: day(o, 'opens', path),
      cutoff: day(o, 'cutoff', path),
      due: day(o, 'due', path),
      approverRoles,
    };
    r.unique(seen, form.code, `${path}.code`, 'form');
    return form;
  });
}
