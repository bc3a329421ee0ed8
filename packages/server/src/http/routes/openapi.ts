import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { serverPackageDir } from '../../package-dir.js';

/** The hand-written OpenAPI document, shipped in the package as `openapi/api.yml` and served verbatim. */
export function openApiDocument(): string {
  return readFileSync(join(serverPackageDir(), 'openapi', 'api.yml'), 'utf8');
}

export function openApiRoutes(app: FastifyInstance): void {
  const document = openApiDocument();
  app.get('/1.0/api/api.yml', async (_request, reply) => reply.type('application/yaml; charset=utf-8').send(document));
}
