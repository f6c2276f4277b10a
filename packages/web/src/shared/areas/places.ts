import type { Lang } from '@vetplan/domain';
import { pick } from '../../i18n/useLang.ts';
import type { AreaNode, AreaTree } from './types.ts';

/** A unit the dashboard shows, with the district it belongs to and that district's communes. */
export interface Place {
  code: string;
  name: string;
  isCommune: boolean;
  /** The district: the unit itself, or the area above a commune. */
  district: { code: string; name: string } | null;
  /** The communes and towns of the district (the ones the user may see). */
  communes: { code: string; name: string }[];
}

function find(nodes: readonly AreaNode[], code: string, parent: AreaNode | null): { node: AreaNode; parent: AreaNode | null } | null {
  for (const node of nodes) {
    if (node.code === code) return { node, parent };
    const below = find(node.children, code, node);
    if (below) return below;
  }
  return null;
}

const nameOf = (node: AreaNode, lang: Lang) => pick(lang, node.name, node.nameEn);

export function findPlace(tree: AreaTree | undefined, code: string, lang: Lang): Place | null {
  const found = tree ? find(tree.roots, code, null) : null;
  if (!found) return null;
  const { node, parent } = found;
  const isCommune = node.level === 'commune';
  const district = isCommune ? parent : node;
  const communes = (district?.children ?? []).filter((c) => c.level === 'commune').map((c) => ({ code: c.code, name: nameOf(c, lang) }));
  return {
    code: node.code,
    name: nameOf(node, lang),
    isCommune,
    district: district ? { code: district.code, name: nameOf(district, lang) } : null,
    communes,
  };
}

/** Whether `code` is the area `root` or lies below it. */
export function isWithin(tree: AreaTree | undefined, root: string, code: string): boolean {
  const top = tree ? find(tree.roots, root, null) : null;
  return top !== null && (top.node.code === code || find(top.node.children, code, top.node) !== null);
}
