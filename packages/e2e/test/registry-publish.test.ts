import { createTestDatabase } from '@wazo-confgend/dao/testing';
import type { TestDatabase } from '@wazo-confgend/dao/testing';
import { lstat, mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRegistry } from '../../../tools/local-registry/local-registry.mjs';
import type { LocalRegistry } from '../../../tools/local-registry/local-registry.mjs';
import { fetchWithClient } from './support/client.js';
import { createDaemonHost, listedDriver, startDaemon } from './support/daemon.js';
import type { DaemonHost, RunningDaemon } from './support/daemon.js';
import { npmInstallInto, npmPack, npmPublish } from './support/npm.js';
import { REPO_ROOT } from './support/paths.js';
import type { CommandResult } from './support/run-command.js';

const DRIVER_PACKAGE = '@wazo-confgend/driver-e2e-greeting';
const TARBALL_PACKAGE = 'wazo-confgend-driver-e2e-tarball';

/** A separately published driver: core's base class, and a query through dao's read-only session. */
const MANIFEST = {
  apiVersion: 1,
  drivers: [{ namespace: 'asterisk.sip.conf', name: 'greeting', module: './driver.js', export: 'GreetingDriver', events: ['sip_general_edited'] }],
};
const DRIVER_PACKAGE_JSON = {
  name: DRIVER_PACKAGE,
  version: '1.0.0',
  license: 'GPL-3.0-or-later',
  type: 'module',
  exports: { '.': './driver.js', './package.json': './package.json' },
  files: ['driver.js'],
  keywords: ['wazo-confgend-driver'],
  peerDependencies: { '@wazo-confgend/core': '^1.0.0', '@wazo-confgend/dao': '^1.0.0' },
  wazoConfgend: MANIFEST,
};
const DRIVER_SOURCE = `import { ConfgendDriver } from '@wazo-confgend/core';
import { query } from '@wazo-confgend/dao';

export class GreetingDriver extends ConfgendDriver {
  async generate() {
    const [row] = await query('SELECT 6 * 7 AS answer');
    return \`[general]\\ngreeting = Hello from \${this.config.greeting_from}! \${row.answer}\\n\`;
  }
}
`;
/** The same kind of driver as a tarball that is not on any registry. */
const TARBALL_PACKAGE_JSON = {
  name: TARBALL_PACKAGE,
  version: '2.0.0',
  license: 'GPL-3.0-or-later',
  type: 'module',
  files: ['driver.js'],
  peerDependencies: { '@wazo-confgend/core': '^1.0.0' },
  wazoConfgend: { apiVersion: 1, drivers: [{ namespace: 'asterisk.iax.conf', name: 'tarball', module: './driver.js', export: 'TarballDriver' }] },
};
const TARBALL_SOURCE = `import { ConfgendDriver } from '@wazo-confgend/core';

export class TarballDriver extends ConfgendDriver {
  generate() {
    return '[general]\\norigin = a tarball\\n';
  }
}
`;

async function writePackage(dir: string, pkgJson: object, driverSource: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify(pkgJson, null, 2));
  await writeFile(join(dir, 'driver.js'), driverSource);
  return dir;
}

