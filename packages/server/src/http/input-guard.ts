import type { FastifyInstance } from 'fastify';
import { errors } from './errors.ts';

/** PostgreSQL text cannot hold the NUL character. */
export const NUL = '\u0000';

/**
 * What makes a string unstorable: the NUL character (PostgreSQL text cannot
 * hold it) or half of a UTF-16 surrogate pair (JSON "\\ud800", which jsonb
 * refuses). Null when the string can be stored.
 */
export function textProblem(s: string): { vi: string; en: string } | null {
  if (s.includes(NUL))
    return { vi: 'chứa ký tự NUL (\\0), ký tự này không được phép', en: 'holds the NUL character (\\0), which is not allowed' };
  if (!(s as unknown as { isWellFormed(): boolean }).isWellFormed())
    return {
      vi: 'chứa ký tự Unicode hỏng (nửa cặp thay thế UTF-16)',
      en: 'holds a broken Unicode character (half of a UTF-16 surrogate pair)',
    };
  return null;
}

/** The first unstorable string in a parsed body, query or params, with its path; files (buffers, streams) are not looked into. */
export function badText(value: unknown, path: string, depth = 0): { path: string; vi: string; en: string } | null {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { path, ...problem } : null;
  }
  if (
    value === null ||
    typeof value !== 'object' ||
    depth > 32 ||
    Buffer.isBuffer(value) ||
    typeof (value as { pipe?: unknown }).pipe === 'function'
  )
    return null;
  for (const [key, item] of Object.entries(value)) {
    const keyProblem = textProblem(key);
    if (keyProblem)
      return { path: `${path}.${(key as unknown as { toWellFormed(): string }).toWellFormed().replaceAll(NUL, '\\0')}`, ...keyProblem };
    const found = badText(item, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * The first number that is not finite in validated params, query or body,
 * with its path: "1e309" or 400 nines pass a schema's type, minimum and
 * maximum as Infinity once Ajv has coerced them.
 */
export function badNumber(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (
    value === null ||
    typeof value !== 'object' ||
    depth > 32 ||
    Buffer.isBuffer(value) ||
    typeof (value as { pipe?: unknown }).pipe === 'function'
  )
    return null;
  for (const [key, item] of Object.entries(value)) {
    const found = badNumber(item, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Refuses a request carrying an unstorable string or a number too large to be finite with 400 naming the field, instead of failing later
 * in a query.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found = badText(request.params, 'params') ?? badText(request.query, 'querystring') ?? badText(request.body, 'body');
    if (found) throw errors.invalidField(found.path, found.vi, found.en);
  });
  app.addHook('preHandler', async (request) => {
    const path = badNumber(request.params, 'params') ?? badNumber(request.query, 'querystring') ?? badNumber(request.body, 'body');
    if (path) throw errors.invalidField(path, 'không phải là một số hữu hạn (quá lớn)', 'is not a finite number (too large)');
  });
}
