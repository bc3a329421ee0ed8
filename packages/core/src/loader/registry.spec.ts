import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConfgendConfig } from '../config/config-types.js';
import { DEFAULT_CONFIG } from '../config/defaults.js';
import { ConfgendError } from '../errors.js';
import { makeTempDir, writeDriverPackage, writeTree } from '../test-helpers/temp-packages.js';
import { importDriver } from './load-driver.js';
import { DriverRegistry } from './registry.js';

function configWith(plugins: Record<string, string>): ConfgendConfig {
  return { ...DEFAULT_CONFIG, plugins };
}

describe('DriverRegistry', () => {
  let root = '';
  let cleanup: () => Promise<void> = async () => undefined;
  let pluginDir = '';
  let hostDir = '';

  beforeEach(async () => {
    ({ dir: root, cleanup } = await makeTempDir());
    pluginDir = join(root, 'plugins');
    hostDir = join(root, 'host');
    await writeTree(root, { 'host/package.json': { name: 'host', dependencies: {} } });
  });
  afterEach(() => cleanup());

  async function installInPluginDir(names: string[]): Promise<void> {
    await writeTree(pluginDir, { 'package.json': { dependencies: Object.fromEntries(names.map((name) => [name, '*'])) } });
  }
  async function installInHost(names: string[]): Promise<void> {
    await writeTree(hostDir, { 'package.json': { name: 'host', dependencies: Object.fromEntries(names.map((name) => [name, '*'])) } });
  }
  function discover(pluginPaths: string[] = []): Promise<DriverRegistry> {
    return DriverRegistry.discover({ pluginPaths, pluginDir, hostPackageDir: hostDir });
  }

  it('finds a driver installed in the plugin directory and runs the seed example unchanged', async () => {
    await installInPluginDir(['wazo-confgend-driversample']);
    await writeDriverPackage(join(pluginDir, 'node_modules/wazo-confgend-driversample'), {
      name: 'wazo-confgend-driversample',
      drivers: [{ namespace: 'wazo_confgend.asterisk.sip.conf', name: 'my_driver', export: 'MyDriver' }],
    });
    const registry = await discover();
    expect(registry.problems).toEqual([]);
    const selected = registry.select('asterisk.sip.conf', configWith({ 'asterisk.sip.conf': 'my_driver' }));
    expect(selected).toMatchObject({ packageName: 'wazo-confgend-driversample', origin: 'plugin_dir', exportName: 'MyDriver' });
    const Driver = await importDriver(selected);
    expect(new Driver(DEFAULT_CONFIG).generate()).toBe('Hello World!');
  });

  it('has nothing and reports nothing when the plugin directory does not exist', async () => {
    const registry = await discover();
    expect(registry.drivers()).toEqual([]);
    expect(registry.problems).toEqual([]);
  });

  it('prefers plugin_paths over the plugin directory, and the plugin directory over the host', async () => {
    await installInPluginDir(['drv']);
    await installInHost(['drv', 'host-only']);
    await writeDriverPackage(join(root, 'dev/drv'), { name: 'drv', version: '3.0.0' });
    await writeDriverPackage(join(pluginDir, 'node_modules/drv'), { name: 'drv', version: '2.0.0' });
    await writeDriverPackage(join(hostDir, 'node_modules/drv'), { name: 'drv', version: '1.0.0' });
    await writeDriverPackage(join(hostDir, 'node_modules/host-only'), {
      name: 'host-only',
      drivers: [{ namespace: 'asterisk.pjsip.conf', name: 'wazo', export: 'MyDriver' }],
    });

    const fromPluginDir = await discover();
    expect(fromPluginDir.problems).toEqual([]);
    expect(fromPluginDir.drivers().map((driver) => [driver.packageName, driver.packageVersion, driver.origin])).toEqual([
      ['drv', '2.0.0', 'plugin_dir'],
      ['host-only', '1.0.0', 'host'],
    ]);
    const fromPluginPaths = await discover([join(root, 'dev/drv')]);
    expect(fromPluginPaths.drivers()[0]).toMatchObject({ packageVersion: '3.0.0', origin: 'plugin_paths' });
    expect(fromPluginPaths.drivers()).toHaveLength(2);
  });

  it('resolves packages whose exports hide package.json behind a wildcard', async () => {
    await installInHost(['wildcard']);
    await writeDriverPackage(join(hostDir, 'node_modules/wildcard'), { name: 'wildcard' });
    // like typeorm: "./*" maps to "./*.js", so resolving "wildcard/package.json" fails
    await writeTree(hostDir, {
      'node_modules/wildcard/package.json': {
        name: 'wildcard',
        version: '1.0.0',
        type: 'module',
        exports: { './*': './*.js' },
        wazoConfgend: { apiVersion: 1, drivers: [{ namespace: 'asterisk.sip.conf', name: 'my_driver', module: './index.js', export: 'MyDriver' }] },
      },
    });
    const registry = await discover();
    expect(registry.drivers().map((driver) => driver.packageName)).toEqual(['wildcard']);
  });

  it('warns about plugin-directory packages without a manifest and ignores such host dependencies silently', async () => {
    await installInPluginDir(['not-a-driver']);
    await installInHost(['also-not-a-driver']);
    await writeTree(pluginDir, { 'node_modules/not-a-driver/package.json': { name: 'not-a-driver', version: '1.0.0' } });
    await writeTree(hostDir, { 'node_modules/also-not-a-driver/package.json': { name: 'also-not-a-driver', version: '1.0.0' } });
    const registry = await discover();
    expect(registry.problems).toEqual([]);
    expect(registry.warnings.map((warning) => warning.message)).toEqual([
      expect.stringContaining('not-a-driver@1.0.0 (plugin_dir) has no "wazoConfgend" field'),
    ]);
  });

  it('reports a plugin-directory dependency that is not installed, with the install command', async () => {
    await installInPluginDir(['never-installed']);
    const registry = await discover();
    expect(registry.problems).toHaveLength(1);
    expect(registry.problems[0]).toMatchObject({ code: 'WCG_ERR_DRIVER_NOT_FOUND' });
    expect(registry.problems[0]?.message).toContain(`npm install --prefix ${pluginDir} never-installed`);
  });

  it('keeps the good packages when others are incompatible or invalid', async () => {
    await installInPluginDir(['good', 'future-api', 'needs-core-9', 'broken-manifest']);
    await writeDriverPackage(join(pluginDir, 'node_modules/good'), { name: 'good', coreRange: '^1.0.0' });
    await writeDriverPackage(join(pluginDir, 'node_modules/future-api'), { name: 'future-api', apiVersion: 2, drivers: [{ namespace: 'a.b', name: 'x' }] });
    await writeDriverPackage(join(pluginDir, 'node_modules/needs-core-9'), { name: 'needs-core-9', coreRange: '^9.0.0', drivers: [{ namespace: 'a.c', name: 'x' }] });
    await writeDriverPackage(join(pluginDir, 'node_modules/broken-manifest'), { name: 'broken-manifest', manifest: { apiVersion: 1, drivers: 'nope' } });
    const registry = await discover();
    expect(registry.drivers().map((driver) => driver.packageName)).toEqual(['good']);
    expect(registry.problems.map((problem) => [problem.code, problem.details['packageName']])).toEqual([
      ['WCG_ERR_DRIVER_INCOMPATIBLE', 'future-api'],
      ['WCG_ERR_DRIVER_INCOMPATIBLE', 'needs-core-9'],
      ['WCG_ERR_MANIFEST_INVALID', 'broken-manifest'],
    ]);
  });

  it('says a selected driver of an incompatible package is incompatible, not missing', async () => {
    await installInPluginDir(['needs-core-9']);
    await writeDriverPackage(join(pluginDir, 'node_modules/needs-core-9'), {
      name: 'needs-core-9',
      coreRange: '^9.0.0',
      drivers: [{ namespace: 'asterisk.sip.conf', name: 'nine' }],
    });
    const registry = await discover();
    let thrown: unknown;
    try {
      registry.select('asterisk.sip.conf', configWith({ 'asterisk.sip.conf': 'nine' }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'WCG_ERR_DRIVER_INCOMPATIBLE', details: { packageName: 'needs-core-9', namespace: 'asterisk.sip.conf', requested: 'nine' } });
    expect((thrown as Error).message).toMatch(/^driver "nine" for asterisk\.sip\.conf is installed but cannot run here: needs-core-9@\S+ requires @wazo-confgend\/core \^9\.0\.0/);
    // another name of that namespace is still simply not installed
    expect(() => registry.select('asterisk.sip.conf', configWith({ 'asterisk.sip.conf': 'other' }))).toThrow(expect.objectContaining({ code: 'WCG_ERR_DRIVER_NOT_FOUND' }));
  });

  it('rejects a module that a symlink leads outside its package', async () => {
    const packageDir = join(pluginDir, 'node_modules/escaper');
    await installInPluginDir(['escaper']);
    await writeDriverPackage(packageDir, { name: 'escaper', drivers: [{ namespace: 'asterisk.sip.conf', name: 'my_driver', module: './link.js' }] });
    await writeFile(join(root, 'outside.js'), 'export default class { generate() { return "x"; } }\n');
    await symlink(join(root, 'outside.js'), join(packageDir, 'link.js'));
    const registry = await discover();
    expect(registry.drivers()).toEqual([]);
    expect(registry.problems[0]).toMatchObject({ code: 'WCG_ERR_MANIFEST_INVALID', details: { jsonPath: 'wazoConfgend.drivers[0].module' } });
    expect(registry.problems[0]?.message).toContain('outside the package');
  });

  describe('with two packages providing the same driver', () => {
    beforeEach(async () => {
      await installInPluginDir(['first', 'second']);
      await writeDriverPackage(join(pluginDir, 'node_modules/first'), {
        name: 'first',
        drivers: [
          { namespace: 'asterisk.sip.conf', name: 'my_driver', export: 'MyDriver' },
          { namespace: 'asterisk.pjsip.conf', name: 'first-only', export: 'MyDriver' },
        ],
      });
      await writeDriverPackage(join(pluginDir, 'node_modules/second'), { name: 'second', version: '2.0.0' });
    });

    it('reports a conflict naming both packages and refuses to select either', async () => {
      const registry = await discover();
      const conflict = registry.problems.find((problem) => problem.code === 'WCG_ERR_DRIVER_CONFLICT');
      expect(conflict?.message).toContain('first@1.0.0');
      expect(conflict?.message).toContain('second@2.0.0');
      expect(() => registry.select('asterisk.sip.conf', configWith({ 'asterisk.sip.conf': 'my_driver' }))).toThrow(
        expect.objectContaining({ code: 'WCG_ERR_DRIVER_CONFLICT' }),
      );
    });

    it('keeps the other drivers of those packages working', async () => {
      const registry = await discover();
      const config = configWith({ 'asterisk.pjsip.conf': 'first-only', 'asterisk.sip.conf': 'my_driver' });
      expect(registry.select('asterisk.pjsip.conf', config).packageName).toBe('first');
      const listing = registry.list(config);
      expect(listing.map((driver) => [driver.packageName, driver.name, driver.selected, driver.problems.map((problem) => problem.code)])).toEqual([
        ['first', 'my_driver', false, ['WCG_ERR_DRIVER_CONFLICT']],
        ['first', 'first-only', true, []],
        ['second', 'my_driver', false, ['WCG_ERR_DRIVER_CONFLICT']],
      ]);
    });
  });

  it('explains a driver that is not installed: namespace, requested, installed names and how to install', async () => {
    await installInPluginDir(['drv']);
    await writeDriverPackage(join(pluginDir, 'node_modules/drv'), { name: 'drv', version: '1.2.3' });
    const registry = await discover();
    const error: unknown = (() => {
      try {
        return registry.select('asterisk.sip.conf', configWith({ 'asterisk.sip.conf': 'acme' }));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toMatchObject({ code: 'WCG_ERR_DRIVER_NOT_FOUND', details: { namespace: 'asterisk.sip.conf', requested: 'acme' } });
    expect((error as Error).message).toContain('no driver "acme" is installed for asterisk.sip.conf (installed: my_driver (drv@1.2.3))');
    expect((error as Error).message).toContain(`npm install --prefix ${pluginDir} <package>`);
  });

  it('refuses to select a namespace the configuration gives no driver', async () => {
    const registry = await discover();
    expect(() => registry.select('asterisk.sip.conf', configWith({}))).toThrow(expect.objectContaining({ code: 'WCG_ERR_UNKNOWN_FILE' }));
  });

  it("lists the package problem of a driver's last run until a run succeeds", async () => {
    await installInPluginDir(['drv']);
    const packageDir = join(pluginDir, 'node_modules/drv');
    await writeDriverPackage(packageDir, { name: 'drv', drivers: [{ namespace: 'asterisk.sip.conf', name: 'my_driver', module: './later.js' }] });
    const registry = await discover();
    const [driver] = registry.drivers();
    if (!driver) throw new Error('driver not discovered');
    const failure = await importDriver(driver).catch((error: unknown) => error);
    registry.noteRun(driver, failure);
    expect(registry.list(configWith({}))[0]?.problems.map((problem) => problem.code)).toEqual(['WCG_ERR_DRIVER_LOAD']);
    // a failure of the generation itself says nothing about the package
    registry.noteRun(driver, new ConfgendError('WCG_ERR_GENERATION_FAILED', 'query failed'));
    expect(registry.list(configWith({}))[0]?.problems.map((problem) => problem.code)).toEqual(['WCG_ERR_DRIVER_LOAD']);
    registry.noteRun(driver, null);
    expect(registry.list(configWith({}))[0]?.problems).toEqual([]);
  });
});
