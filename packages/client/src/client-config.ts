import { readFileSync } from 'node:fs';
import { ClientError } from './client-error.js';
import { parseIni } from './ini-file.js';

export const DEFAULT_CONFIG_FILE = '/etc/wazo-confgend-client/config.conf';
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8669;
export const DEFAULT_TIMEOUT_SECONDS = 5;

export interface ConnectionSettings {
  host: string;
  port: number;
  /** Bounds the connection and, separately, the wait for the whole answer. */
  timeoutSeconds: number;
}

/**
 * Reads `[confgen] server, port, timeout` from the client's INI file. A missing file gives the
 * built-in defaults (as upstream); a value that is not an integer is an error naming the file.
 */
export function readConfigFile(path: string): ConnectionSettings {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (isMissingFile(error)) {
      return { host: DEFAULT_HOST, port: DEFAULT_PORT, timeoutSeconds: DEFAULT_TIMEOUT_SECONDS };
    }
    throw new ClientError(`cannot read ${path}: ${(error as Error).message}`);
  }
  const section = parseIni(text, path).get('confgen');
  return {
    host: section?.get('server') ?? DEFAULT_HOST,
    port: integerValue(section?.get('port'), DEFAULT_PORT, `${path}: [confgen] port`),
    timeoutSeconds: integerValue(section?.get('timeout'), DEFAULT_TIMEOUT_SECONDS, `${path}: [confgen] timeout`),
  };
}

function integerValue(raw: string | undefined, fallback: number, what: string): number {
  if (raw === undefined) {
    return fallback;
  }
  const trimmed = raw.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) {
    throw new ClientError(`${what} must be an integer, got '${raw}'`);
  }
  return Number.parseInt(trimmed, 10);
}

function isMissingFile(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
