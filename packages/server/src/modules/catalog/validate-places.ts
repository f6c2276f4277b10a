import { FieldReader, type CatalogProblem } from './reader.ts';
import type { CatalogArea, CatalogGroup, CatalogOrganisation } from './types.ts';

const LEVELS = ['nation', 'province', 'district', 'commune'] as const;
const LEVEL_RANK: Record<CatalogArea['level'], number> = { nation: 0, province: 1, district: 2, commune: 3 };

/** An area code may appear more than once, as successive versions with their own validity dates. */
export function readAreas(doc: unknown, problems: CatalogProblem[]): CatalogArea[] {
  const r = new FieldReader('areas.yaml', problems);
  const root = r.object(doc, '');
  if (!root) return [];
  const areas = r.items(root, 'areas', '', (o, path) => {
    const area: CatalogArea = {
      code: r.text(o, 'code', path),
      level: r.choice(o, 'level', path, LEVELS),
      kind: r.text(o, 'kind', path),
      name: r.text(o, 'name', path),
      nameEn: r.optionalText(o, 'nameEn', path),
      parent: r.optionalText(o, 'parent', path),
      validFrom: r.date(o, 'validFrom', path),
      validTo: r.date(o, 'validTo', path),
    };
    if (area.validFrom && area.validTo && area.validTo <= area.validFrom)
      r.problem(`${path}.validTo`, `must be after validFrom (${area.validFrom})`);
    return area;
  });
  const byCode = new Map<string, CatalogArea[]>();
  for (const a of areas) byCode.set(a.code, [...(byCode.get(a.code) ?? []), a]);
  areas.forEach((a, i) => {
    const path = `areas[${i}]`;
    const versions = byCode.get(a.code)!;
    const overlapping = versions.filter(
      (v) => v !== a && (v.validFrom ?? '') < (a.validTo ?? '9999') && (a.validFrom ?? '') < (v.validTo ?? '9999'),
    );
    if (overlapping.length > 0 && versions.indexOf(a) > 0)
      r.problem(`${path}.code`, `duplicate area code "${a.code}" with overlapping validity dates`);
    if (versions.some((v) => v.level !== a.level)) r.problem(`${path}.level`, `area "${a.code}" has different levels in its versions`);
    if (a.level === 'nation') {
      if (a.parent) r.problem(`${path}.parent`, 'a nation has no parent');
      return;
    }
    if (!a.parent) return r.problem(`${path}.parent`, `is missing (a ${a.level} belongs to a higher area)`);
    const parents = byCode.get(a.parent);
    if (!parents) return r.problem(`${path}.parent`, `"${a.parent}" is not a known area code`);
    if (parents.some((p) => LEVEL_RANK[p.level] >= LEVEL_RANK[a.level])) {
      r.problem(`${path}.parent`, `"${a.parent}" is a ${parents[0]!.level}, which cannot contain a ${a.level}`);
    }
  });
  return areas;
}

const ORG_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function readOrganisations(
  doc: unknown,
  areaCodes: Set<string>,
  problems: CatalogProblem[],
): { groups: CatalogGroup[]; organisations: CatalogOrganisation[] } {
  const r = new FieldReader('organisations.yaml', problems);
  const root = r.object(doc, '');
  if (!root) return { groups: [], organisations: [] };
  const seen = new Set<string>();
  const organisations = r.items(root, 'organisations', '', (o, path) => {
    const org: CatalogOrganisation = {
      code: r.text(o, 'code', path),
      name: r.text(o, 'name', path),
      shortName: r.optionalText(o, 'shortName', path),
      nameEn: r.optionalText(o, 'nameEn', path),
      kind: r.text(o, 'kind', path),
      area: r.text(o, 'area', path),
      parent: r.optionalText(o, 'parent', path),
    };
    if (org.code && !ORG_CODE.test(org.code)) r.problem(`${path}.code`, `"${org.code}" may hold only letters, digits, ".", "_" and "-"`);
    r.unique(seen, org.code, `${path}.code`, 'organisation');
    if (org.area && !areaCodes.has(org.area)) r.problem(`${path}.area`, `"${org.area}" is not a known area code (see areas.yaml)`);
    return org;
  });
  const orgCodes = new Set(organisations.map((o) => o.code));
  organisations.forEach((o, i) => {
    if (o.parent && !orgCodes.has(o.parent)) r.problem(`organisations[${i}].parent`, `"${o.parent}" is not a known organisation code`);
  });
  const groupSeen = new Set<string>();
  const groups = r.items(
    root,
    'groups',
    '',
    (o, path) => {
      const group: CatalogGroup = {
        code: r.text(o, 'code', path),
        name: r.text(o, 'name', path),
        nameEn: r.optionalText(o, 'nameEn', path),
        kinds: r.texts(o, 'kinds', path),
        members: r.texts(o, 'members', path),
      };
      r.unique(groupSeen, group.code, `${path}.code`, 'group');
      if (orgCodes.has(group.code)) r.problem(`${path}.code`, `"${group.code}" is already an organisation code`);
      group.members.forEach((m, j) => {
        if (!orgCodes.has(m)) r.problem(`${path}.members[${j}]`, `"${m}" is not a known organisation code`);
      });
      return group;
    },
    true,
  );
  return { groups, organisations };
}
