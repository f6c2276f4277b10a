import type { Page } from 'playwright-core';

/** Logs in through the login page, as a person would. */
export async function logIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.waitForURL('**/login');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel(/^Mật khẩu/).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Waits until the plan overview has rendered its targets table. */
export async function waitForOverview(page: Page): Promise<void> {
  await page.getByRole('heading', { name: /KẾ HOẠCH|PLAN/ }).waitFor();
  await page
    .locator('#muc-tieu')
    .getByText(/trên 40%|above 40%/)
    .first()
    .waitFor();
}
