import { parseArgs } from 'node:util';

export const DEFAULT_CONFIG_FILE = '/etc/wazo-confgend/config.yml';

export type CommandName = 'run' | 'generate' | 'drivers' | 'check-config' | 'install' | 'uninstall' | 'diff' | 'versions';

export type Command =
  | { command: 'run'; configFile: string }
  | { command: 'generate'; configFile: string; resource: string; filename: string }
  | { command: 'drivers'; configFile: string; json: boolean }
  | { command: 'check-config'; configFile: string }
  | { command: 'install' | 'uninstall'; configFile: string; specs: string[]; npmArguments: string[] }
  | { command: 'diff'; configFile: string; resource: string; filename: string; from?: string; to?: string }
  | { command: 'versions'; configFile: string; resource: string; filename: string }
  | { command: 'help'; topic?: CommandName }
  | { command: 'version' };

export class UsageError extends Error {
  override name = 'UsageError';
  /** The command the mistake was made in, so its own help is printed with the error. */
  readonly topic: CommandName | undefined;

  constructor(message: string, topic?: CommandName) {
    super(message);
    this.topic = topic;
  }
}

interface OptionHelp {
  flags: string;
  text: string;
}

interface CommandHelp {
  synopsis: string;
  summary: string;
  options: readonly OptionHelp[];
}

const CONFIG_OPTION: OptionHelp = {
  flags: '-c, --config-file PATH',
  text: `the configuration file (default ${DEFAULT_CONFIG_FILE}); a missing file is an error`,
};
const HELP_OPTION: OptionHelp = { flags: '-h, --help', text: 'this help' };

const COMMANDS: Readonly<Record<CommandName, CommandHelp>> = {
  run: {
    synopsis: 'wazo-confgend [run] [-c PATH]',
    summary: 'run the daemon in the foreground (SIGTERM/SIGINT stop it, SIGHUP reloads the configuration)',
    options: [CONFIG_OPTION, HELP_OPTION],
  },
  generate: {
    synopsis: 'wazo-confgend generate <resource>/<filename> [-c PATH]',
    summary: 'generate one file and write it to stdout, as the daemon would serve it',
    options: [CONFIG_OPTION, HELP_OPTION],
  },
  drivers: {
    synopsis: 'wazo-confgend drivers [--json] [-c PATH]',
    summary: 'list the installed drivers, which ones are selected, and their problems',
    options: [{ flags: '--json', text: 'print {items, selections, problems} as JSON, as GET /1.0/drivers does' }, CONFIG_OPTION, HELP_OPTION],
  },
  'check-config': {
    synopsis: 'wazo-confgend check-config [-c PATH]',
    summary: 'check the configuration, drivers, cache and database; exit 1 on any problem',
    options: [CONFIG_OPTION, HELP_OPTION],
  },
  install: {
    synopsis: 'wazo-confgend install [<package>...] [-c PATH] [-- <npm options>]',
    summary: 'install driver packages (registry names, tarballs or directories) into plugin_dir with npm; with no package, reinstall what plugin_dir lists',
    options: [
      CONFIG_OPTION,
      { flags: '-- <npm options>', text: 'passed to npm install, e.g. -- --registry https://npm.example.com/' },
      HELP_OPTION,
    ],
  },
  uninstall: {
    synopsis: 'wazo-confgend uninstall <package>... [-c PATH] [-- <npm options>]',
    summary: 'remove driver packages from plugin_dir with npm',
    options: [CONFIG_OPTION, { flags: '-- <npm options>', text: 'passed to npm uninstall' }, HELP_OPTION],
  },
  diff: {
    synopsis: 'wazo-confgend diff <resource>/<filename> [--from ID|taken] [--to ID|preview|held] [-c PATH]',
    summary: 'ask the running daemon (rest_api) what changed between two contents of a file; exit 0 when equal, 1 when they differ, 2 on error',
    options: [
      { flags: '--from ID|taken', text: 'a kept version (`versions` lists them), or `taken`: the one Asterisk last took (default)' },
      { flags: '--to ID|preview|held', text: 'a kept version, `preview`: a generation now, neither served nor kept (default), or `held`: what a shrink guard holds back' },
      CONFIG_OPTION,
      HELP_OPTION,
    ],
  },
  versions: {
    synopsis: 'wazo-confgend versions <resource>/<filename> [-c PATH]',
    summary: 'list the versions of a file the running daemon keeps (rest_api), newest first',
    options: [CONFIG_OPTION, HELP_OPTION],
  },
};

const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

function isCommandName(value: string): value is CommandName {
  return (COMMAND_NAMES as string[]).includes(value);
}

function optionLines(options: readonly OptionHelp[]): string {
  const width = Math.max(...options.map((option) => option.flags.length));
  return options.map((option) => `  ${option.flags.padEnd(width)}  ${option.text}`).join('\n');
}

