import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConfgendConfig } from '../config/config-types.js';
import { DEFAULT_CONFIG } from '../config/defaults.js';
import type { DiscoveredDriver } from '../loader/discover.js';
import type { Logger } from '../service/logger.js';
import { discovered, makeTempDir, writeTree } from '../test-helpers/temp-packages.js';
import { DriverRunner } from './worker-pool-runner.js';

/** Drivers as a third party could write them: each misbehaves in its own way. */
const HOSTILE_DRIVERS = `
export class Quick { generate() { return 'quick'; } }
export class Spin { generate() { for (;;) {} } }
export class SpinFor { generate() { const end = Date.now() + 800; while (Date.now() < end) {} return 'spun'; } }
export class Exit { generate() { process.exit(3); } }
export class TimerThrow { generate() { setTimeout(() => { throw new Error('thrown from a timer'); }, 1); return new Promise((resolve) => setTimeout(() => resolve('late'), 200)); } }
export class ThrowAfter { generate() { setTimeout(() => { throw new Error('thrown after the answer'); }, 20); return 'answered'; } }
export class Hog { generate() { const hoard = []; for (;;) hoard.push(new Array(1e5).fill(hoard.length)); } }
export class Big { generate() { return 'x'.repeat(5 * 1024 * 1024 - 1) + '\\n'; } }
`;

describe('DriverRunner', () => {
  let root = '';
  let cleanup: () => Promise<void> = async () => undefined;
  const runners: DriverRunner[] = [];
  const errors: string[] = [];
  const logger = { debug() {}, info() {}, warn() {}, error: (_fields: unknown, message: string) => errors.push(message) } as unknown as Logger;

  const driver = (exportName: string, module = 'hostile.js'): DiscoveredDriver =>
    discovered(join(root, module), exportName, { packageName: 'acme-driver', packageVersion: '2.1.0', namespace: 'asterisk.acme.conf', name: exportName });
  const runnerWith = (overrides: Partial<ConfgendConfig> = {}): DriverRunner => {
    const runner = new DriverRunner({ config: { ...DEFAULT_CONFIG, workers: { count: 2, heap_limit_mb: 64 }, ...overrides }, sessionModule: null, logger });
    runners.push(runner);
    return runner;
  };
  const run = (runner: DriverRunner, exportName: string) => runner.run({ driver: driver(exportName), file: 'asterisk/acme.conf', dbUri: null });

  beforeAll(async () => {
    ({ dir: root, cleanup } = await makeTempDir());
    await writeTree(root, { 'package.json': { type: 'module' }, 'hostile.js': HOSTILE_DRIVERS });
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.close({ force: true })));
  });
  afterAll(() => cleanup());

  it('hands the content back as bytes, whole', async () => {
    const { bytes, sha256, problems } = await run(runnerWith(), 'Big');
    expect(bytes.length).toBe(5 * 1024 * 1024);
    expect(bytes.at(-1)).toBe(0x0a);
    expect(sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(problems).toEqual([]);
  });

  it('stops an endless loop at generation_timeout while other files keep being answered', async () => {
    const runner = runnerWith({ generation_timeout: 1.5 });
    const spinning = run(runner, 'Spin').catch((error: unknown) => error);
    const latencies: number[] = [];
    let settled = false;
    void spinning.then(() => (settled = true));
    while (!settled) {
      const started = performance.now();
      expect((await run(runner, 'Quick')).bytes.toString()).toBe('quick');
      latencies.push(performance.now() - started);
    }
    expect(await spinning).toMatchObject({
      code: 'WCG_ERR_GENERATION_TIMEOUT',
      message: expect.stringContaining('acme-driver@2.1.0: generating asterisk/acme.conf took longer than generation_timeout (1.5 s)'),
    });
    // the loop held one thread: the other kept answering all along
    expect(latencies.length).toBeGreaterThan(10);
    expect((await run(runner, 'Quick')).bytes.toString()).toBe('quick');
  });

  it('times out on CPU time spent in a synchronous loop, not only on a pending promise', async () => {
    await expect(run(runnerWith({ generation_timeout: 0.3 }), 'SpinFor')).rejects.toMatchObject({ code: 'WCG_ERR_GENERATION_TIMEOUT' });
  });

  it('survives a driver that calls process.exit(), and names it', async () => {
    const runner = runnerWith();
    await expect(run(runner, 'Exit')).rejects.toMatchObject({
      code: 'WCG_ERR_GENERATION_FAILED',
      message: expect.stringMatching(/^acme-driver@2\.1\.0: generating asterisk\/acme\.conf failed: its thread ended/),
    });
    expect((await run(runner, 'Quick')).bytes.toString()).toBe('quick');
  });

  it('survives a driver that throws from a timer, during or after its generation', async () => {
    const runner = runnerWith();
    await expect(run(runner, 'TimerThrow')).rejects.toMatchObject({ code: 'WCG_ERR_GENERATION_FAILED', message: expect.stringContaining('thrown from a timer') });
    expect((await run(runner, 'ThrowAfter')).bytes.toString()).toBe('answered');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(errors.some((message) => message.includes('thrown after the answer'))).toBe(true);
    expect((await run(runner, 'Quick')).bytes.toString()).toBe('quick');
  });

  it('fails a generation that exceeds the heap limit of its thread, and only that one', async () => {
    const runner = runnerWith({ generation_timeout: 60 });
    await expect(run(runner, 'Hog')).rejects.toMatchObject({
      code: 'WCG_ERR_GENERATION_FAILED',
      message: expect.stringContaining('exceeded the heap limit of a generation thread (workers.heap_limit_mb: 64)'),
    });
    expect((await run(runner, 'Quick')).bytes.toString()).toBe('quick');
  });

  it('runs upgraded driver code in a new runner, while the old one keeps its threads', async () => {
    await writeFile(join(root, 'versioned.js'), 'export class V { generate() { return "v1"; } }\n');
    const before = runnerWith({ workers: { count: 1, heap_limit_mb: 64 } });
    const versioned = { driver: driver('V', 'versioned.js'), file: 'asterisk/acme.conf', dbUri: null };
    expect((await before.run(versioned)).bytes.toString()).toBe('v1');
    await writeFile(join(root, 'versioned.js'), 'export class V { generate() { return "v2"; } }\n');
    expect((await before.run(versioned)).bytes.toString()).toBe('v1');
    expect((await runnerWith().run(versioned)).bytes.toString()).toBe('v2');
  });

  it('constructs a driver without generating, for check-config', async () => {
    const runner = runnerWith();
    await expect(runner.construct({ driver: driver('Spin'), file: 'asterisk/acme.conf' })).resolves.toBeUndefined();
    await expect(runner.construct({ driver: driver('Absent'), file: 'asterisk/acme.conf' })).rejects.toMatchObject({ code: 'WCG_ERR_DRIVER_INVALID' });
  });

  it('stops a generation in progress when closed by force, and refuses new ones once closing', async () => {
    const runner = runnerWith({ generation_timeout: 60 });
    const spinning = run(runner, 'Spin').catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await runner.close({ force: true });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await spinning).toBeInstanceOf(Error);
    const closing = runnerWith();
    void closing.close();
    await expect(run(closing, 'Quick')).rejects.toMatchObject({ code: 'WCG_ERR_GENERATION_FAILED', message: expect.stringContaining('reloading or stopping') });
  });
});
