import type { BasisDocument } from '../../shared/plan/types.ts';

/**
 * The cascade in reading order: from the document nobody implements (the
 * Party directive) down each "implements" link, then guidance letters by date.
 */
export function orderBasis(basis: readonly BasisDocument[]): BasisDocument[] {
  const byParent = new Map<string | null, BasisDocument[]>();
  for (const doc of basis) {
    const key = doc.parent !== null && basis.some((d) => d.code === doc.parent) ? doc.parent : null;
    byParent.set(key, [...(byParent.get(key) ?? []), doc]);
  }
  const ordered: BasisDocument[] = [];
  const visit = (parent: string | null) => {
    const children = [...(byParent.get(parent) ?? [])].sort((a, b) =>
      a.relation === b.relation ? (a.issuedOn ?? '').localeCompare(b.issuedOn ?? '') : a.relation === 'implements' ? -1 : 1,
    );
    for (const child of children) {
      if (ordered.includes(child)) continue;
      ordered.push(child);
      visit(child.code);
    }
  };
  visit(null);
  return ordered;
}
