import { describe, expect, it } from 'vitest';
import { logIn } from './support/app.ts';
import { openPage } from './support/browser.ts';
import { useAppUnderTest } from './support/server.ts';

/** The web app runs under the server's Content-Security-Policy without a single violation, and every answer carries the security headers. */
const app = useAppUnderTest();

const PAGES = ['/', '/dashboard', '/data-entry', '/completeness', '/inbox', '/users'];

function headerMap(headers: Headers): Record<string, string> {
  const map: Record<string, string> = {};
  headers.forEach((value, name) => (map[name] = value));
  return map;
}

function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  const csp = headers['content-security-policy'] ?? '';
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
  ]) {
    expect(csp, `${where}: CSP ${directive}`).toContain(directive);
  }
  expect(csp, `${where}: no inline or eval scripts`).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  expect(headers, where).toMatchObject({
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  });
  expect(headers['strict-transport-security'], where).toMatch(/max-age=\d+/);
  expect(headers['x-powered-by'], where).toBeUndefined();
}

describe('security headers and Content-Security-Policy', () => {
  it('sends the headers on pages, assets and API answers', async () => {
    for (const path of ['/', '/login', '/api/health', '/api/nothing-here']) {
      const res = await fetch(`${app.server.baseUrl}${path}`);
      expectSecurityHeaders(headerMap(res.headers), path);
    }
    const html = await (await fetch(`${app.server.baseUrl}/`)).text();
    const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    expectSecurityHeaders(headerMap((await fetch(`${app.server.baseUrl}${script}`)).headers), script!);
  });

  it('loads the login page and the main pages with no CSP violation and no console error', async () => {
    const watched = await openPage(app.browser, { viewport: { width: 1366, height: 900 } });
    const { page } = watched;
    try {
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { cspViolations: string[] }).cspViolations = seen;
        document.addEventListener('securitypolicyviolation', (e) =>
          seen.push(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`),
        );
      });
      const violations: string[] = [];
      const collect = async (where: string) => {
        const found = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations.splice(0));
        violations.push(...found.map((v) => `${where}: ${v}`));
      };
      const documents: string[] = [];
      page.on('response', (res) => {
        if (res.request().resourceType() === 'document' && !res.headers()['content-security-policy']) documents.push(res.url());
      });

      await logIn(page, app.server.baseUrl, 'admin', app.server.adminPassword);
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await page.waitForLoadState('networkidle');
      await collect('login → home');
      for (const path of PAGES) {
        // A full load of each page: the document, its scripts, styles and the lazily loaded chunks all meet the policy.
        await page.goto(`${app.server.baseUrl}${path}`);
        await page.waitForLoadState('networkidle');
        await page.locator('main, [role="main"]').first().waitFor();
        await collect(path);
      }
      expect(violations).toEqual([]);
      expect(documents).toEqual([]);
      expect(watched.problems.filter((p) => /Content Security Policy|Refused to/i.test(p.text))).toEqual([]);
      expect(watched.unexpected()).toEqual([]);
    } finally {
      await watched.close();
    }
  });
});
