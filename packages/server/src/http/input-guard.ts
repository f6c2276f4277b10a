import type { FastifyInstance } from 'fastify';
import { errors } from './errors.ts';

/** PostgreSQL text cannot hold the NUL character: a request carrying one is refused here, naming the field, instead of failing in a query. */
export const NUL = '\u0000';

/** The path of the first string holding NUL in a parsed body, query or params; null when there is none. Files (buffers, streams) are not looked into. */
export function nulPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null;
  if (value === null || typeof value !== 'object' || depth > 32 || Buffer.isBuffer(value) || typeof (value as { pipe?: unknown }).pipe === 'function') return null;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes(NUL)) return `${path}.${key.replaceAll(NUL, '\\0')}`;
    const found = nulPath(item, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

export function nulError(path: string) {
  return errors.invalidField(path, 'chứa ký tự NUL (\\0), ký tự này không được phép', 'holds the NUL character (\\0), which is not allowed');
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found = nulPath(request.params, 'params') ?? nulPath(request.query, 'querystring') ?? nulPath(request.body, 'body');
    if (found) throw nulError(found);
  });
}
