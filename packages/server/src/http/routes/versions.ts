import type { ConfgendError } from '@wazo-confgend/core';
import type { FastifyInstance } from 'fastify';
import type { Runtime } from '../../daemon/runtime.js';
import { statusOfServiceError } from '../errors.js';
import { answering, configuredFile, fileParamsSchema, type FileParams } from './configured-file.js';

/** A file invalidated since its content was held back: that content is older than the database. */
const releaseStatusOf = (error: ConfgendError): number => (error.code === 'WCG_ERR_CONTENT_HELD' ? 409 : statusOfServiceError(error));

/** The kept versions of a file, one version's bytes, and the release of what a shrink guard held back. */
export function versionRoutes(app: FastifyInstance, runtime: () => Runtime): void {
  app.get<{ Params: FileParams }>('/1.0/files/:resource/:filename/versions', { schema: { params: fileParamsSchema } }, (request, reply) =>
    answering(reply, async () => {
      const { service, store } = runtime();
      const key = configuredFile(service, request.params);
      const [items, taken] = await Promise.all([store.versions.list(key), store.lastTakenVersion(key)]);
      return reply.send({ items, taken: taken?.id ?? null });
    }),
  );

  app.get<{ Params: FileParams & { id: string } }>(
    '/1.0/files/:resource/:filename/versions/:id',
    { schema: { params: { ...fileParamsSchema, required: [...fileParamsSchema.required, 'id'], properties: { ...fileParamsSchema.properties, id: { type: 'string' } } } } },
    (request, reply) =>
      answering(reply, async () => {
        const { service, store } = runtime();
        const key = configuredFile(service, request.params);
        const bytes = await store.versions.read(key, request.params.id);
        return reply.type('text/plain; charset=utf-8').send(bytes);
      }),
  );

  app.post<{ Params: FileParams }>('/1.0/files/:resource/:filename/held/release', { schema: { params: fileParamsSchema } }, (request, reply) =>
    answering(
      reply,
      async () => {
        const { service } = runtime();
        const key = configuredFile(service, request.params);
        return reply.send(await service.releaseHeld(key));
      },
      releaseStatusOf,
    ),
  );
}
