import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createTestDatabase, type TestDatabase } from '@wazo-confgend/dao/testing';
import { Daemon, type DaemonOptions } from '../../src/index.js';
import { installInPluginDir, TEST_DRIVERS, writeDriverPackage, type DriverSpec } from './driver-packages.js';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** Collects the daemon's console log lines (JSON) for assertions. */
export class LogCapture {
  readonly lines: LogLine[] = [];
  readonly stream = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      for (const text of chunk.toString('utf8').split('\n')) {
        if (text.trim() !== '') this.lines.push(JSON.parse(text) as LogLine);
      }
      done();
    },
  });

  matching(pattern: RegExp | string): LogLine[] {
    return this.lines.filter((line) => (typeof pattern === 'string' ? line.msg.includes(pattern) : pattern.test(line.msg)));
  }
}

/** A port nothing listens on (bound then released). */
export function closedPort(): Promise<number> {
  const server = createServer();
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    }),
  );
}

export async function unreachableDbUri(): Promise<string> {
  return `postgresql://asterisk:secret@127.0.0.1:${await closedPort()}/asterisk`;
}

/** A throw-away database, or `null` (with the reason) when no PostgreSQL can be had. */
/** A throw-away database on the test server (WAZO_CONFGEND_TEST_DB_URL, else the embedded one). */
export function openTestDatabase(): Promise<TestDatabase> {
  return createTestDatabase({ schema: { kind: 'empty' } });
}

export interface TestDaemonOptions {
  dbUri: string;
  /** Merged over the base configuration (top-level keys replace). */
  config?: Record<string, unknown>;
  tcp?: DaemonOptions['tcp'];
  /** Driver packages installed in the plugin directory, as an operator's `npm install --prefix` does. */
  installed?: readonly DriverSpec[];
}

export interface TestDaemon {
  daemon: Daemon;
  dir: string;
  configFile: string;
  cacheDir: string;
  tcpPort: number;
  baseUrl: string;
  logs: LogCapture;
  stop(): Promise<void>;
}

export const TEST_PLUGINS = {
  'test.hello.conf': 'wazo',
  'test.throws.conf': 'wazo',
  'test.empty.conf': 'wazo',
  'test.hangs.conf': 'wazo',
  'test.broken.conf': 'wazo',
  'test.flaky.conf': 'wazo',
  'test.slow.conf': 'wazo',
  'test.sql.conf': 'wazo',
  'test.write.conf': 'wazo',
  'test.twin.conf': 'wazo',
  'test.missing.conf': 'wazo',
};

/** A working directory with driver packages, a config file and a cache; the daemon not started. */
export async function prepareWorkspace(options: TestDaemonOptions): Promise<{ dir: string; configFile: string; config: Record<string, unknown> }> {
  const dir = await mkdtemp(join(tmpdir(), 'wazo-confgend-server-'));
  const pluginRoot = join(dir, 'drivers');
  const pluginPaths = await Promise.all(TEST_DRIVERS.map((spec) => writeDriverPackage(pluginRoot, spec)));
  const pluginDir = join(dir, 'plugins');
  await mkdir(pluginDir, { recursive: true });
  await writeFile(join(pluginDir, 'package.json'), '{"name": "wazo-confgend-plugins", "private": true, "dependencies": {}}\n');
  for (const spec of options.installed ?? []) await installInPluginDir(pluginDir, spec);
  await mkdir(join(dir, 'conf.d'), { recursive: true });
  const config: Record<string, unknown> = {
    extra_config_files: join(dir, 'conf.d'),
    cache: join(dir, 'cache'),
    log_filename: join(dir, 'log', 'wazo-confgend.log'),
    db_uri: options.dbUri,
    listen_address: '127.0.0.1',
    rest_api: { enabled: true, listen: '127.0.0.1', port: 8670 },
    plugin_dir: pluginDir,
    plugin_paths: pluginPaths,
    plugins: { ...TEST_PLUGINS, ...Object.fromEntries((options.installed ?? []).map((spec) => [spec.namespace, spec.name ?? 'wazo'])) },
    generation_timeout: 3,
    // two threads are enough for these tests, and boot twice as fast as the default four
    workers: { count: 2, heap_limit_mb: 512 },
    slow_ms: 2000,
    flaky_marker: join(dir, 'flaky-marker'),
    ...options.config,
  };
  const configFile = join(dir, 'config.yml');
  // JSON is YAML
  await writeFile(configFile, `${JSON.stringify(config, null, 2)}\n`);
  return { dir, configFile, config };
}

/** A real daemon on ephemeral ports of 127.0.0.1 with the test drivers. */
export async function startTestDaemon(options: TestDaemonOptions): Promise<TestDaemon> {
  const { dir, configFile, config } = await prepareWorkspace(options);
  const logs = new LogCapture();
  const daemon = await Daemon.start({
    configFile,
    console: { out: logs.stream, err: logs.stream },
    listen: { tcpPort: 0, httpPort: 0 },
    tcp: { idleTimeoutMs: 1_000, ...options.tcp },
    databaseRetryDelaysMs: [200],
    demoDataDir: join(dir, 'no-demo'),
  });
  if (options.dbUri && !(await waitFor(() => daemon.database.state !== 'connecting', 10_000))) {
    throw new Error('the database connection attempt did not finish');
  }
  return {
    daemon,
    dir,
    configFile,
    cacheDir: config['cache'] as string,
    tcpPort: daemon.tcpAddress.port,
    baseUrl: `http://127.0.0.1:${daemon.httpAddress?.port}`,
    logs,
    stop: async () => {
      await daemon.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

export interface TcpExchange {
  data: Buffer;
  text: string;
  elapsedMs: number;
}

/**
 * One legacy-protocol exchange: writes `parts` (with `gapMs` between them; each part is its own
 * TCP segment), optionally half-closes, and reads until the server closes.
 */
export function tcpRequest(port: number, parts: readonly (string | Buffer)[], options: { gapMs?: number; halfClose?: boolean } = {}): Promise<TcpExchange> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', noDelay: true });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const data = Buffer.concat(chunks);
      resolve({ data, text: data.toString('utf8'), elapsedMs: performance.now() - started });
    });
    socket.on('connect', async () => {
      for (const [index, part] of parts.entries()) {
        if (index > 0 && options.gapMs) await new Promise((wait) => setTimeout(wait, options.gapMs));
        socket.write(part);
      }
      if (options.halfClose) socket.end();
    });
  });
}
