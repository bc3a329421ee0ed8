import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Database } from '../database.js';
import type { BusStatusReport } from '../daemon/daemon-bus.js';
import type { Runtime } from '../daemon/runtime.js';
import type { ServerLogger } from '../logging.js';
import type { ConfgendMetrics } from '../metrics/confgend-metrics.js';
import type { FileRequests } from '../serving/file-requests.js';
import { clientErrorHandler, frameworkErrorHandler, installErrorHandlers, routePattern, type KnownRoute } from './errors.js';
import { diffRoutes } from './routes/diff.js';
import { driverRoutes } from './routes/drivers.js';
import { fileRoutes } from './routes/files.js';
import { metricsRoutes } from './routes/metrics.js';
import { openApiRoutes } from './routes/openapi.js';
import { statusRoutes } from './routes/status.js';
import { versionRoutes } from './routes/versions.js';

export interface HttpDependencies {
  files: FileRequests;
  runtime: () => Runtime;
  database: Database;
  metrics: ConfgendMetrics;
  logger: ServerLogger;
  version: string;
  startedAt: number;
  bus?: () => BusStatusReport;
}

const QUIETER_THAN_WARN = new Set(['trace', 'debug', 'info']);

function atLeastWarn(level: string): string {
  return QUIETER_THAN_WARN.has(level) ? 'warn' : level;
}

/** The HTTP API (fastify): files, cache invalidation, drivers, status, metrics and the OpenAPI document. */
export function buildHttpApp(dependencies: HttpDependencies): FastifyInstance {
  const httpLogger = dependencies.logger.child({ interface: 'http' });
  // fastify's own info lines ("Server listening at ...", one per address) repeat the daemon's
  // listening line: the framework logs warnings and errors only
  const loggerInstance: FastifyBaseLogger = httpLogger.child({}, { level: atLeastWarn(httpLogger.level) });
  // file requests get one log line each from FileRequests; fastify's own two per request would repeat it
  const app: FastifyInstance = Fastify({
    loggerInstance,
    logController: new LogController({ disableRequestLogging: true }),
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
  });
  // the routes as registered below, so that a 405 knows every path without a second list
  const routes: KnownRoute[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, pattern: routePattern(route.url) });
  });
  installErrorHandlers(app, routes);
  app.addHook('onResponse', async (request, reply) => {
    httpLogger.debug({ method: request.method, url: request.url, statusCode: reply.statusCode, durationMs: reply.elapsedTime }, 'http request');
  });
  fileRoutes(app, dependencies.files);
  versionRoutes(app, dependencies.runtime);
  diffRoutes(app, dependencies.runtime);
  driverRoutes(app, dependencies.runtime);
  statusRoutes(app, dependencies);
  metricsRoutes(app, dependencies.metrics);
  openApiRoutes(app);
  return app;
}
