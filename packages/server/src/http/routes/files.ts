import type { FastifyInstance } from 'fastify';
import type { FileRequests } from '../../serving/file-requests.js';
import { confgendError } from '@wazo-confgend/core';
import { sendError } from '../errors.js';

interface FileParams {
  resource: string;
  filename: string;
}

export const SOURCE_HEADER = 'X-Wazo-Confgend-Source';

const params = {
  type: 'object',
  required: ['resource', 'filename'],
  properties: { resource: { type: 'string' }, filename: { type: 'string' } },
} as const;

export function fileRoutes(app: FastifyInstance, files: FileRequests): void {
  app.get<{ Params: FileParams; Querystring: { cached?: boolean } }>(
    '/1.0/files/:resource/:filename',
    {
      schema: {
        params,
        querystring: { type: 'object', properties: { cached: { type: 'boolean' } }, additionalProperties: false },
      },
    },
    async (request, reply) => {
      const served = await files.serve({
        resource: request.params.resource,
        filename: request.params.filename,
        options: { cached: request.query.cached === true },
        interface: 'http',
        peer: request.ip,
      });
      if (served.status === 'failed') return sendError(reply, served.error);
      if (served.status !== 'content') return sendError(reply, confgendError('WCG_ERR_HTTP_INTERNAL', 'unexpected', { reason: 'unexpected invalidation' }));
      return reply.code(200).header(SOURCE_HEADER, served.source).type('text/plain; charset=utf-8').send(served.content);
    },
  );

  app.delete<{ Params: FileParams }>('/1.0/files/:resource/:filename/cache', { schema: { params } }, async (request, reply) => {
    const served = await files.serve({
      resource: request.params.resource,
      filename: request.params.filename,
      options: { invalidate: true },
      interface: 'http',
      peer: request.ip,
    });
    if (served.status === 'failed') return sendError(reply, served.error);
    return reply.code(204).send();
  });
}
