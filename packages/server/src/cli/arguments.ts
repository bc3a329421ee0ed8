import { parseArgs } from 'node:util';

export const DEFAULT_CONFIG_FILE = '/etc/wazo-confgend/config.yml';

export const USAGE = `usage: wazo-confgend [--config-file PATH]                      run the daemon in the foreground
       wazo-confgend generate <resource>/<filename> [--config-file PATH]   write one file to stdout
       wazo-confgend drivers [--json] [--config-file PATH]     list the installed drivers
       wazo-confgend check-config [--config-file PATH]         report every problem, exit 1 if any
(default --config-file: ${DEFAULT_CONFIG_FILE})`;

export type Command =
  | { command: 'run'; configFile: string }
  | { command: 'generate'; configFile: string; resource: string; filename: string }
  | { command: 'drivers'; configFile: string; json: boolean }
  | { command: 'check-config'; configFile: string }
  | { command: 'help' };

export class UsageError extends Error {
  override name = 'UsageError';
}

/** `wazo-confgend [command] [args] [--config-file PATH]`; throws UsageError for anything else. */
export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'config-file': { type: 'string', short: 'c' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  const configFile = values['config-file'] ?? DEFAULT_CONFIG_FILE;
  const [command, ...rest] = positionals;
  const noMoreArguments = () => {
    if (rest.length > 0) throw new UsageError(`unexpected argument: ${rest.join(' ')}`);
  };
  if (values.json && command !== 'drivers') throw new UsageError('--json only applies to the drivers command');
  switch (command) {
    case undefined:
      return { command: 'run', configFile };
    case 'drivers':
      noMoreArguments();
      return { command: 'drivers', configFile, json: values.json === true };
    case 'check-config':
      noMoreArguments();
      return { command: 'check-config', configFile };
    case 'generate': {
      const [file, ...extra] = rest;
      if (file === undefined) throw new UsageError('generate needs a file: wazo-confgend generate <resource>/<filename>');
      if (extra.length > 0) throw new UsageError(`unexpected argument: ${extra.join(' ')}`);
      const parts = file.split('/');
      if (parts.length !== 2) throw new UsageError(`cannot split ${file}: expected <resource>/<filename>, e.g. asterisk/pjsip.conf`);
      const [resource = '', filename = ''] = parts;
      return { command: 'generate', configFile, resource, filename };
    }
    default:
      throw new UsageError(`unknown command: ${command}`);
  }
}
