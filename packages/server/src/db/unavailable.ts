/**
 * Whether an error means the database is gone rather than that a statement
 * was wrong: the connection was cut (a PostgreSQL restart, a failover,
 * pg_terminate_backend, a pooler's idle timeout), the server refuses new
 * connections for now, or the embedded database has stopped. Such a failure
 * answers 503 and the request may be sent again; it never stops the server.
 */

/**
 * SQLSTATEs of a lost or refused connection: class 08 (connection exception),
 * 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now
 * (starting up, shutting down, in recovery), 53300 too_many_connections.
 */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

/** Socket errors of a server that is not there. */
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** What node-postgres and PGlite say when a connection or the embedded database has ended (they set no code). */
const UNAVAILABLE_MESSAGE = [
  /^Connection terminated/,
  /^Client has encountered a connection error and is not queryable/,
  /^Client was closed and is not queryable/,
  /^timeout exceeded when trying to connect/,
  /^Query read timeout/,
  /is not currently accepting connections$/, // 55000, an administrator's ALTER DATABASE ... ALLOW_CONNECTIONS false
  /^PGlite is clos(ed|ing)/,
  /^Aborted\(/,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'RuntimeError') return true; // WebAssembly.RuntimeError: the embedded database's engine stopped
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code))) return true;
  if (UNAVAILABLE_MESSAGE.some((pattern) => pattern.test(error.message))) return true;
  // A connection tried on each address of a name (Node's happy eyeballs) fails with every reason at once.
  if (error instanceof AggregateError) return error.errors.length > 0 && error.errors.every(isDatabaseUnavailable);
  return false;
}

/** The SQLSTATE or socket error code of a connection failure, for the log ('-' when it has none). */
export function failureCode(error: unknown): string {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : '-';
}
