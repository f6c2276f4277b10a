import { formatNumber } from '@vetplan/domain';

/** One problem with a request, named by where it is. */
export interface ErrorDetail {
  path: string;
  message: string;
  messageEn: string;
}

/**
 * An error a user can act on: a stable machine id, an HTTP status and the
 * message in Vietnamese (the default) and English. Thrown anywhere, answered
 * by the one error handler.
 */
export class AppError extends Error {
  constructor(
    readonly id: string,
    readonly status: number,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
    /** More fields of the answer, e.g. the row errors of a rejected import. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(messageEn);
    this.name = 'AppError';
  }
}

export function detailsMessage(details: ErrorDetail[]): { vi: string; en: string } {
  const [first] = details;
  if (!first) return { vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request is not valid.' };
  const more = details.length > 1;
  return {
    vi: `${first.path ? `${first.path}: ` : ''}${first.message}${more ? ` (và ${details.length - 1} lỗi khác)` : ''}`,
    en: `${first.path ? `${first.path}: ` : ''}${first.messageEn}${more ? ` (and ${details.length - 1} more)` : ''}`,
  };
}

/** A byte count as an official reads it: 8 KB, 1 MB, 1,5 GB. */
export function formatBytes(bytes: number): { vi: string; en: string } {
  const [unit, size] = bytes >= 2 ** 30 ? ['GB', 2 ** 30] : bytes >= 2 ** 20 ? ['MB', 2 ** 20] : ['KB', 2 ** 10];
  const value = Math.round((bytes / (size as number)) * 10) / 10;
  return { vi: `${formatNumber(value, { maxDecimals: 1 })} ${unit}`, en: `${value} ${unit}` };
}

export const errors = {
  /** A body or upload over its limit (the route's, when known). */
  payloadTooLarge(limitBytes?: number): AppError {
    if (!limitBytes) return new AppError('payload_too_large', 413, 'Dữ liệu gửi lên quá lớn.', 'The request body is too large.');
    const size = formatBytes(limitBytes);
    return new AppError(
      'payload_too_large',
      413,
      `Dữ liệu gửi lên quá lớn: tối đa ${size.vi}. Hãy chia tệp thành nhiều tệp nhỏ hơn rồi gửi lại.`,
      `The request body is too large: at most ${size.en}. Split the file into smaller ones and send them again.`,
    );
  },
  validation(details: ErrorDetail[]): AppError {
    const m = detailsMessage(details);
    return new AppError('validation_error', 400, m.vi, m.en, details);
  },
  invalidField(path: string, vi: string, en: string): AppError {
    return errors.validation([{ path, message: vi, messageEn: en }]);
  },
  unauthorized(): AppError {
    return new AppError('unauthorized', 401, 'Bạn cần đăng nhập để tiếp tục.', 'You need to log in.');
  },
  invalidCredentials(): AppError {
    return new AppError('invalid_credentials', 401, 'Tên đăng nhập hoặc mật khẩu không đúng.', 'Wrong username or password.');
  },
  tooManyAttempts(retryAfterSeconds: number): AppError {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    return new AppError(
      'too_many_attempts',
      429,
      `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
      `Too many failed logins. Try again in ${minutes} minute(s).`,
      [],
      { 'retry-after': String(retryAfterSeconds) },
    );
  },
  unknownUnit(code: string, path = 'org'): AppError {
    return errors.invalidField(
      path,
      `"${code}" không phải là mã địa bàn hoặc đơn vị đã có`,
      `"${code}" is not a known area or organisation code`,
    );
  },
  forbidden(vi = 'Bạn không có quyền thực hiện thao tác này.', en = 'You are not allowed to do this.'): AppError {
    return new AppError('forbidden', 403, vi, en);
  },
  /** A unit outside the user's scope; `group` names the group of organisations the request named it through. */
  outOfScope(code: string, group?: string): AppError {
    return new AppError(
      'out_of_scope',
      403,
      `Đơn vị "${code}"${group ? ` (nhóm "${group}")` : ''} nằm ngoài phạm vi được giao của bạn.`,
      `"${code}"${group ? ` (group "${group}")` : ''} is outside the area or organisation you are assigned to.`,
    );
  },
  /** An act on the whole catalogue by a user scoped below a plan's area. */
  belowPlanArea(scope: string, plan: string, area: string): AppError {
    return new AppError(
      'out_of_scope',
      403,
      `Thao tác này áp dụng cho toàn bộ danh mục và kế hoạch; phạm vi được giao của bạn ("${scope}") ` +
        `chưa bao trùm địa bàn "${area}" của kế hoạch ${plan}. Hãy nhờ quản trị viên cấp huyện trở lên thực hiện.`,
      `This act applies to the whole catalogue and every plan; your assigned scope ("${scope}") ` +
        `does not cover area "${area}" of plan ${plan}. Ask an administrator of the district or above.`,
    );
  },
  /** An administrator set the user's password: only the password change, `me` and logout answer until it is changed. */
  passwordChangeRequired(): AppError {
    return new AppError(
      'password_change_required',
      403,
      'Quản trị viên đã đặt lại mật khẩu của bạn. Hãy đổi sang mật khẩu mới của riêng bạn trước khi tiếp tục.',
      'An administrator has reset your password. Change it to a new one of your own before you continue.',
    );
  },
  csrf(): AppError {
    return new AppError(
      'csrf_failed',
      403,
      'Yêu cầu không có mã xác thực hợp lệ (CSRF). Hãy tải lại trang và thử lại.',
      'The request lacks a valid CSRF token. Reload the page and try again.',
    );
  },
  notFound(whatVi: string, whatEn: string): AppError {
    return new AppError('not_found', 404, `Không tìm thấy ${whatVi}.`, `${whatEn} was not found.`);
  },
  conflict(vi: string, en: string): AppError {
    return new AppError('conflict', 409, vi, en);
  },
  /** The database went away under a request (db/unavailable.ts); nothing of it was stored unless said otherwise. */
  databaseUnavailable(
    vi = 'Hệ thống tạm thời không kết nối được cơ sở dữ liệu nên chưa xử lý xong yêu cầu. Vui lòng thử lại sau ít phút.',
    en = 'The system cannot reach its database for the moment, so the request was not completed. Try again in a few minutes.',
    extra: Record<string, unknown> = {},
  ): AppError {
    return new AppError('database_unavailable', 503, vi, en, [], { 'retry-after': String(RETRY_AFTER_SECONDS) }, extra);
  },
};

/** What a 503 for a database that went away asks clients to wait before they try again. */
const RETRY_AFTER_SECONDS = 5;
