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
  trustProxy: boolean;
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
  /** Load the synthetic 2021–2025 history on a first start without figures. */
  demoData: boolean;
}

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
  const adminPassword = read.text('VETPLAN_ADMIN_PASSWORD');
  if (adminPassword !== null && adminPassword.length < 8) {
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
    trustProxy: read.boolean('TRUST_PROXY', false),
    sessionIdleMinutes: read.integer('SESSION_IDLE_MINUTES', 8 * 60, 1, 7 * 24 * 60),
    sessionMaxHours: read.integer('SESSION_MAX_HOURS', 7 * 24, 1, 90 * 24),
    loginMaxFailures: read.integer('LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginWindowMinutes: read.integer('LOGIN_WINDOW_MINUTES', 15, 1, 24 * 60),
    bodyLimitBytes: read.integer('BODY_LIMIT_BYTES', 1024 * 1024, 1024, 1024 * 1024 * 1024),
    importLimitBytes: read.integer('IMPORT_LIMIT_BYTES', 100 * 1024 * 1024, 1024, 4 * 1024 * 1024 * 1024),
    importMaxRows: read.integer('IMPORT_MAX_ROWS', 1_000_000, 1, 100_000_000),
    xlsxLimitBytes: read.integer('XLSX_LIMIT_BYTES', 5 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    xlsxMaxUnzippedBytes: read.integer('XLSX_MAX_UNZIPPED_BYTES', 8 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024),
    // A laptop's first start shows a living dashboard; a server starts empty unless asked.
    demoData: read.boolean('DEMO_DATA', databaseUrl === null),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
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
