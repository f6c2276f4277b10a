// Ad hoc screenshots for review (not a test; deleted afterwards).
import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3998';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
async function shoot(width: number, height: number, path: string, file: string, full = true, lang = 'vi') {
  const ctx = await browser.newContext({ viewport: { width, height }, locale: 'vi-VN', deviceScaleFactor: width < 500 ? 2 : 1 });
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('CONSOLE', m.text()); });
  await page.goto(`${base}/login`);
  if (lang === 'en') await page.evaluate(() => localStorage.setItem('vetplan.lang', 'en'));
  await page.reload();
  await page.locator('input[type="text"], input:not([type])').first().fill('admin');
  await page.locator('input[type="password"]').fill('admin-pass-e2e-123');
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.pathname === '/');
  await page.goto(`${base}${path}`);
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `/tmp/shots/${file}`, fullPage: full });
  const sw = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
  console.log(file, 'scrollWidth', sw);
  await ctx.close();
}
const args = process.argv.slice(2);
await shoot(Number(args[0]), Number(args[1]), args[2]!, args[3]!, args[4] !== 'viewport', args[5] ?? 'vi');
await browser.close();
