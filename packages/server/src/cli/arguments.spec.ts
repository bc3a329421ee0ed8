import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_FILE, helpText, parseCommand, UsageError } from './arguments.js';

describe('parseCommand', () => {
  it('runs the daemon by default, or with `run`', () => {
    expect(parseCommand([])).toEqual({ command: 'run', configFile: DEFAULT_CONFIG_FILE });
    expect(parseCommand(['--config-file', '/x.yml'])).toEqual({ command: 'run', configFile: '/x.yml' });
    expect(parseCommand(['run', '-c', '/x.yml'])).toEqual({ command: 'run', configFile: '/x.yml' });
  });

  it('reads the commands, with the option anywhere', () => {
    expect(parseCommand(['generate', 'asterisk/pjsip.conf', '-c', '/x.yml'])).toEqual({
      command: 'generate',
      configFile: '/x.yml',
      resource: 'asterisk',
      filename: 'pjsip.conf',
    });
    expect(parseCommand(['--config-file=/y.yml', 'drivers', '--json'])).toEqual({ command: 'drivers', configFile: '/y.yml', json: true });
    expect(parseCommand(['check-config'])).toEqual({ command: 'check-config', configFile: DEFAULT_CONFIG_FILE });
  });

  it('install takes package specs, and npm options after --', () => {
    expect(parseCommand(['install', '@acme/driver', './x.tgz', '-c', '/x.yml', '--', '--registry', 'http://r/', '-c', 'npm-only'])).toEqual({
      command: 'install',
      configFile: '/x.yml',
      specs: ['@acme/driver', './x.tgz'],
      npmArguments: ['--registry', 'http://r/', '-c', 'npm-only'],
    });
    expect(parseCommand(['install'])).toEqual({ command: 'install', configFile: DEFAULT_CONFIG_FILE, specs: [], npmArguments: [] });
    expect(parseCommand(['uninstall', '@acme/driver'])).toEqual({ command: 'uninstall', configFile: DEFAULT_CONFIG_FILE, specs: ['@acme/driver'], npmArguments: [] });
  });

  it('help: the overview, or one command with `help <command>` and `<command> --help`', () => {
    expect(parseCommand(['--help'])).toEqual({ command: 'help', topic: 'run' });
    expect(parseCommand(['help'])).toEqual({ command: 'help' });
    expect(parseCommand(['help', 'install'])).toEqual({ command: 'help', topic: 'install' });
    expect(parseCommand(['drivers', '-h'])).toEqual({ command: 'help', topic: 'drivers' });
  });

  it('--version and version', () => {
    expect(parseCommand(['--version'])).toEqual({ command: 'version' });
    expect(parseCommand(['version'])).toEqual({ command: 'version' });
  });

  it.each([
    [['start'], 'unknown command: start'],
    [['generate'], 'generate needs a file'],
    [['generate', 'asterisk'], 'cannot split asterisk'],
    [['generate', 'a/b', 'c/d'], 'unexpected argument: c/d'],
    [['drivers', 'extra'], 'unexpected argument: extra'],
    [['check-config', '--json'], '--json only applies to the drivers command'],
    [['drivers', '--', '--x'], 'only applies to the install and uninstall commands'],
    [['uninstall'], 'uninstall needs the name of a package'],
    [['help', 'start'], 'no such command: start'],
    [['drivers', '--version'], '--version takes no command'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });

  it('names the command a mistake was made in, for its help', () => {
    const error = (() => {
      try {
        parseCommand(['generate', '--bogus']);
      } catch (caught) {
        return caught as UsageError;
      }
      return undefined;
    })();
    expect(error?.topic).toBe('generate');
  });
});

describe('helpText', () => {
  it('lists every command in the overview', () => {
    const text = helpText();
    for (const name of ['run', 'generate', 'drivers', 'check-config', 'install', 'uninstall', 'help']) expect(text).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    expect(text).toMatch(/^ {2}--version +print the version and exit$/m);
  });

  it('gives one line per option of a command', () => {
    const lines = helpText('drivers').split('\n');
    expect(lines[0]).toBe('usage: wazo-confgend drivers [--json] [-c PATH]');
    expect(lines.filter((line) => /^ {2}-/.test(line))).toEqual([
      expect.stringMatching(/^ {2}--json +print/),
      expect.stringMatching(/^ {2}-c, --config-file PATH +the configuration file/),
      expect.stringMatching(/^ {2}-h, --help +this help$/),
    ]);
  });
});
