import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * One line per request, written when it is answered, instead of Fastify's two
 * (received, completed): API requests at info, the web app's files at debug,
 * so a server at the default level says what was asked without burying what
 * it printed at start-up (the first administrator's password).
 */
export class RequestLog extends LogController {
  override incomingRequest(): void {
    // Said once, when answered.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      url: request.url,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
      ...(error ? { err: error } : {}),
    };
    if (error) reply.log.error(line, 'request failed');
    else if (request.url === '/api' || request.url.startsWith('/api/')) reply.log.info(line, 'request');
    else reply.log.debug(line, 'request');
  }
}
