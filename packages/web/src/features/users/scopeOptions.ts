import { compareVietnamese, type Lang } from '@vetplan/domain';
import type { ComboboxItem, ComboboxItemGroup } from '@mantine/core';
import { pick } from '../../i18n/useLang.ts';
import type { AreaNode } from '../../shared/areas/types.ts';

interface ScopeOption {
  value: string;
  label: string;
  isArea: boolean;
}

function collect(nodes: readonly AreaNode[], lang: Lang, out: ScopeOption[]): void {
  for (const node of nodes) {
    out.push({ value: node.code, label: `${pick(lang, node.name, node.nameEn)} (${node.code})`, isArea: true });
    for (const org of node.organisations) {
      const name = lang === 'en' ? pick(lang, org.name, org.nameEn) : (org.shortName ?? org.name);
      out.push({ value: org.code, label: `${name} (${org.code})`, isArea: false });
    }
    collect(node.children, lang, out);
  }
}

/** Every area and organisation in the tree, as two groups of select options. */
export function scopeOptions(
  roots: readonly AreaNode[],
  lang: Lang,
  groupLabels: { areas: string; organisations: string },
): ComboboxItemGroup<ComboboxItem>[] {
  const all: ScopeOption[] = [];
  collect(roots, lang, all);
  const organisations = all.filter((o) => !o.isArea).sort((a, b) => compareVietnamese(a.label, b.label));
  return [
    { group: groupLabels.areas, items: all.filter((o) => o.isArea).map(({ value, label }) => ({ value, label })) },
    { group: groupLabels.organisations, items: organisations.map(({ value, label }) => ({ value, label })) },
  ];
}
