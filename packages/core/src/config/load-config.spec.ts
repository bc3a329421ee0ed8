import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { basename, join } from 'node:path';
import { ConfigError } from '../errors.js';
import { makeTempDir, writeTree } from '../test-helpers/temp-packages.js';
import { loadConfig } from './load-config.js';

describe('loadConfig', () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => undefined;
  let mainFile = '';
  let confd = '';

  beforeEach(async () => {
    ({ dir, cleanup } = await makeTempDir());
    mainFile = join(dir, 'config.yml');
    confd = join(dir, 'conf.d');
  });
  afterEach(() => cleanup());

  /** Writes the main file (pointing at this test's conf.d) and conf.d files. */
  async function write(main: string, extra: Record<string, string> = {}): Promise<void> {
    await writeTree(dir, { 'config.yml': `extra_config_files: ${confd}\n${main}` });
    await writeTree(confd, extra);
  }

  async function configError(): Promise<ConfigError> {
    const error: unknown = await loadConfig(mainFile).catch((caught: unknown) => caught);
    if (!(error instanceof ConfigError)) throw new Error(`expected a ConfigError, got ${String(error)}`);
    return error;
  }

  it('uses the defaults and warns when the main file is missing', async () => {
    const loaded = await loadConfig(join(dir, 'absent.yml'));
    expect(loaded.files).toEqual([]);
    expect(loaded.warnings).toEqual([expect.stringContaining('absent.yml: configuration file not found')]);
    // written out, so a changed default fails here
    expect(loaded.config).toEqual({
      config_file: join(dir, 'absent.yml'),
      // upstream's built-in defaults
      extra_config_files: '/etc/wazo-confgend/conf.d',
      debug: false,
      log_level: 'info',
      log_filename: '/var/log/wazo-confgend.log',
      cache: '/var/cache/wazo-confgend',
      listen_address: '127.0.0.1',
      listen_port: 8669,
      templates: { contextsconf: '/etc/wazo-confgend/templates/contexts.conf' },
      plugins: {},
      // no default database: its absence selects the embedded demo
      db_uri: null,
      // the keys this implementation adds
      enabled_asterisk_modules: {},
      rest_api: { enabled: true, listen: '127.0.0.1', port: 8670 },
      plugin_dir: '/var/lib/wazo-confgend/plugins',
      plugin_paths: [],
      generation_timeout: 30,
      workers: { count: 4, heap_limit_mb: 1024 },
      max_connections: 512,
      shrink_guard: {},
      versions_kept: 10,
      unchecked_files: [],
    });
  });

  it('reads an empty main file as no settings', async () => {
    await writeTree(dir, { 'config.yml': '' });
    const loaded = await loadConfig(mainFile);
    expect(loaded.files).toEqual([mainFile]);
    expect(loaded.config.listen_port).toBe(8669);
  });

  it('gives the first conf.d file in byte order the highest priority, then later ones, then the main file', async () => {
    await write('listen_port: 1000\nlog_filename: /main.log\ncache: /main-cache\n', {
      '10-first.yml': 'listen_port: 1010\n',
      '20-second.yml': 'listen_port: 1020\nlog_filename: /second.log\n',
      '9-last.yml': 'listen_port: 1090\nlog_filename: /last.log\ncache: /last-cache\n',
    });
    const loaded = await loadConfig(mainFile);
    expect(loaded.config).toMatchObject({ listen_port: 1010, log_filename: '/second.log', cache: '/last-cache' });
    expect(loaded.files).toEqual([join(confd, '10-first.yml'), join(confd, '20-second.yml'), join(confd, '9-last.yml'), mainFile]);
  });

  it('sorts conf.d names by bytes, not by locale or UTF-16 units', async () => {
    // bytes: "Z" < "a"; U+FF21 (EF BC A1) < U+1F600 (F0 9F 98 80), although UTF-16 orders them the other way
    await write('', {
      'alpha.yml': 'k: alpha\n',
      'Zed.yml': 'k: Zed\n',
      '\u{1F600}.yml': 'k: emoji\n',
      '\uFF21.yml': 'k: fullwidth\n',
    });
    const loaded = await loadConfig(mainFile);
    expect(loaded.files.slice(0, -1).map((file) => basename(file))).toEqual(['Zed.yml', 'alpha.yml', '\uFF21.yml', '\u{1F600}.yml']);
    expect(loaded.config['k']).toBe('Zed');
  });

  it('reads only *.yml files that are not dot-files', async () => {
    await write('listen_port: 1000\n', {
      '.hidden.yml': 'listen_port: 1\n',
      'other.yaml': 'listen_port: 2\n',
      'notes.txt': 'listen_port: 3\n',
      'real.yml': 'listen_port: 4\n',
    });
    const loaded = await loadConfig(mainFile);
    expect(loaded.config.listen_port).toBe(4);
    expect(loaded.files).toEqual([join(confd, 'real.yml'), mainFile]);
  });

  it('merges mappings deeply and replaces everything else', async () => {
    await write(
      'plugins:\n  asterisk.pjsip.conf: wazo\n  asterisk.rtp.conf: wazo\nenabled_asterisk_modules:\n  chan_sip.so: false\n  res_clialiases.so: false\nplugin_paths: [/a, /b]\n',
      {
        '50-pjsip.yml': 'plugins:\n  asterisk.pjsip.conf: other\nenabled_asterisk_modules:\n  res_clialiases.so: yes\nplugin_paths: [/c]\n',
        '60-db.yml': 'db_uri: null\n',
      },
    );
    const { config } = await loadConfig(mainFile);
    expect(config.plugins).toEqual({ 'asterisk.pjsip.conf': 'other', 'asterisk.rtp.conf': 'wazo' });
    expect(config.enabled_asterisk_modules).toEqual({ 'chan_sip.so': false, 'res_clialiases.so': true });
    expect(config.plugin_paths).toEqual(['/c']);
    expect(config.templates).toEqual({ contextsconf: '/etc/wazo-confgend/templates/contexts.conf' });
    expect(config.rest_api).toEqual({ enabled: true, listen: '127.0.0.1', port: 8670 });
  });

  it('lets a higher-priority null replace a lower value', async () => {
    await write('db_uri: postgresql://asterisk:proformatique@localhost/asterisk\n', { '10-demo.yml': 'db_uri: null\n' });
    expect((await loadConfig(mainFile)).config.db_uri).toBeNull();
  });

  it('passes operators\' own keys through to drivers', async () => {
    await write('acme:\n  greeting: hello\n  list: [1, 2]\n', { '10-x.yml': 'acme:\n  extra: true\n' });
    expect((await loadConfig(mainFile)).config['acme']).toEqual({ greeting: 'hello', list: [1, 2], extra: true });
  });

  it('rewrites listen_address and rest_api.listen "*" to "" (every interface)', async () => {
    await write("listen_address: '*'\nrest_api: {listen: '*'}\n");
    const { config } = await loadConfig(mainFile);
    expect(config.listen_address).toBe('');
    expect(config.rest_api.listen).toBe('');
  });

  it('refuses an empty listen address, which would bind every interface without saying so', async () => {
    await write("listen_address: ''\nrest_api: {listen: ' '}\n");
    const error: unknown = await loadConfig(mainFile).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'WCG_ERR_CONFIG_INVALID' });
    expect((error as Error).message).toMatch(/listen_address must be an address, or '\*' for every interface/);
    expect((error as Error).message).toMatch(/rest_api\.listen must be an address/);
  });

  it('normalises log_level names of any case, and debug: true forces debug', async () => {
    await write('log_level: WARNING\n');
    expect((await loadConfig(mainFile)).config.log_level).toBe('warning');
    await write('log_level: Critical\ndebug: true\n');
    expect((await loadConfig(mainFile)).config.log_level).toBe('debug');
  });

  it('rejects an unknown log level', async () => {
    await write('log_level: verbose\n');
    const error = await configError();
    expect(error.code).toBe('WCG_ERR_CONFIG_INVALID');
    expect(error.message).toContain(`${mainFile}:2:12: log_level must be one of CRITICAL, ERROR, WARNING, INFO, DEBUG (any case), got "verbose"`);
  });

  it('refuses a conf.d file that does not parse instead of skipping it (deviation from upstream)', async () => {
    await write('', { '10-plugins.yml': 'plugins:\n  asterisk.pjsip.conf: [other\n' });
    const error = await configError();
    expect(error.code).toBe('WCG_ERR_CONFIG_YAML');
    expect(error.problems).toHaveLength(1);
    expect(error.message).toContain(`${join(confd, '10-plugins.yml')}:3:1: invalid YAML`);
  });

  it('names the file, line and key of a value of the wrong type', async () => {
    await write('', { '10-x.yml': 'listen_port: abc\nrest_api:\n  port: 70000\nplugins:\n  asterisk.pjsip.conf: 3\n' });
    const error = await configError();
    const file = join(confd, '10-x.yml');
    expect(error.problems.map((problem) => problem.message)).toEqual([
      `${file}:1:14: listen_port must be an integer from 1 to 65535, got "abc"`,
      `${file}:5:24: plugins["asterisk.pjsip.conf"] must be a string or null, got 3`,
      `${file}:3:9: rest_api.port must be an integer from 1 to 65535, got 70000`,
    ]);
    expect(error.problems[0]?.details).toEqual({ file, keyPath: 'listen_port' });
  });

  it('reports every problem of every file at once', async () => {
    await write('listen_port: 0\n', {
      '10-bad-yaml.yml': 'a: [\n',
      '20-bad-type.yml': 'plugins: [a, b]\n',
      '30-bad-list.yml': 'plugin_paths: [/ok, 3]\ngeneration_timeout: -1\n',
    });
    const error = await configError();
    expect(error.code).toBe('WCG_ERR_CONFIG_INVALID');
    expect(error.problems.map((problem) => [problem.code, problem.details['file'], problem.details['keyPath']])).toEqual([
      ['WCG_ERR_CONFIG_INVALID', mainFile, 'listen_port'],
      ['WCG_ERR_CONFIG_YAML', join(confd, '10-bad-yaml.yml'), undefined],
      ['WCG_ERR_CONFIG_INVALID', join(confd, '20-bad-type.yml'), 'plugins'],
      ['WCG_ERR_CONFIG_INVALID', join(confd, '30-bad-list.yml'), 'plugin_paths[1]'],
      ['WCG_ERR_CONFIG_INVALID', join(confd, '30-bad-list.yml'), 'generation_timeout'],
    ]);
  });

  it('reports a main file that exists but cannot be read', async () => {
    await writeTree(dir, { 'config.yml/inside': 'x' });
    const error = await configError();
    expect(error.message).toContain(`${mainFile}: cannot read the configuration file`);
  });

  it('accepts a missing conf.d directory', async () => {
    await writeTree(dir, { 'config.yml': `extra_config_files: ${join(dir, 'nowhere')}\nlisten_port: 1234\n` });
    const loaded = await loadConfig(mainFile);
    expect(loaded.config.listen_port).toBe(1234);
    expect(loaded.config.extra_config_files).toBe(join(dir, 'nowhere'));
  });
});
