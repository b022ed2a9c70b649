import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { describeError, GleanerError, InvalidInputError, type Logger } from '../core/index.js';

export interface ApiErrorBody {
  error: { code: string; message: string; field?: string };
}

/** The one place where errors become HTTP responses. Known errors say what failed; unknown ones are logged and answered 500. */
export function errorHandler(logger: Logger) {
  return (error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = toResponse(error);
    if (status >= 500)
      logger.error(
        { err: describeError(error), stack: (error as Error).stack, url: request.url },
        'API request failed',
      );
    void reply.status(status).send(body);
  };
}

export function toResponse(error: unknown): { status: number; body: ApiErrorBody } {
  if (error instanceof InvalidInputError) {
    return { status: 400, body: { error: { code: error.code, message: error.message, field: error.field } } };
  }
  if (error instanceof GleanerError) {
    const body = { error: { code: error.code, message: error.message } };
    if (error.code === 'not-found') return { status: 404, body };
    if (error.code === 'unauthorized') return { status: 401, body };
    // The request was right but its page could not be used (HTTP error upstream, not HTML, too large…).
    const byPolicy = { fatal: 503, 'invalid-input': 400, skip: 422, retry: 503 } as const;
    return { status: byPolicy[error.policy], body };
  }
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.statusCode && fastifyError.statusCode < 500) {
    // Fastify's own refusals: malformed JSON, body too large, unsupported media type.
    return {
      status: fastifyError.statusCode,
      body: {
        error: {
          code: String(fastifyError.code ?? 'bad-request').toLowerCase(),
          message: fastifyError.message ?? 'bad request',
        },
      },
    };
  }
  return {
    status: 500,
    body: { error: { code: 'internal', message: 'internal error; the server log has the details' } },
  };
}
