import { defaultReportUnit, parsePeriod, reportPeriodLabel, type Lang } from '@vetplan/domain';
import type { AreaNode } from '../../shared/areas/types.ts';

export interface Option {
  value: string;
  label: string;
}

/** Half-years and years from the plan's first year to the current one, newest first, each read once: "Năm 2025", "6 tháng đầu năm 2026". */
export function periodOptions(firstYear: number, currentYear: number, lang: Lang): Option[] {
  const options: Option[] = [];
  for (let y = currentYear; y >= firstYear; y--) {
    for (const code of [String(y), `${y}S2`, `${y}S1`]) {
      const parsed = parsePeriod(code);
      if (!parsed.ok) continue;
      const label = reportPeriodLabel(parsed.period, lang);
      options.push({ value: code, label: label.charAt(0).toUpperCase() + label.slice(1) });
    }
  }
  return options;
}

/** The areas of the tree and their organisations, as report units. */
export function unitOptions(roots: readonly AreaNode[], scope: { code: string; name: string }): Option[] {
  const out: Option[] = [];
  const walk = (nodes: readonly AreaNode[], depth: number) => {
    for (const n of nodes) {
      out.push({ value: n.code, label: `${'  '.repeat(depth)}${n.name}` });
      for (const o of n.organisations)
        if (o.kind !== 'people_committee' && o.kind !== 'commune_ppc')
          out.push({ value: o.code, label: `${'  '.repeat(depth + 1)}${o.shortName ?? o.name}` });
      walk(n.children, depth + 1);
    }
  };
  walk(roots, 0);
  if (!out.some((o) => o.value === scope.code)) out.unshift({ value: scope.code, label: scope.name });
  return out;
}

/** The areas above `code` in the tree (empty when it is a root or not in the tree). */
function ancestorsOf(roots: readonly AreaNode[], code: string): string[] {
  const find = (nodes: readonly AreaNode[], path: string[]): string[] | null => {
    for (const n of nodes) {
      if (n.code === code) return path;
      const found = find(n.children, [...path, n.code]);
      if (found) return found;
    }
    return null;
  };
  return find(roots, []) ?? [];
}

/** The unit the report opens on, as the server chooses it: the user's own, or the plan's area for a user scoped above it. */
export function defaultUnit(
  roots: readonly AreaNode[],
  scope: { code: string; type: 'area' | 'organisation' },
  planArea: string | null,
): string {
  return defaultReportUnit(scope, planArea, planArea === null ? [] : ancestorsOf(roots, planArea));
}
