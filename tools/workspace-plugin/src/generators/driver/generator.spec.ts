import { installPackagesTask, readJson } from '@nx/devkit';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import driverGenerator, { driverNames } from './generator.js';

// The real task runs npm install in the workspace: here, only whether the generator asks for it.
vi.mock('@nx/devkit', async (importOriginal) => ({ ...(await importOriginal<object>()), installPackagesTask: vi.fn() }));

const WORKSPACE_ROOT = resolve(import.meta.dirname, '../../../../..');
const PACKAGES = join(WORKSPACE_ROOT, 'packages');

describe('driverNames', () => {
  it('derives the package, directory and class from the namespace', () => {
    expect(driverNames('asterisk.foo.conf')).toEqual({
      namespace: 'asterisk.foo.conf',
      resource: 'asterisk',
      filename: 'foo.conf',
      directory: 'driver-asterisk-foo',
      packageName: '@wazo-confgend/driver-asterisk-foo',
      className: 'FooConfDriver',
      classFile: 'foo-conf-driver',
    });
  });

  it('accepts the full wazo_confgend. form, and names the resource of a non-Asterisk file in its class', () => {
    expect(driverNames('wazo_confgend.provd.network.yml')).toMatchObject({
      namespace: 'provd.network.yml',
      directory: 'driver-provd-network',
      className: 'ProvdNetworkYmlDriver',
      classFile: 'provd-network-yml-driver',
    });
  });

  it('rejects a namespace without a filename', () => {
    expect(() => driverNames('asterisk')).toThrow(/<resource>\.<filename>/);
  });
});

describe('driver generator', () => {
  let tree: Tree;
  const read = (path: string) => tree.read(`packages/driver-asterisk-foo/${path}`, 'utf8');

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    tree.write('tsconfig.json', JSON.stringify({ files: [], references: [{ path: './packages/core' }] }));
  });

  it('writes the manifest with the driver name, the class and the events', async () => {
    await driverGenerator(tree, { namespace: 'asterisk.foo.conf', name: 'acme', events: 'foo_edited, foo_deleted', parity: false });
    expect(readJson(tree, 'packages/driver-asterisk-foo/package.json').wazoConfgend).toEqual({
      apiVersion: 1,
      drivers: [{ namespace: 'asterisk.foo.conf', name: 'acme', module: './dist/index.js', export: 'FooConfDriver', events: ['foo_edited', 'foo_deleted'] }],
    });
    expect(read('src/index.ts')).toBe("export { FooConfDriver } from './foo-conf-driver.js';\n");
    expect(read('src/foo-conf-driver.ts')).toContain('export class FooConfDriver {');
    expect(read('test/foo-conf-driver.test.ts')).toContain("'[general]\\nread_only_session = on\\n'");
    expect(read('test/conformance.test.ts')).toContain('assertDriverPackage(resolve(import.meta.dirname, \'..\'))');
    expect(tree.exists('packages/driver-asterisk-foo/test/parity.test.ts')).toBe(false);
  });

  it('names the driver wazo with no events unless told otherwise, and adds the package to the root tsconfig', async () => {
    await driverGenerator(tree, { namespace: 'asterisk.foo.conf' });
    expect(readJson(tree, 'packages/driver-asterisk-foo/package.json').wazoConfgend.drivers[0]).toMatchObject({ name: 'wazo', events: [] });
    expect(readJson(tree, 'tsconfig.json').references).toEqual([{ path: './packages/core' }, { path: './packages/driver-asterisk-foo' }]);
  });

  it('writes the parity test when asked (by default: when upstream has a golden file)', async () => {
    await driverGenerator(tree, { namespace: 'asterisk.foo.conf', parity: true });
    expect(read('test/parity.test.ts')).toContain("generateFromFixture('dev', 'asterisk/foo.conf', FooConfDriver)");
  });

  it('needs neither dao nor PostgreSQL for a file made from configuration alone', async () => {
    await driverGenerator(tree, { namespace: 'asterisk.foo.conf', database: false });
    const pkg = readJson(tree, 'packages/driver-asterisk-foo/package.json');
    expect(pkg.peerDependencies).toEqual({ '@wazo-confgend/core': '^1.0.0' });
    expect(read('vitest.config.mts')).toContain('packageTestConfig(import.meta.dirname);');
    expect(read('src/foo-conf-driver.ts')).not.toContain('@wazo-confgend/dao');
  });

  it('writes a YAML file with the PyYAML dump, and names the resource in the class', async () => {
    await driverGenerator(tree, { namespace: 'provd.foo.yml', parity: false });
    expect(readJson(tree, 'packages/driver-provd-foo/package.json').dependencies).toEqual({ '@wazo-confgend/yaml-dump': '^1.0.0' });
    expect(tree.read('packages/driver-provd-foo/src/provd-foo-yml-driver.ts', 'utf8')).toContain('return safeDump({ read_only_session: readOnly });');
    expect(tree.read('packages/driver-provd-foo/test/provd-foo-yml-driver.test.ts', 'utf8')).toContain("toBe('read_only_session: \\'on\\'\\n')");
  });

  it('links the package with npm install afterwards, unless told to skip it', async () => {
    vi.mocked(installPackagesTask).mockClear();
    (await driverGenerator(tree, { namespace: 'asterisk.foo.conf', skipInstall: true }))();
    expect(installPackagesTask).not.toHaveBeenCalled();
    (await driverGenerator(tree, { namespace: 'asterisk.bar.conf' }))();
    expect(installPackagesTask).toHaveBeenCalledWith(tree, true);
  });

  it('refuses to overwrite an existing package', async () => {
    tree.write('packages/driver-asterisk-foo/package.json', '{}');
    await expect(driverGenerator(tree, { namespace: 'asterisk.foo.conf' })).rejects.toThrow(/already exists/);
  });
});

