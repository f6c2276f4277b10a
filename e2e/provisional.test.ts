import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, apiRequest, createUserAsAdmin } from './support/api.ts';
import type { Page } from 'playwright-core';
import { logIn } from './support/app.ts';
import { DESKTOP, PHONE, screenshot, withPage } from './support/browser.ts';
import { E2E_TODAY, useAppUnderTest } from './support/server.ts';

// December 2026: the demo history has every commune's 2021–2025; one commune has just sent its first half of 2026.
const app = useAppUnderTest({}, { today: E2E_TODAY });

const suffix = Date.now() % 100_000;
const LEADER = {
  username: `hung.tamtinh${suffix}`,
  password: 'mat-khau-ong-hung-1',
  role: 'viewer',
  org: '221',
  displayName: 'Nguyễn Văn Hưng',
};
const TRAINED = 'Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ';

/** "39,9%" → 39.9 */
const percent = (text: string) => Number(text.replace('%', '').replace(',', '.'));
let final2025: number;

async function openDashboard(page: Page): Promise<void> {
  await logIn(page, app.server.baseUrl, LEADER.username, LEADER.password);
  await page.waitForURL((url) => url.pathname === '/');
  await page.goto(`${app.server.baseUrl}/dashboard`);
  await page.getByRole('heading', { name: 'Tổng quan chỉ tiêu', level: 1 }).waitFor();
  await page.getByTestId('target-card-I_LABOUR_TRAINED_CERT').waitFor();
}

beforeAll(async () => {
  await createUserAsAdmin(app.server, LEADER);
  const admin = await apiLogin(app.server);
  const rows = ['F', 'M'].flatMap((sex) => [
    { element: 'DE_LABOUR_FORCE', period: '2026S1', org: '07681', disagg: `sex:${sex}`, value: '1000' },
    { element: 'DE_LABOUR_TRAINED_CERT', period: '2026S1', org: '07681', disagg: `sex:${sex}`, value: '217' },
  ]);
  const posted = await apiRequest(app.server, admin, 'POST', '/api/data-values', rows);
  expect(posted.status, await posted.clone().text()).toBe(200);
  const values = await apiRequest(
    app.server,
    admin,
    'GET',
    '/api/analytics/indicators?indicator=I_LABOUR_TRAINED_CERT&org=221&period=2025',
  );
  final2025 = Math.round(((await values.json()) as { rows: { value: number }[] }).rows[0]!.value * 10) / 10;
});

describe('a partial year is provisional, never the headline', () => {
  it('the leader’s card quotes 2025 and shows 2026 beside it as tạm tính; the indicator page and the table agree', async () => {
    await withPage(app.browser, DESKTOP, async ({ page }) => {
      await openDashboard(page);
      expect(await page.getByText('Huyện Yên Dũng').first().textContent()).toContain('số liệu đến năm 2025');
      const card = page.getByTestId('target-card-I_LABOUR_TRAINED_CERT');
      const text = (await card.textContent())!;
      expect(text).toContain('năm 2025');
      expect(percent(/(\d+,\d)%năm 2025/.exec(text)![1]!)).toBe(final2025);
      expect(await card.getByTestId('provisional-note').textContent()).toBe(
        'Năm 2026 (tạm tính): 21,7%, năm chưa kết thúc, 1/18 xã báo cáo',
      );
      await screenshot(page, 'provisional-overview-1366.png');

      await card.getByRole('link', { name: TRAINED }).click();
      await page.getByRole('heading', { name: TRAINED, level: 1 }).waitFor();
      expect(await page.getByTestId('indicator-sentence').textContent()).toMatch(/^Năm 2025: /);
      expect(await page.getByTestId('provisional-note').textContent()).toContain('Số liệu tạm tính chưa dùng để đánh giá chỉ tiêu.');
      await screenshot(page, 'provisional-indicator-1366.png');

      // The commune that sent its half-year: its page shows its own 2025, the district its own.
      await page.goto(`${app.server.baseUrl}/dashboard/commune?org=07681`);
      const row = page.getByTestId('commune-targets').locator('tbody tr').filter({ hasText: TRAINED }).first();
      await row.waitFor();
      expect(await row.textContent()).toContain(`${String(final2025).replace('.', ',')}% (2025)`);

      await page.goto(`${app.server.baseUrl}/analysis?ind=I_LABOUR_TRAINED_CERT&years=2025,2026`);
      const table = page.getByTestId('pivot-table');
      await table.locator('tbody tr[data-org="221"]').waitFor();
      expect(await table.getByTestId('provisional-heading').count()).toBe(1);
      expect(await table.locator('thead th').nth(2).textContent()).toBe('2026tạm tính');
      expect(await table.locator('tbody tr[data-org="07681"] td[data-provisional]').textContent()).toBe('21,7*');
      await screenshot(page, 'provisional-table-1366.png');
    });
  });

  it('on a 360 px phone the note is read in full under the value', async () => {
    await withPage(app.browser, PHONE, async ({ page }) => {
      await openDashboard(page);
      const note = page.getByTestId('target-card-I_LABOUR_TRAINED_CERT').getByTestId('provisional-note');
      const box = (await note.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
      expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(360);
      await screenshot(page, 'provisional-overview-360.png');
    });
  });
});
