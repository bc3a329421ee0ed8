import { stat } from 'node:fs/promises';
import { ConfigError, describeError, loadConfig, type LoadedConfig, confgendError } from '@wazo-confgend/core';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr };

/** Exit status of a configuration that cannot be used (as the daemon at start-up). */
export const EXIT_BAD_CONFIG = 2;

/** Every problem of a broken configuration, one per line, on stderr. */
export function printConfigError(error: unknown, io: CliIo): void {
  if (error instanceof ConfigError) {
    io.stderr.write(`wazo-confgend: ${error.message.split('\n')[0]}\n`);
    for (const problem of error.problems) io.stderr.write(`  ${problem.code}: ${problem.message}\n`);
  } else {
    io.stderr.write(`wazo-confgend: ${describeError(error)}\n`);
  }
}

/**
 * Says why `configFile` cannot be the configuration when it does not exist. Core falls back to
 * its built-in defaults for a missing file, and those have no `db_uri`: a mistyped path would
 * start the embedded demo database and serve nothing useful. The demo is started by naming its
 * configuration (`npm start`), never by accident.
 */
export async function missingConfigFile(configFile: string): Promise<ConfigError | null> {
  try {
    await stat(configFile);
    return null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return null;
    return new ConfigError([confgendError('WCG_ERR_CONFIG_INVALID', 'fileNotFound', { file: configFile }, { details: { file: configFile } })]);
  }
}

/** The configuration, or `null` after printing why it cannot be loaded. */
export async function loadConfigOrReport(configFile: string, io: CliIo): Promise<LoadedConfig | null> {
  const missing = await missingConfigFile(configFile);
  if (missing !== null) {
    printConfigError(missing, io);
    return null;
  }
  try {
    const loaded = await loadConfig(configFile);
    for (const warning of loaded.warnings) io.stderr.write(`wazo-confgend: warning: ${warning}\n`);
    return loaded;
  } catch (error) {
    printConfigError(error, io);
    return null;
  }
}
