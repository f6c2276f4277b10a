import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, apiRequest } from './support/api.ts';
import { logIn } from './support/app.ts';
import { openPage, type ConsoleProblem } from './support/browser.ts';
import { E2E_TODAY, useAppUnderTest } from './support/server.ts';
import { cell, cellBox } from './support/grid.ts';

/** A commune officer on a 360 px phone types while the network is down, reloads offline, and the figures reach the server when it is back. */
// Officers write 2026S1 and 2026S2: the server's clock is set to a day both are open (support/server.ts).
const app = useAppUnderTest({}, { today: E2E_TODAY });

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const suffix = Date.now() % 100_000;
const OFFICER = { username: `tuan.offline${suffix}`, password: 'mat-khau-tu-mai-2', role: 'unit_officer', org: '07741' };

const FORM = 'F_COMMUNE_GDNN_6M';
const ORG = '07741';
const PERIOD = '2026S1';
const ENTRY_PATH = `/data-entry?form=${FORM}&org=${ORG}&period=${PERIOD}`;
const LABOUR_FORCE = 'Số người trong lực lượng lao động';
const RETRAINED = 'Số lao động được đào tạo lại';

interface StoredCell {
  element: string;
  disagg: string;
  value: number;
  updatedBy: string;
}

async function typeOffline(input: Locator, text: string): Promise<void> {
  await input.click();
  await input.fill(text);
  await input.press('Enter');
  await expect.poll(() => cellBox(input).getAttribute('data-state')).toBe('pending');
}

