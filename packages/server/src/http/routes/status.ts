import type { FastifyInstance } from 'fastify';
import { probeCacheDirectory } from '../../cache-probe.js';
import type { Database } from '../../database.js';
import { driverReport, reportProblems } from '../../daemon/driver-report.js';
import type { BusStatusReport } from '../../daemon/daemon-bus.js';
import type { Runtime } from '../../daemon/runtime.js';

export interface StatusDependencies {
  runtime: () => Runtime;
  database: Database;
  version: string;
  startedAt: number;
  /** Absent: the bus is not part of this daemon (e.g. tests of the HTTP layer alone). */
  bus?: () => BusStatusReport;
}

/** Health at a glance: `ok` when the database answers, the cache is writable and no driver has a problem. */
export function statusRoutes(app: FastifyInstance, dependencies: StatusDependencies): void {
  app.get('/1.0/status', async () => {
    const runtime = dependencies.runtime();
    const { database } = dependencies;
    const [databaseState, cache] = await Promise.all([database.check(), probeCacheDirectory(runtime.config.cache)]);
    const report = driverReport(runtime);
    const problems = reportProblems(report);
    const healthy = databaseState === 'up' && cache.writable && problems.length === 0;
    return {
      status: healthy ? 'ok' : 'degraded',
      version: dependencies.version,
      uptime_seconds: Math.round((Date.now() - dependencies.startedAt) / 1000),
      database: { status: databaseState, demo: database.demo, ...(database.lastError ? { error: database.lastError } : {}) },
      cache: { directory: runtime.config.cache, ...cache },
      drivers: {
        installed: report.items.length,
        selected: report.selections.filter((selection) => !selection.problem).map(({ namespace, name, packageName }) => ({ namespace, name, packageName })),
        problems,
      },
      // the bus is optional: without it files are regenerated on request only, so it never degrades the status
      bus: dependencies.bus?.() ?? { listener: { state: 'disabled' }, publisher: { state: 'disabled' } },
      config: { files: runtime.loaded.files },
    };
  });
}