/** The overview (`wazo-confgend help`), or one command's synopsis and options. */
export function helpText(topic?: CommandName): string {
  if (topic !== undefined) {
    const help = COMMANDS[topic];
    return `usage: ${help.synopsis}\n\n${help.summary}\n\noptions:\n${optionLines(help.options)}`;
  }
  const width = Math.max(...COMMAND_NAMES.map((name) => name.length));
  const commands = COMMAND_NAMES.map((name) => `  ${name.padEnd(width)}  ${COMMANDS[name].summary}`).join('\n');
  return `usage: wazo-confgend [<command>] [options]

commands:
${commands}
  ${'help'.padEnd(width)}  this overview; \`wazo-confgend help <command>\` or \`wazo-confgend <command> --help\` for one command

options:
${optionLines([CONFIG_OPTION, { flags: '--version', text: 'print the version and exit' }, HELP_OPTION])}`;
}

/** `install`'s own arguments, and what follows `--` for npm. */
function splitAtTerminator(argv: readonly string[]): { own: string[]; rest: string[] | null } {
  const index = argv.indexOf('--');
  return index === -1 ? { own: [...argv], rest: null } : { own: argv.slice(0, index), rest: argv.slice(index + 1) };
}

/** `wazo-confgend [command] [args] [--config-file PATH]`; throws UsageError for anything else. */
export function parseCommand(argv: readonly string[]): Command {
  const { own, rest: npmArguments } = splitAtTerminator(argv);
  let parsed;
  try {
    parsed = parseArgs({
      args: own,
      allowPositionals: true,
      options: {
        'config-file': { type: 'string', short: 'c' },
        json: { type: 'boolean' },
        from: { type: 'string' },
        to: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    const first = own.find((argument) => isCommandName(argument));
    throw new UsageError((error as Error).message, first as CommandName | undefined);
  }
  const { values, positionals } = parsed;
  const [word, ...rest] = positionals;
  if (word === 'help') {
    const [topic, ...extra] = rest;
    if (extra.length > 0) throw new UsageError(`unexpected argument: ${extra.join(' ')}`);
    if (topic === undefined) return { command: 'help' };
    if (!isCommandName(topic)) throw new UsageError(`no such command: ${topic} (commands: ${COMMAND_NAMES.join(', ')})`);
    return { command: 'help', topic };
  }
  if (word === 'version' && rest.length === 0) return { command: 'version' };
  if (word !== undefined && !isCommandName(word)) throw new UsageError(`unknown command: ${word} (commands: ${COMMAND_NAMES.join(', ')}, help)`);
  const command: CommandName = word ?? 'run';
  if (values.help) return { command: 'help', topic: command };
  if (values.version) {
    if (word !== undefined) throw new UsageError('--version takes no command', command);
    return { command: 'version' };
  }
  const runsNpm = command === 'install' || command === 'uninstall';
  if (npmArguments !== null && !runsNpm) throw new UsageError('`--` (options for npm) only applies to the install and uninstall commands', command);
  if (values.json && command !== 'drivers') throw new UsageError('--json only applies to the drivers command', command);
  if ((values.from !== undefined || values.to !== undefined) && command !== 'diff') throw new UsageError('--from and --to only apply to the diff command', command);
  const configFile = values['config-file'] ?? DEFAULT_CONFIG_FILE;
  const noMoreArguments = () => {
    if (rest.length > 0) throw new UsageError(`unexpected argument: ${rest.join(' ')}`, command);
  };
  switch (command) {
    case 'run':
      noMoreArguments();
      return { command: 'run', configFile };
    case 'drivers':
      noMoreArguments();
      return { command: 'drivers', configFile, json: values.json === true };
    case 'check-config':
      noMoreArguments();
      return { command: 'check-config', configFile };
    case 'install':
      return { command: 'install', configFile, specs: rest, npmArguments: npmArguments ?? [] };
    case 'uninstall':
      if (rest.length === 0) throw new UsageError('uninstall needs the name of a package: wazo-confgend uninstall <package>', command);
      return { command: 'uninstall', configFile, specs: rest, npmArguments: npmArguments ?? [] };
    case 'diff':
      return { command: 'diff', configFile, ...fileOperand(rest, command), ...(values.from !== undefined ? { from: values.from } : {}), ...(values.to !== undefined ? { to: values.to } : {}) };
    case 'versions':
      return { command: 'versions', configFile, ...fileOperand(rest, command) };
    case 'generate': {
      const [file, ...extra] = rest;
      if (file === undefined) throw new UsageError('generate needs a file: wazo-confgend generate <resource>/<filename>', command);
      if (extra.length > 0) throw new UsageError(`unexpected argument: ${extra.join(' ')}`, command);
      const parts = file.split('/');
      if (parts.length !== 2) throw new UsageError(`cannot split ${file}: expected <resource>/<filename>, e.g. asterisk/pjsip.conf`, command);
      const [resource = '', filename = ''] = parts;
      return { command: 'generate', configFile, resource, filename };
    }
  }
}

/** The one `<resource>/<filename>` operand of `diff` and `versions`. */
function fileOperand(operands: readonly string[], command: CommandName): { resource: string; filename: string } {
  const [file, ...extra] = operands;
  if (file === undefined) throw new UsageError(`${command} needs a file: wazo-confgend ${command} <resource>/<filename>`, command);
  if (extra.length > 0) throw new UsageError(`unexpected argument: ${extra.join(' ')}`, command);
  const [resource, filename, ...more] = file.split('/');
  if (!resource || !filename || more.length > 0) throw new UsageError(`cannot split ${file}: expected <resource>/<filename>, e.g. asterisk/pjsip.conf`, command);
  return { resource, filename };
}
