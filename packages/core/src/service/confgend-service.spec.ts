import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ContentStore } from '../cache/content-store.js';
import type { ConfgendConfig } from '../config/config-types.js';
import { DEFAULT_CONFIG } from '../config/defaults.js';
import { DriverRegistry } from '../loader/registry.js';
import { DriverRunner } from '../runner/worker-pool-runner.js';
import { makeTempDir, writeDriverPackage } from '../test-helpers/temp-packages.js';
import { ConfgendService } from './confgend-service.js';
import type { GenerateOutcome, GenerationEvent } from './types.js';
import type { Logger } from './logger.js';

/**
 * Drivers run in real generation threads, so they share no memory with this test: they count
 * and take their cues through files in `stateDir`.
 */
function driversModule(stateDir: string): string {
  return `
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
const state = ${JSON.stringify(stateDir)};
const count = (name) => appendFileSync(state + '/' + name, 'x');
const has = (name) => existsSync(state + '/' + name);
const read = (name) => readFileSync(state + '/' + name, 'utf8');
const sleep = (ms, value) => new Promise((resolve) => setTimeout(() => resolve(value), ms));
export class Slow { constructor() { count('constructed-slow'); } async generate() { count('generated-slow'); return sleep(100, 'slow content'); } }
export class Quick { generate() { return 'quick content'; } }
export class Echo { constructor(config) { this.config = config; } generate() { return this.config.acme.greeting; } }
export class Throwing { generate() { throw new Error('database exploded'); } }
export class Rejecting { async generate() { throw new TypeError('bad row'); } }
export class Empty { generate() { return ''; } }
export class Null { generate() { return null; } }
export class Numeric { generate() { return 42; } }
export class Never { generate() { return new Promise(() => {}); } }
export class BadConstructor { constructor() { throw new Error('constructor failed'); } generate() { return 'x'; } }
export class Flaky { constructor() { count('constructed-flaky'); if (!has('ready')) throw new Error('not ready'); } generate() { return 'ready'; } }
export class NoGenerate {}
export class Snapshot { async generate() { const seen = read('content'); count('snapshot-read'); await sleep(150); return seen; } }
export class Toggle { generate() { if (has('fails')) throw new Error('toggle failed'); return read('content'); } }
export class Unicode { generate() { return '[général]\\nnom = Hélène ☎\\n'; } }
`;
}

const DRIVERS: Record<string, string> = {
  'test.slow.conf': 'Slow',
  'test.quick.conf': 'Quick',
  'test.echo.conf': 'Echo',
  'test.throwing.conf': 'Throwing',
  'test.rejecting.conf': 'Rejecting',
  'test.empty.conf': 'Empty',
  'test.null.conf': 'Null',
  'test.numeric.conf': 'Numeric',
  'test.never.conf': 'Never',
  'test.badctor.conf': 'BadConstructor',
  'test.flaky.conf': 'Flaky',
  'test.nogenerate.conf': 'NoGenerate',
  'test.toggle.conf': 'Toggle',
  'test.snapshot.conf': 'Snapshot',
  'test.unicode.conf': 'Unicode',
};

function file(name: string): { resource: string; filename: string } {
  return { resource: 'test', filename: `${name}.conf` };
}

const text = (outcome: GenerateOutcome) => ('content' in outcome ? outcome.content.toString('utf8') : undefined);

interface LogRecord {
  level: string;
  fields: Record<string, unknown>;
  message: string | undefined;
}

