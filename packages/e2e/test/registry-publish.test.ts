import { createTestDatabase } from '@wazo-confgend/dao/testing';
import type { TestDatabase } from '@wazo-confgend/dao/testing';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRegistry } from '../../../tools/local-registry/local-registry.mjs';
import type { LocalRegistry } from '../../../tools/local-registry/local-registry.mjs';
import { fetchWithClient } from './support/client.js';
import { createDaemonHost, listedDriver, startDaemon } from './support/daemon.js';
import type { DaemonHost, RunningDaemon } from './support/daemon.js';
import { npmInstallInto, npmPublish } from './support/npm.js';
import { REPO_ROOT } from './support/paths.js';

const DRIVER_PACKAGE = '@wazo-confgend/driver-e2e-greeting';

/** A separately published driver that builds on the optional base class of its own copy of core. */
const MANIFEST = {
  apiVersion: 1,
  drivers: [{ namespace: 'asterisk.sip.conf', name: 'greeting', module: './driver.js', export: 'GreetingDriver' }],
};
const DRIVER_PACKAGE_JSON = {
  name: DRIVER_PACKAGE,
  version: '1.0.0',
  license: 'GPL-3.0-or-later',
  type: 'module',
  exports: { '.': './driver.js', './package.json': './package.json' },
  files: ['driver.js'],
  keywords: ['wazo-confgend-driver'],
  peerDependencies: { '@wazo-confgend/core': '^1.0.0' },
  wazoConfgend: MANIFEST,
};
const DRIVER_SOURCE = `import { ConfgendDriver } from '@wazo-confgend/core';

export class GreetingDriver extends ConfgendDriver {
  generate() {
    return \`Hello from \${this.config.greeting_from}!\`;
  }
}
`;

describe('a driver published to a registry and installed from it with npm', () => {
  let registry: LocalRegistry;
  let database: TestDatabase;
  let host: DaemonHost;
  let daemon: RunningDaemon;

  beforeAll(async () => {
    registry = await startLocalRegistry();
    database = await createTestDatabase({ schema: { kind: 'empty' } });
    host = await createDaemonHost({ db_uri: database.url });

    await npmPublish(join(REPO_ROOT, 'packages/core'), registry.userconfig);
    const source = join(host.dir, 'driver-source');
    await mkdir(source);
    await writeFile(join(source, 'package.json'), JSON.stringify(DRIVER_PACKAGE_JSON, null, 2));
    await writeFile(join(source, 'driver.js'), DRIVER_SOURCE);
    await npmPublish(source, registry.userconfig);

    await npmInstallInto(host.pluginDir, DRIVER_PACKAGE, ['--userconfig', registry.userconfig]);
    await host.writeConfD('50-greeting.yml', { plugins: { 'asterisk.sip.conf': 'greeting' }, greeting_from: 'the registry' });
    daemon = await startDaemon(host);
  }, 300_000);

  afterAll(async () => {
    await daemon?.stop();
    await registry?.stop();
    await host?.remove();
    await database?.drop();
  });

  it('keeps the wazoConfgend manifest in the registry packument', async () => {
    const response = await fetch(new URL(DRIVER_PACKAGE.replace('/', '%2f'), registry.url));
    expect(response.status).toBe(200);
    const packument = (await response.json()) as { versions: Record<string, { wazoConfgend?: unknown }> };
    expect(packument.versions['1.0.0']?.wazoConfgend).toEqual(MANIFEST);
  });

  it('installs the peer core from the registry beside the driver', async () => {
    const core = JSON.parse(await readFile(join(host.pluginDir, 'node_modules/@wazo-confgend/core/package.json'), 'utf8')) as { version: string };
    const published = JSON.parse(await readFile(join(REPO_ROOT, 'packages/core/package.json'), 'utf8')) as { version: string };
    expect(core.version).toBe(published.version);
  });

  it('serves the file from the installed driver over HTTP, with the operator value from conf.d', async () => {
    const response = await fetch(`${daemon.httpUrl}/1.0/files/asterisk/sip.conf`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('Hello from the registry!');
  });

  it('serves the same file to wazo-confgen over TCP', async () => {
    const result = await fetchWithClient(host.tcpPort, 'asterisk/sip.conf');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Hello from the registry!');
  });

  it('lists the driver as found in the plugin directory and selected', async () => {
    expect(await listedDriver(daemon, 'asterisk.sip.conf', 'greeting')).toMatchObject({
      packageName: DRIVER_PACKAGE,
      packageVersion: '1.0.0',
      origin: 'plugin_dir',
      selected: true,
    });
  });
});
