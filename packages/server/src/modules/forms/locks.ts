import { formatDate } from '@vetplan/domain';
import type { AppContext } from '../../context.ts';
import { approvedFor } from './repository.ts';

export interface Lock {
  vi: string;
  en: string;
  approvedBy: string | null;
}

/**
 * Figures of an approved submission are locked until an approver unlocks
 * them. Keyed by `element|org|period`.
 */
export async function lockedCells(ctx: AppContext, orgs: string[], periods: string[]): Promise<Map<string, Lock>> {
  const rows = await approvedFor(ctx.db, orgs, periods);
  const locks = new Map<string, Lock>();
  for (const r of rows) {
    const when = r.decided_at ? formatDate(new Date(r.decided_at).toISOString().slice(0, 10)) : '';
    locks.set(`${r.element_code}|${r.org_code}|${r.period}`, {
      approvedBy: r.decided_by,
      vi: `Số liệu đã được ${r.decided_by ?? 'người phê duyệt'} phê duyệt${when ? ` ngày ${when}` : ''} (biểu mẫu ${r.form_code}) và đang bị khóa; cần mở khóa trước khi sửa`,
      en: `The figures were approved by ${r.decided_by ?? 'an approver'}${when ? ` on ${when}` : ''} (form ${r.form_code}) and are locked; they must be unlocked before any change`,
    });
  }
  return locks;
}
