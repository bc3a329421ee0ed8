import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FileCache } from '../cache/file-cache.js';
import type { ConfgendConfig } from '../config/config-types.js';
import { DEFAULT_CONFIG } from '../config/defaults.js';
import { ConfgendError } from '../errors.js';
import { DriverRegistry } from '../loader/registry.js';
import { makeTempDir, writeDriverPackage } from '../test-helpers/temp-packages.js';
import { ConfgendService } from './confgend-service.js';
import type { GenerationEvent, SessionScope } from './types.js';
import type { Logger } from './logger.js';

/** Shared with the driver module below, which the registry imports for real. */
interface DriverState {
  constructed: Record<string, number>;
  generated: Record<string, number>;
  ctorReady: boolean;
  toggleFails: boolean;
  toggleContent: string;
}
const STATE_KEY = '__wazoConfgendServiceSpec';
const state = ((globalThis as Record<string, unknown>)[STATE_KEY] = {
  constructed: {},
  generated: {},
  ctorReady: false,
  toggleFails: false,
  toggleContent: 'v1',
}) as DriverState;

const DRIVERS_MODULE = `
const state = globalThis.${STATE_KEY};
const count = (table, name) => { table[name] = (table[name] ?? 0) + 1; };
const sleep = (ms, value) => new Promise((resolve) => setTimeout(() => resolve(value), ms));
export class Slow { constructor() { count(state.constructed, 'slow'); } async generate() { count(state.generated, 'slow'); return sleep(50, 'slow content'); } }
export class Quick { generate() { return 'quick content'; } }
export class Echo { constructor(config) { this.config = config; } generate() { return this.config.acme.greeting; } }
export class Throwing { generate() { throw new Error('database exploded'); } }
export class Rejecting { async generate() { throw new TypeError('bad row'); } }
export class Empty { generate() { return ''; } }
export class Null { generate() { return null; } }
export class Numeric { generate() { return 42; } }
export class Never { generate() { return new Promise(() => {}); } }
export class Late { generate() { count(state.generated, 'late'); return sleep(150, 'late content'); } }
export class BadConstructor { constructor() { throw new Error('constructor failed'); } generate() { return 'x'; } }
export class Flaky { constructor() { count(state.constructed, 'flaky'); if (!state.ctorReady) throw new Error('not ready'); } generate() { return 'ready'; } }
export class NoGenerate {}
export class Snapshot { async generate() { const seen = state.toggleContent; await sleep(80); return seen; } }
export class Toggle { generate() { if (state.toggleFails) throw new Error('toggle failed'); return state.toggleContent; } }
`;

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
  'test.late.conf': 'Late',
  'test.badctor.conf': 'BadConstructor',
  'test.flaky.conf': 'Flaky',
  'test.nogenerate.conf': 'NoGenerate',
  'test.toggle.conf': 'Toggle',
  'test.snapshot.conf': 'Snapshot',
};

function file(name: string): { resource: string; filename: string } {
  return { resource: 'test', filename: `${name}.conf` };
}

interface LogRecord {
  level: string;
  fields: Record<string, unknown>;
  message: string | undefined;
}

