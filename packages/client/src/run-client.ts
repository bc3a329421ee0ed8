import type { Writable } from 'node:stream';
import { ClientError } from './client-error.js';
import { readConfigFile, type ConnectionSettings } from './client-config.js';
import { parseCommandLine, requestLine, USAGE } from './command-line.js';
import { fetchFile } from './fetch-file.js';

export interface ClientIo {
  stdout: Writable;
  stderr: Writable;
}

/**
 * The whole `wazo-confgen` command: command line > config file > built-in defaults, one request,
 * the answer on stdout. Returns the exit status; failures are one line on stderr.
 */
export async function runClient(argv: readonly string[], io: ClientIo): Promise<number> {
  try {
    const commandLine = parseCommandLine(argv);
    if (commandLine.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const fromFile = readConfigFile(commandLine.configFile);
    const settings: ConnectionSettings = {
      host: commandLine.host ?? fromFile.host,
      port: commandLine.port ?? fromFile.port,
      timeoutSeconds: commandLine.timeoutSeconds ?? fromFile.timeoutSeconds,
    };
    validate(settings);
    await fetchFile(settings, requestLine(commandLine), io.stdout);
    return 0;
  } catch (error) {
    if (error instanceof ClientError) {
      io.stderr.write(`wazo-confgen: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write(`wazo-confgen: ${(error as Error).message ?? String(error)}\n`);
    return 1;
  }
}

function validate(settings: ConnectionSettings): void {
  if (!Number.isInteger(settings.port) || settings.port < 1 || settings.port > 65535) {
    throw new ClientError(`invalid port ${settings.port}: expected 1-65535`);
  }
  if (!(settings.timeoutSeconds > 0)) {
    throw new ClientError(`invalid timeout ${settings.timeoutSeconds}: expected a positive number of seconds`);
  }
}
