import { inRoleGroup, REPORTER_ROLES, type Role } from '@vetplan/domain';

/** Who makes the official reports (the server's rule on /api/reports). */
export const canReport = (role: Role): boolean => inRoleGroup(REPORTER_ROLES, role);
