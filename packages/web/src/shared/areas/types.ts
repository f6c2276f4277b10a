export type AreaLevel = 'nation' | 'province' | 'district' | 'commune';

export interface AreaOrganisation {
  code: string;
  name: string;
  shortName: string | null;
  nameEn: string | null;
  kind: string;
}

export interface AreaNode {
  code: string;
  name: string;
  nameEn: string | null;
  level: AreaLevel;
  kind: string;
  validFrom: string | null;
  validTo: string | null;
  organisations: AreaOrganisation[];
  children: AreaNode[];
}

export interface AreaTree {
  date: string;
  roots: AreaNode[];
}
