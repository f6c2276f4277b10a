import type { Lang } from '@vetplan/domain';

/** One problem in a request, as the server names it (`path` is the field). */
export interface ApiErrorDetail {
  path: string;
  messageVi: string;
  messageEn: string;
}

export interface ApiErrorInit {
  status: number;
  id: string;
  messageVi: string;
  messageEn: string;
  details?: ApiErrorDetail[];
  /** The whole error body, for answers that carry more (e.g. `current` of a stale write). */
  body?: Record<string, unknown> | null;
  lang: Lang;
}

/**
 * A failed API call: the server's stable error id (`invalid_credentials`,
 * `validation_error`, ...) and its message in both languages. `message` is in
 * the language that was active when the error happened; `localized()` gives
 * it again after the user switches language.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly id: string;
  readonly messageVi: string;
  readonly messageEn: string;
  readonly details: ApiErrorDetail[];
  readonly body: Record<string, unknown> | null;

  constructor(init: ApiErrorInit) {
    super(init.lang === 'en' ? init.messageEn : init.messageVi);
    this.name = 'ApiError';
    this.status = init.status;
    this.id = init.id;
    this.messageVi = init.messageVi;
    this.messageEn = init.messageEn;
    this.details = init.details ?? [];
    this.body = init.body ?? null;
  }

  localized(lang: Lang): string {
    return lang === 'en' ? this.messageEn : this.messageVi;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The field a detail refers to: "/username", "body.username" and "username" all give "username". */
export function detailField(detail: ApiErrorDetail): string {
  const parts = detail.path.split(/[/.]/).filter((p) => p !== '' && p !== 'body');
  return parts[0] ?? '';
}
