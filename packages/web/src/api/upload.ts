import { decodeWith, errorFromBody, localError, parseJsonText } from './client.ts';
import type { Json } from './decode.ts';

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

function send(path: string, file: Blob, options: UploadOptions): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', options.contentType);
    xhr.setRequestHeader('Accept', 'application/json');
    if (options.csrfToken) xhr.setRequestHeader('X-CSRF-Token', options.csrfToken);
    xhr.upload.addEventListener('progress', (event) =>
      options.onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size),
    );
    xhr.addEventListener('load', () => {
      const body = parseJsonText(xhr.responseText);
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
  return decodeWith(await send(path, file, options), map);
}
