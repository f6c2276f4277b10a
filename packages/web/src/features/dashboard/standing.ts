import { compareVietnamese, satisfiesTarget, type TargetRule } from '@vetplan/domain';

/**
 * How far a value stands from a target, in the target's units: positive is
 * beyond it in the direction the target asks, negative is behind. "About"
 * and range targets count the distance outside the allowed band as behind.
 */
export function standing(value: number, rule: TargetRule): number {
  switch (rule.comparator) {
    case '>':
    case '>=':
      return value - rule.value;
    case '<':
    case '<=':
      return rule.value - value;
    case '~':
      return Math.min(0, (rule.tolerance ?? 0) - Math.abs(value - rule.value));
    case 'range':
      if (value < rule.value) return value - rule.value;
      return Math.min(0, (rule.valueUpper ?? rule.value) - value);
  }
}

/**
 * 0 (red) … 1 (green): how close a value is to satisfying the target. A unit
 * a fifth of the target behind (or a tolerance, for "about") is fully red.
 */
export function closeness(value: number, rule: TargetRule): number {
  if (satisfiesTarget(value, rule)) return 1;
  const scale =
    rule.comparator === '~' ? Math.max(rule.tolerance ?? 0, Math.abs(rule.value) * 0.05) : Math.max(Math.abs(rule.value) * 0.2, 1e-9);
  const s = standing(value, rule);
  // Exactly on a strict bound ("trên 40%" at 40,0%) is not yet met: just short of green.
  return Math.max(0, Math.min(0.95, 1 + s / scale));
}

/** A background from red through yellow to green, light enough for dark text. */
export function closenessColor(c: number): string {
  return `hsl(${Math.round(c * 120)} 75% 84%)`;
}

export interface RankedUnit {
  org: string;
  name: string;
  value: number | null;
  reporting: boolean;
  /** 1 = closest to (or furthest beyond) the target; null without a value. */
  rank: number | null;
  standing: number | null;
}

/** Ranks units by their standing (best first); equal standings share a rank. */
export function rankUnits(units: readonly Omit<RankedUnit, 'rank' | 'standing'>[], rule: TargetRule): RankedUnit[] {
  const withStanding = units.map((u) => ({
    ...u,
    standing: u.value === null ? null : standing(u.value, rule),
    rank: null as number | null,
  }));
  const ordered = withStanding.filter((u) => u.standing !== null).sort((a, b) => b.standing! - a.standing!);
  ordered.forEach((u, i) => {
    const previous = ordered[i - 1];
    u.rank = previous && previous.standing === u.standing ? previous.rank : i + 1;
  });
  return withStanding;
}

export type SortKey = 'name' | 'value' | 'rank' | 'reporting';
export interface Sort {
  key: SortKey;
  descending: boolean;
}

/** Furthest behind first: the worst rank at the top. */
export const BEHIND_FIRST: Sort = { key: 'rank', descending: true };

/** Sorts a copy; units without a value always go last. */
export function sortUnits(units: readonly RankedUnit[], sort: Sort): RankedUnit[] {
  const sign = sort.descending ? -1 : 1;
  const byName = (a: RankedUnit, b: RankedUnit) => compareVietnamese(a.name, b.name);
  return [...units].sort((a, b) => {
    if (sort.key === 'name') return sign * byName(a, b);
    if (sort.key === 'reporting') return sign * (Number(a.reporting) - Number(b.reporting)) || byName(a, b);
    const x = sort.key === 'value' ? a.value : a.rank;
    const y = sort.key === 'value' ? b.value : b.rank;
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}
