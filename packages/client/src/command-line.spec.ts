import { describe, expect, it } from 'vitest';
import { ClientError, DEFAULT_CONFIG_FILE, parseCommandLine, requestLine } from './wazo-confgen.cjs';

describe('parseCommandLine', () => {
  it('takes the file and the defaults', () => {
    expect(parseCommandLine(['asterisk/pjsip.conf'])).toEqual({
      configFile: DEFAULT_CONFIG_FILE,
      cached: false,
      invalidate: false,
      filename: 'asterisk/pjsip.conf',
      help: false,
      version: false,
    });
  });

  it('reads every flag, options after the positional included', () => {
    expect(
      parseCommandLine(['-c', '/tmp/c.conf', 'asterisk/pjsip.conf', '-p', '9000', '--host', 'pbx', '-t', '7', '--cached', '--invalidate']),
    ).toEqual({
      configFile: '/tmp/c.conf',
      port: 9000,
      host: 'pbx',
      timeoutSeconds: 7,
      cached: true,
      invalidate: true,
      filename: 'asterisk/pjsip.conf',
      help: false,
      version: false,
    });
    expect(parseCommandLine(['--port=9001', '--config-file=/x', '--timeout=3', 'a/b'])).toMatchObject({
      port: 9001,
      configFile: '/x',
      timeoutSeconds: 3,
    });
  });

  it('takes --version alone, with no file, as it takes --help', () => {
    expect(parseCommandLine(['--version'])).toMatchObject({ version: true, help: false, filename: '' });
    expect(parseCommandLine(['-c', '/x', '--version'])).toMatchObject({ version: true, configFile: '/x' });
    expect(parseCommandLine(['a/b'])).toMatchObject({ version: false });
  });

  it('treats falsy values as not given, as upstream', () => {
    const parsed = parseCommandLine(['-p', '0', '-t', '0', '--host', '', 'a/b']);
    expect(parsed).not.toHaveProperty('port');
    expect(parsed).not.toHaveProperty('timeoutSeconds');
    expect(parsed).not.toHaveProperty('host');
  });

  it.each([
    [[], 'the following arguments are required'],
    [['a/b', 'c/d'], 'unrecognized arguments: c/d'],
    [['-p', 'abc', 'a/b'], "argument -p/--port: invalid int value: 'abc'"],
    [['-t', '1.5', 'a/b'], "argument -t/--timeout: invalid int value: '1.5'"],
    [['--bogus', 'a/b'], "Unknown option '--bogus'"],
  ])('rejects %j with a usage error (exit 2)', (argv, message) => {
    let caught: unknown;
    try {
      parseCommandLine(argv);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ClientError);
    expect((caught as ClientError).exitCode).toBe(2);
    expect((caught as ClientError).message).toContain(message);
  });
});

describe('requestLine', () => {
  it('appends invalidate then cached, with no newline', () => {
    expect(requestLine({ filename: 'asterisk/pjsip.conf', invalidate: false, cached: false })).toBe('asterisk/pjsip.conf');
    expect(requestLine({ filename: 'asterisk/pjsip.conf', invalidate: false, cached: true })).toBe('asterisk/pjsip.conf cached');
    expect(requestLine({ filename: 'a/b', invalidate: true, cached: true })).toBe('a/b invalidate cached');
  });
});
