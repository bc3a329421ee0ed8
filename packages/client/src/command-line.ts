import { parseArgs } from 'node:util';
import { ClientError } from './client-error.js';
import { DEFAULT_CONFIG_FILE } from './client-config.js';

export const USAGE =
  'usage: wazo-confgen [-h] [-c CONFIG_FILE] [-p PORT] [--host HOST] [-t TIMEOUT] [--cached] [--invalidate] frontend/conffile';

export interface CommandLine {
  configFile: string;
  /** Only set when given and truthy: as upstream, `-p 0` / `-t 0` count as not given. */
  port?: number;
  host?: string;
  timeoutSeconds?: number;
  cached: boolean;
  invalidate: boolean;
  filename: string;
  help: boolean;
}

/** Parses the same flags as the Python `wazo-confgen`; usage errors exit with status 2. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'config-file': { type: 'string', short: 'c' },
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        timeout: { type: 'string', short: 't' },
        cached: { type: 'boolean' },
        invalidate: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new ClientError(`${(error as Error).message}\n${USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  const help = values.help === true;
  if (!help && positionals.length !== 1) {
    const problem =
      positionals.length === 0
        ? 'the following arguments are required: frontend/conffile'
        : `unrecognized arguments: ${positionals.slice(1).join(' ')}`;
    throw new ClientError(`${problem}\n${USAGE}`, 2);
  }
  const port = optionalInteger(values.port, '-p/--port');
  const timeoutSeconds = optionalInteger(values.timeout, '-t/--timeout');
  return {
    configFile: values['config-file'] ?? DEFAULT_CONFIG_FILE,
    ...(port ? { port } : {}),
    ...(values.host ? { host: values.host } : {}),
    ...(timeoutSeconds ? { timeoutSeconds } : {}),
    cached: values.cached === true,
    invalidate: values.invalidate === true,
    filename: positionals[0] ?? '',
    help,
  };
}

function optionalInteger(raw: string | undefined, flag: string): number | undefined {
  if (raw === undefined) {
    return undefined;
  }
  if (!/^\s*[+-]?\d+\s*$/.test(raw)) {
    throw new ClientError(`argument ${flag}: invalid int value: '${raw}'\n${USAGE}`, 2);
  }
  return Number.parseInt(raw, 10);
}

/** The request line the server expects: `<file>[ invalidate][ cached]`, no newline. */
export function requestLine(commandLine: Pick<CommandLine, 'filename' | 'invalidate' | 'cached'>): string {
  const words = [commandLine.filename];
  if (commandLine.invalidate) {
    words.push('invalidate');
  }
  if (commandLine.cached) {
    words.push('cached');
  }
  return words.join(' ');
}
