import { STATUS_CODES, maxHeaderSize } from 'node:http';
import type { Socket } from 'node:net';
import { confgendError, formatMessage, httpStatusOf, type ConfgendError } from '@wazo-confgend/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export interface ErrorBody {
  error: { code: string; message: string };
}

/** The JSON error answer, with the status the catalogue gives the code unless the route knows better. */
export function sendError(reply: FastifyReply, error: ConfgendError, statusCode = httpStatusOf(error.code)): FastifyReply {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  return reply.code(statusCode).type('application/json; charset=utf-8').send(body);
}

/** The status the error catalogue gives the code: 404 for a file nobody serves, 400 for a malformed name, 503 when nothing could be served. */
export function statusOfServiceError(error: ConfgendError): number {
  return httpStatusOf(error.code);
}

export interface KnownRoute {
  method: string;
  pattern: RegExp;
}

/** The paths a fastify route URL (`/1.0/files/:resource/:filename`) matches: each parameter one segment. */
export function routePattern(url: string): RegExp {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${url.split('/').map((part) => (part.startsWith(':') ? '[^/]+' : literal(part))).join('/')}$`);
}

/** Unknown paths → 404, a known path with another method → 405 (with `Allow`), framework errors → their status, all as JSON. */
export function installErrorHandlers(app: FastifyInstance, routes: readonly KnownRoute[]): void {
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = new Set(routes.filter((route) => route.pattern.test(path)).map((route) => route.method));
    if (allowed.size > 0) {
      const allow = [...allowed].join(', ');
      void reply.header('Allow', allow);
      return sendError(reply, confgendError('WCG_ERR_HTTP_METHOD_NOT_ALLOWED', 'otherMethod', { method: request.method, path, allow }));
    }
    return sendError(reply, confgendError('WCG_ERR_HTTP_NOT_FOUND', 'noRoute', { method: request.method, path }));
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const statusCode = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (statusCode >= 500) {
      request.log.error({ err: error }, `unexpected error on ${request.method} ${request.url}`);
      return sendError(reply, confgendError('WCG_ERR_HTTP_INTERNAL', 'unexpected', { reason: error.message }), statusCode);
    }
    return sendError(reply, confgendError('WCG_ERR_HTTP_BAD_REQUEST', 'invalidInput', { reason: error.message }), statusCode);
  });
}

/** What a request fastify refuses before routing (a URL it cannot decode, a parameter over its length limit) is answered. */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const statusCode = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const path = request.url.split('?')[0] ?? '';
  const shown = { path: path.slice(0, 200) };
  const answer = confgendError('WCG_ERR_HTTP_BAD_REQUEST', error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'segmentTooLong' : 'invalidUrl', shown);
  return sendError(reply, answer, statusCode);
}

/** Status and message for a request Node's HTTP parser could not read (no route, no reply object exists yet). */
export function clientErrorAnswer(error: NodeJS.ErrnoException): { statusCode: number; message: string } {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return { statusCode: 431, message: formatMessage('WCG_ERR_HTTP_BAD_REQUEST', 'headersTooLarge', { limit: maxHeaderSize }) };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { statusCode: 408, message: formatMessage('WCG_ERR_HTTP_BAD_REQUEST', 'tooSlow', {}) };
    case 'HPE_INVALID_METHOD':
      return { statusCode: 400, message: formatMessage('WCG_ERR_HTTP_BAD_REQUEST', 'unknownMethod', {}) };
    default:
      return { statusCode: 400, message: formatMessage('WCG_ERR_HTTP_BAD_REQUEST', 'unparsable', { parserCode: error.code }) };
  }
}

/** Answers an unparsable request on the socket itself, with the same JSON error shape, then closes it. */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  // a reset connection has nobody to answer
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const { statusCode, message } = clientErrorAnswer(error);
    const body = JSON.stringify({ error: { code: 'WCG_ERR_HTTP_BAD_REQUEST', message } } satisfies ErrorBody);
    socket.write(
      `HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
