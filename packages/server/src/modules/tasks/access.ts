import { inRoleGroup, MANAGER_ROLES, WRITER_ROLES } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import { errors } from '../../http/errors.ts';
import type { AuthContext } from '../../access/auth-context.ts';
import { ScopeCache } from '../../access/scope-cache.ts';
import { assignmentRows, type AssignmentRow } from './repository.ts';

export const isManager = (auth: AuthContext) => inRoleGroup(MANAGER_ROLES, auth.role);

/** Whether the user may file reports, evidence and extension requests for a unit they reach. */
export const mayReport = (auth: AuthContext, reaches: boolean) => reaches && inRoleGroup(WRITER_ROLES, auth.role);

/** An assignment the user reaches (404 when it does not exist, 403 when it lies outside the user's scope). */
export async function visibleAssignment(
  ctx: AppContext,
  auth: AuthContext,
  id: number,
): Promise<{ row: AssignmentRow; canReport: boolean }> {
  const [row] = await assignmentRows(ctx.db, { ids: [id] });
  if (!row) throw errors.notFound(`nhiệm vụ được giao số ${id}`, `Assignment ${id}`);
  const reaches = await new ScopeCache(ctx, auth).reaches(row.org_code);
  if (!reaches) throw errors.outOfScope(row.org_code);
  return { row, canReport: mayReport(auth, reaches) };
}

/** The same, for a write: the user must be allowed to report for the unit. */
export async function writableAssignment(ctx: AppContext, auth: AuthContext, id: number): Promise<AssignmentRow> {
  const { row, canReport } = await visibleAssignment(ctx, auth, id);
  if (!canReport) throw errors.forbidden('Bạn không có quyền báo cáo tiến độ nhiệm vụ này.', 'You may not report on this assignment.');
  return row;
}

export function requireManager(auth: AuthContext): void {
  if (!isManager(auth))
    throw errors.forbidden('Chỉ cán bộ quản lý kế hoạch mới thực hiện được thao tác này.', 'Only a plan manager may do this.');
}
