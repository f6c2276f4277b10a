import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { failureCode, isDatabaseUnavailable } from '../db/unavailable.ts';
import { AppError, detailsMessage, errors } from './errors.ts';
import { schemaErrorDetails, type SchemaError } from './validation-messages.ts';

function send(reply: FastifyReply, error: AppError) {
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  return reply.code(error.status).send({
    error: error.id,
    message: error.messageVi,
    messageEn: error.messageEn,
    ...(error.details.length > 0 ? { details: error.details } : {}),
    ...error.extra,
  });
}

/** Fastify's own errors, mapped to stable ids and messages a user can act on. */
function fromFastify(error: FastifyError, request: FastifyRequest): AppError | null {
  if (error.validation) {
    const details = schemaErrorDetails(error.validation as SchemaError[], error.validationContext);
    const m = detailsMessage(details);
    return new AppError('validation_error', 400, m.vi, m.en, details);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errors.payloadTooLarge(request.routeOptions?.bodyLimit);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(
        'unsupported_media_type',
        415,
        'Định dạng dữ liệu gửi lên không được hỗ trợ.',
        'The content type of the request is not supported.',
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('validation_error', 400, 'body: thiếu nội dung JSON', 'body: the JSON body is empty');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('invalid_json', 400, 'Nội dung gửi lên không phải JSON hợp lệ.', 'The request body is not valid JSON.');
  }
  if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
    return new AppError('invalid_json', 400, 'Nội dung gửi lên không phải JSON hợp lệ.', 'The request body is not valid JSON.');
  }
  if (error.statusCode === 429) {
    return new AppError('too_many_requests', 429, 'Quá nhiều yêu cầu. Vui lòng thử lại sau.', 'Too many requests. Try again later.');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('bad_request', error.statusCode, 'Yêu cầu không hợp lệ.', `The request is not valid: ${error.message}`);
  }
  return null;
}

/** The one error handler: every failure leaves as `{ error, message, messageEn, details? }`. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) return send(reply, error);
    const known = fromFastify(error, request);
    if (known) return send(reply, known);
    // A value the database refuses as data (SQLSTATE class 22: out of range, not a number…) came from the request:
    // a path id such as 1e309 gets past the schema as Infinity. Nothing was written (the transaction rolled back).
    if (typeof error.code === 'string' && /^22[0-9A-Z]{3}$/.test(error.code)) {
      request.log.warn({ err: error }, 'value refused by the database');
      return send(
        reply,
        new AppError(
          'invalid_value',
          400,
          'Giá trị gửi lên không hợp lệ hoặc vượt quá giới hạn cho phép.',
          'A value in the request is not valid or is out of range.',
        ),
      );
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ code: failureCode(error), reason: error.message }, 'the database is unavailable');
      return send(reply, errors.databaseUnavailable());
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(
      reply,
      new AppError(
        'internal_error',
        500,
        `Đã xảy ra lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên (mã yêu cầu ${request.id}).`,
        `An internal error occurred. Try again or tell the administrator (request id ${request.id}).`,
      ),
    );
  });
}
