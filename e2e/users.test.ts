import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiLogin, apiRequest } from './support/api.ts';
import { logIn, waitForOverview } from './support/app.ts';
import { mainNav, openPage } from './support/browser.ts';
import { useAppUnderTest } from './support/server.ts';

const app = useAppUnderTest();

const USERNAME = `tuan.e2e${Date.now() % 100_000}`;
const PASSWORD = 'mat-khau-tu-mai-1';

async function fillNewUser(page: Page, username: string): Promise<void> {
  const form = page.locator('form');
  await form.getByLabel('Tên đăng nhập').fill(username);
  await form.getByLabel(/^Mật khẩu/).fill(PASSWORD);
  await form.getByLabel('Thư điện tử').fill('tuan@tumai.gov.vn');
  await form.getByLabel('Vai trò').click();
  await page.getByRole('option', { name: 'Cán bộ đơn vị' }).click();
  await form.getByLabel(/^Phạm vi/).fill('tu mai'); // no diacritics: finds "Xã Tư Mại"
  await page.getByRole('option', { name: /^Xã Tư Mại/ }).click();
  await form.getByRole('button', { name: 'Thêm người dùng' }).click();
}

describe('users (admin)', () => {
  it('creates a user, shows the server error for a taken username, and disables with confirmation', async () => {
    const watched = await openPage(app.browser, { viewport: { width: 1366, height: 900 } });
    const { page } = watched;
    try {
      await logIn(page, app.server.baseUrl, 'admin', app.server.adminPassword);
      await waitForOverview(page);
      await mainNav(page).getByRole('link', { name: 'Người dùng' }).click();
      await page.getByRole('heading', { name: 'Người dùng', level: 1 }).waitFor();

      await fillNewUser(page, USERNAME);
      await page.getByText(`Đã thêm người dùng “${USERNAME}”.`).waitFor();
      const row = page.getByTestId('user-row').filter({ hasText: USERNAME });
      await expect.poll(() => row.textContent()).toContain('Cán bộ đơn vị');
      // Reminders will reach him by e-mail: the address was kept with the account.
      const api = await apiLogin(app.server);
      const users = (await (await apiRequest(app.server, api, 'GET', '/api/users')).json()) as {
        users: { username: string; email: string | null }[];
      };
      expect(users.users.find((u) => u.username === USERNAME)?.email).toBe('tuan@tumai.gov.vn');

      await fillNewUser(page, USERNAME);
      // The server's refusal, word for word; the scope help beside it is a note, not an alert.
      const alert = page.locator('form').getByRole('alert');
      await expect.poll(() => alert.textContent()).toContain(`Tên đăng nhập "${USERNAME}" đã được sử dụng.`);
      await expect.poll(() => alert.count()).toBe(1);

      await page.getByRole('button', { name: `Khóa tài khoản: ${USERNAME}` }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Khóa tài khoản' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => row.textContent()).toContain('Đã khóa');
      await page.getByRole('button', { name: `Mở khóa tài khoản: ${USERNAME}` }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Mở khóa tài khoản' }).click();
      await expect.poll(() => row.textContent()).toContain('Đang hoạt động');

      // Chromium logs the expected 409 of the second, duplicate creation.
      expect(watched.unexpected([{ status: 409, path: '/api/users' }])).toEqual([]);
    } finally {
      await watched.close();
    }
  });

  it('hides the users page from a unit officer', async () => {
    const watched = await openPage(app.browser, { viewport: { width: 1366, height: 900 } });
    const { page } = watched;
    try {
      await logIn(page, app.server.baseUrl, USERNAME, PASSWORD);
      await page.waitForURL((url) => url.pathname === '/');
      await mainNav(page).getByRole('link', { name: 'Kế hoạch' }).waitFor();
      expect(await mainNav(page).getByRole('link', { name: 'Người dùng' }).count()).toBe(0);
      await page.goto(`${app.server.baseUrl}/users`);
      await page.getByRole('heading', { name: 'Không tìm thấy trang' }).waitFor();
      expect(watched.unexpected()).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
