import { createTestDatabase } from '@wazo-confgend/dao/testing';
import type { TestDatabase } from '@wazo-confgend/dao/testing';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchWithClient } from './support/client.js';
import { createDaemonHost, listedDriver, startDaemon } from './support/daemon.js';
import type { DaemonHost, RunningDaemon } from './support/daemon.js';
import { npmPack } from './support/npm.js';
import { HELLO_DRIVER_DIR } from './support/paths.js';

describe('the seed example driver, packed and installed with wazo-confgend install', () => {
  let database: TestDatabase;
  let host: DaemonHost;
  let daemon: RunningDaemon;

  beforeAll(async () => {
    database = await createTestDatabase({ schema: { kind: 'empty' } });
    host = await createDaemonHost({ db_uri: database.url });
    const packDir = join(host.dir, 'pack');
    await mkdir(packDir);
    const tarball = await npmPack(HELLO_DRIVER_DIR, packDir);
    const installed = await host.cli('install', tarball, '--', '--offline');
    if (installed.code !== 0) throw new Error(`wazo-confgend install failed:\n${installed.stdout}${installed.stderr}`);
    await copyFile(join(HELLO_DRIVER_DIR, 'conf.d/my_driver.yml'), join(host.confDir, 'my_driver.yml'));
    daemon = await startDaemon(host);
  });

  afterAll(async () => {
    await daemon?.stop();
    await host?.remove();
    await database?.drop();
  });

  it('is recorded in the plugin directory package.json by wazo-confgend install', async () => {
    const pkgJson = JSON.parse(await readFile(join(host.pluginDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkgJson.dependencies)).toEqual(['wazo-confgend-driver-sample']);
  });

  it('serves Hello World! to wazo-confgen over the legacy TCP protocol', async () => {
    const result = await fetchWithClient(host.tcpPort, 'asterisk/sip.conf');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Hello World!');
  });

  it('serves Hello World! over HTTP', async () => {
    const response = await fetch(`${daemon.httpUrl}/1.0/files/asterisk/sip.conf`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('Hello World!');
  });

  it('is listed as the selected driver for asterisk.sip.conf by the HTTP API', async () => {
    const listed = await listedDriver(daemon, 'asterisk.sip.conf', 'my_driver');
    expect(listed).toMatchObject({ packageName: 'wazo-confgend-driver-sample', selected: true });
  });

  it('is listed as selected by wazo-confgend drivers', async () => {
    const result = await host.cli('drivers');
    expect(result.code).toBe(0);
    const row = result.stdout.split('\n').find((line) => line.includes('my_driver'));
    expect(row?.split(/\s+/)).toEqual(['wazo-confgend-driver-sample', '0.0.1', 'asterisk.sip.conf', 'my_driver', 'yes', 'plugin_dir']);
  });
});
