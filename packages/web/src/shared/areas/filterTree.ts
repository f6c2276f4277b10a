import { foldVietnamese } from '@vetplan/domain';
import type { AreaNode, AreaOrganisation } from './types.ts';

function matches(query: string, ...texts: (string | null)[]): boolean {
  return texts.some((text) => text !== null && foldVietnamese(text).includes(query));
}

function organisationMatches(org: AreaOrganisation, query: string): boolean {
  return matches(query, org.name, org.shortName, org.nameEn, org.code);
}

/**
 * The tree cut down to what matches the search, ignoring diacritics ("tu mai"
 * finds "Xã Tư Mại"). An area that matches keeps all it holds; otherwise it
 * stays only as the path to a matching descendant or organisation.
 */
export function filterAreaTree(roots: readonly AreaNode[], rawQuery: string): AreaNode[] {
  const query = foldVietnamese(rawQuery.trim());
  if (query === '') return [...roots];
  const visit = (node: AreaNode): AreaNode | null => {
    if (matches(query, node.name, node.nameEn, node.code)) return node;
    const children = node.children.map(visit).filter((n): n is AreaNode => n !== null);
    const organisations = node.organisations.filter((o) => organisationMatches(o, query));
    if (children.length === 0 && organisations.length === 0) return null;
    return { ...node, children, organisations };
  };
  return roots.map(visit).filter((n): n is AreaNode => n !== null);
}

/** Codes of every area in the tree (to open them all while searching). */
export function allAreaCodes(roots: readonly AreaNode[]): string[] {
  return roots.flatMap((node) => [node.code, ...allAreaCodes(node.children)]);
}

export function countAreas(roots: readonly AreaNode[]): number {
  return roots.reduce((sum, node) => sum + 1 + countAreas(node.children), 0);
}