describe('ConfgendService', () => {
  let root = '';
  let cleanup: () => Promise<void> = async () => undefined;
  let registry: DriverRegistry;
  let cache: FileCache;
  let sessionRuns = 0;
  let logs: LogRecord[] = [];
  let events: GenerationEvent[] = [];

  const session: SessionScope = {
    run: (work) => {
      sessionRuns += 1;
      return work();
    },
  };
  const logger: Logger = Object.fromEntries(
    ['debug', 'info', 'warn', 'error'].map((level) => [
      level,
      (fields: object | string, message?: string) => logs.push({ level, fields: typeof fields === 'string' ? {} : (fields as Record<string, unknown>), message }),
    ]),
  ) as unknown as Logger;

  function serviceWith(overrides: Partial<ConfgendConfig> = {}, options: { session?: SessionScope; cache?: FileCache } = {}): ConfgendService {
    const plugins = Object.fromEntries(Object.keys(DRIVERS).map((namespace) => [namespace, 'test']));
    const config: ConfgendConfig = { ...DEFAULT_CONFIG, plugins, acme: { greeting: 'hello from config' }, ...overrides };
    return new ConfgendService({
      config,
      registry,
      cache: options.cache ?? cache,
      session: options.session ?? session,
      logger,
      onGeneration: (event) => events.push(event),
    });
  }

  beforeAll(async () => {
    ({ dir: root, cleanup } = await makeTempDir());
    await writeDriverPackage(join(root, 'drivers'), {
      name: 'test-drivers',
      drivers: Object.entries(DRIVERS).map(([namespace, exportName]) => ({ namespace, name: 'test', module: './drivers.js', export: exportName })),
      files: { 'drivers.js': DRIVERS_MODULE },
    });
    registry = await DriverRegistry.discover({ pluginPaths: [join(root, 'drivers')], pluginDir: join(root, 'none'), hostPackageDir: join(root, 'none') });
    expect(registry.problems).toEqual([]);
  });
  afterAll(() => cleanup());

  let cacheCount = 0;
  beforeEach(() => {
    cacheCount += 1;
    cache = new FileCache(join(root, `cache-${cacheCount}`));
    sessionRuns = 0;
    logs = [];
    events = [];
    state.constructed = {};
    state.generated = {};
    state.ctorReady = false;
    state.toggleFails = false;
    state.toggleContent = 'v1';
  });

  describe('plain requests', () => {
    it('generates inside the session scope, caches the result and returns it', async () => {
      const outcome = await serviceWith().generate(file('quick'));
      expect(outcome).toMatchObject({ status: 'generated', content: 'quick content' });
      expect(sessionRuns).toBe(1);
      expect(await cache.read(file('quick'))).toBe('quick content');
      expect(events).toEqual([{ key: 'test/quick.conf', namespace: 'test.quick.conf', outcome: 'generated', durationMs: expect.any(Number) }]);
    });

    it('builds the driver with the merged configuration, once per service', async () => {
      const service = serviceWith();
      expect(await service.generate(file('echo'))).toMatchObject({ content: 'hello from config' });
      await service.generate(file('slow'));
      await service.generate(file('slow'));
      expect(state.constructed['slow']).toBe(1);
      expect(state.generated['slow']).toBe(2);
    });

    it('serves the last good content when generate() throws, and says why', async () => {
      const service = serviceWith();
      state.toggleContent = 'good';
      await service.generate(file('toggle'));
      state.toggleFails = true;
      const outcome = await service.generate(file('toggle'));
      expect(outcome).toMatchObject({ status: 'cached', reason: 'fallback', content: 'good', error: { code: 'WCG_ERR_GENERATION_FAILED' } });
      const error = (outcome as { error: ConfgendError }).error;
      expect((error.cause as Error).message).toBe('toggle failed');
      expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', fields: expect.objectContaining({ code: 'WCG_ERR_GENERATION_FAILED', key: 'test/toggle.conf' }) }));
      expect(events.at(-1)).toMatchObject({ outcome: 'cached', errorCode: 'WCG_ERR_GENERATION_FAILED' });
    });

    it('fails with nothing to serve when generation fails and nothing is cached', async () => {
      const outcome = await serviceWith().generate(file('rejecting'));
      expect(outcome).toMatchObject({ status: 'failed', error: { code: 'WCG_ERR_GENERATION_FAILED' } });
      expect((outcome as { error: ConfgendError }).error.message).toContain('bad row');
      expect(await cache.read(file('rejecting'))).toBeNull();
    });

    it.each(['empty', 'null', 'numeric'])('treats a %s result as nothing generated and never caches it', async (name) => {
      const outcome = await serviceWith().generate(file(name));
      expect(outcome).toMatchObject({ status: 'failed', error: { code: 'WCG_ERR_GENERATION_EMPTY' } });
      await cache.write(file(name), 'previous');
      expect(await serviceWith().generate(file(name))).toMatchObject({ status: 'cached', reason: 'fallback', content: 'previous' });
      expect(await cache.read(file(name))).toBe('previous');
    });

    it('gives up after generation_timeout and falls back to the cache', async () => {
      await cache.write(file('never'), 'previous');
      const started = performance.now();
      const outcome = await serviceWith({ generation_timeout: 0.05 }).generate(file('never'));
      expect(outcome).toMatchObject({ status: 'cached', reason: 'fallback', content: 'previous', error: { code: 'WCG_ERR_GENERATION_TIMEOUT' } });
      expect(performance.now() - started).toBeLessThan(1000);
    });

    it('drops a result that arrives after the timeout instead of caching it', async () => {
      const outcome = await serviceWith({ generation_timeout: 0.02 }).generate(file('late'));
      expect(outcome).toMatchObject({ status: 'failed', error: { code: 'WCG_ERR_GENERATION_TIMEOUT' } });
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(state.generated['late']).toBe(1);
      expect(await cache.read(file('late'))).toBeNull();
    });

    it('falls back to the cache when the constructor throws (deviation: upstream answers nothing)', async () => {
      await cache.write(file('badctor'), 'previous');
      const outcome = await serviceWith().generate(file('badctor'));
      expect(outcome).toMatchObject({ status: 'cached', reason: 'fallback', content: 'previous', error: { code: 'WCG_ERR_DRIVER_CONSTRUCT' } });
      expect((outcome as { error: ConfgendError }).error.message).toContain('constructor failed');
    });

    it('retries a failed construction on the next request', async () => {
      const service = serviceWith();
      expect(await service.generate(file('flaky'))).toMatchObject({ status: 'failed', error: { code: 'WCG_ERR_DRIVER_CONSTRUCT' } });
      state.ctorReady = true;
      expect(await service.generate(file('flaky'))).toMatchObject({ status: 'generated', content: 'ready' });
      await service.generate(file('flaky'));
      expect(state.constructed['flaky']).toBe(2);
    });

    it('rejects a driver instance without generate()', async () => {
      expect(await serviceWith().generate(file('nogenerate'))).toMatchObject({ status: 'failed', error: { code: 'WCG_ERR_DRIVER_INVALID' } });
    });

    it('falls back to the cache when the selected driver is not installed', async () => {
      await cache.write(file('quick'), 'previous');
      const plugins = { 'test.quick.conf': 'acme' };
      const outcome = await serviceWith({ plugins }).generate(file('quick'));
      expect(outcome).toMatchObject({ status: 'cached', reason: 'fallback', error: { code: 'WCG_ERR_DRIVER_NOT_FOUND' } });
    });

    it('keeps the code of errors the session scope raises', async () => {
      const unavailable: SessionScope = {
        run: () => Promise.reject(new ConfgendError('WCG_ERR_DATABASE_UNAVAILABLE', 'connection refused')),
      };
      const outcome = await serviceWith({}, { session: unavailable }).generate(file('quick'));
      expect(outcome).toMatchObject({ status: 'failed', error: { code: 'WCG_ERR_DATABASE_UNAVAILABLE' } });
    });

    it('still returns the content when the cache cannot be written, and logs it', async () => {
      await writeFile(join(root, 'not-a-dir'), 'x');
      const outcome = await serviceWith({}, { cache: new FileCache(join(root, 'not-a-dir', 'cache')) }).generate(file('quick'));
      expect(outcome).toMatchObject({ status: 'generated', content: 'quick content' });
      expect(logs).toContainEqual(expect.objectContaining({ level: 'error', fields: expect.objectContaining({ code: 'WCG_ERR_CACHE_IO' }) }));
    });
  });

  describe('concurrency', () => {
    it('shares one generation between concurrent plain requests for the same file', async () => {
      const service = serviceWith();
      const outcomes = await Promise.all(Array.from({ length: 5 }, () => service.generate(file('slow'))));
      expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(5).fill('generated'));
      expect(state.constructed['slow']).toBe(1);
      expect(state.generated['slow']).toBe(1);
      expect(sessionRuns).toBe(1);
      await service.generate(file('slow'));
      expect(state.generated['slow']).toBe(2);
    });

    it('never makes one file wait for another', async () => {
      const service = serviceWith({ generation_timeout: 0.5 });
      const stuck = service.generate(file('never'));
      const started = performance.now();
      expect(await service.generate(file('quick'))).toMatchObject({ status: 'generated' });
      expect(performance.now() - started).toBeLessThan(400);
      expect(await stuck).toMatchObject({ status: 'failed', error: { code: 'WCG_ERR_GENERATION_TIMEOUT' } });
    });
  });

  describe('cached requests', () => {
    it('answers from the cache without touching the driver or the database', async () => {
      await cache.write(file('slow'), 'from cache');
      const outcome = await serviceWith().generate(file('slow'), { cached: true });
      expect(outcome).toEqual({ status: 'cached', content: 'from cache', reason: 'requested' });
      expect(sessionRuns).toBe(0);
      expect(state.constructed['slow']).toBeUndefined();
    });

    it('generates when nothing (or an empty file) is cached', async () => {
      expect(await serviceWith().generate(file('quick'), { cached: true })).toMatchObject({ status: 'generated' });
      await writeFile(cache.pathOf(file('quick')), '');
      expect(await serviceWith().generate(file('quick'), { cached: true })).toMatchObject({ status: 'generated' });
    });
  });

  describe('invalidate', () => {
    it('removes the cached content and generates nothing, even with cached', async () => {
      await cache.write(file('slow'), 'stale');
      const outcome = await serviceWith().generate(file('slow'), { invalidate: true, cached: true });
      expect(outcome).toEqual({ status: 'invalidated' });
      expect(await cache.read(file('slow'))).toBeNull();
      expect(sessionRuns).toBe(0);
      expect(await serviceWith().generate(file('slow'), { invalidate: true })).toEqual({ status: 'invalidated' });
    });

    it('neither shares nor caches a generation that an invalidation overtook', async () => {
      const service = serviceWith();
      const before = service.generate(file('snapshot'));
      await new Promise((resolve) => setTimeout(resolve, 10));
      state.toggleContent = 'v2';
      expect(await service.generate(file('snapshot'), { invalidate: true })).toEqual({ status: 'invalidated' });
      const after = await service.generate(file('snapshot'), { cached: true });
      expect(after).toMatchObject({ status: 'generated', content: 'v2' });
      expect(await before).toMatchObject({ status: 'generated', content: 'v1' });
      expect(await cache.read(file('snapshot'))).toBe('v2');
    });
  });

  describe('file whitelist', () => {
    it('answers unknown files with UNKNOWN_FILE without reading the cache', async () => {
      const unknown = { resource: 'asterisk', filename: 'sip.conf' };
      await cache.write(unknown, 'stale content of an unknown file');
      for (const options of [{}, { cached: true }, { invalidate: true }]) {
        expect(await serviceWith().generate(unknown, options)).toMatchObject({ status: 'failed', error: { code: 'WCG_ERR_UNKNOWN_FILE' } });
      }
      expect(await cache.read(unknown)).toBe('stale content of an unknown file');
      expect(events.map((event) => [event.namespace, event.errorCode])).toEqual(Array(3).fill(['', 'WCG_ERR_UNKNOWN_FILE']));
    });

    it('treats a namespace with no driver name as unknown', async () => {
      const outcome = await serviceWith({ plugins: { 'test.quick.conf': '' } }).generate(file('quick'));
      expect(outcome).toMatchObject({ status: 'failed', error: { code: 'WCG_ERR_UNKNOWN_FILE' } });
    });

    it('refuses a dotted resource that would alias another namespace', async () => {
      const outcome = await serviceWith({ plugins: { 'test.quick.conf': 'test' } }).generate({ resource: 'test.quick', filename: 'conf' });
      expect(outcome).toMatchObject({ status: 'failed', error: { code: 'WCG_ERR_UNKNOWN_FILE' } });
    });

    it('refuses unsafe keys', async () => {
      const outcome = await serviceWith().generate({ resource: '..', filename: 'quick.conf' });
      expect(outcome).toMatchObject({ status: 'failed', error: { code: 'WCG_ERR_INVALID_FILE_KEY' } });
      expect(events.at(-1)).toMatchObject({ key: '../quick.conf', namespace: '', outcome: 'failed', errorCode: 'WCG_ERR_INVALID_FILE_KEY' });
    });

    it('lists the files it can generate', () => {
      const service = serviceWith({ plugins: { 'asterisk.pjsip.conf': 'wazo', 'provd.network.yml': 'wazo', 'asterisk.sip.conf': '', nodot: 'x', 'a..': 'x' } });
      expect(service.knownFiles()).toEqual(['asterisk/pjsip.conf', 'provd/network.yml']);
    });
  });

  it('keeps serving when an onGeneration listener throws', async () => {
    const service = new ConfgendService({
      config: { ...DEFAULT_CONFIG, plugins: { 'test.quick.conf': 'test' } },
      registry,
      cache,
      session,
      logger,
      onGeneration: () => {
        throw new Error('listener broke');
      },
    });
    expect(await service.generate(file('quick'))).toMatchObject({ status: 'generated' });
    expect(await readFile(cache.pathOf(file('quick')), 'utf8')).toBe('quick content');
  });
});
