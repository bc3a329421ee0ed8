import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_FILE, parseCommand, UsageError } from './arguments.js';

describe('parseCommand', () => {
  it('runs the daemon by default', () => {
    expect(parseCommand([])).toEqual({ command: 'run', configFile: DEFAULT_CONFIG_FILE });
    expect(parseCommand(['--config-file', '/x.yml'])).toEqual({ command: 'run', configFile: '/x.yml' });
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
    expect(parseCommand(['--help'])).toEqual({ command: 'help' });
  });

  it.each([
    [['start'], 'unknown command: start'],
    [['generate'], 'generate needs a file'],
    [['generate', 'asterisk'], 'cannot split asterisk'],
    [['generate', 'a/b', 'c/d'], 'unexpected argument: c/d'],
    [['drivers', 'extra'], 'unexpected argument: extra'],
    [['check-config', '--json'], '--json only applies to the drivers command'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });
});