describe('ConfgendService', () => {
  let root = '';
  let stateDir = '';
  let cleanup: () => Promise<void> = async () => undefined;
  let registry: DriverRegistry;
  let store: ContentStore;
  let logs: LogRecord[] = [];
  let events: GenerationEvent[] = [];
  const runners: DriverRunner[] = [];

  const logger: Logger = Object.fromEntries(
    ['debug', 'info', 'warn', 'error'].map((level) => [
      level,
      (fields: object | string, message?: string) => logs.push({ level, fields: typeof fields === 'string' ? {} : (fields as Record<string, unknown>), message }),
    ]),
  ) as unknown as Logger;

  const counted = async (name: string) => (await readFile(join(stateDir, name), 'utf8').catch(() => '')).length;
  const setState = (name: string, content: string) => writeFile(join(stateDir, name), content);
  /** Until the driver in its thread has read its snapshot (a thread may take a while to start). */
  const snapshotTaken = async () => {
    while ((await counted('snapshot-read')) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  function serviceWith(
    overrides: Partial<ConfgendConfig> = {},
    options: { store?: ContentStore; databaseUri?: string | null; inspectorModule?: string } = {},
  ): ConfgendService {
    const plugins = Object.fromEntries(Object.keys(DRIVERS).map((namespace) => [namespace, 'test']));
    const config: ConfgendConfig = { ...DEFAULT_CONFIG, plugins, acme: { greeting: 'hello from config' }, generation_timeout: 2, ...overrides };
    const runner = new DriverRunner({ config, sessionModule: null, inspectorModule: options.inspectorModule ?? null });
    runners.push(runner);
    return new ConfgendService({
      config,
      registry,
      store: options.store ?? store,
      runner,
      databaseUri: () => options.databaseUri ?? null,
      logger,
      onGeneration: (event) => events.push(event),
    });
  }

  beforeAll(async () => {
    ({ dir: root, cleanup } = await makeTempDir());
    stateDir = join(root, 'state');
    await writeDriverPackage(join(root, 'drivers'), {
      name: 'test-drivers',
      drivers: Object.entries(DRIVERS).map(([namespace, exportName]) => ({ namespace, name: 'test', module: './drivers.js', export: exportName })),
      files: { 'drivers.js': driversModule(stateDir) },
    });
    registry = await DriverRegistry.discover({ pluginPaths: [join(root, 'drivers')], pluginDir: join(root, 'none'), hostPackageDir: join(root, 'none') });
    expect(registry.problems).toEqual([]);
  });
  afterAll(() => cleanup());

  let storeCount = 0;
  beforeEach(async () => {
    storeCount += 1;
    store = new ContentStore(join(root, `cache-${storeCount}`));
    logs = [];
    events = [];
    await rm(stateDir, { recursive: true, force: true });
    await mkdir(stateDir, { recursive: true });
    await setState('content', 'v1');
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.close({ force: true })));
  });

  describe('plain requests', () => {
    it('generates in a thread, keeps the result as the last good content and returns it as bytes', async () => {
      const outcome = await serviceWith().generate(file('unicode'));
      expect(outcome.status).toBe('generated');
      expect(text(outcome)).toBe('[général]\nnom = Hélène ☎\n');
      expect((await store.get(file('unicode')))?.bytes.toString('utf8')).toBe('[général]\nnom = Hélène ☎\n');
      expect(await readFile(store.disk.pathOf(file('unicode')), 'utf8')).toBe('[général]\nnom = Hélène ☎\n');
    });

    it('writes the disk copy only when the bytes change', async () => {
      const service = serviceWith();
      await setState('content', 'same');
      await service.generate(file('toggle'));
      const path = store.disk.pathOf(file('toggle'));
      const { stat } = await import('node:fs/promises');
      const written = (await stat(path)).mtimeMs;
      await new Promise((resolve) => setTimeout(resolve, 20));
      await service.generate(file('toggle'));
      expect((await stat(path)).mtimeMs).toBe(written);
      await setState('content', 'changed');
      await service.generate(file('toggle'));
      expect(await readFile(path, 'utf8')).toBe('changed');
    });

    it('builds the driver with the merged configuration, once per thread', async () => {
      const service = serviceWith({ workers: { count: 1, heap_limit_mb: 256 } });
      expect(text(await service.generate(file('echo')))).toBe('hello from config');
      await service.generate(file('slow'));
      await service.generate(file('slow'));
      expect(await counted('constructed-slow')).toBe(1);
      expect(await counted('generated-slow')).toBe(2);
    });

    it('serves the last good content when generate() throws, and says why', async () => {
      const service = serviceWith();
      await setState('content', 'good');
      expect(await service.generate(file('toggle'))).toMatchObject({ status: 'generated' });
      await setState('fails', '');
      const outcome = await service.generate(file('toggle'));
      expect(outcome).toMatchObject({ status: 'cached', reason: 'fallback', error: { code: 'WCG_ERR_GENERATION_FAILED' } });
      expect(text(outcome)).toBe('good');
      expect(logs.some((log) => log.level === 'warn' && /serving the last good test\/toggle.conf: .*toggle failed/.test(log.message ?? ''))).toBe(true);
    });

    it('fails with nothing to serve when generation fails and nothing is cached', async () => {
      const service = serviceWith();
      for (const [name, code] of [
        ['throwing', 'WCG_ERR_GENERATION_FAILED'],
        ['rejecting', 'WCG_ERR_GENERATION_FAILED'],
        ['empty', 'WCG_ERR_GENERATION_EMPTY'],
        ['null', 'WCG_ERR_GENERATION_EMPTY'],
        ['numeric', 'WCG_ERR_GENERATION_EMPTY'],
      ] as const) {
        const outcome = await service.generate(file(name));
        expect(outcome).toMatchObject({ status: 'failed', error: { code } });
      }
      expect(logs.filter((log) => log.level === 'error')).toHaveLength(5);
      // expected failures log one line each, without a stack
      expect(logs.every((log) => !('err' in log.fields))).toBe(true);
    });

    it('stops the thread after generation_timeout and falls back to the cache', async () => {
      const cached = new ContentStore(join(root, `cache-never-${storeCount}`));
      await cached.put(file('never'), Buffer.from('old content'), 0);
      const started = performance.now();
      const outcome = await serviceWith({ generation_timeout: 0.3 }, { store: cached }).generate(file('never'));
      expect(outcome).toMatchObject({ status: 'cached', reason: 'fallback', error: { code: 'WCG_ERR_GENERATION_TIMEOUT' } });
      expect(text(outcome)).toBe('old content');
      expect(performance.now() - started).toBeLessThan(2_000);
    });

    it('falls back to the cache when the constructor throws (deviation: upstream answers nothing)', async () => {
      await store.put(file('badctor'), Buffer.from('previous'), 0);
      const outcome = await serviceWith().generate(file('badctor'));
      expect(outcome).toMatchObject({ status: 'cached', reason: 'fallback', error: { code: 'WCG_ERR_DRIVER_CONSTRUCT' } });
      expect(registry.list(serviceWith().config).find((driver) => driver.namespace === 'test.badctor.conf')?.problems).toEqual([
        expect.objectContaining({ code: 'WCG_ERR_DRIVER_CONSTRUCT' }),
      ]);
    });

    it('retries a failed construction on the next request', async () => {
      const service = serviceWith({ workers: { count: 1, heap_limit_mb: 256 } });
      expect(await service.generate(file('flaky'))).toMatchObject({ status: 'failed', error: { code: 'WCG_ERR_DRIVER_CONSTRUCT' } });
      await setState('ready', '');
      expect(text(await service.generate(file('flaky')))).toBe('ready');
      expect(await counted('constructed-flaky')).toBe(2);
    });

    it('rejects a driver instance without generate()', async () => {
      expect(await serviceWith().generate(file('nogenerate'))).toMatchObject({ status: 'failed', error: { code: 'WCG_ERR_DRIVER_INVALID' } });
    });

    it('falls back to the cache when the selected driver is not installed', async () => {
      await store.put(file('quick'), Buffer.from('cached quick'), 0);
      const service = serviceWith({ plugins: { 'test.quick.conf': 'absent' } });
      const outcome = await service.generate(file('quick'));
      expect(outcome).toMatchObject({ status: 'cached', reason: 'fallback', error: { code: 'WCG_ERR_DRIVER_NOT_FOUND' } });
    });

    it('still returns the content when the cache disk cannot be written, and logs it', async () => {
      await writeFile(join(root, 'a-file'), 'x');
      const broken = new ContentStore(join(root, 'a-file', 'cache'), { logger });
      const service = serviceWith({}, { store: broken });
      expect(text(await service.generate(file('quick')))).toBe('quick content');
      expect(logs.some((log) => log.level === 'error' && log.fields['code'] === 'WCG_ERR_CACHE_IO')).toBe(true);
      // the memory copy is served to a cached read
      expect(text(await service.generate(file('quick'), { cached: true }))).toBe('quick content');
    });
  });

  describe('concurrency', () => {
    it('shares one generation between concurrent plain requests for the same file', async () => {
      const service = serviceWith();
      const outcomes = await Promise.all([1, 2, 3].map(() => service.generate(file('slow'))));
      expect(outcomes.map(text)).toEqual(['slow content', 'slow content', 'slow content']);
      expect(await counted('generated-slow')).toBe(1);
    });

    it('never makes one file wait for another', async () => {
      const service = serviceWith({ generation_timeout: 2 });
      let neverSettled = false;
      const never = service.generate(file('never')).finally(() => (neverSettled = true));
      expect(text(await service.generate(file('quick')))).toBe('quick content');
      expect(neverSettled).toBe(false);
      await never;
    });
  });

  describe('cached requests', () => {
    it('answers from the last good content without running the driver', async () => {
      await store.put(file('slow'), Buffer.from('cached slow'), 0);
      const outcome = await serviceWith().generate(file('slow'), { cached: true });
      expect(outcome).toMatchObject({ status: 'cached', reason: 'requested' });
      expect(text(outcome)).toBe('cached slow');
      expect(await counted('generated-slow')).toBe(0);
    });

    it('generates when nothing is cached', async () => {
      expect(await serviceWith().generate(file('quick'), { cached: true })).toMatchObject({ status: 'generated' });
    });
  });

  describe('invalidate', () => {
    it('removes the cached content and generates nothing, even with cached', async () => {
      const service = serviceWith();
      await service.generate(file('quick'));
      expect(await service.generate(file('quick'), { invalidate: true, cached: true })).toEqual({ status: 'invalidated' });
      expect(await store.get(file('quick'))).toBeNull();
      expect(await readFile(store.disk.pathOf(file('quick'))).catch(() => null)).toBeNull();
    });

    it('neither shares nor caches a generation that an invalidation overtook', async () => {
      const service = serviceWith();
      await setState('content', 'before');
      const early = service.generate(file('snapshot'));
      await snapshotTaken();
      await setState('content', 'after');
      await service.generate(file('snapshot'), { invalidate: true });
      const late = service.generate(file('snapshot'));
      expect(text(await early)).toBe('before');
      expect(text(await late)).toBe('after');
      expect(text(await service.generate(file('snapshot'), { cached: true }))).toBe('after');
    });

    it('keeps its effect across services sharing the store, as a reload does', async () => {
      const first = serviceWith();
      await setState('content', 'before');
      const early = first.generate(file('snapshot'));
      await snapshotTaken();
      await first.generate(file('snapshot'), { invalidate: true });
      const reloaded = serviceWith();
      await setState('content', 'after');
      await early;
      expect(text(await reloaded.generate(file('snapshot'), { cached: true }))).toBe('after');
    });

    it('never lets a cached read return content from before the invalidation, even when the disk copy cannot be removed', async () => {
      const service = serviceWith();
      await setState('content', 'old');
      await service.generate(file('toggle'));
      // the directory is made read-only: unlink fails, the stale disk copy stays
      const { chmod } = await import('node:fs/promises');
      const dir = join(store.directory, 'test');
      await chmod(dir, 0o500);
      try {
        await setState('content', 'new');
        await service.generate(file('toggle'), { invalidate: true });
        expect(text(await service.generate(file('toggle'), { cached: true }))).toBe('new');
      } finally {
        await chmod(dir, 0o700);
      }
    });
  });

  describe('before a file replaces the last good one', () => {
    /** A host's check, run in the generation threads as the daemon's is. */
    const refuseBroken = async () => {
      const path = join(root, 'refuse-broken.mjs');
      await writeFile(
        path,
        "export const inspect = (_file, content) => content.toString().includes('broken') " +
          "? [{ line: 1, rule: 'option-before-section', message: 'an option before any [section]' }] : [];\n",
      );
      return pathToFileURL(path).href;
    };

    it('a file the check in its thread refuses is neither served nor kept: the last good one is, and the error names the line and rule', async () => {
      const service = serviceWith({}, { inspectorModule: await refuseBroken() });
      await setState('content', '[good]\n');
      await service.generate(file('toggle'));
      await setState('content', 'broken = yes\n');
      const outcome = await service.generate(file('toggle'));
      expect(outcome).toMatchObject({ status: 'cached', reason: 'fallback', error: { code: 'WCG_ERR_CONTENT_REJECTED' } });
      expect(text(outcome)).toBe('[good]\n');
      expect(outcome.status === 'cached' && outcome.error?.message).toContain('line 1: option-before-section: an option before any [section]');
      expect((await store.get(file('toggle')))?.bytes.toString()).toBe('[good]\n');
      expect(logs.some((log) => log.fields['code'] === 'WCG_ERR_CONTENT_REJECTED')).toBe(true);
    });

    it('serves the files unchecked_files names without the check', async () => {
      const service = serviceWith({ unchecked_files: ['test/toggle.conf'] }, { inspectorModule: await refuseBroken() });
      await setState('content', 'broken = on purpose\n');
      expect(text(await service.generate(file('toggle')))).toBe('broken = on purpose\n');
    });

    it('holds back a file that lost more sections than shrink_guard allows, until it is released', async () => {
      const service = serviceWith({ shrink_guard: { 'test/toggle.conf': 0.5 } });
      await setState('content', '[a]\n[b]\n[c]\n[d]\n');
      await service.generate(file('toggle'));
      await setState('content', '[a]\n[b]\n[c]\n');
      expect(await service.generate(file('toggle'))).toMatchObject({ status: 'generated' });
      await setState('content', '[a]\n');
      const held = await service.generate(file('toggle'));
      expect(held).toMatchObject({ status: 'cached', reason: 'fallback', error: { code: 'WCG_ERR_CONTENT_HELD' } });
      expect(held.status === 'cached' && held.error?.message).toMatch(/has 1 sections where the last good one has 3 \(67% lost, shrink_guard allows 50%\).*held\/release/);
      expect(text(held)).toBe('[a]\n[b]\n[c]\n');
      expect(service.heldContent(file('toggle'))?.toString()).toBe('[a]\n');
      expect(await service.releaseHeld(file('toggle'))).toEqual({ bytes: 4 });
      expect(text(await service.generate(file('toggle'), { cached: true }))).toBe('[a]\n');
      await expect(service.releaseHeld(file('toggle'))).rejects.toMatchObject({ code: 'WCG_ERR_UNKNOWN_FILE' });
    });

    it('keeps the last versions_kept distinct versions, across a restart, and previews without serving or keeping', async () => {
      const kept3 = new ContentStore(join(root, `cache-kept-${storeCount}`), { keepVersions: 3 });
      const service = serviceWith({}, { store: kept3 });
      for (const version of ['v1', 'v2', 'v2', 'v3', 'v4']) {
        await setState('content', version);
        await service.generate(file('toggle'));
      }
      const restarted = new ContentStore(kept3.directory, { keepVersions: 3 });
      const kept = await restarted.versions.list(file('toggle'));
      expect(await Promise.all(kept.map(async (version) => (await restarted.versions.read(file('toggle'), version.id)).toString()))).toEqual(['v4', 'v3', 'v2']);
      expect(kept.every((version) => version.trigger === 'request')).toBe(true);
      await setState('content', 'v5');
      expect((await service.preview(file('toggle'))).toString()).toBe('v5');
      expect(text(await service.generate(file('toggle'), { cached: true }))).toBe('v4');
      expect(await restarted.versions.list(file('toggle'))).toHaveLength(3);
    });

    it('remembers which version Asterisk took over TCP', async () => {
      const service = serviceWith();
      await setState('content', 'taken');
      const taken = await service.generate(file('toggle'));
      if (taken.status !== 'generated') throw new Error('not generated');
      service.noteServedOverTcp(file('toggle'), taken.content);
      await setState('content', 'newer');
      await service.generate(file('toggle'));
      const last = await store.lastTakenVersion(file('toggle'));
      expect(last && (await store.versions.read(file('toggle'), last.id)).toString()).toBe('taken');
    });
  });

  describe('file whitelist', () => {
    it('answers unknown files with UNKNOWN_FILE without reading the cache', async () => {
      const unknown = { resource: 'test', filename: 'unknown.conf' };
      await store.disk.write(unknown, Buffer.from('stale content of an unknown file'));
      expect(await serviceWith().generate(unknown)).toMatchObject({ status: 'failed', error: { code: 'WCG_ERR_UNKNOWN_FILE' } });
      expect(await serviceWith().generate(unknown, { cached: true })).toMatchObject({ status: 'failed', error: { code: 'WCG_ERR_UNKNOWN_FILE' } });
      expect(events.map((event) => [event.namespace, event.errorCode])).toEqual([
        ['', 'WCG_ERR_UNKNOWN_FILE'],
        ['', 'WCG_ERR_UNKNOWN_FILE'],
      ]);
    });

    it('treats a namespace with no driver name as unknown', async () => {
      const service = serviceWith({ plugins: { 'test.quick.conf': '' } });
      expect(await service.generate(file('quick'))).toMatchObject({ status: 'failed', error: { code: 'WCG_ERR_UNKNOWN_FILE' } });
    });

    it('refuses a dotted resource that would alias another namespace', async () => {
      const service = serviceWith({ plugins: { 'a.b.c': 'test' } });
      expect(await service.generate({ resource: 'a.b', filename: 'c' })).toMatchObject({ status: 'failed', error: { code: 'WCG_ERR_UNKNOWN_FILE' } });
    });

    it('refuses unsafe keys', async () => {
      for (const key of [{ resource: '..', filename: 'x' }, { resource: 'test', filename: '../x' }, { resource: '', filename: 'x' }]) {
        expect(await serviceWith().generate(key)).toMatchObject({ status: 'failed', error: { code: 'WCG_ERR_INVALID_FILE_KEY' } });
      }
    });

    it('lists the files it can generate', () => {
      const service = serviceWith({ plugins: { 'asterisk.pjsip.conf': 'wazo', 'asterisk.sip.conf': '', 'provd.network.yml': 'wazo' } });
      expect(service.knownFiles()).toEqual(['asterisk/pjsip.conf', 'provd/network.yml']);
    });
  });

  it('keeps serving when an onGeneration listener throws', async () => {
    const plugins = { 'test.quick.conf': 'test' };
    const config: ConfgendConfig = { ...DEFAULT_CONFIG, plugins };
    const runner = new DriverRunner({ config, sessionModule: null });
    runners.push(runner);
    const service = new ConfgendService({
      config,
      registry,
      store,
      runner,
      databaseUri: () => null,
      logger,
      onGeneration: () => {
        throw new Error('listener failed');
      },
    });
    expect(await service.generate(file('quick'))).toMatchObject({ status: 'generated' });
    expect(logs.some((log) => log.level === 'warn' && /onGeneration listener failed/.test(log.message ?? ''))).toBe(true);
  });
});
