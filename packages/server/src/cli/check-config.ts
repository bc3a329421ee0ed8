import { confgendError, type DiscoveredDriver, type Problem } from '@wazo-confgend/core';
import { embeddedPostgresInstalled } from '@wazo-confgend/dao/embedded';
import { probeCacheDirectory } from '../cache-probe.js';
import { Database, redactDbUri } from '../database.js';
import { toProblem } from '../daemon/driver-report.js';
import { createDriverRunner, findInstalledDrivers } from '../daemon/runtime.js';
import { loadConfigOrReport, type CliIo } from './cli-io.js';
import { commandLogger } from './command-logging.js';
import { trialConstruction, trialGeneration } from './trial-generation.js';
import { writableTables } from './writable-tables.js';

/**
 * `wazo-confgend check-config`: the configuration, every package discovery rejected, the driver
 * of every `plugins` entry (selected, imported and constructed), the cache directory, the
 * database, and, when the configured database is reachable, one trial generation of every file
 * (read-only, nothing cached). Prints every finding; exit status 1 when there is any problem.
 */
export async function checkConfigCommand(options: { configFile: string }, io: CliIo): Promise<number> {
  const loaded = await loadConfigOrReport(options.configFile, io);
  if (!loaded) return 1;
  const { config } = loaded;
  const problems: Problem[] = [];
  const ok = (what: string) => io.stdout.write(`ok    ${what}\n`);
  const fail = (what: string, problem: Problem) => {
    problems.push(problem);
    io.stdout.write(`FAIL  ${what}: ${problem.code}: ${problem.message}\n`);
  };
  ok(`configuration: ${loaded.files.length > 0 ? loaded.files.join(', ') : 'built-in defaults'}`);

  const drivers: Array<{ label: string; driver: DiscoveredDriver }> = [];
  const registry = await findInstalledDrivers(config);
  // the daemon's own runner: drivers are imported, built and run in its threads, never here
  const runner = createDriverRunner(config, commandLogger(config, io));
  try {
    const selected: Array<{ label: string; namespace: string; driver: DiscoveredDriver }> = [];
    const refused: Array<{ what: string; error: unknown }> = [];
    for (const [namespace, name] of Object.entries(config.plugins).sort()) {
      if (typeof name !== 'string' || name === '') continue;
      try {
        const driver = registry.select(namespace, config);
        selected.push({ label: `${namespace}: ${name} (${driver.packageName}@${driver.packageVersion})`, namespace, driver });
      } catch (error) {
        refused.push({ what: `${namespace}: ${name}`, error });
      }
    }
    // a conflict on a selected driver is the same error as discovery's: said once, on its selection
    const saidWithASelection = new Set(refused.map(({ error }) => error));
    for (const problem of registry.problems) if (!saidWithASelection.has(problem)) fail('driver package', toProblem(problem));
    for (const { what, error } of refused) fail(what, toProblem(error));
    const constructed = await Promise.all(selected.map(({ driver }) => trialConstruction(runner, driver)));
    selected.forEach(({ label, namespace, driver }, index) => {
      const problem = constructed[index];
      if (problem) fail(label, problem);
      else {
        ok(label);
        drivers.push({ label: namespace, driver });
      }
    });
    await checkStorageAndDatabase();
  } finally {
    await runner.close({ force: true });
  }

  async function checkStorageAndDatabase(): Promise<void> {
    const cache = await probeCacheDirectory(config.cache);
    if (cache.writable) ok(`cache directory ${config.cache} is writable`);
    else fail(`cache directory ${config.cache}`, confgendError('WCG_ERR_CACHE_IO', 'notWritable', { directory: config.cache, reason: cache.error ?? 'unknown' }));

    if (config.db_uri === null) {
      const embedded = await embeddedPostgresInstalled();
      if (embedded.installed) ok('database: no db_uri, the embedded demo PostgreSQL will be used');
      else fail('database', embedded.problem);
    } else {
      const database = new Database({ dbUri: config.db_uri }, { logger: commandLogger(config, io) });
      try {
        await database.connect();
        ok(`database ${redactDbUri(config.db_uri)} is reachable`);
        const writable = await writableTables(config.db_uri);
        if (writable.length > 0) {
          io.stdout.write(
            `warn  database role can write to ${writable.length} table(s) (e.g. ${writable.slice(0, 3).join(', ')}): ` +
              'give wazo-confgend a SELECT-only role (docs/guides/deploying-drivers.md)\n',
          );
        }
        const trials = await Promise.all(drivers.map(({ driver }) => trialGeneration(runner, driver, database.uri())));
        trials.forEach((trial, index) => {
          const what = `generating ${drivers[index]?.label ?? ''}`;
          if (trial.ok) ok(`${what}: ${trial.bytes} bytes`);
          else fail(what, trial.problem);
        });
      } catch (error) {
        fail('database', toProblem(error));
      } finally {
        await database.close();
      }
    }
  }

  io.stdout.write(problems.length === 0 ? 'no problem found\n' : `${problems.length} problem(s) found\n`);
  return problems.length === 0 ? 0 : 1;
}