async function storedCells(): Promise<StoredCell[]> {
  const admin = await apiLogin(app.server);
  const response = await apiRequest(app.server, admin, 'GET', `/api/forms/${FORM}/entry?org=${ORG}&period=${PERIOD}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { values: StoredCell[] }).values;
}

function stored(cells: StoredCell[], element: string, disagg: string): StoredCell | undefined {
  return cells.find((c) => c.element === element && c.disagg === disagg);
}

/** What the data cache of the service worker holds: the paths of the API answers kept for offline use. */
function keptAnswers(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const cache = await caches.open('vetplan-data');
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
}

/** Offline, Chromium logs every request that could not go out (ERR_FAILED when the service worker had nothing kept); those are the point of this test. */
function unexpected(problems: ConsoleProblem[]): string[] {
  return problems
    .filter((p) => !/net::ERR_INTERNET_DISCONNECTED|net::ERR_FAILED/.test(p.text))
    .filter((p) => !(/status of 409/.test(p.text) && p.url.endsWith('/api/data-entry/cell')))
    .map((p) => `${p.kind}: ${p.text} (${p.url})`);
}

/** The officer signed in on a phone with the entry page open (online); the page's console is checked at the end. */
async function asOfficerOnEntry(scenario: (page: Page) => Promise<void>): Promise<void> {
  const watched = await openPage(app.browser, PHONE);
  const { page } = watched;
  try {
    await logIn(page, app.server.baseUrl, OFFICER.username, OFFICER.password);
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(`${app.server.baseUrl}${ENTRY_PATH}`);
    await cell(page, LABOUR_FORCE, 'Nam').waitFor();
    await scenario(page);
    expect(unexpected(watched.problems)).toEqual([]);
  } finally {
    await watched.close();
  }
}

const NEEDED = ['/api/auth/me', '/api/forms', `/api/forms/${FORM}/entry`];

/**
 * Opened online: the service worker controls the page and keeps what the
 * entry page needs. The page asks again for what the worker missed while it
 * was being installed; if a copy is still missing (CI has seen the forms
 * list missing once in many runs, cause not found), a second opening online
 * — what an officer does anyway — keeps it, and must.
 */
async function keptForOffline(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const allKept = async () => {
    const kept = await keptAnswers(page);
    return NEEDED.every((p) => kept.includes(p));
  };
  const first = await expect
    .poll(allKept, { timeout: 5_000 })
    .toBe(true)
    .then(
      () => true,
      () => false,
    );
  if (!first) {
    await page.reload();
    await cell(page, LABOUR_FORCE, 'Nam').waitFor();
    await expect.poll(() => keptAnswers(page)).toEqual(expect.arrayContaining(NEEDED));
  }
}

beforeAll(async () => {
  const admin = await apiLogin(app.server);
  const response = await apiRequest(app.server, admin, 'POST', '/api/users', OFFICER);
  expect(response.status, await response.clone().text()).toBe(201);
});

describe('data entry offline on a phone', () => {
  it('keeps figures typed offline through a reload and sends them when the network is back; a cell changed meanwhile asks which to keep', async () => {
    await asOfficerOnEntry(async (page) => {
      const context = page.context();
      await keptForOffline(page);

      await context.setOffline(true);
      // Offline for the service worker too: an answer it never kept cannot be had.
      const other = await page.evaluate(
        (path) =>
          fetch(path).then(
            () => 'answered',
            () => 'failed',
          ),
        `/api/forms/${FORM}/entry?org=${ORG}&period=2025S2`,
      );
      expect(other).toBe('failed');

      const banner = page.getByTestId('outbox-banner');
      await banner.waitFor();
      expect(await banner.textContent()).toContain('Đang ngoại tuyến');

      await typeOffline(cell(page, LABOUR_FORCE, 'Nam'), '2210');
      await typeOffline(cell(page, LABOUR_FORCE, 'Nữ'), '2.050');
      await typeOffline(cell(page, RETRAINED, 'Nam'), '1150');
      expect(await cellBox(cell(page, LABOUR_FORCE, 'Nữ')).textContent()).toContain('Chưa gửi — đang ngoại tuyến');
      // Waiting is not an error: the input is not marked invalid.
      expect(await cell(page, LABOUR_FORCE, 'Nữ').getAttribute('aria-invalid')).toBeNull();
      await expect.poll(() => banner.getAttribute('data-count')).toBe('3');
      expect(await banner.textContent()).toContain('3 thay đổi chưa gửi');
      await cell(page, LABOUR_FORCE, 'Nữ').scrollIntoViewIfNeeded();
      await page.screenshot({ path: '/tmp/offline-360-pending.png' });

      // A reload without network: the app, the grid with its last figures and the three waiting ones.
      await page.reload();
      await cell(page, RETRAINED, 'Nam').waitFor();
      expect(await cell(page, LABOUR_FORCE, 'Nam').inputValue()).toBe('2.210');
      expect(await cell(page, LABOUR_FORCE, 'Nữ').inputValue()).toBe('2.050');
      expect(await cell(page, RETRAINED, 'Nam').inputValue()).toBe('1.150');
      for (const input of [cell(page, LABOUR_FORCE, 'Nam'), cell(page, LABOUR_FORCE, 'Nữ'), cell(page, RETRAINED, 'Nam')]) {
        expect(await cellBox(input).getAttribute('data-state')).toBe('pending');
      }
      await expect.poll(() => page.getByTestId('outbox-banner').getAttribute('data-count')).toBe('3');
      await page.screenshot({ path: '/tmp/offline-360-reloaded.png', fullPage: true });

      // Meanwhile the labour office stores another figure in one of those cells.
      const admin = await apiLogin(app.server);
      const before = stored(await storedCells(), 'DE_LABOUR_FORCE', 'sex:F');
      const theirs = await apiRequest(app.server, admin, 'PUT', '/api/data-entry/cell', {
        element: 'DE_LABOUR_FORCE',
        period: PERIOD,
        org: ORG,
        disagg: 'sex:F',
        value: 1999,
        baseVersion: before ? (before as unknown as { version: number }).version : 0,
      });
      expect(theirs.status).toBe(200);

      await context.setOffline(false);
      await expect.poll(() => cellBox(cell(page, LABOUR_FORCE, 'Nam')).getAttribute('data-state')).toBe('saved');
      await expect.poll(() => cellBox(cell(page, RETRAINED, 'Nam')).getAttribute('data-state')).toBe('saved');
      const dialog = page.getByRole('dialog', { name: 'Số liệu vừa được người khác sửa' });
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('admin');
      await page.screenshot({ path: '/tmp/offline-360-conflict.png' });
      await dialog.getByRole('button', { name: 'Giữ số của tôi (2.050)' }).click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => cellBox(cell(page, LABOUR_FORCE, 'Nữ')).getAttribute('data-state')).toBe('saved');
      await page.getByTestId('outbox-banner').waitFor({ state: 'detached' });
      expect(await page.evaluate((user) => window.localStorage.getItem(`vetplan.outbox.v1.${user}`), OFFICER.username)).toBeNull();

      // The server holds the officer's figures, each written once.
      const cells = await storedCells();
      expect(stored(cells, 'DE_LABOUR_FORCE', 'sex:M')).toMatchObject({ value: 2210, updatedBy: OFFICER.username });
      expect(stored(cells, 'DE_LABOUR_FORCE', 'sex:F')).toMatchObject({ value: 2050, updatedBy: OFFICER.username });
      expect(stored(cells, 'DE_LABOUR_RETRAINED', 'sex:M')).toMatchObject({ value: 1150, updatedBy: OFFICER.username });
      const history = await apiRequest(
        app.server,
        admin,
        'GET',
        `/api/data-values/history?element=DE_LABOUR_FORCE&period=${PERIOD}&org=${ORG}&disagg=sex:F`,
      );
      const entries = ((await history.json()) as { entries: { actor: string; oldValue: number | null; newValue: number | null }[] })
        .entries;
      expect(entries.slice(-2).map((e) => [e.actor, e.oldValue, e.newValue])).toEqual([
        ['admin', before?.value ?? null, 1999],
        [OFFICER.username, 1999, 2050],
      ]);
      const men = await apiRequest(
        app.server,
        admin,
        'GET',
        `/api/data-values/history?element=DE_LABOUR_FORCE&period=${PERIOD}&org=${ORG}&disagg=sex:M`,
      );
      const menEntries = ((await men.json()) as { entries: { actor: string; newValue: number | null }[] }).entries;
      expect(menEntries.filter((e) => e.actor === OFFICER.username).map((e) => e.newValue)).toEqual([2210]);

      // The history drawer shows the two writes too.
      await cellBox(cell(page, LABOUR_FORCE, 'Nữ'))
        .getByRole('button', { name: /^Ghi chú và lịch sử/ })
        .click();
      await page.getByRole('dialog').getByText('1.999 → 2.050').waitFor();
    });
  });

  it('warns before logging out with changes not sent, and forgets the kept answers at log-out', async () => {
    await asOfficerOnEntry(async (page) => {
      await keptForOffline(page);

      await page.context().setOffline(true);
      await typeOffline(cell(page, RETRAINED, 'Nữ'), '1160');
      await page.context().setOffline(false);
      // Back online, the outbox is sent on its own; go offline again before typing the one left behind.
      await expect.poll(() => cellBox(cell(page, RETRAINED, 'Nữ')).getAttribute('data-state')).toBe('saved');
      await page.context().setOffline(true);
      await typeOffline(cell(page, RETRAINED, 'Nữ'), '1170');

      await page.getByRole('button', { name: 'Mở hoặc đóng menu' }).click();
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      const dialog = page.getByRole('dialog', { name: 'Còn thay đổi chưa gửi' });
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('Còn 1 thay đổi chưa gửi');
      await dialog.getByRole('button', { name: 'Ở lại để gửi' }).click();
      await dialog.waitFor({ state: 'detached' });

      await page.context().setOffline(false);
      await expect.poll(() => cellBox(cell(page, RETRAINED, 'Nữ')).getAttribute('data-state')).toBe('saved');
      // The menu is still open: nothing waits now, so Đăng xuất asks nothing.
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.waitForURL('**/login');
      await expect.poll(() => keptAnswers(page)).toEqual([]);
      expect(stored(await storedCells(), 'DE_LABOUR_RETRAINED', 'sex:F')).toMatchObject({ value: 1170, updatedBy: OFFICER.username });
    });
  });

  it('keeps a figure whose save the weak connection dropped while online, and sends it with Gửi lại', async () => {
    await asOfficerOnEntry(async (page) => {
      const context = page.context();
      const input = cell(page, LABOUR_FORCE, 'Nam');

      // The browser says it is online, but every save is lost on the way.
      await context.route('**/api/data-entry/cell', (route) => route.abort('internetdisconnected'));
      await input.click();
      await input.fill('2230');
      await input.press('Enter');
      await expect.poll(() => cellBox(input).getAttribute('data-state'), { timeout: 30_000 }).toBe('pending');
      expect(await cellBox(input).textContent()).toContain('Chưa gửi — đang chờ gửi lại');
      const banner = page.getByTestId('outbox-banner');
      expect(await banner.getAttribute('data-count')).toBe('1');

      await context.unroute('**/api/data-entry/cell');
      await banner.getByRole('button', { name: 'Gửi lại' }).click();
      await expect.poll(() => cellBox(input).getAttribute('data-state')).toBe('saved');
      await banner.waitFor({ state: 'detached' });
      expect(stored(await storedCells(), 'DE_LABOUR_FORCE', 'sex:M')).toMatchObject({ value: 2230, updatedBy: OFFICER.username });
    });
  });
});
