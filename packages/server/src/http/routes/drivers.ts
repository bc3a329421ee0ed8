import type { FastifyInstance } from 'fastify';
import { driverReport } from '../../daemon/driver-report.js';
import type { Runtime } from '../../daemon/runtime.js';

export function driverRoutes(app: FastifyInstance, runtime: () => Runtime): void {
  app.get('/1.0/drivers', async () => {
    return driverReport(runtime());
  });
}
