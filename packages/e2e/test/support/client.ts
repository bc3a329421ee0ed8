import { CLIENT_BIN } from './paths.js';
import { runCommand } from './run-command.js';
import type { CommandResult } from './run-command.js';

/** Runs the built `wazo-confgen` against a daemon's legacy TCP port, with no client config file. */
export function fetchWithClient(port: number, file: string, ...flags: string[]): Promise<CommandResult> {
  return runCommand(process.execPath, [CLIENT_BIN, '-c', '/nonexistent/wazo-confgen.conf', '--host', '127.0.0.1', '-p', String(port), ...flags, file]);
}
