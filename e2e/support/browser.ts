import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type BrowserContextOptions, type Download, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { RESULTS_DIR } from './paths.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Something the page logged as an error or warning, or an uncaught exception. */
export interface ConsoleProblem {
  kind: 'console-error' | 'console-warning' | 'pageerror';
  text: string;
  url: string;
}

/** A failed request the test expects (e.g. the 401 of a wrong password). */
export interface ExpectedFailure {
  status: number;
  path: string;
}

export interface WatchedPage {
  page: Page;
  problems: ConsoleProblem[];
  /** Problems other than the expected failed requests, formatted for an assertion message. */
  unexpected(expected?: ExpectedFailure[]): string[];
  close(): Promise<void>;
}

function isExpected(problem: ConsoleProblem, expected: ExpectedFailure[]): boolean {
  // Chromium logs every 4xx/5xx answer as "Failed to load resource: ... status of 401 ...", with the URL.
  const match = /Failed to load resource: the server responded with a status of (\d{3})/.exec(problem.text);
  if (!match) return false;
  const status = Number(match[1]);
  return expected.some((e) => e.status === status && new URL(problem.url).pathname === e.path);
}

/** A fresh context (own cookies and storage) and page, with console errors and warnings collected. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ locale: 'vi-VN', ...options });
  const page = await context.newPage();
  const problems: ConsoleProblem[] = [];
  page.on('console', (message) => {
    const type = message.type();
    if (type === 'error' || type === 'warning') {
      problems.push({ kind: type === 'error' ? 'console-error' : 'console-warning', text: message.text(), url: message.location().url });
    }
  });
  page.on('pageerror', (error) => problems.push({ kind: 'pageerror', text: error.stack ?? error.message, url: page.url() }));
  return {
    page,
    problems,
    unexpected: (expected = []) => problems.filter((p) => !isExpected(p, expected)).map((p) => `${p.kind}: ${p.text} (${p.url})`),
    close: () => context.close(),
  };
}

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 900 } };
export const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** Runs a scenario on a fresh page and expects it to have logged no error or warning. */
export async function withPage(
  browser: Browser,
  options: BrowserContextOptions,
  scenario: (watched: WatchedPage) => Promise<void>,
): Promise<void> {
  const watched = await openPage(browser, options);
  try {
    await scenario(watched);
    expect(watched.unexpected()).toEqual([]);
  } finally {
    await watched.close();
  }
}

/** Saves a screenshot to test-results/ (git-ignored): the whole page, or only what is on screen. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, name);
  // From the top, so the fixed header sits at the top of a full-page image, not mid-page.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** The sidebar with the app's pages (open on a wide screen; behind the burger on a phone). */
export function mainNav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Điều hướng chính' });
}

/** What a click downloads: the download and the file's bytes. */
export async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { download, bytes: fs.readFileSync(await download.path()) };
}

/** The first sheet of a downloaded workbook. */
export async function firstSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}
