import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createUserAsAdmin } from './support/api.ts';
import { logIn } from './support/app.ts';
import { DESKTOP, PHONE, openPage } from './support/browser.ts';
import { useAppUnderTest } from './support/server.ts';

const app = useAppUnderTest();

const FIRST_PASSWORD = 'mat-khau-ban-dau-1';
const RESET_PASSWORD = 'mat-khau-tam-thoi-2';
const OWN_PASSWORD = 'ngựa đúng pin kẹp ghim';

/** The page fits its viewport: nothing wider than the screen. */
async function expectNoSideScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.doc).toBeLessThanOrEqual(widths.view);
}

describe.each([
  ['desktop', DESKTOP, 1366],
  ['phone', PHONE, 360],
] as const)('account management at %s width', (label, viewport, width) => {
  it('an admin edits a user’s role and resets their password; that user must change it at the next login', async () => {
    const username = `anh.tuan.${label}${Date.now() % 100_000}`;
    await createUserAsAdmin(app.server, {
      username,
      password: FIRST_PASSWORD,
      role: 'unit_officer',
      org: '07741',
      displayName: 'Nguyễn Văn Tuấn',
    });

    const admin = await openPage(app.browser, viewport);
    try {
      const { page } = admin;
      await logIn(page, app.server.baseUrl, 'admin', app.server.adminPassword);
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`${app.server.baseUrl}/users`);
      await page.getByRole('heading', { name: 'Người dùng', level: 1 }).waitFor();
      await page
        .getByTestId('scope-help')
        .getByText(/chọn địa bàn huyện \(221\)/)
        .waitFor();
      await page.screenshot({ path: `/tmp/account-users-${width}.png`, fullPage: true });
      await expectNoSideScroll(page);

      await page.getByRole('button', { name: `Sửa: ${username}` }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Vai trò').click();
      await page.getByRole('option', { name: 'Thủ trưởng đơn vị' }).click();
      await dialog.getByLabel('Họ và tên').fill('Nguyễn Văn Tuấn (xã Tư Mại)');
      await page.screenshot({ path: `/tmp/account-edit-${width}.png` });
      await dialog.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await dialog.waitFor({ state: 'detached' });
      const row = page.getByTestId('user-row').filter({ hasText: username });
      await expect.poll(() => row.textContent()).toContain('Thủ trưởng đơn vị');
      expect(await row.textContent()).toContain('Nguyễn Văn Tuấn (xã Tư Mại)');

      await page.getByRole('button', { name: `Đặt lại mật khẩu: ${username}` }).click();
      const reset = page.getByRole('dialog');
      await reset.getByLabel(/^Mật khẩu mới/).fill(RESET_PASSWORD);
      await reset.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
      await reset.getByText(`Đã đặt lại mật khẩu của “${username}”`, { exact: false }).waitFor();
      await page.screenshot({ path: `/tmp/account-reset-${width}.png` });
      await reset.getByRole('button', { name: 'Đóng' }).click();
      await expect.poll(() => row.textContent()).toContain('Phải đổi mật khẩu khi đăng nhập');
      expect(admin.unexpected()).toEqual([]);
    } finally {
      await admin.close();
    }

    const user = await openPage(app.browser, viewport);
    try {
      const { page } = user;
      await logIn(page, app.server.baseUrl, username, RESET_PASSWORD);
      await page.getByRole('heading', { name: 'Đặt mật khẩu mới' }).waitFor();
      // Nothing else of the app until the password is changed.
      expect(await page.getByRole('navigation', { name: 'Điều hướng chính' }).count()).toBe(0);
      await page.screenshot({ path: `/tmp/account-forced-${width}.png`, fullPage: true });
      await expectNoSideScroll(page);
      await page.getByLabel(/^Mật khẩu hiện tại/).fill(RESET_PASSWORD);
      await page.getByLabel(/^Mật khẩu mới/).fill(OWN_PASSWORD);
      await page.getByLabel(/^Nhập lại mật khẩu mới/).fill(OWN_PASSWORD);
      await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      // A unit officer lands on the forms due.
      await page.getByRole('heading', { name: 'Biểu mẫu cần nộp', level: 1 }).waitFor();
      expect(user.unexpected()).toEqual([]);
    } finally {
      await user.close();
    }

    // The old passwords no longer work, the user's own does.
    const again = await openPage(app.browser, viewport);
    try {
      const { page } = again;
      await logIn(page, app.server.baseUrl, username, RESET_PASSWORD);
      await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
      await page.getByLabel(/^Mật khẩu/).fill(OWN_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      // A unit officer lands on the forms due.
      await page.getByRole('heading', { name: 'Biểu mẫu cần nộp', level: 1 }).waitFor();
      expect(again.unexpected([{ status: 401, path: '/api/auth/login' }])).toEqual([]);
    } finally {
      await again.close();
    }
  });
});