interface PackageJson {
  name: string;
  description?: string;
  files: string[];
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  wazoConfgend: { drivers: { namespace: string; name: string; export: string; events?: string[] }[] };
  [key: string]: unknown;
}

const firstPartyDrivers = readdirSync(PACKAGES).filter((dir) => dir.startsWith('driver-') && existsSync(join(PACKAGES, dir, 'package.json')));

describe.each(firstPartyDrivers)('the generator and packages/%s', (dir) => {
  const real = (path: string) => readFileSync(join(PACKAGES, dir, path), 'utf8');
  const realPkg = JSON.parse(real('package.json')) as PackageJson;
  const [driver] = realPkg.wazoConfgend.drivers;
  const names = driverNames(driver?.namespace ?? '');

  const generate = async () => {
    const tree = createTreeWithEmptyWorkspace();
    await driverGenerator(tree, {
      namespace: driver?.namespace ?? '',
      name: driver?.name ?? 'wazo',
      description: realPkg.description ?? '',
      events: driver?.events ?? [],
      dependencies: Object.keys(realPkg.dependencies ?? {}),
      database: '@wazo-confgend/dao' in (realPkg.peerDependencies ?? {}),
      parity: existsSync(join(PACKAGES, dir, 'test', 'parity.test.ts')),
      skipInstall: true,
    });
    return (path: string) => tree.read(`packages/${names.directory}/${path}`, 'utf8') ?? '';
  };

  it('has the directory, package name and driver file the namespace gives', () => {
    expect(names.directory).toBe(dir);
    expect(realPkg.name).toBe(names.packageName);
    expect(existsSync(join(PACKAGES, dir, 'src', `${names.classFile}.ts`)), `src/${names.classFile}.ts`).toBe(true);
    expect(driver?.export).toBe(names.className);
  });

  it('has the package.json the generator writes, but for the files it ships beside dist/', async () => {
    const generated = JSON.parse((await generate())('package.json')) as PackageJson;
    // The events are the driver's own (a package that declares none yet has no key).
    if (driver?.events === undefined) delete generated.wazoConfgend.drivers[0]?.events;
    // A driver that reads operator-overridable templates ships them: that entry is its own.
    expect({ ...realPkg, files: realPkg.files.filter((entry) => entry !== 'templates') }).toEqual(generated);
  });

  it.each(['tsconfig.json', 'tsconfig.lib.json', 'tsconfig.spec.json'])('has the %s the generator writes', async (file) => {
    expect(JSON.parse(real(file))).toEqual(JSON.parse((await generate())(file)));
  });

  it('has the vitest.config.mts the generator writes', async () => {
    expect(real('vitest.config.mts')).toBe((await generate())('vitest.config.mts'));
  });

  it('has the conformance test the generator writes', async () => {
    expect(real('test/conformance.test.ts')).toBe((await generate())('test/conformance.test.ts'));
  });
});
