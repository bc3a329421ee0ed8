import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestDatabase } from '@wazo-confgend/dao/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, prepareWorkspace, tcpRequest, openTestDatabase, unreachableDbUri, waitFor } from './support/harness.js';
import { run, serverBin, started } from './support/processes.js';

let database: TestDatabase;
let workspace: Awaited<ReturnType<typeof prepareWorkspace>>;

beforeAll(async () => {
  expect(existsSync(serverBin), `${serverBin} is missing: build the server first (nx build server)`).toBe(true);
  database = await openTestDatabase();
  workspace = await prepareWorkspace({ dbUri: database.url, config: { generation_timeout: 1 } });
});

afterAll(async () => {
  await rm(workspace.dir, { recursive: true, force: true });
  await database?.drop();
});

describe('wazo-confgend drivers', () => {
  it('lists every discovered driver, whether it is selected, and the problems', async () => {
    const result = await run(['drivers', '--config-file', workspace.configFile]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^PACKAGE\s+VERSION\s+NAMESPACE\s+NAME\s+SELECTED\s+ORIGIN$/m);
    expect(result.stdout).toMatch(/^driver-hello\s+1\.0\.0\s+test\.hello\.conf\s+wazo\s+yes\s+plugin_paths$/m);
    expect(result.stdout).toMatch(/^@wazo-confgend\/driver-asterisk-pjsip\s+\S+\s+asterisk\.pjsip\.conf\s+wazo\s+no\s+host$/m);
    expect(result.stdout).toContain('test.missing.conf: wazo: WCG_ERR_DRIVER_NOT_FOUND');
    // a conflict is one problem: printed once, and neither package counts as selected
    expect(result.stdout.match(/WCG_ERR_DRIVER_CONFLICT/g)).toHaveLength(1);
    expect(result.stdout).toMatch(/^\S+\s+\S+\s+test\.twin\.conf\s+wazo\s+conflict\s+plugin_paths$/m);
  });

  it('--json gives the report with the keys of GET /1.0/drivers', async () => {
    const result = await run(['drivers', '--json', '-c', workspace.configFile]);
    const report = JSON.parse(result.stdout) as { items: { packageName: string; namespace: string; selected: boolean }[]; selections: unknown[]; problems: unknown[] };
    expect(Object.keys(report).sort()).toEqual(['items', 'problems', 'selections']);
    expect(report.items.map((driver) => driver.packageName)).toContain('driver-hello');
    // a driver two packages claim serves nothing: neither is the selected one
    const twins = report.items.filter((driver) => driver.namespace === 'test.twin.conf');
    expect(twins.map((driver) => [driver.packageName, driver.selected])).toEqual([
      ['driver-twin-a', false],
      ['driver-twin-b', false],
    ]);
  });
});

