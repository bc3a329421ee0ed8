import { Database } from '../database.js';
import { demoDatabaseSource } from '../demo-source.js';
import { buildRuntime } from '../daemon/runtime.js';
import { ConfgendMetrics } from '../metrics/confgend-metrics.js';
import { EXIT_BAD_CONFIG, loadConfigOrReport, type CliIo } from './cli-io.js';
import { commandLogger } from './command-logging.js';

/**
 * `wazo-confgend generate <resource>/<filename>`: one generation with the daemon's semantics
 * (cache written on success, last good content on failure), the content on stdout.
 */
export async function generateCommand(options: { configFile: string; resource: string; filename: string }, io: CliIo): Promise<number> {
  const loaded = await loadConfigOrReport(options.configFile, io);
  if (!loaded) return EXIT_BAD_CONFIG;
  const { config } = loaded;
  const logger = commandLogger(config, io);
  const database =
    config.db_uri !== null
      ? new Database({ dbUri: config.db_uri }, { logger })
      : new Database(demoDatabaseSource(logger), { logger });
  try {
    // a database that is down is not fatal: the service answers from the cache then
    await database.connect().catch((error: Error) => io.stderr.write(`wazo-confgend: warning: ${error.message}\n`));
    const { service, runner } = await buildRuntime(loaded, { logger, metrics: new ConfgendMetrics(), databaseUri: () => database.uri() });
    const outcome = await service.generate({ resource: options.resource, filename: options.filename }).finally(() => runner.close({ force: true }));
    switch (outcome.status) {
      case 'generated':
        io.stdout.write(outcome.content);
        return 0;
      case 'cached':
        if (outcome.error) io.stderr.write(`wazo-confgend: warning: generation failed, writing the last good content: ${outcome.error.code}: ${outcome.error.message}\n`);
        io.stdout.write(outcome.content);
        return 0;
      case 'failed':
        io.stderr.write(`wazo-confgend: cannot generate ${options.resource}/${options.filename}: ${outcome.error.code}: ${outcome.error.message}\n`);
        return 1;
      case 'invalidated':
        return 0;
    }
  } finally {
    await database.close();
  }
}
