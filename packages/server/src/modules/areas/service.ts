import { compareVietnamese } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import * as repo from './repository.ts';
import type { AreaNode, OrganisationDto } from './schema.ts';
import { areaSubtree, orgSubtree } from '../../access/units.ts';

const INFINITE = new Set(['infinity', '-infinity']);
const dateOrNull = (d: string) => (INFINITE.has(d) ? null : d);

export function today(ctx: AppContext): string {
  return ctx.now().toISOString().slice(0, 10);
}

/** The codes of the areas and organisations the user may see. */
async function visibleUnits(ctx: AppContext, auth: AuthContext): Promise<{ areas: string[]; orgs: string[] | null }> {
  if (auth.scope.type === 'area') return { areas: [...(await areaSubtree(ctx.db, auth.scope.code))], orgs: null };
  return { areas: [auth.scope.areaCode], orgs: [...(await orgSubtree(ctx.db, auth.scope.code))] };
}

/** The hierarchy as it stood on `date`, from the user's scope down, with each area's organisations. */
export async function areaTree(ctx: AppContext, auth: AuthContext, date = today(ctx)): Promise<{ date: string; roots: AreaNode[] }> {
  const visible = await visibleUnits(ctx, auth);
  const versions = await repo.areaVersionsOn(ctx.db, visible.areas, date);
  const orgs = await repo.organisationsIn(ctx.db, visible.areas, visible.orgs, date);
  const nodes = new Map<string, AreaNode>();
  for (const v of versions) {
    nodes.set(v.code, {
      code: v.code,
      name: v.name,
      nameEn: v.name_en,
      level: v.level,
      kind: v.kind,
      validFrom: dateOrNull(v.valid_from),
      validTo: dateOrNull(v.valid_to),
      organisations: [],
      children: [],
    });
  }
  for (const o of orgs) {
    nodes.get(o.area_code)?.organisations.push({ code: o.code, name: o.name, shortName: o.short_name, nameEn: o.name_en, kind: o.kind });
  }
  const roots: AreaNode[] = [];
  for (const v of versions) {
    const node = nodes.get(v.code)!;
    const parent = v.parent_code ? nodes.get(v.parent_code) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  for (const node of nodes.values()) node.children.sort((a, b) => compareVietnamese(a.name, b.name));
  return { date, roots };
}

export async function listOrganisations(ctx: AppContext, auth: AuthContext): Promise<OrganisationDto[]> {
  const visible = await visibleUnits(ctx, auth);
  const rows = await repo.organisationsIn(ctx.db, visible.areas, visible.orgs, today(ctx));
  return rows.map((o) => ({
    code: o.code,
    name: o.name,
    shortName: o.short_name,
    nameEn: o.name_en,
    kind: o.kind,
    areaCode: o.area_code,
    parentCode: o.parent_code,
  }));
}
