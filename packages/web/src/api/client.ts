import type { Lang } from '@vetplan/domain';
import { ApiError, type ApiErrorDetail } from './errors.ts';
import { asObject, DecodeError, type Json } from './decode.ts';

/**
 * The one way the web app talks to the server: JSON, the session cookie
 * (`credentials: 'same-origin'`), and the session's CSRF token on every
 * request that changes something.
 */

interface ClientSettings {
  /** The language in which errors are reported (the UI's current language). */
  lang: () => Lang;
  /** Messages for failures that never reached the server's error handler. */
  localMessage: (key: 'network' | 'unexpected', lang: Lang) => string;
}

let settings: ClientSettings = {
  lang: () => 'vi',
  localMessage: (key) => key,
};
let csrfToken: string | null = null;

export function configureApiClient(next: ClientSettings): void {
  settings = next;
}

/** Set from the current session (`Me.csrfToken`); cleared on log-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  body?: unknown;
  signal?: AbortSignal;
}

export function localError(status: number, id: string, key: 'network' | 'unexpected'): ApiError {
  return new ApiError({
    status,
    id,
    messageVi: settings.localMessage(key, 'vi'),
    messageEn: settings.localMessage(key, 'en'),
    lang: settings.lang(),
  });
}

function readDetails(value: unknown): ApiErrorDetail[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): ApiErrorDetail[] => {
    if (typeof item !== 'object' || item === null) return [];
    const d = item as Json;
    const vi = typeof d.message === 'string' ? d.message : '';
    const en = typeof d.messageEn === 'string' ? d.messageEn : vi;
    return [{ path: typeof d.path === 'string' ? d.path : '', messageVi: vi, messageEn: en }];
  });
}

/** Turns `{ error, message, messageEn, details? }` into an ApiError. */
export function errorFromBody(status: number, body: unknown): ApiError {
  if (typeof body !== 'object' || body === null || typeof (body as Json).error !== 'string') {
    return localError(status, 'http_error', 'unexpected');
  }
  const b = body as Json;
  const messageVi = typeof b.message === 'string' ? b.message : settings.localMessage('unexpected', 'vi');
  const messageEn = typeof b.messageEn === 'string' ? b.messageEn : messageVi;
  return new ApiError({
    status,
    id: String(b.error),
    messageVi,
    messageEn,
    details: readDetails(b.details),
    body: b,
    lang: settings.lang(),
  });
}

/** A response text as JSON; `undefined` when empty or not JSON. */
export function parseJsonText(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Sends a request and answers the parsed JSON body (`undefined` for 204). */
export async function apiRequest(path: string, options: RequestOptions = {}): Promise<unknown> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw localError(0, 'network_error', 'network');
  }

  const body = parseJsonText(await response.text());
  if (!response.ok) throw errorFromBody(response.status, body);
  return body;
}

/** GET (or any method) and map the answer with a response mapper. */
export async function apiGet<T>(path: string, map: (body: Json) => T, signal?: AbortSignal): Promise<T> {
  const body = await apiRequest(path, signal ? { signal } : {});
  return decodeWith(body, map);
}

export async function apiSend<T>(method: Exclude<HttpMethod, 'GET'>, path: string, body: unknown, map: (body: Json) => T): Promise<T> {
  const answer = await apiRequest(path, { method, body });
  return decodeWith(answer, map);
}

export function decodeWith<T>(body: unknown, map: (body: Json) => T): T {
  try {
    return map(asObject(body, 'response'));
  } catch (error) {
    if (error instanceof DecodeError) {
      console.error(error.message);
      throw localError(200, 'bad_response', 'unexpected');
    }
    throw error;
  }
}

/** The file a request answered, with the name from Content-Disposition (`filename*` first). */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

function fileNameFrom(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (star) return decodeURIComponent(star[1]!);
  const plain = /filename="([^"]+)"/i.exec(disposition ?? '');
  return plain ? plain[1]! : fallback;
}

/** Sends a request that answers a file (an exported report); errors as for apiRequest. */
export async function apiFile(path: string, options: RequestOptions = {}, fallbackName = 'download'): Promise<DownloadedFile> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw localError(0, 'network_error', 'network');
  }
  if (!response.ok) throw errorFromBody(response.status, parseJsonText(await response.text()));
  return { blob: await response.blob(), fileName: fileNameFrom(response.headers.get('content-disposition'), fallbackName) };
}
