import type { FastifyInstance } from 'fastify';
import type { ConfgendMetrics } from '../../metrics/confgend-metrics.js';

export function metricsRoutes(app: FastifyInstance, metrics: ConfgendMetrics): void {
  app.get('/metrics', async (_request, reply) =>
    reply.type('text/plain; version=0.0.4; charset=utf-8').send(metrics.registry.render()),
  );
}
