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

/**
 * The role groups, named once: the server's routes declare them and the web app shows or hides by them.
 * Managers oversee the plan (the board, every unit's tasks and scores); writers enter figures, import and
 * report on their tasks; reporters issue the official reports; a unit's own staff are its officers and heads.
 */
export const MANAGER_ROLES = ['admin', 'plan_manager'] as const satisfies readonly Role[];
export const WRITER_ROLES = ['admin', 'plan_manager', 'unit_officer', 'unit_head'] as const satisfies readonly Role[];
export const REPORTER_ROLES = ['admin', 'plan_manager', 'unit_head'] as const satisfies readonly Role[];
export const UNIT_STAFF_ROLES = ['unit_officer', 'unit_head'] as const satisfies readonly Role[];

/** Whether a role is one of a group (`inRoleGroup(MANAGER_ROLES, user.role)`); false for no role. */
export function inRoleGroup(group: readonly Role[], role: Role | null | undefined): boolean {
  return role !== null && role !== undefined && group.includes(role);
}
