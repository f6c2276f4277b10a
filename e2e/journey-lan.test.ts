import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { logIn } from './support/app.ts';
import { DESKTOP, mainNav, openPage, PHONE, type WatchedPage } from './support/browser.ts';
import { FORM, LAN_TODAY, PEOPLE, prepareLanMorning } from './support/lan.ts';
import { useAppUnderTest } from './support/server.ts';

/**
 * Chị Lan's journey (shared/docs/users.md): she opens the completeness board on the current form and period,
 * filters the late units, reminds them in one click (the commune's officer finds it in his inbox), approves the
 * clean submissions in one action, and opens the draft report, whose figures are the overview's.
 */
const app = useAppUnderTest({}, { today: LAN_TODAY });
const TRAINED = 'Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ';

beforeAll(() => prepareLanMorning(app.server));

async function withPage(options: Parameters<typeof openPage>[1], scenario: (watched: WatchedPage) => Promise<void>): Promise<void> {
  const watched = await openPage(app.browser, options);
  try {
    await scenario(watched);
    expect(watched.unexpected()).toEqual([]);
  } finally {
    await watched.close();
  }
}

const rows = (page: Page) => page.getByTestId('completeness-table').locator('tbody tr');

describe('Chị Lan, plan manager at the labour office', () => {
  it('lands on the board, reminds the late units, approves the clean reports and finds the overview’s figures in the draft report', async () => {
    await withPage(DESKTOP, async ({ page }) => {
      await logIn(page, app.server.baseUrl, PEOPLE.lan.username, PEOPLE.lan.password);
      // Her landing page is the board, on the form being reported and its current round.
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByRole('heading', { name: 'Tình hình nộp báo cáo', level: 1 }).waitFor();
      expect(await page.getByRole('combobox', { name: 'Biểu mẫu báo cáo', exact: true }).inputValue()).toBe(FORM);
      expect(await page.getByTestId('board-period').textContent()).toBe('6 tháng đầu năm 2026 · Hạn nộp: 20/06/2026');
      await expect.poll(() => rows(page).count()).toBe(18);

      // The late units: the 15 that have not sent their report.
      await page.getByRole('button', { name: 'Chậm nộp (15)', exact: true }).click();
      await expect.poll(() => rows(page).count()).toBe(15);
      expect(new Set(await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-state'))))).toEqual(
        new Set(['not_started']),
      );
      expect(await rows(page).filter({ hasText: 'Xã Tư Mại' }).count()).toBe(0);
      await page.screenshot({ path: '/tmp/journey-lan-late.png', fullPage: true });

      // One click reminds them all.
      await page.getByRole('button', { name: 'Nhắc các đơn vị chậm nộp (15)' }).click();
      const reminded = page.getByTestId('reminder-result');
      await expect.poll(() => reminded.textContent()).toContain('Đã gửi nhắc nhở đến 15 đơn vị');
      const dongPhuc = rows(page).filter({ hasText: 'Xã Đồng Phúc' });
      // The time is the browser's local one; the day is the server's.
      await expect.poll(() => dongPhuc.getByTestId('last-reminder').textContent()).toMatch(/^\d\d:\d\d, 25\/06\/2026, Nguyễn Thị Lan$/);
    });

    // Anh Phúc, Đồng Phúc's officer, finds the reminder on his landing page, on his phone.
    await withPage(PHONE, async ({ page }) => {
      await logIn(page, app.server.baseUrl, PEOPLE.dongPhuc.username, PEOPLE.dongPhuc.password);
      await page.getByRole('heading', { name: 'Biểu mẫu cần nộp', level: 1 }).waitFor();
      const due = page.getByTestId('forms-due').locator('li').filter({ hasText: FORM });
      await expect.poll(() => due.first().textContent()).toContain('Chưa nộp');
      const reminder = page.getByTestId('inbox-list').locator('li[data-kind="reminder"]');
      await expect.poll(() => reminder.textContent()).toMatch(/Nhắc lúc \d\d:\d\d, 25\/06\/2026, người nhắc: Nguyễn Thị Lan/);
      expect(await reminder.textContent()).toContain('Xã Đồng Phúc');
      // His three forms: the 6-month and annual reports, and the graduates report the education office files for the commune.
      await expect.poll(() => page.getByTestId('forms-due').locator('li').count()).toBe(3);
      await page.screenshot({ path: '/tmp/journey-lan-officer-360.png', fullPage: true });
      await page.getByTestId('inbox-badge').click();
      await page.getByTestId('inbox-list').locator('li[data-kind="reminder"]').getByRole('link', { name: FORM }).waitFor();
    });

    await withPage(DESKTOP, async ({ page }) => {
      await logIn(page, app.server.baseUrl, PEOPLE.lan.username, PEOPLE.lan.password);
      await page.getByRole('heading', { name: 'Tình hình nộp báo cáo', level: 1 }).waitFor();
      // The clean submissions in one action; Đồng Việt's broken rule keeps it for her to read.
      await page.getByRole('button', { name: 'Phê duyệt các báo cáo hợp lệ (2)' }).click();
      const approved = page.getByTestId('approval-result');
      await expect.poll(() => approved.textContent()).toContain('Đã phê duyệt 2 báo cáo.');
      const text = await approved.textContent();
      expect(text).toContain('Xã Cảnh Thụy, Xã Tư Mại');
      expect(text).toContain('Bỏ qua 1 báo cáo:');
      expect(text).toContain('Xã Đồng Việt: Số liệu còn 1 vi phạm quy tắc kiểm tra');
      await page.getByRole('button', { name: 'Đã phê duyệt (2)', exact: true }).click();
      await expect.poll(() => rows(page).count()).toBe(2);
      await page.screenshot({ path: '/tmp/journey-lan-approved.png', fullPage: true });

      // The overview's headline figure, then the draft report's.
      await mainNav(page).getByRole('link', { name: 'Tổng quan chỉ tiêu' }).click();
      await page.getByRole('heading', { name: 'Tổng quan chỉ tiêu', level: 1 }).waitFor();
      const card = page.getByTestId('target-card-I_LABOUR_TRAINED_CERT');
      await card.waitFor();
      const cardText = (await card.textContent()) ?? '';
      const overview = /(\d+,\d%)năm (\d{4})/.exec(cardText);
      expect(overview, cardText).not.toBeNull();

      await mainNav(page).getByRole('link', { name: 'Báo cáo', exact: true }).click();
      await page.getByRole('heading', { name: 'Báo cáo thực hiện Kế hoạch', level: 1 }).waitFor();
      const preview = page.getByTestId('report-preview');
      await preview.getByText('Độc lập - Tự do - Hạnh phúc').waitFor();
      const row = preview.locator('tbody tr').filter({ hasText: TRAINED });
      const rowText = (await row.first().textContent()) ?? '';
      await page.screenshot({ path: '/tmp/journey-lan-report.png', fullPage: false });
      expect(rowText).toContain(`${overview![1]} (năm ${overview![2]})`);
    });
  });
});
