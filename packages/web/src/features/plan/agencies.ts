import type { Lang } from '@vetplan/domain';
import { pick } from '../../i18n/useLang.ts';
import type { OrgGroup, Plan, PlanOrganisation } from '../../shared/plan/types.ts';

/** How one lead or coordinating agency (or a named group of them) is shown. */
export interface AgencyLabel {
  key: string;
  /** Short form for lists: "Phòng GD&ĐT", "UBND các xã, thị trấn". */
  short: string;
  /** Full name: "Phòng Giáo dục và Đào tạo". */
  full: string;
  isGroup: boolean;
}

export interface AgencyLookup {
  organisations: Map<string, PlanOrganisation>;
  groups: Map<string, OrgGroup>;
}

export function agencyLookup(plan: Pick<Plan, 'organisations' | 'groups'>): AgencyLookup {
  return {
    organisations: new Map(plan.organisations.map((o) => [o.code, o])),
    groups: new Map(plan.groups.map((g) => [g.code, g])),
  };
}

function organisationLabel(code: string, lookup: AgencyLookup, lang: Lang): AgencyLabel {
  const org = lookup.organisations.get(code);
  if (!org) return { key: code, short: code, full: code, isGroup: false };
  const full = pick(lang, org.name, org.nameEn);
  const short = lang === 'en' ? full : (org.shortName ?? org.name);
  return { key: code, short, full, isGroup: false };
}

/**
 * The agencies of a task as the plan names them: each organisation that none
 * of the task's groups already covers, then the groups by name ("UBND các
 * xã, thị trấn" rather than 18 communes).
 */
export function agencyLabels(codes: readonly string[], groupCodes: readonly string[], lookup: AgencyLookup, lang: Lang): AgencyLabel[] {
  const groups = groupCodes.map((code) => ({ code, group: lookup.groups.get(code) }));
  const covered = new Set(groups.flatMap(({ group }) => group?.members ?? []));
  const organisations = codes.filter((code) => !covered.has(code)).map((code) => organisationLabel(code, lookup, lang));
  const named = groups.map(({ code, group }): AgencyLabel => {
    const name = group ? pick(lang, group.name, group.nameEn) : code;
    return { key: `group:${code}`, short: name, full: name, isGroup: true };
  });
  return [...organisations, ...named];
}
