import { mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestDatabase } from '@wazo-confgend/dao/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installInPluginDir, type DriverSpec } from './support/driver-packages.js';
import { openTestDatabase, startTestDaemon, tcpRequest, type TestDaemon } from './support/harness.js';

const plain = (body: string) => `export default class Driver {\n  constructor(config) { this.config = config; }\n  ${body}\n}\n`;

/** Third-party drivers an operator could install, each failing in its own way. */
const HOSTILE: DriverSpec[] = [
  { packageName: 'acme-spin', namespace: 'test.spin.conf', source: plain("generate() { const end = Date.now() + 10_000; while (Date.now() < end) {} return 'spun\\n'; }") },
  { packageName: 'acme-exit', namespace: 'test.exit.conf', source: plain('generate() { process.exit(7); }') },
  { packageName: 'acme-timer', namespace: 'test.timer.conf', source: plain("generate() { setTimeout(() => { throw new Error('boom from a timer'); }, 1); return new Promise((resolve) => setTimeout(() => resolve('late\\n'), 300)); }") },
  {
    packageName: 'acme-hang-after-query',
    namespace: 'test.hangquery.conf',
    withDao: true,
    source: `import { query } from '@wazo-confgend/dao';\n${plain("async generate() { await query('SELECT 1'); return new Promise(() => {}); }")}`,
  },
  { packageName: 'acme-upgraded', namespace: 'test.upgraded.conf', version: '1.0.0', source: plain("generate() { return 'version one\\n'; }") } as DriverSpec & { version: string },
  { packageName: 'acme-needs-dependency', namespace: 'test.needsdep.conf', source: `import 'acme-missing-dependency';\n${plain("generate() { return 'with its dependency\\n'; }")}` },
];

const text = async (port: number, request: string) => (await tcpRequest(port, [request])).text;

