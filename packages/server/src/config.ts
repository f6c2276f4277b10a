import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: catalogue and the built web app are found from here by default. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  port: number;
  host: string;
  /** Folder of the embedded database and uploaded files. */
  dataDir: string;
  /** A PostgreSQL server instead of the embedded database, when set. */
  databaseUrl: string | null;
  adminPassword: string | null;
  catalogDir: string;
  webDistDir: string;
  logLevel: LogLevel;
  /** Send cookies with `Secure`: always, never, or when the request came over HTTPS. */
  cookieSecure: 'auto' | 'always' | 'never';
  /**
   * Which reverse proxies' X-Forwarded-For entries to believe: none (false), the number of proxy hops in front
   * of the server, or the proxies' addresses/CIDRs. Never `true`: that would believe a client's own entry.
   */
  trustProxy: TrustProxy;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loginMaxFailures: number;
  loginWindowMinutes: number;
  /** Largest request body accepted, in bytes. */
  bodyLimitBytes: number;
  /** Largest data file accepted by imports, in bytes. */
  importLimitBytes: number;
  /** Most data rows one import file may hold. */
  importMaxRows: number;
  /** Largest Excel upload (a filled form template), in bytes. */
  xlsxLimitBytes: number;
  /** Most bytes the parts of an Excel upload that are read may inflate to. */
  xlsxMaxUnzippedBytes: number;
  /**
   * Share of the expected units (the communes of a district), in per cent, that must have reported a
   * period, every half of a year included, before its figure is final; below it the figure is provisional
   * (tạm tính) and never the headline.
   */
  completenessPercent: number;
  /** Load the synthetic 2021–2025 history on a first start without figures. */
  demoData: boolean;
  /** smtp://user:pass@host:port or smtps://…: reminders are e-mailed too; null: in the app only. */
  smtpUrl: string | null;
  /** The sender of e-mailed reminders (MAIL_FROM). */
  mailFrom: string;
  /** `POST /api/test/clock` for browser tests (VETPLAN_TEST_CLOCK=1); refused when NODE_ENV=production. */
  testClock: boolean;
}

