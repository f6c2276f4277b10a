import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerAccessControl } from '../../src/access/route-access.ts';
import { useTestApp, type ErrorBody } from '../support/app.ts';

const t = useTestApp();

describe('GET /api/health', () => {
  it('answers {"status":"ok"} when the database answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});

describe('GET /api/openapi.json', () => {
  it('documents every API route with its schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(doc.openapi).toBe('3.0.3');
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/api/analytics/indicators',
        '/api/analytics/pivot',
        '/api/areas/tree',
        '/api/auth/login',
        '/api/auth/logout',
        '/api/auth/me',
        '/api/auth/password',
        '/api/data-elements',
        '/api/data-entry/cell',
        '/api/data-values',
        '/api/data-values/audit',
        '/api/data-values/history',
        '/api/forms',
        '/api/forms/{code}/approvals',
        '/api/forms/{code}/completeness',
        '/api/forms/{code}/entry',
        '/api/forms/{code}/reminders',
        '/api/forms/{code}/submissions/{org}/{period}/{action}',
        '/api/forms/{code}/template.xlsx',
        '/api/forms/{code}/xlsx',
        '/api/demo-data',
        '/api/dimensions',
        '/api/health',
        '/api/imports',
        '/api/imports/{id}',
        '/api/inbox',
        '/api/organisations',
        '/api/plans',
        '/api/plans/{code}',
        '/api/plans/{code}/progress',
        '/api/tokens',
        '/api/tokens/{id}',
        '/api/users',
        '/api/users/{username}',
        '/api/users/{username}/disable',
        '/api/users/{username}/enable',
        '/api/users/{username}/password',
        '/api/task-assignments',
        '/api/task-assignments/{id}',
        '/api/task-assignments/{id}/reports',
        '/api/task-assignments/{id}/evidence',
        '/api/task-assignments/{id}/extension',
        '/api/task-assignments/{id}/extension/decision',
        '/api/task-evidence/{id}',
        '/api/tasks',
        '/api/evaluation/scorecard',
        '/api/evaluation/ranking',
        '/api/evaluation/adjustments',
        '/api/reports',
        '/api/reports/draft',
        '/api/reports/exports',
        '/api/reports/exports/{id}/file',
        '/api/reports/preview',
      ].sort(),
    );
    expect(Object.keys(doc.paths['/api/users']!).sort()).toEqual(['get', 'post']);
  });
});

describe('errors', () => {
  it('answers an unknown API route with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json<ErrorBody>()).toMatchObject({ error: 'not_found', message: 'Không tìm thấy đường dẫn GET /api/nothing-here.' });
  });

  it('answers 413 for an oversized body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a', password: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json<ErrorBody>().error).toBe('payload_too_large');
  });

  it('answers 415 for a content type the API does not take', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<x/>',
    });
    expect(res.statusCode).toBe(415);
  });
});

describe('the access layer', () => {
  it('refuses to start with an API route that declares no access rule', async () => {
    const app = Fastify();
    registerAccessControl(
      app,
      async () => null,
      async () => undefined,
      async () => undefined,
    );
    expect(() => app.get('/api/forgotten', async () => ({}))).toThrow('Route GET /api/forgotten declares no access rule (config.access)');
    expect(() => app.get('/api/remembered', { config: { access: { public: true } } }, async () => ({}))).not.toThrow();
  });
});
