import { ConfigError, describeError, loadConfig, type LoadedConfig } from '@wazo-confgend/core';

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

/** The configuration, or `null` after printing why it cannot be loaded. */
export async function loadConfigOrReport(configFile: string, io: CliIo): Promise<LoadedConfig | null> {
  try {
    const loaded = await loadConfig(configFile);
    for (const warning of loaded.warnings) io.stderr.write(`wazo-confgend: warning: ${warning}\n`);
    return loaded;
  } catch (error) {
    printConfigError(error, io);
    return null;
  }
}