export type TrustProxy = false | number | string[];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Reads the environment once into a typed configuration. Every bad variable
 * is reported together, so a start-up fails with the full list to fix.
 */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);

  const databaseUrl = read.text('DATABASE_URL');
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push(`DATABASE_URL: "${redactUrl(databaseUrl)}" must start with postgres:// or postgresql://`);
  }
  // Kept exactly as given (no trimming): it is the password typed at the first login.
  // The whole policy is checked when the first admin is created (bootstrap.ts).
  const adminPassword = env.VETPLAN_ADMIN_PASSWORD ? env.VETPLAN_ADMIN_PASSWORD : null;
  if (adminPassword !== null && [...adminPassword].length < 8) {
    problems.push('VETPLAN_ADMIN_PASSWORD: must be at least 8 characters long');
  }

  const config: Config = {
    port: read.integer('PORT', 3000, 0, 65535),
    host: read.text('HOST') ?? '127.0.0.1',
    dataDir: path.resolve(cwd, read.text('DATA_DIR') ?? 'data'),
    databaseUrl,
    adminPassword,
    catalogDir: path.resolve(cwd, read.text('CATALOG_DIR') ?? path.join(REPO_ROOT, 'catalog/yen-dung-2023')),
    webDistDir: path.resolve(cwd, read.text('WEB_DIST_DIR') ?? path.join(REPO_ROOT, 'packages/web/dist')),
    logLevel: read.choice('LOG_LEVEL', LOG_LEVELS, 'info'),
    cookieSecure: read.choice('COOKIE_SECURE', ['auto', 'always', 'never'] as const, 'auto'),
    trustProxy: readTrustProxy(read.text('TRUST_PROXY'), problems),
    sessionIdleMinutes: read.integer('SESSION_IDLE_MINUTES', 8 * 60, 1, 7 * 24 * 60),
    sessionMaxHours: read.integer('SESSION_MAX_HOURS', 7 * 24, 1, 90 * 24),
    loginMaxFailures: read.integer('LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginWindowMinutes: read.integer('LOGIN_WINDOW_MINUTES', 15, 1, 24 * 60),
    bodyLimitBytes: read.integer('BODY_LIMIT_BYTES', 1024 * 1024, 1024, 1024 * 1024 * 1024),
    importLimitBytes: read.integer('IMPORT_LIMIT_BYTES', 100 * 1024 * 1024, 1024, 4 * 1024 * 1024 * 1024),
    importMaxRows: read.integer('IMPORT_MAX_ROWS', 1_000_000, 1, 100_000_000),
    xlsxLimitBytes: read.integer('XLSX_LIMIT_BYTES', 5 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    xlsxMaxUnzippedBytes: read.integer('XLSX_MAX_UNZIPPED_BYTES', 8 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024),
    completenessPercent: read.integer('COMPLETENESS_PERCENT', 100, 1, 100),
    // A laptop's first start shows a living dashboard; a server starts empty unless asked.
    demoData: read.boolean('DEMO_DATA', databaseUrl === null),
    testClock: read.boolean('VETPLAN_TEST_CLOCK', false),
    smtpUrl: read.text('SMTP_URL'),
    mailFrom: read.text('MAIL_FROM') ?? 'vetplan <vetplan@localhost>',
  };
  if (config.smtpUrl !== null && !/^smtps?:\/\/[^/]/.test(config.smtpUrl)) {
    problems.push(`SMTP_URL: "${redactUrl(config.smtpUrl)}" must look like smtp://user:password@host:587 or smtps://host:465`);
  }
  if (config.testClock && env.NODE_ENV === 'production') {
    problems.push('VETPLAN_TEST_CLOCK: must not be set when NODE_ENV=production (it lets an administrator move the server clock)');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Names proxy-addr (Fastify's trustProxy) gives to address ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = net.isIP(address);
  if (version === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128));
}

/** TRUST_PROXY: false, a hop count (1 to 10) or a comma-separated list of proxy addresses and CIDRs. */
function readTrustProxy(raw: string | null, problems: string[]): TrustProxy {
  if (raw === null || ['false', 'no', '0'].includes(raw.toLowerCase())) return false;
  if (['true', 'yes'].includes(raw.toLowerCase())) {
    problems.push(
      'TRUST_PROXY: "true" would believe the address a client writes itself; ' +
        'give the number of proxies in front of vetplan (e.g. 1) or their addresses (e.g. 10.0.0.5 or 10.0.0.0/24)',
    );
    return false;
  }
  if (/^\d+$/.test(raw)) {
    if (Number(raw) <= 10) return Number(raw);
    problems.push(`TRUST_PROXY: "${raw}" must be a number of proxy hops from 1 to 10`);
    return false;
  }
  const entries = raw
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const bad = entries.filter((e) => !isProxyAddress(e));
  if (bad.length === 0 && entries.length > 0) return entries;
  problems.push(
    `TRUST_PROXY: "${bad.join(', ') || raw}" is not a proxy address or CIDR; ` +
      'give false, a number of proxy hops, or addresses such as 10.0.0.5,10.0.0.0/24',
  );
  return false;
}

/** Hides the password of a connection string in messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]*)@/, '//$1:***@');
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  text(name: string): string | null {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? null : value.trim();
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.text(name);
    if (raw === null) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      this.problems.push(`${name}: "${raw}" must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.text(name);
    if (raw === null) return fallback;
    if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
    this.problems.push(`${name}: "${raw}" must be true or false`);
    return fallback;
  }

  choice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const raw = this.text(name);
    if (raw === null) return fallback;
    if ((choices as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name}: "${raw}" must be one of ${choices.join(', ')}`);
    return fallback;
  }
}
