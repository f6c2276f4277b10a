import { inRoleGroup, WRITER_ROLES, type Role } from '@vetplan/domain';

/** Who may import figures from a file (as POST /api/imports allows). Kept apart so the nav and the router need not load the page. */
export const canImport = (role: Role): boolean => inRoleGroup(WRITER_ROLES, role);