describe('wazo-confgend check-config', () => {
  it('reports every problem and exits 1', async () => {
    const result = await run(['check-config', '--config-file', workspace.configFile]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^ok {4}test\.hello\.conf: wazo \(driver-hello@1\.0\.0\)$/m);
    expect(result.stdout).toMatch(/^FAIL {2}test\.missing\.conf: wazo: WCG_ERR_DRIVER_NOT_FOUND/m);
    expect(result.stdout).toMatch(/^FAIL {2}test\.twin\.conf: wazo: WCG_ERR_DRIVER_CONFLICT/m);
    // the conflict of a selected driver is said once, not again as a package problem
    expect(result.stdout.match(/WCG_ERR_DRIVER_CONFLICT/g)).toHaveLength(1);
    expect(result.stdout).toMatch(/^FAIL {2}test\.broken\.conf: wazo \(driver-broken-import@1\.0\.0\): WCG_ERR_DRIVER_LOAD/m);
    expect(result.stdout).toMatch(/^ok {4}database .* is reachable$/m);
    expect(result.stdout).toMatch(/^\d+ problem\(s\) found$/m);
  });

  it('generates every file once, read-only, and reports what each gave', async () => {
    const result = await run(['check-config', '--config-file', workspace.configFile]);
    expect(result.stdout).toMatch(/^ok {4}generating test\.hello\.conf: 13 bytes$/m);
    expect(result.stdout).toMatch(/^FAIL {2}generating test\.throws\.conf: WCG_ERR_GENERATION_FAILED: /m);
    expect(result.stdout).toMatch(/^FAIL {2}generating test\.empty\.conf: WCG_ERR_GENERATION_EMPTY: /m);
    expect(result.stdout).toMatch(/^FAIL {2}generating test\.hangs\.conf: WCG_ERR_GENERATION_TIMEOUT: /m);
    expect(result.stdout).toMatch(/^ok {4}generating test\.sql\.conf: \d+ bytes$/m);
    expect(result.stdout).toMatch(/^ok {4}generating test\.write\.conf: \d+ bytes$/m);
    expect(existsSync(join(workspace.dir, 'cache', 'test', 'hello.conf'))).toBe(false);
  });

  it('exits 0 on a configuration with no problem', async () => {
    const clean = join(workspace.dir, 'clean.yml');
    const config = JSON.parse(await readFile(workspace.configFile, 'utf8')) as Record<string, unknown>;
    await writeFile(clean, JSON.stringify({ ...config, plugins: { 'test.hello.conf': 'wazo', 'test.sql.conf': 'wazo' }, plugin_paths: (config['plugin_paths'] as string[]).filter((path) => !path.includes('twin')) }));
    const result = await run(['check-config', '--config-file', clean]);
    expect(result.stdout).toMatch(/no problem found\n$/);
    expect(result.code).toBe(0);
  });

  it('says a selected driver made for another core is incompatible, not missing', async () => {
    const packageDir = join(workspace.dir, 'driver-for-core-9');
    await mkdir(packageDir, { recursive: true });
    await writeFile(
      join(packageDir, 'package.json'),
      JSON.stringify({
        name: 'driver-for-core-9',
        version: '3.0.0',
        type: 'module',
        peerDependencies: { '@wazo-confgend/core': '^9.0.0' },
        wazoConfgend: { apiVersion: 1, drivers: [{ namespace: 'test.future.conf', name: 'wazo', module: './index.js' }] },
      }),
    );
    await writeFile(join(packageDir, 'index.js'), "export default class { generate() { return 'x'; } }\n");
    const future = join(workspace.dir, 'future.yml');
    const config = JSON.parse(await readFile(workspace.configFile, 'utf8')) as Record<string, unknown>;
    await writeFile(future, JSON.stringify({ ...config, plugins: { 'test.future.conf': 'wazo' }, plugin_paths: [packageDir] }));

    const drivers = await run(['drivers', '--config-file', future]);
    expect(drivers.stdout).toMatch(/^ {2}test\.future\.conf: wazo: WCG_ERR_DRIVER_INCOMPATIBLE: driver "wazo" for test\.future\.conf is installed but cannot run here: driver-for-core-9@3\.0\.0 requires @wazo-confgend\/core \^9\.0\.0/m);
    expect(drivers.stdout).not.toContain('WCG_ERR_DRIVER_NOT_FOUND');
    const checked = await run(['check-config', '--config-file', future]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(/^FAIL {2}test\.future\.conf: wazo: WCG_ERR_DRIVER_INCOMPATIBLE: /m);
  });

  it('a database that is down is a problem', async () => {
    const down = join(workspace.dir, 'down.yml');
    const config = JSON.parse(await readFile(workspace.configFile, 'utf8')) as Record<string, unknown>;
    await writeFile(down, JSON.stringify({ ...config, db_uri: await unreachableDbUri() }));
    const result = await run(['check-config', '--config-file', down]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAIL {2}database: WCG_ERR_DATABASE_UNAVAILABLE: cannot connect to postgresql:\/\/asterisk:\*\*\*@/m);
  });
});

describe('wazo-confgend generate', () => {
  it('writes the file to stdout', async () => {
    const result = await run(['generate', 'test/hello.conf', '--config-file', workspace.configFile]);
    expect(result).toMatchObject({ code: 0, stdout: 'Hello World!\n', stderr: '' });
  });

  it.each([
    ['test/throws.conf', 1, /^wazo-confgend: cannot generate test\/throws\.conf: WCG_ERR_(GENERATION_FAILED|DATABASE_UNAVAILABLE): /],
    ['asterisk/unknown.conf', 1, /^wazo-confgend: cannot generate asterisk\/unknown\.conf: WCG_ERR_UNKNOWN_FILE: /],
    ['a/b/c', 2, /^wazo-confgend: cannot split a\/b\/c/],
  ])('%s: exit %i with the reason on stderr', async (file, code, message) => {
    const result = await run(['generate', file, '--config-file', workspace.configFile]);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });
});

describe('wazo-confgend --version, help and a missing configuration file', () => {
  it('--version prints the server version', async () => {
    const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await run(['--version'])).toMatchObject({ code: 0, stdout: `wazo-confgend ${version}\n` });
  });

  it('help lists the commands; <command> --help lists its options, one per line', async () => {
    const overview = await run(['help']);
    expect(overview.code).toBe(0);
    expect(overview.stdout).toMatch(/^ {2}install +install driver packages/m);
    const generate = await run(['generate', '--help']);
    expect(generate.code).toBe(0);
    expect(generate.stdout).toMatch(/^usage: wazo-confgend generate <resource>\/<filename> \[-c PATH\]$/m);
    expect(generate.stdout).toMatch(/^ {2}-c, --config-file PATH +the configuration file/m);
  });

  it('a usage error prints the command’s help on stderr, exit 2', async () => {
    const result = await run(['drivers', '--bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^wazo-confgend: Unknown option '--bogus'/);
    expect(result.stderr).toContain('usage: wazo-confgend drivers');
  });

  it.each([[[] as string[]], [['drivers']], [['generate', 'test/hello.conf']]])('%j with a --config-file that does not exist: exit 2, no demo database', async (args) => {
    const missing = join(workspace.dir, 'no-such-config.yml');
    const result = await run([...args, '--config-file', missing]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`WCG_ERR_CONFIG_INVALID: ${missing}: configuration file not found`);
    expect(result.stdout).toBe('');
  });
});

describe('wazo-confgend (daemon)', () => {
  it('refuses to start on bad YAML: every problem on stderr, exit 2', async () => {
    const broken = join(workspace.dir, 'conf.d', '50-broken.yml');
    await writeFile(broken, 'plugins:\n  bad: [unclosed\n');
    try {
      const result = await run(['--config-file', workspace.configFile]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`WCG_ERR_CONFIG_YAML: ${broken}:3:1: invalid YAML`);
    } finally {
      await rm(broken);
    }
  });

  it('reloads on SIGHUP and stops on SIGTERM after finishing the requests in progress (exit 0)', async () => {
    const tcpPort = await closedPort();
    const config = JSON.parse(await readFile(workspace.configFile, 'utf8')) as Record<string, unknown>;
    const configFile = join(workspace.dir, 'daemon.yml');
    await writeFile(configFile, JSON.stringify({ ...config, listen_port: tcpPort, rest_api: { enabled: false, listen: '127.0.0.1', port: 8670 }, slow_ms: 800 }));
    const daemon = started(['--config-file', configFile]);
    try {
      expect(await waitFor(() => daemon.stdout().includes(`listening to TCP port ${tcpPort}`), 10_000)).toBe(true);
      expect((await tcpRequest(tcpPort, ['test/hello.conf'])).text).toBe('Hello World!\n');

      await writeFile(join(workspace.dir, 'conf.d', '60-unselect.yml'), 'plugins:\n  test.hello.conf: ""\n');
      daemon.child.kill('SIGHUP');
      expect(await waitFor(() => daemon.stdout().includes('configuration reloaded'), 5_000)).toBe(true);
      expect((await tcpRequest(tcpPort, ['test/hello.conf'])).data.length).toBe(0);

      const inFlight = tcpRequest(tcpPort, ['test/slow.conf'], { halfClose: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
      daemon.child.kill('SIGTERM');
      expect((await inFlight).text).toBe('slow call 1\n');
      const result = await daemon.finished;
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('"msg":"stopped"');
    } finally {
      daemon.child.kill('SIGKILL');
      await rm(join(workspace.dir, 'conf.d', '60-unselect.yml'), { force: true });
    }
  });
});
