import { i18next, currentLang } from '../i18n/setup.ts';
import { asObject, DecodeError, type Json } from './decode.ts';
import { ApiError } from './errors.ts';

/**
 * Sends a file as the request body with XMLHttpRequest rather than fetch:
 * only XHR reports upload progress, which a big file needs. Like the API
 * client it sends the session cookie and the CSRF token, and answers the
 * parsed JSON body or throws an ApiError (with the whole error body, e.g.
 * an import's row errors).
 */
export interface UploadOptions {
  contentType: string;
  /** The session's CSRF token (`Me.csrfToken`); null for token sessions. */
  csrfToken: string | null;
  /** Bytes sent so far of the total. */
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

function localError(status: number, id: string, key: 'network' | 'unexpected'): ApiError {
  return new ApiError({
    status,
    id,
    messageVi: i18next.t(`errors.${key}`, { lng: 'vi' }),
    messageEn: i18next.t(`errors.${key}`, { lng: 'en' }),
    lang: currentLang(),
  });
}

function parse(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `{ error, message, messageEn, ... }` as an ApiError that keeps the whole body. */
function errorFromBody(status: number, body: unknown): ApiError {
  if (typeof body !== 'object' || body === null || typeof (body as Json).error !== 'string') return localError(status, 'http_error', 'unexpected');
  const b = body as Json;
  const messageVi = typeof b.message === 'string' ? b.message : i18next.t('errors.unexpected', { lng: 'vi' });
  return new ApiError({
    status,
    id: String(b.error),
    messageVi,
    messageEn: typeof b.messageEn === 'string' ? b.messageEn : messageVi,
    body: b,
    lang: currentLang(),
  });
}

function send(path: string, file: Blob, options: UploadOptions): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', options.contentType);
    xhr.setRequestHeader('Accept', 'application/json');
    if (options.csrfToken) xhr.setRequestHeader('X-CSRF-Token', options.csrfToken);
    xhr.upload.addEventListener('progress', (event) => options.onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size));
    xhr.addEventListener('load', () => {
      const body = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(errorFromBody(xhr.status, body));
    });
    xhr.addEventListener('error', () => reject(localError(0, 'network_error', 'network')));
    xhr.addEventListener('abort', () => reject(new DOMException('The upload was cancelled', 'AbortError')));
    if (options.signal) {
      if (options.signal.aborted) return reject(new DOMException('The upload was cancelled', 'AbortError'));
      options.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(file);
  });
}

/** POSTs a file and maps the JSON answer with a response mapper. */
export async function uploadFile<T>(path: string, file: Blob, options: UploadOptions, map: (body: Json) => T): Promise<T> {
  const body = await send(path, file, options);
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
