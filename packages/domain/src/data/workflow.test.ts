import { describe, expect, it } from 'vitest';
import { transition } from './workflow.ts';

const clean = { violations: 0, comment: null };

describe('submission workflow', () => {
  it('goes draft → submitted → approved → (unlock) draft', () => {
    expect(transition('draft', 'submit', clean)).toEqual({ ok: true, value: 'submitted' });
    expect(transition('submitted', 'approve', clean)).toEqual({ ok: true, value: 'approved' });
    expect(transition('approved', 'unlock', { violations: 0, comment: 'Sửa số liệu quý' })).toEqual({ ok: true, value: 'draft' });
  });
  it('returns with a reason, then accepts a resubmission', () => {
    expect(transition('submitted', 'return', { violations: 0, comment: '  ' })).toMatchObject({
      ok: false,
      problem: { vi: 'Cần ghi lý do trả lại' },
    });
    expect(transition('submitted', 'return', { violations: 0, comment: 'Thiếu số liệu nữ' })).toEqual({ ok: true, value: 'returned' });
    expect(transition('returned', 'submit', clean)).toEqual({ ok: true, value: 'submitted' });
  });
  it('refuses steps from the wrong state', () => {
    expect(transition('approved', 'submit', clean)).toMatchObject({
      ok: false,
      problem: { vi: 'Không thể gửi báo cáo đang ở trạng thái "Đã phê duyệt"' },
    });
    expect(transition('draft', 'approve', clean)).toMatchObject({ ok: false });
    expect(transition('draft', 'unlock', { violations: 0, comment: 'x' })).toMatchObject({ ok: false });
  });
  it('needs an explanation to submit figures that break a rule', () => {
    expect(transition('draft', 'submit', { violations: 2, comment: null })).toMatchObject({
      ok: false,
      problem: { en: 'The figures break 2 validation rule(s); fix them or explain them in a comment before submitting' },
    });
    expect(transition('draft', 'submit', { violations: 2, comment: 'Số liệu điều tra bổ sung' })).toEqual({ ok: true, value: 'submitted' });
  });
});
