import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchWithClient } from './support/client.js';
import { startDaemonProcess } from './support/daemon.js';
import type { RunningDaemon } from './support/daemon.js';
import { freePorts } from './support/free-port.js';
import { REPO_ROOT } from './support/paths.js';

const DEMO_CONFIG = join(REPO_ROOT, 'packages/server/etc/demo/config.yml');

/**
 * `npm start`'s configuration, run as `npm start` runs it (from the repository root, no db_uri so
 * the embedded demo database starts), with only its ports and writable paths moved into a
 * temporary directory so it cannot collide with a daemon a developer left running.
 */
async function relocatedDemoConfig(dir: string, tcpPort: number, httpPort: number): Promise<string> {
  const replacements: Array<[RegExp, string]> = [
    [/^listen_port: 8669$/m, `listen_port: ${tcpPort}`],
    [/^ {2}port: 8670$/m, `  port: ${httpPort}`],
    [/^cache: .*$/m, `cache: ${join(dir, 'cache')}`],
    [/^log_filename: .*$/m, `log_filename: ${join(dir, 'wazo-confgend.log')}`],
    [/^plugin_dir: .*$/m, `plugin_dir: ${join(dir, 'plugins')}`],
  ];
  let text = await readFile(DEMO_CONFIG, 'utf8');
  for (const [pattern, replacement] of replacements) {
    if (!pattern.test(text)) throw new Error(`${DEMO_CONFIG} has no line matching ${pattern}: update this test with the demo config`);
    text = text.replace(pattern, replacement);
  }
  const configFile = join(dir, 'config.yml');
  await writeFile(configFile, text);
  return configFile;
}

describe('the README start command: the daemon on the embedded demo database', () => {
  let dir: string;
  let tcpPort: number;
  let daemon: RunningDaemon;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wazo-confgend-demo-'));
    const [tcp = 0, httpPort = 0] = await freePorts(2);
    tcpPort = tcp;
    const configFile = await relocatedDemoConfig(dir, tcpPort, httpPort);
    daemon = await startDaemonProcess(configFile, httpPort, { cwd: REPO_ROOT, env: { WAZO_CONFGEND_DEMO_DATA_DIR: join(dir, 'demo-pg') } });
  }, 180_000);

  afterAll(async () => {
    await daemon?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('serves a generated pjsip.conf over HTTP', async () => {
    const response = await fetch(`${daemon.httpUrl}/1.0/files/asterisk/pjsip.conf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-wazo-confgend-source')).toBe('generated');
    const text = await response.text();
    expect(text).toMatch(/^\[global\]$/m);
    // the demo dataset's lines and trunk, resolved through their templates
    expect(text.match(/^type = endpoint$/gm)?.length ?? 0).toBeGreaterThanOrEqual(4);
    expect(text).toMatch(/^type = registration$/m);
  });

  it('serves the same pjsip.conf to wazo-confgen, from the cache with --cached', async () => {
    const fresh = await (await fetch(`${daemon.httpUrl}/1.0/files/asterisk/pjsip.conf`)).text();
    const result = await fetchWithClient(tcpPort, 'asterisk/pjsip.conf', '--cached');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(fresh);
  });
});
