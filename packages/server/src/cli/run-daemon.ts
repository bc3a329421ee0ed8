import { ConfigError, describeError } from '@wazo-confgend/core';
import { Daemon } from '../daemon/daemon.js';
import { EXIT_BAD_CONFIG, missingConfigFile, printConfigError, type CliIo } from './cli-io.js';

/**
 * `wazo-confgend`: the daemon in the foreground. SIGTERM/SIGINT stop it gracefully (exit 0),
 * SIGHUP reloads the configuration. A broken configuration at start-up: every problem on
 * stderr, exit 2.
 */
export async function runDaemonCommand(options: { configFile: string }, io: CliIo): Promise<number | 'running'> {
  const missing = await missingConfigFile(options.configFile);
  if (missing !== null) {
    printConfigError(missing, io);
    return EXIT_BAD_CONFIG;
  }
  let daemon: Daemon;
  try {
    daemon = await Daemon.start({ configFile: options.configFile });
  } catch (error) {
    if (error instanceof ConfigError) {
      printConfigError(error, io);
      return EXIT_BAD_CONFIG;
    }
    io.stderr.write(`wazo-confgend: cannot start: ${describeError(error)}\n`);
    return 1;
  }
  const stop = (signal: NodeJS.Signals) => {
    daemon.logger.info({ signal }, `received ${signal}`);
    daemon.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        daemon.logger.error({ err: error }, `stopping failed: ${describeError(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.on('SIGHUP', () => {
    void daemon.reload();
  });
  // a driver's stray promise must not take every other file down with it
  process.on('unhandledRejection', (reason) => {
    daemon.logger.error({ err: reason }, `unhandled promise rejection (ignored): ${describeError(reason)}`);
  });
  return 'running';
}