describe('third-party drivers that misbehave', () => {
  let database: TestDatabase;
  let daemon: TestDaemon;
  const pluginDir = () => join(daemon.dir, 'plugins');

  beforeAll(async () => {
    database = await openTestDatabase();
    daemon = await startTestDaemon({
      dbUri: database.url,
      installed: HOSTILE,
      config: { generation_timeout: 1.5, workers: { count: 4, heap_limit_mb: 512 } },
    });
  });
  afterAll(async () => {
    await daemon?.stop();
    await database?.drop();
  });

  it('a CPU-bound driver holds one thread: other files keep their latency, the timeout stops it, nothing of it is cached', async () => {
    const spinning = tcpRequest(daemon.tcpPort, ['test/spin.conf']);
    let done = false;
    void spinning.then(() => (done = true));
    const latencies: number[] = [];
    while (!done) {
      const started = performance.now();
      expect(await text(daemon.tcpPort, 'test/hello.conf')).toBe('Hello World!\n');
      latencies.push(performance.now() - started);
    }
    expect((await spinning).text).toBe('');
    latencies.sort((a, b) => a - b);
    expect(latencies.length).toBeGreaterThan(20);
    // generous: the point is that nothing waited for the 10 s loop
    expect(latencies.at(-1)).toBeLessThan(1_000);
    expect(daemon.logs.matching(/acme-spin@1\.0\.0: generating test\/spin\.conf took longer than generation_timeout/)).not.toHaveLength(0);
    expect(await text(daemon.tcpPort, 'test/spin.conf cached')).toBe('');
  });

  it('process.exit() and a throw from a timer end a thread, never the daemon; the log names the driver', async () => {
    for (const [file, message] of [
      ['exit', /acme-exit@1\.0\.0: generating test\/exit\.conf failed: its thread ended/],
      ['timer', /acme-timer@1\.0\.0: generating test\/timer\.conf failed: its thread ended: boom from a timer/],
    ] as const) {
      expect(await text(daemon.tcpPort, `test/${file}.conf`)).toBe('');
      expect(daemon.logs.matching(message), `${file}: ${daemon.logs.matching(file).map((line) => line.msg).join(' / ')}`).not.toHaveLength(0);
      expect(await text(daemon.tcpPort, 'test/hello.conf')).toBe('Hello World!\n');
    }
  });

  it('twenty drivers hung after their first query leave no connection behind: database files keep working', async () => {
    await Promise.all(Array.from({ length: 20 }, () => tcpRequest(daemon.tcpPort, ['test/hangquery.conf'])));
    expect(await text(daemon.tcpPort, 'test/sql.conf')).toBe('one=1 read_only=on\n');
    const { rows } = await database.execute('SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = $1 AND state = $2', [database.name, 'idle in transaction']);
    expect(rows[0]).toEqual({ open: 0 });
  });

  it('runs an upgraded driver after SIGHUP, and retries a driver whose dependency was installed since', async () => {
    expect(await text(daemon.tcpPort, 'test/upgraded.conf')).toBe('version one\n');
    expect(await text(daemon.tcpPort, 'test/needsdep.conf')).toBe('');
    await installInPluginDir(pluginDir(), {
      packageName: 'acme-upgraded',
      namespace: 'test.upgraded.conf',
      version: '2.0.0',
      source: plain("generate() { return 'version two\\n'; }"),
    });
    // the dependency the driver lacked, installed where npm would put it
    const dependency = join(pluginDir(), 'node_modules', 'acme-needs-dependency', 'node_modules', 'acme-missing-dependency');
    await mkdir(dependency, { recursive: true });
    await writeFile(join(dependency, 'package.json'), JSON.stringify({ name: 'acme-missing-dependency', version: '1.0.0', type: 'module', main: 'index.js' }));
    await writeFile(join(dependency, 'index.js'), 'export {};\n');
    expect(await daemon.daemon.reload()).toEqual({ ok: true });
    expect(await text(daemon.tcpPort, 'test/upgraded.conf')).toBe('version two\n');
    expect(await text(daemon.tcpPort, 'test/needsdep.conf')).toBe('with its dependency\n');
    const drivers = (await (await fetch(`${daemon.baseUrl}/1.0/drivers`)).json()) as { items: { packageName: string; packageVersion: string }[] };
    expect(drivers.items.find((driver) => driver.packageName === 'acme-upgraded')?.packageVersion).toBe('2.0.0');
  });

  it('never serves a cache file damaged behind its back, not even after a restart', async () => {
    expect(await text(daemon.tcpPort, 'test/hello.conf')).toBe('Hello World!\n');
    const cached = join(daemon.cacheDir, 'test', 'hello.conf');
    expect(await readFile(cached, 'utf8')).toBe('Hello World!\n');
    await truncate(cached, 5);
    const restarted = await startTestDaemon({ dbUri: database.url, config: { cache: daemon.cacheDir, plugins: { 'test.hello.conf': 'wazo' } } });
    try {
      // the damaged copy is refused and the file generated again
      const response = await fetch(`${restarted.baseUrl}/1.0/files/test/hello.conf?cached=true`);
      expect(response.headers.get('x-wazo-confgend-source')).toBe('generated');
      expect(await response.text()).toBe('Hello World!\n');
      expect(restarted.logs.matching(/hello\.conf is not served: it has 5 bytes where 13 were written/)).not.toHaveLength(0);
    } finally {
      await restarted.daemon.stop();
    }
  });
});

describe('a driver that allocates without bound', () => {
  let database: TestDatabase;
  let daemon: TestDaemon;

  beforeAll(async () => {
    database = await openTestDatabase();
    daemon = await startTestDaemon({
      dbUri: database.url,
      // small steps: V8 gives a thread only 16 MB past its limit to end cleanly (see docs/architecture.md)
      installed: [{ packageName: 'acme-hog', namespace: 'test.hog.conf', source: plain('generate() { const hoard = []; for (;;) hoard.push(new Array(1e5).fill(hoard.length)); }') }],
      config: { generation_timeout: 60, workers: { count: 2, heap_limit_mb: 128 } },
    });
  });
  afterAll(async () => {
    await daemon?.stop();
    await database?.drop();
  });

  it('ends its own thread at the heap limit, never the daemon; the log names it', async () => {
    expect(await text(daemon.tcpPort, 'test/hog.conf')).toBe('');
    const message = /acme-hog@1\.0\.0: generating test\/hog\.conf failed: it exceeded the heap limit of a generation thread \(workers\.heap_limit_mb: 128\)/;
    expect(daemon.logs.matching(message)).not.toHaveLength(0);
    expect(await text(daemon.tcpPort, 'test/hello.conf')).toBe('Hello World!\n');
  }, 90_000);
});
