import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, REPO_ROOT } from '../src/config.ts';

describe('loadConfig', () => {
  it('has working defaults: port 3000, ./data, the default catalogue', () => {
    const c = loadConfig({}, '/srv/app');
    expect(c).toMatchObject({ port: 3000, dataDir: '/srv/app/data', databaseUrl: null, adminPassword: null, cookieSecure: 'auto' });
    expect(c.catalogDir).toBe(path.join(REPO_ROOT, 'catalog/yen-dung-2023'));
  });

  it('lists every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://u:secret@h/db', VETPLAN_ADMIN_PASSWORD: 'short', LOG_LEVEL: 'loud', TRUST_PROXY: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'DATABASE_URL: "mysql://u:***@h/db" must start with postgres:// or postgresql://',
      'VETPLAN_ADMIN_PASSWORD: must be at least 8 characters long',
      'PORT: "eighty" must be a whole number from 0 to 65535',
      'LOG_LEVEL: "loud" must be one of fatal, error, warn, info, debug, trace, silent',
      'TRUST_PROXY: "maybe" must be true or false',
    ]);
  });

  it('takes a PostgreSQL server from DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://vetplan@db:5432/vetplan' }).databaseUrl).toBe('postgres://vetplan@db:5432/vetplan');
  });
});
