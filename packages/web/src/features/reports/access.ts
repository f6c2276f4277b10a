import type { Role } from '@vetplan/domain';

/** Who makes the official reports (the server's rule on /api/reports). */
export const canReport = (role: Role) => role === 'admin' || role === 'plan_manager' || role === 'unit_head';