describe('a driver published to a registry that has no @wazo-confgend/core, installed with wazo-confgend install', () => {
  let registry: LocalRegistry;
  let database: TestDatabase;
  let host: DaemonHost;
  let daemon: RunningDaemon;
  let registryInstall: CommandResult;
  let tarballInstall: CommandResult;

  beforeAll(async () => {
    registry = await startLocalRegistry();
    database = await createTestDatabase({ schema: { kind: 'empty' } });
    host = await createDaemonHost({ db_uri: database.url });

    await npmPublish(await writePackage(join(host.dir, 'driver-source'), DRIVER_PACKAGE_JSON, DRIVER_SOURCE), registry.userconfig);
    registryInstall = await host.cli('install', DRIVER_PACKAGE, '--', '--userconfig', registry.userconfig);

    const tarballSource = await writePackage(join(host.dir, 'tarball-source'), TARBALL_PACKAGE_JSON, TARBALL_SOURCE);
    const tarball = await npmPack(tarballSource, host.dir);
    tarballInstall = await host.cli('install', tarball, '--', '--offline');

    await host.writeConfD('50-greeting.yml', {
      plugins: { 'asterisk.sip.conf': 'greeting', 'asterisk.iax.conf': 'tarball' },
      greeting_from: 'the registry',
    });
    daemon = await startDaemon(host);
  }, 300_000);

  afterAll(async () => {
    await daemon?.stop();
    await registry?.stop();
    await host?.remove();
    await database?.drop();
  });

  it('the registry really has no core: npm install alone fails on the peer dependency', async () => {
    expect((await fetch(new URL('@wazo-confgend%2fcore', registry.url))).status).toBe(404);
    const bare = join(host.dir, 'bare-npm');
    await mkdir(bare);
    await expect(npmInstallInto(bare, DRIVER_PACKAGE, ['--userconfig', registry.userconfig])).rejects.toThrow(/E404|ERESOLVE|@wazo-confgend\/core/);
  });

  it('keeps the wazoConfgend manifest in the registry packument', async () => {
    const response = await fetch(new URL(DRIVER_PACKAGE.replace('/', '%2f'), registry.url));
    expect(response.status).toBe(200);
    const packument = (await response.json()) as { versions: Record<string, { wazoConfgend?: unknown }> };
    expect(packument.versions['1.0.0']?.wazoConfgend).toEqual(MANIFEST);
  });

  it('installs from the registry and from a tarball, and says what each provides', () => {
    expect(registryInstall.code, registryInstall.stderr).toBe(0);
    expect(registryInstall.stdout).toMatch(/^ {2}@wazo-confgend\/driver-e2e-greeting@1\.0\.0 {2}asterisk\.sip\.conf: greeting {2}not selected/m);
    expect(tarballInstall.code, tarballInstall.stderr).toBe(0);
    expect(tarballInstall.stdout).toMatch(/^ {2}wazo-confgend-driver-e2e-tarball@2\.0\.0 {2}asterisk\.iax\.conf: tarball {2}not selected/m);
  });

  it('records both in the plugin directory package.json', async () => {
    const pkgJson = JSON.parse(await readFile(join(host.pluginDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkgJson.dependencies).sort()).toEqual([DRIVER_PACKAGE, TARBALL_PACKAGE]);
  });

  it.each(['core', 'dao'])('links @wazo-confgend/%s in the plugin directory to the daemon’s own copy', async (name) => {
    const link = join(host.pluginDir, 'node_modules/@wazo-confgend', name);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await realpath(link)).toBe(await realpath(join(REPO_ROOT, 'packages', name)));
  });

  it('serves the registry driver’s file, generated through the daemon’s own database session', async () => {
    const response = await fetch(`${daemon.httpUrl}/1.0/files/asterisk/sip.conf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-wazo-confgend-source')).toBe('generated');
    expect(await response.text()).toBe('[general]\ngreeting = Hello from the registry! 42\n');
  });

  it('serves the tarball driver’s file to wazo-confgen over TCP', async () => {
    const result = await fetchWithClient(host.tcpPort, 'asterisk/iax.conf');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('[general]\norigin = a tarball\n');
  });

  it('lists the driver as found in the plugin directory and selected', async () => {
    expect(await listedDriver(daemon, 'asterisk.sip.conf', 'greeting')).toMatchObject({
      packageName: DRIVER_PACKAGE,
      packageVersion: '1.0.0',
      origin: 'plugin_dir',
      selected: true,
    });
  });

  it('reinstalling what the plugin directory lists keeps the links', async () => {
    const result = await host.cli('install', '--', '--userconfig', registry.userconfig, '--offline');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/asterisk\.sip\.conf: greeting {2}selected/);
    expect((await lstat(join(host.pluginDir, 'node_modules/@wazo-confgend/core'))).isSymbolicLink()).toBe(true);
  });

  it('uninstalls the tarball driver and keeps the other one usable', async () => {
    const result = await host.cli('uninstall', TARBALL_PACKAGE, '--', '--offline');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain(TARBALL_PACKAGE);
    expect(result.stdout).toMatch(/asterisk\.sip\.conf: greeting {2}selected/);
    const pkgJson = JSON.parse(await readFile(join(host.pluginDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkgJson.dependencies)).toEqual([DRIVER_PACKAGE]);
    expect((await lstat(join(host.pluginDir, 'node_modules/@wazo-confgend/dao'))).isSymbolicLink()).toBe(true);
  });
});
