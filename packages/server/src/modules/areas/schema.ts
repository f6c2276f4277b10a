import { Type, type Static } from 'typebox';

export const OrgSummarySchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  shortName: Type.Union([Type.String(), Type.Null()]),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  kind: Type.String(),
});

export interface AreaNode {
  code: string;
  name: string;
  nameEn: string | null;
  level: string;
  kind: string;
  validFrom: string | null;
  validTo: string | null;
  organisations: Static<typeof OrgSummarySchema>[];
  children: AreaNode[];
}

/** Registered once as a shared schema (`AreaNode#`), since it refers to itself. */
export const AreaNodeSchema = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    nameEn: Type.Union([Type.String(), Type.Null()]),
    level: Type.Enum(['nation', 'province', 'district', 'commune']),
    kind: Type.String(),
    validFrom: Type.Union([Type.String(), Type.Null()]),
    validTo: Type.Union([Type.String(), Type.Null()]),
    organisations: Type.Array(OrgSummarySchema),
    children: Type.Array(Type.Unsafe<AreaNode>({ $ref: 'AreaNode#' })),
  },
  { $id: 'AreaNode' },
);

export const AreaTreeSchema = Type.Object({
  date: Type.String(),
  roots: Type.Array(Type.Unsafe<AreaNode>({ $ref: 'AreaNode#' })),
});

export const AreaTreeQuery = Type.Object(
  {
    date: Type.Optional(
      Type.String({
        pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        hintVi: 'phải là ngày dạng YYYY-MM-DD',
        hintEn: 'must be a date YYYY-MM-DD',
        description: 'The day the hierarchy is shown for (YYYY-MM-DD); today by default',
      }),
    ),
  },
  { additionalProperties: false },
);

export const OrganisationSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  shortName: Type.Union([Type.String(), Type.Null()]),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  kind: Type.String(),
  areaCode: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
});
export type OrganisationDto = Static<typeof OrganisationSchema>;
