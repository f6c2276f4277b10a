/** Roles a user can hold; what each may do is declared on the server's routes. */
export const ROLES = ['admin', 'plan_manager', 'unit_officer', 'unit_head', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  plan_manager: { vi: 'Cán bộ quản lý kế hoạch', en: 'Plan manager' },
  unit_officer: { vi: 'Cán bộ đơn vị', en: 'Unit officer' },
  unit_head: { vi: 'Thủ trưởng đơn vị', en: 'Head of unit' },
  viewer: { vi: 'Lãnh đạo, theo dõi', en: 'Viewer' },
};
