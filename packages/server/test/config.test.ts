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
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://u:secret@h/db',
        VETPLAN_ADMIN_PASSWORD: 'short',
        LOG_LEVEL: 'loud',
        TRUST_PROXY: 'maybe',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'DATABASE_URL: "mysql://u:***@h/db" must start with postgres:// or postgresql://',
      'VETPLAN_ADMIN_PASSWORD: must be at least 8 characters long',
      'PORT: "eighty" must be a whole number from 0 to 65535',
      'LOG_LEVEL: "loud" must be one of fatal, error, warn, info, debug, trace, silent',
      'TRUST_PROXY: "maybe" is not a proxy address or CIDR; give false, a number of proxy hops, or addresses such as 10.0.0.5,10.0.0.0/24',
    ]);
  });

  it('takes TRUST_PROXY as a number of hops or proxy addresses, and refuses true', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,::1,loopback' }).trustProxy).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      '::1',
      'loopback',
    ]);
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems({ TRUST_PROXY: 'true' })).toEqual([
      'TRUST_PROXY: "true" would believe the address a client writes itself; give the number of proxies in front of vetplan (e.g. 1) or their addresses (e.g. 10.0.0.5 or 10.0.0.0/24)',
    ]);
    expect(problems({ TRUST_PROXY: '11' })).toEqual(['TRUST_PROXY: "11" must be a number of proxy hops from 1 to 10']);
    expect(problems({ TRUST_PROXY: '10.0.0.5,10.0.0.0/33' })[0]).toMatch(/^TRUST_PROXY: "10.0.0.0\/33" is not a proxy address or CIDR/);
  });

  it('refuses VETPLAN_TEST_CLOCK=1 when NODE_ENV=production', () => {
    expect(loadConfig({ VETPLAN_TEST_CLOCK: '1' }).testClock).toBe(true);
    expect(() => loadConfig({ VETPLAN_TEST_CLOCK: '1', NODE_ENV: 'production' })).toThrow(
      'VETPLAN_TEST_CLOCK: must not be set when NODE_ENV=production (it lets an administrator move the server clock)',
    );
    expect(loadConfig({ NODE_ENV: 'production' }).testClock).toBe(false);
  });

  it('e-mails reminders through SMTP_URL when set, and names a bad one without its password', () => {
    expect(loadConfig({}).smtpUrl).toBeNull();
    expect(loadConfig({ SMTP_URL: 'smtp://lan:secret@mail.ldtbxh.vn:587', MAIL_FROM: 'Phòng LĐ-TB&XH <ldtbxh@yendung.vn>' })).toMatchObject(
      { smtpUrl: 'smtp://lan:secret@mail.ldtbxh.vn:587', mailFrom: 'Phòng LĐ-TB&XH <ldtbxh@yendung.vn>' },
    );
    expect(() => loadConfig({ SMTP_URL: 'mail://lan:secret@mail.ldtbxh.vn' })).toThrow(
      'SMTP_URL: "mail://lan:***@mail.ldtbxh.vn" must look like smtp://user:password@host:587 or smtps://host:465',
    );
  });

  it('takes a PostgreSQL server from DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://vetplan@db:5432/vetplan' }).databaseUrl).toBe('postgres://vetplan@db:5432/vetplan');
  });
});
