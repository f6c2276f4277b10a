import type { Role } from '@vetplan/domain';

/** Who may import figures from a file (as POST /api/imports allows). Kept apart so the nav and the router need not load the page. */
const IMPORT_ROLES: readonly Role[] = ['admin', 'plan_manager', 'unit_officer', 'unit_head'];

export function canImport(role: Role): boolean {
  return IMPORT_ROLES.includes(role);
}
